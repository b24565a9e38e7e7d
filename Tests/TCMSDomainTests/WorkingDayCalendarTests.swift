import Foundation
import XCTest

@testable import TCMSDomain

final class WorkingDayCalendarTests: XCTestCase {
    private let calendar = WorkingDayCalendar.standard

    private func date(_ text: String) -> CivilDate {
        CivilDate(text)!
    }

    func testWeekdayOfKnownDates() {
        XCTAssertEqual(date("1970-01-01").isoWeekday, 4)
        XCTAssertEqual(date("2026-03-01").isoWeekday, 7)
        XCTAssertEqual(date("2026-02-28").isoWeekday, 6)
        XCTAssertEqual(date("2025-01-01").isoWeekday, 3)
        XCTAssertEqual(date("1969-12-29").isoWeekday, 1)
    }

    func testEmbeddedCalendarCoversPublishedYears() {
        XCTAssertEqual(calendar.coveredYears, [2025, 2026])
        XCTAssertFalse(calendar.covers(year: 2027))
    }

    func testEmbeddedRowsPerYear() {
        let rows2025 = calendar.adjustments.filter { $0.date.year == 2025 }
        let rows2026 = calendar.adjustments.filter { $0.date.year == 2026 }

        XCTAssertEqual(rows2025.filter { $0.kind == .holiday }.count, 28)
        XCTAssertEqual(rows2025.filter { $0.kind == .workday }.count, 5)
        XCTAssertEqual(rows2026.filter { $0.kind == .holiday }.count, 33)
        XCTAssertEqual(rows2026.filter { $0.kind == .workday }.count, 6)
    }

    func testHolidaysAreRestDays() {
        for text in ["2025-01-01", "2025-01-28", "2025-10-08", "2026-02-16", "2026-10-07"] {
            XCTAssertFalse(calendar.isWorkingDay(date(text)), text)
        }
    }

    func testAdjustedWeekendsAreWorkingDays() {
        for text in ["2025-01-26", "2025-02-08", "2026-01-04", "2026-02-14", "2026-02-28"] {
            XCTAssertTrue(calendar.isWorkingDay(date(text)), text)
            XCTAssertEqual(calendar.adjustment(on: date(text))?.kind, .workday, text)
        }
    }

    func testPlainDays() {
        XCTAssertTrue(calendar.isWorkingDay(date("2026-03-02")))
        XCTAssertFalse(calendar.isWorkingDay(date("2026-03-01")))
        XCTAssertFalse(calendar.isWorkingDay(date("2026-03-07")))
        XCTAssertNil(calendar.adjustment(on: date("2026-03-02")))
    }

    func testHolidayNames() {
        XCTAssertEqual(calendar.adjustment(on: date("2026-02-17"))?.name, "春节")
        XCTAssertEqual(calendar.adjustment(on: date("2025-10-06"))?.name, "国庆节、中秋节")
    }

    func testAddWorkingDaysAcrossSpringFestival() {
        // 2026-02-14 (Saturday) works; 02-15 to 02-23 rest; 02-28 (Saturday) works.
        XCTAssertEqual(calendar.add(workingDays: 1, to: date("2026-02-13")), date("2026-02-14"))
        XCTAssertEqual(calendar.add(workingDays: 2, to: date("2026-02-13")), date("2026-02-24"))
        XCTAssertEqual(calendar.add(workingDays: 6, to: date("2026-02-13")), date("2026-02-28"))
    }

    func testAddZeroAndNegativeWorkingDays() {
        XCTAssertEqual(calendar.add(workingDays: 0, to: date("2026-03-01")), date("2026-03-01"))
        XCTAssertEqual(calendar.add(workingDays: -1, to: date("2026-02-24")), date("2026-02-14"))
        // Saturday 2026-02-28 is an adjusted working day, so it comes before Friday 02-27.
        XCTAssertEqual(calendar.add(workingDays: -1, to: date("2026-03-02")), date("2026-02-28"))
        XCTAssertEqual(calendar.add(workingDays: -2, to: date("2026-03-02")), date("2026-02-27"))
    }

    /// Counts working days after `start` up to `end` one day at a time.
    private func countByDay(from start: CivilDate, to end: CivilDate) -> Int {
        var day = start
        var count = 0
        while day < end {
            day = day.adding(days: 1)!
            if calendar.isWorkingDay(day) {
                count += 1
            }
        }
        return count
    }

    func testWorkingDaysMatchesDayByDayCount() {
        let start = date("2024-12-20")
        let end = date("2027-01-10")
        let expected = countByDay(from: start, to: end)

        XCTAssertEqual(calendar.workingDays(from: start, to: end), expected)
        XCTAssertEqual(calendar.workingDays(from: end, to: start), -expected)
    }

