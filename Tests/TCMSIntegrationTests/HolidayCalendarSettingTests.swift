import Foundation
import TCMSJSON
import XCTest

/// The `holiday_calendar` setting: an operator's calendar file replaces the embedded one for
/// the time limits, and a broken file stops the daemon at start with the path in the log.
final class HolidayCalendarSettingTests: XCTestCase {
    func testOperatorCalendarMovesLastDay() throws {
        let file = makeTemporaryDirectory(self) + "/holidays.tsv"
        try """
            date\tkind\tname
            2026-04-02\tholiday\t本地假日
            2026-04-03\tholiday\t本地假日

            """.write(toFile: file, atomically: true, encoding: .utf8)
        let world = try ContractWorld(self, config: "holiday_calendar = \(file)\n")

        let id = try world.received()
        let shown = try world.clerk().result("contract.get", ["contractId": .int(id)])
        // Fifteen working days after Wednesday 2026-04-01, skipping the two local holidays
        // and the weekends: Monday 04-06 is the first, Friday 04-24 the fifteenth.
        XCTAssertEqual(shown["timeLimit"]?["lastDay"]?.stringValue, "2026-04-24")
        XCTAssertEqual(shown["timeLimit"]?["isEstimate"], false)
    }

    func testBrokenCalendarStopsStart() throws {
        let directory = makeTemporaryDirectory(self)
        let file = directory + "/holidays.tsv"
        try "date\tkind\tname\n2026-02-30\tholiday\t不存在\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(
            self, directory: directory, config: "holiday_calendar = \(file)\n",
            waitForSocket: false)
        daemon.process.waitUntilExit()
        XCTAssertEqual(daemon.process.terminationStatus, 1)
        XCTAssertTrue(daemon.log.contains("cannot read a data file"), daemon.log)
        XCTAssertTrue(daemon.log.contains(file), daemon.log)
    }
}

/// The `contract_codes` setting: an operator's list file replaces the embedded lists.
final class ContractCodesSettingTests: XCTestCase {
    func testOperatorListAddsTechField() throws {
        let shipped = try String(
            contentsOfFile: AuthorizationFixtures.directory + "/../../codes/contract-codes.tsv",
            encoding: .utf8)
        let file = makeTemporaryDirectory(self) + "/contract-codes.tsv"
        try (shipped + "tech_field\tTF99\t量子信息\t\tno\n")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let world = try ContractWorld(self, config: "contract_codes = \(file)\n")

        let created = try world.handler().result(
            "contract.create", ContractWorld.form.with(["techField": "TF99"]))
        XCTAssertEqual(created["techFieldLabel"]?.stringValue, "量子信息")
    }

    func testEmbeddedListRefusesUnknownTechField() throws {
        let world = try ContractWorld(self)
        let reply = try world.handler().call(
            "contract.create", ContractWorld.form.with(["techField": "TF99"]))
        XCTAssertEqual(reply.errorReason, "unknown_code")
        XCTAssertEqual(reply.errorFields, ["params.techField"])
    }
}
