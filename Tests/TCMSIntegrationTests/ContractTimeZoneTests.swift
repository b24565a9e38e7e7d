import Foundation
import TCMSJSON
import XCTest

/// Contract dates in China Standard Time whatever the daemon's `TZ`: a text received at
/// 2026-02-28T16:30:00Z (00:30 on 2026-03-01 in Beijing) is received on 2026-03-01 under the
/// 2026 rules, and an approval at 2025-12-31T16:30:00Z carries the year 2026 in its number.
final class ContractTimeZoneTests: XCTestCase {
    /// Signing dates in 2025, so that the form is valid at every instant of the test.
    private let signedIn2025: [String: JSON] = [
        "signedOn": "2025-12-01", "validFrom": "2025-12-01", "validUntil": "2026-11-30",
    ]

    func testDatesUnderUTC() throws {
        try checkDates(environment: ["TZ": "UTC"], unsetting: [])
    }

    func testDatesUnderShanghai() throws {
        try checkDates(environment: ["TZ": "Asia/Shanghai"], unsetting: [])
    }

    func testDatesWithTZUnset() throws {
        try checkDates(environment: [:], unsetting: ["TZ"])
    }

    private func instant(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    private func moveClock(_ world: ContractWorld, to text: String) {
        world.clock.advance(by: instant(text).timeIntervalSince(world.clock.now))
    }

    private func checkDates(environment: [String: String], unsetting: [String]) throws {
        let zone = environment["TZ"] ?? "unset"
        let world = try ContractWorld(
            self, start: "2025-12-31T15:00:00Z", environment: environment, unsetting: unsetting)
        let handler = try world.handler()
        let clerk = try world.clerk()

        // 23:00 on 2025-12-31 in Beijing: two contracts arrive with their texts.
        let late = try world.submitted(signedIn2025, by: handler)
        let later = try world.submitted(signedIn2025, by: handler)
        for id in [late, later] {
            let received = try clerk.result("contract.receiveText", ["contractId": .int(id)])
            XCTAssertEqual(received["textReceivedOn"]?.stringValue, "2025-12-31", zone)
            XCTAssertEqual(
                received["textReceivedAt"]?.stringValue, "2025-12-31T23:00:00+08:00", zone)
            XCTAssertEqual(received["regime"]?.stringValue, "measures_2000", zone)
            XCTAssertEqual(received["timeLimit"]?["limit"]?.stringValue, "30日", zone)
        }

        moveClock(world, to: "2025-12-31T15:30:00Z")
        let in2025 = try clerk.result(
            "contract.approve", ["contractId": .int(late), "techAmount": "900000.00"])
        XCTAssertEqual(in2025["registrationNumber"]?.stringValue, "2025350100000001", zone)
        XCTAssertEqual(in2025["approvedAt"]?.stringValue, "2025-12-31T23:30:00+08:00", zone)

        moveClock(world, to: "2025-12-31T16:30:00Z")
        let in2026 = try clerk.result(
            "contract.approve", ["contractId": .int(later), "techAmount": "900000.00"])
        XCTAssertEqual(in2026["registrationNumber"]?.stringValue, "2026350100000001", zone)
        XCTAssertEqual(in2026["approvedAt"]?.stringValue, "2026-01-01T00:30:00+08:00", zone)

        // One second before midnight in Beijing the 2000 rules are still in force. The sessions
        // of December have expired by then, so new ones are opened.
        moveClock(world, to: "2026-02-28T15:59:59Z")
        let oldRules = try world.submitted(signedIn2025)
        moveClock(world, to: "2026-02-28T16:30:00Z")
        let newRules = try world.submitted(signedIn2025)
        let clerkOf2026 = try world.clerk()

        let received = try clerkOf2026.result(
            "contract.receiveText", ["contractId": .int(newRules)])
        XCTAssertEqual(received["regime"]?.stringValue, "measures_2026", zone)
        XCTAssertEqual(
            received["firstSubmittedAt"]?.stringValue, "2026-03-01T00:30:00+08:00", zone)
        XCTAssertEqual(received["textReceivedOn"]?.stringValue, "2026-03-01", zone)
        XCTAssertEqual(
            received["textReceivedAt"]?.stringValue, "2026-03-01T00:30:00+08:00", zone)
        XCTAssertEqual(received["timeLimit"]?["limit"]?.stringValue, "15个工作日", zone)
        // 2026-03-01 is a Sunday; the fifteenth working day after it is Friday 2026-03-20.
        XCTAssertEqual(received["timeLimit"]?["lastDay"]?.stringValue, "2026-03-20", zone)
        XCTAssertEqual(received["timeLimit"]?["daysLeft"]?.intValue, 15, zone)

        let old = try clerkOf2026.result("contract.receiveText", ["contractId": .int(oldRules)])
        XCTAssertEqual(old["regime"]?.stringValue, "measures_2000", zone)
        XCTAssertEqual(old["textReceivedOn"]?.stringValue, "2026-03-01", zone)
        XCTAssertEqual(old["timeLimit"]?["limit"]?.stringValue, "30日", zone)
        XCTAssertEqual(old["timeLimit"]?["lastDay"]?.stringValue, "2026-03-31", zone)
        XCTAssertEqual(old["timeLimit"]?["daysLeft"]?.intValue, 30, zone)

        let approved = try clerkOf2026.result(
            "contract.approve", ["contractId": .int(newRules), "techAmount": "900000.00"])
        XCTAssertEqual(approved["registrationNumber"]?.stringValue, "2026350100000002", zone)
        XCTAssertEqual(approved["approvedAt"]?.stringValue, "2026-03-01T00:30:00+08:00", zone)

        let listed = try clerkOf2026.result(
            "contract.list",
            ["filter": ["submittedFrom": "2026-03-01", "submittedUntil": "2026-03-01"]])
        XCTAssertEqual(
            listed["items"]?.arrayValue?.compactMap { $0["id"]?.intValue }, [newRules], zone)
    }
}
