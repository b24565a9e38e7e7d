import Foundation
import TCMSJSON
import XCTest

/// The statutory time limit a clerk sees, through the daemon: 30 calendar days under the 2000
/// rules, 15 working days under the 2026 rules and 30 working days from a 技术交易额 of
/// 5,000,000.00 yuan, counted over the holiday calendar, falling as the clock moves on and
/// negative once overdue.
final class ContractTimeLimitTests: XCTestCase {
    private let day: TimeInterval = 86_400

    /// Signing dates early in January 2026, valid before and after 2026-03-01.
    private let signedInJanuary: [String: JSON] = [
        "signedOn": "2026-01-05", "validFrom": "2026-01-05", "validUntil": "2027-01-04",
    ]

    private func timeLimit(_ clerk: RawClient, _ id: Int64) throws -> JSON {
        try clerk.result("contract.get", ["contractId": .int(id)])["timeLimit"] ?? .null
    }

    /// Moves the clock `days` days on and returns the days left then, read by a new session
    /// because the old ones expire.
    private func daysLeft(_ world: ContractWorld, _ id: Int64, after days: Int) throws -> Int64? {
        world.clock.advance(by: TimeInterval(days) * day)
        return try timeLimit(try world.clerk(), id)["daysLeft"]?.intValue
    }

    func testCalendarDaysUnder2000RulesAcrossSpringFestival() throws {
        let world = try ContractWorld(self, start: "2026-01-16T10:00:00+08:00")
        let clerk = try world.clerk()
        let id = try world.submitted(signedInJanuary)
        let received = try clerk.result("contract.receiveText", ["contractId": .int(id)])

        XCTAssertEqual(received["regime"]?.stringValue, "measures_2000")
        let limit = try XCTUnwrap(received["timeLimit"])
        XCTAssertEqual(limit["limit"]?.stringValue, "30日")
        XCTAssertEqual(limit["days"]?.intValue, 30)
        // 30 days after Friday 2026-01-16 is Sunday 2026-02-15, inside the Spring Festival
        // holiday (02-15 to 02-23), so the limit ends on the next working day.
        XCTAssertEqual(limit["lastDay"]?.stringValue, "2026-02-24")
        XCTAssertEqual(limit["daysLeft"]?.intValue, 39)
        XCTAssertEqual(limit["isEstimate"]?.boolValue, false)

        XCTAssertEqual(try daysLeft(world, id, after: 1), 38)
        XCTAssertEqual(try daysLeft(world, id, after: 38), 0)
        XCTAssertEqual(try daysLeft(world, id, after: 1), -1)
        XCTAssertEqual(try daysLeft(world, id, after: 5), -6)

        let approved = try world.clerk().result(
            "contract.approve", ["contractId": .int(id), "techAmount": "900000.00"])
        XCTAssertEqual(approved["timeLimit"], .null)
    }

    func testResubmissionAfterMarchKeeps2000Rules() throws {
        let world = try ContractWorld(self, start: "2026-01-16T10:00:00+08:00")
        let clerk = try world.clerk()
        let id = try world.submitted(signedInJanuary)
        _ = try clerk.result("contract.receiveText", ["contractId": .int(id)])
        _ = try clerk.result(
            "contract.return", ["contractId": .int(id), "reasons": ["unclear_terms"]])

        world.clock.advance(by: 48 * day)  // 2026-03-05, under the 2026 rules
        let again = try world.handler().result("contract.submit", ["contractId": .int(id)])
        XCTAssertEqual(again["round"]?.intValue, 2)
        XCTAssertEqual(again["regime"]?.stringValue, "measures_2000")
        let received = try world.clerk().result("contract.receiveText", ["contractId": .int(id)])
        XCTAssertEqual(received["textReceivedOn"]?.stringValue, "2026-03-05")
        XCTAssertEqual(received["timeLimit"]?["limit"]?.stringValue, "30日")
        // 30 days after 2026-03-05 is Saturday 04-04, the first day of the Qingming holiday.
        XCTAssertEqual(received["timeLimit"]?["lastDay"]?.stringValue, "2026-04-07")
        XCTAssertEqual(received["timeLimit"]?["daysLeft"]?.intValue, 33)
    }

