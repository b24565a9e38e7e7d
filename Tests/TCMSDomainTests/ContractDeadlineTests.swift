import Foundation
import XCTest

@testable import TCMSDomain

final class ContractDeadlineTests: XCTestCase {
    private let calendar = WorkingDayCalendar.standard
    private let small = try! Money.parse("120000.00")
    private let large = try! Money.parse("6000000.00")

    private func date(_ text: String) -> CivilDate {
        CivilDate(text)!
    }

    func testChinaMidnightReceiptUses2026Limit() {
        // Received at 2026-02-28T16:30:00Z: 2026-03-01 in China, so the 2026 rules apply.
        let instant = ChinaTime.parseTimestamp("2026-02-28T16:30:00Z")!
        let receivedOn = ChinaTime.date(of: instant)
        let rules = ContractRuleSet.inForce(at: instant)

        let deadline = calendar.deadline(
            textReceivedOn: receivedOn, ruleSet: rules, techAmount: small)

        XCTAssertEqual(receivedOn, date("2026-03-01"))
        XCTAssertEqual(deadline.limit, .workingDays(15))
        XCTAssertEqual(deadline.lastDay, date("2026-03-20"))
        XCTAssertFalse(deadline.isEstimate)
    }

    func testLargeAmountGetsThirtyWorkingDays() {
        // 2026-04-04 to 04-06 (Qingming) are rest days inside the count.
        let deadline = calendar.deadline(
            textReceivedOn: date("2026-03-01"), ruleSet: .measures2026, techAmount: large)

        XCTAssertEqual(deadline.limit, .workingDays(30))
        XCTAssertEqual(deadline.lastDay, date("2026-04-13"))
    }

    func testWorkingDayLimitAcrossSpringFestival() {
        let deadline = calendar.deadline(
            textReceivedOn: date("2026-02-13"), ruleSet: .measures2026, techAmount: small)

        XCTAssertEqual(deadline.lastDay, date("2026-03-12"))
    }

    func testOldRulesCountCalendarDays() {
        let deadline = calendar.deadline(
            textReceivedOn: date("2025-12-01"), ruleSet: .measures2000, techAmount: large)

        XCTAssertEqual(deadline.limit, .calendarDays(30))
        XCTAssertEqual(deadline.lastDay, date("2025-12-31"))
    }

    func testOldLimitOnHolidayMovesLater() {
        // 2025-09-01 + 30 days is 2025-10-01, inside the 10-01 to 10-08 holiday.
        let deadline = calendar.deadline(
            textReceivedOn: date("2025-09-01"), ruleSet: .measures2000, techAmount: small)

        XCTAssertEqual(deadline.lastDay, date("2025-10-09"))
    }

    func testOldLimitEndingOnSundayMovesToMonday() {
        // 2025-10-31 + 30 days is Sunday 2025-11-30.
        let deadline = calendar.deadline(
            textReceivedOn: date("2025-10-31"), ruleSet: .measures2000, techAmount: small)

        XCTAssertEqual(date("2025-11-30").isoWeekday, 7)
        XCTAssertEqual(deadline.lastDay, date("2025-12-01"))
    }

    func testDeadlineIntoUncoveredYearIsEstimate() {
        let deadline = calendar.deadline(
            textReceivedOn: date("2026-12-20"), ruleSet: .measures2026, techAmount: small)

        XCTAssertEqual(deadline.lastDay, date("2027-01-08"))
        XCTAssertTrue(deadline.isEstimate)
    }

    func testDaysLeftCountsWorkingDays() {
        let left = { (today: String) in
            self.calendar.daysLeft(
                textReceivedOn: self.date("2026-03-01"), ruleSet: .measures2026,
                techAmount: self.small, today: self.date(today))
        }

        XCTAssertEqual(left("2026-03-01"), 15)
        XCTAssertEqual(left("2026-03-13"), 5)
        XCTAssertEqual(left("2026-03-14"), 5)
        XCTAssertEqual(left("2026-03-20"), 0)
    }

    func testDaysLeftNegativeWhenOverdue() {
        let left = { (today: String) in
            self.calendar.daysLeft(
                textReceivedOn: self.date("2026-03-01"), ruleSet: .measures2026,
                techAmount: self.small, today: self.date(today))
        }

        XCTAssertEqual(left("2026-03-21"), -1)
        XCTAssertEqual(left("2026-03-22"), -1)
        XCTAssertEqual(left("2026-03-23"), -1)
        XCTAssertEqual(left("2026-03-24"), -2)
    }

    func testDaysLeftCalendarDaysUnderOldRules() {
        let deadline = calendar.deadline(
            textReceivedOn: date("2025-12-01"), ruleSet: .measures2000, techAmount: small)

        XCTAssertEqual(calendar.daysLeft(until: deadline, today: date("2025-12-01")), 30)
        XCTAssertEqual(calendar.daysLeft(until: deadline, today: date("2025-12-31")), 0)
        XCTAssertEqual(calendar.daysLeft(until: deadline, today: date("2026-01-02")), -2)
    }
}