    func testWorkingDaysFromEveryStartDay() {
        // Start days from 2024-12-25 to 2027-01-05 run against two ends. Each weekday offset
        // and each adjusted day then lies at the edge of some range.
        var start = date("2024-12-25")
        while start < date("2027-01-05") {
            for end in [date("2025-10-11"), date("2027-01-06")] where start <= end {
                XCTAssertEqual(
                    calendar.workingDays(from: start, to: end), countByDay(from: start, to: end),
                    "\(start) to \(end)")
            }
            start = start.adding(days: 1)!
        }
    }

    func testWorkingDaysInverseOfAdd() {
        var start = date("2025-01-01")
        while start < date("2027-01-01") {
            for count in [1, 15, 30] {
                let end = calendar.add(workingDays: count, to: start)
                XCTAssertEqual(calendar.workingDays(from: start, to: end), count, "\(start)")
            }
            start = start.adding(days: 7)!
        }
    }

    func testWorkingDaysOfEmptyRange() {
        XCTAssertEqual(calendar.workingDays(from: date("2026-03-02"), to: date("2026-03-02")), 0)
    }

    func testWorkingDaysIn2026() {
        // 365 days, 104 weekend days, 33 holiday rows of which 14 fall on weekends, 6 workdays.
        let count = calendar.workingDays(from: date("2025-12-31"), to: date("2026-12-31"))

        XCTAssertEqual(count, 365 - 104 - (33 - 14) + 6)
    }

    func testCommentsAndCRLFAccepted() throws {
        let text = "# NOTE: test\r\n\r\ndate\tkind\tname\r\n2030-01-01\tholiday\t元旦\r\n\r\n"

        let parsed = try WorkingDayCalendar(tsv: text)

        XCTAssertEqual(parsed.adjustments.count, 1)
        XCTAssertEqual(parsed.coveredYears, [2030])
    }

    func testWrongHeaderRejected() {
        let error = violation { () throws(DomainViolation) in
            try WorkingDayCalendar(tsv: "day\tkind\tname\n2030-01-01\tholiday\t元旦\n")
        }

        XCTAssertEqual(error?.reason, "invalid_code_list")
        XCTAssertTrue(error?.message.contains("line 1") ?? false)
    }

    func testMissingHeaderRejected() {
        let error = violation { () throws(DomainViolation) in
            try WorkingDayCalendar(tsv: "# only a comment\n")
        }

        XCTAssertEqual(error?.reason, "invalid_code_list")
    }

    func testBadRowsRejectedWithLineNumber() {
        let header = "# comment\ndate\tkind\tname\n"
        let cases: [(String, String)] = [
            ("2030-02-30\tholiday\tX", "not a date"),
            ("2030-01-01\trest\tX", "holiday or workday"),
            ("2030-01-01\tholiday\t", "name is missing"),
            ("2030-01-01\tholiday", "3 tab-separated fields"),
            ("2030-01-02\tworkday\tX", "weekday"),
        ]

        for (row, expected) in cases {
            let error = violation { () throws(DomainViolation) in
                try WorkingDayCalendar(tsv: header + row + "\n")
            }
            XCTAssertEqual(error?.reason, "invalid_code_list", row)
            XCTAssertTrue(error?.message.contains("line 3") ?? false, row)
            XCTAssertTrue(error?.message.contains(expected) ?? false, error?.message ?? row)
        }
    }

    func testDuplicateDateRejected() {
        let text = "date\tkind\tname\n2030-01-01\tholiday\tA\n2030-01-01\tholiday\tB\n"

        let error = violation { () throws(DomainViolation) in
            try WorkingDayCalendar(tsv: text)
        }

        XCTAssertEqual(error?.reason, "invalid_code_list")
        XCTAssertTrue(error?.message.contains("line 3") ?? false)
    }

    func testLoadFromOperatorFile() throws {
        let path = NSTemporaryDirectory() + "tcms-calendar-\(UUID().uuidString).tsv"
        try "date\tkind\tname\n2027-01-01\tholiday\t元旦\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }

        let loaded = try WorkingDayCalendar.load(path: path)

        XCTAssertTrue(loaded.covers(year: 2027))
        XCTAssertFalse(loaded.isWorkingDay(date("2027-01-01")))
    }

    func testLoadMissingFileFails() {
        let error = violation { () throws(DomainViolation) in
            try WorkingDayCalendar.load(path: "/nonexistent/tcms-calendar.tsv")
        }

        XCTAssertEqual(error?.reason, "code_list_unreadable")
    }

    func testEmbeddedDataRoundTripsThroughLoad() throws {
        let path = NSTemporaryDirectory() + "tcms-calendar-\(UUID().uuidString).tsv"
        try WorkingDayCalendar.embeddedTSV.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }

        let loaded = try WorkingDayCalendar.load(path: path)

        XCTAssertEqual(loaded.adjustments, calendar.adjustments)
    }
}