    func testWorkingDaysUnder2026RulesAcrossNationalDay() throws {
        let world = try ContractWorld(self, start: "2026-09-24T10:00:00+08:00")
        let clerk = try world.clerk()
        let id = try world.submitted()
        let received = try clerk.result("contract.receiveText", ["contractId": .int(id)])

        XCTAssertEqual(received["regime"]?.stringValue, "measures_2026")
        let limit = try XCTUnwrap(received["timeLimit"])
        XCTAssertEqual(limit["limit"]?.stringValue, "15个工作日")
        XCTAssertEqual(limit["days"]?.intValue, 15)
        // Mid-Autumn (09-25 to 09-27) and National Day (10-01 to 10-07) are holidays and
        // Saturday 10-10 is a working day, so the fifteenth working day is 10-22.
        XCTAssertEqual(limit["lastDay"]?.stringValue, "2026-10-22")
        XCTAssertEqual(limit["daysLeft"]?.intValue, 15)

        XCTAssertEqual(try daysLeft(world, id, after: 6), 12)  // 09-30
        XCTAssertEqual(try daysLeft(world, id, after: 8), 11)  // 10-08
        XCTAssertEqual(try daysLeft(world, id, after: 14), 0)  // 10-22
        XCTAssertEqual(try daysLeft(world, id, after: 1), -1)  // Friday 10-23
        XCTAssertEqual(try daysLeft(world, id, after: 1), -1)  // Saturday 10-24
        XCTAssertEqual(try daysLeft(world, id, after: 2), -2)  // Monday 10-26
    }

    func testLargeAmountGetsThirtyWorkingDays() throws {
        let world = try ContractWorld(self, start: "2026-09-24T10:00:00+08:00")
        let clerk = try world.clerk()
        let large = try world.received(["amount": "8000000.00", "techAmount": "5000000.00"])
        let below = try world.received(["amount": "8000000.00", "techAmount": "4999999.99"])

        let limit = try timeLimit(clerk, large)
        XCTAssertEqual(limit["limit"]?.stringValue, "30个工作日")
        XCTAssertEqual(limit["lastDay"]?.stringValue, "2026-11-12")
        XCTAssertEqual(limit["daysLeft"]?.intValue, 30)
        XCTAssertEqual(try timeLimit(clerk, below)["limit"]?.stringValue, "15个工作日")
        XCTAssertEqual(try timeLimit(clerk, below)["lastDay"]?.stringValue, "2026-10-22")

        let first = try clerk.result(
            "contract.approve", ["contractId": .int(large), "techAmount": "5000000.00"])
        XCTAssertEqual(first["status"]?.stringValue, "awaiting_second_approval")
        XCTAssertEqual(first["timeLimit"]?["lastDay"]?.stringValue, "2026-11-12")
        XCTAssertEqual(try daysLeft(world, large, after: 28), 15)  // 10-22
        XCTAssertEqual(try daysLeft(world, large, after: 21), 0)  // 11-12
        XCTAssertEqual(try daysLeft(world, large, after: 1), -1)  // 11-13
    }

    func testVerifiedLargeAmountSetsTheLimit() throws {
        let world = try ContractWorld(self, start: "2026-09-24T10:00:00+08:00")
        let clerk = try world.clerk()
        let id = try world.received(["amount": "8000000.00", "techAmount": "4000000.00"])
        XCTAssertEqual(try timeLimit(clerk, id)["limit"]?.stringValue, "15个工作日")

        // The clerk verifies more than the handler declared: the contract now needs a second
        // approval, and the longer limit of a large amount applies while it waits.
        let first = try clerk.result(
            "contract.approve", ["contractId": .int(id), "techAmount": "6000000.00"])
        XCTAssertEqual(first["status"]?.stringValue, "awaiting_second_approval")
        XCTAssertEqual(first["timeLimit"]?["limit"]?.stringValue, "30个工作日")
        XCTAssertEqual(first["timeLimit"]?["lastDay"]?.stringValue, "2026-11-12")
    }
}
