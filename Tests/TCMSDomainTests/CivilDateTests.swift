import Foundation
import XCTest

@testable import TCMSDomain

final class CivilDateTests: XCTestCase {
    func testCivilDateParsesRealDates() {
        XCTAssertEqual(CivilDate("2026-03-01"), CivilDate(year: 2026, month: 3, day: 1))
        XCTAssertEqual(CivilDate("2000-02-29")?.day, 29)
        XCTAssertEqual(CivilDate("1999-12-31")?.description, "1999-12-31")
        XCTAssertEqual(CivilDate("0001-01-01")?.year, 1)
    }

    func testCivilDateRejectsImpossibleAndMalformed() {
        let inputs = [
            "1900-02-29", "2023-02-29", "2026-04-31", "2026-00-10", "2026-13-01", "2026-01-00",
            "2026-01-32", "2026-3-01", "2026-03-1", "20260301", "2026/03/01", " 2026-03-01",
            "2026-03-01T00:00", "２026-03-01", "0000-01-01", "",
        ]
        for input in inputs {
            XCTAssertNil(CivilDate(input), input)
        }
    }

    func testCivilDateParseThrowsInvalidDate() {
        let error = violation { () throws(DomainViolation) in try CivilDate.parse("2026-02-30") }

        XCTAssertEqual(error?.reason, "invalid_date")
        XCTAssertTrue(error?.message.contains("2026-02-30") ?? false)
    }

    func testCivilDateComparison() {
        XCTAssertLessThan(CivilDate("2025-12-31")!, CivilDate("2026-01-01")!)
        XCTAssertLessThan(CivilDate("2026-02-28")!, CivilDate("2026-03-01")!)
        XCTAssertGreaterThan(CivilDate("2026-10-01")!, CivilDate("2026-09-30")!)
    }

    func testCivilDateDayArithmetic() {
        let date = CivilDate("2026-02-28")!

        XCTAssertEqual(date.adding(days: 1), CivilDate("2026-03-01"))
        XCTAssertEqual(CivilDate("2024-02-28")!.adding(days: 1), CivilDate("2024-02-29"))
        XCTAssertEqual(CivilDate("2026-12-31")!.adding(days: 1), CivilDate("2027-01-01"))
        XCTAssertEqual(date.adding(days: -59), CivilDate("2025-12-31"))
        XCTAssertEqual(CivilDate("2026-03-01")!.days(since: CivilDate("2000-03-01")!), 9496)
        XCTAssertNil(CivilDate("9999-12-31")!.adding(days: 1))
    }

    func testCivilDateEpochRoundTripEveryDay() {
        XCTAssertEqual(CivilDate("1970-01-01")!.daysSinceEpoch, 0)
        var date = CivilDate("1899-12-25")!
        for _ in 0..<(366 * 140) {
            let next = date.adding(days: 1)!
            XCTAssertEqual(next.daysSinceEpoch, date.daysSinceEpoch + 1)
            XCTAssertGreaterThan(next, date)
            date = next
        }
    }

    func testChinaTimeAfter1600UTCIsNextDay() {
        let instant = ChinaTime.parseTimestamp("2026-02-28T16:30:00Z")!

        XCTAssertEqual(ChinaTime.date(of: instant), CivilDate("2026-03-01"))
        XCTAssertEqual(ChinaTime.timestamp(of: instant), "2026-03-01T00:30:00+08:00")
    }

    func testChinaTimeYearBoundary() {
        let instant = ChinaTime.parseTimestamp("2025-12-31T16:30:00Z")!

        XCTAssertEqual(ChinaTime.date(of: instant).year, 2026)
        XCTAssertEqual(ChinaTime.timestamp(of: instant), "2026-01-01T00:30:00+08:00")
    }

    func testChinaTimeIndependentOfProcessTimeZone() {
        let instant = Date(timeIntervalSince1970: 1_772_296_200)  // 2026-02-28T16:30:00Z
        let saved = ProcessInfo.processInfo.environment["TZ"]
        defer {
            if let saved { setenv("TZ", saved, 1) } else { unsetenv("TZ") }
            tzset()
        }

        for zone in ["UTC", "Asia/Shanghai", "America/Los_Angeles"] {
            setenv("TZ", zone, 1)
            tzset()
            XCTAssertEqual(ChinaTime.date(of: instant).description, "2026-03-01", zone)
            XCTAssertEqual(ChinaTime.timestamp(of: instant), "2026-03-01T00:30:00+08:00", zone)
        }
    }

    func testChinaTimeBeforeEpochAndFractions() {
        let instant = Date(timeIntervalSince1970: -0.5)

        XCTAssertEqual(ChinaTime.timestamp(of: instant), "1970-01-01T07:59:59+08:00")
    }

    func testChinaTimeStartOfDay() {
        let start = ChinaTime.startOfDay(CivilDate("2026-03-01")!)

        XCTAssertEqual(start, ChinaTime.parseTimestamp("2026-02-28T16:00:00Z"))
        XCTAssertEqual(ChinaTime.timestamp(of: start), "2026-03-01T00:00:00+08:00")
        XCTAssertEqual(ChinaTime.date(of: start.addingTimeInterval(-1)), CivilDate("2026-02-28"))
    }

    func testChinaTimeParsesOffsetsAndFractions() {
        let utc = ChinaTime.parseTimestamp("2026-02-28T16:30:00Z")

        XCTAssertEqual(ChinaTime.parseTimestamp("2026-03-01T00:30:00+08:00"), utc)
        XCTAssertEqual(ChinaTime.parseTimestamp("2026-02-28T11:30:00-05:00"), utc)
        XCTAssertEqual(
            ChinaTime.parseTimestamp("2026-02-28T16:30:00.250Z")?.timeIntervalSince1970,
            1_772_296_200.25)
    }

    func testChinaTimeRejectsMalformedTimestamps() {
        let inputs = [
            "2026-02-28 16:30:00Z", "2026-02-28T16:30:00", "2026-02-30T16:30:00Z",
            "2026-02-28T24:00:00Z", "2026-02-28T16:30:00+0800", "2026-02-28T16:30:00.Z",
            "2026-02-28T16:30Z", "2026-02-28T16:30:00Zjunk",
        ]
        for input in inputs {
            XCTAssertNil(ChinaTime.parseTimestamp(input), input)
        }
    }

    func testFixedClockTodayAndAdvance() {
        let clock = FixedClock(ChinaTime.parseTimestamp("2026-02-28T15:59:59Z")!)

        XCTAssertEqual(clock.today(), CivilDate("2026-02-28"))
        clock.advance(by: 1)
        XCTAssertEqual(clock.today(), CivilDate("2026-03-01"))
        clock.set(ChinaTime.startOfDay(testToday))
        XCTAssertEqual(clock.today(), testToday)
        XCTAssertEqual(FixedClock(startOf: testToday).today(), testToday)
    }

    func testSystemClockIsNearDate() {
        let clock: any Clock = SystemClock()

        XCTAssertLessThan(abs(clock.now().timeIntervalSinceNow), 5)
    }
}
