import Foundation
import TCMSJSON
import XCTest

/// Execution records (执行) of approved contracts: payments with their 技术交易额 part and
/// milestones, with exact totals.
final class ContractExecutionTests: XCTestCase {
    private var world: ContractWorld!

    override func setUpWithError() throws {
        world = try ContractWorld(self)
    }

    private func payment(_ id: Int64, _ amount: String, _ techAmount: String) -> JSON {
        ["contractId": .int(id), "kind": "payment", "occurredOn": "2026-04-01",
         "amount": .string(amount), "techAmount": .string(techAmount)]
    }

    func testPaymentsAndMilestonesAddUpExactly() throws {
        let id = try world.approved()
        let handler = try world.handler()
        let fresh = try handler.result("contract.get", ["contractId": .int(id)])
        XCTAssertEqual(
            fresh["execution"], ["received": "0.00", "techReceived": "0.00", "records": 0])

        // Ten payments of 0.10 are exactly 1.00, which binary floats would not give.
        for _ in 1...10 {
            _ = try handler.result("contract.recordExecution", payment(id, "0.10", "0.07"))
        }
        _ = try handler.result(
            "contract.recordExecution", payment(id, "359999.00", "288000.00").with(["note": "首付款"]))
        let milestone = try handler.result(
            "contract.recordExecution",
            ["contractId": .int(id), "kind": "milestone", "occurredOn": "2026-03-31",
             "note": "完成样机交付"])
        XCTAssertEqual(
            milestone["execution"],
            ["received": "360000.00", "techReceived": "288000.70", "records": 12])
        XCTAssertEqual(milestone.historyActions.last, "record_execution")

        let listed = try world.clerk().result("contract.executions", ["contractId": .int(id)])
        XCTAssertEqual(listed["received"]?.stringValue, "360000.00")
        XCTAssertEqual(listed["techReceived"]?.stringValue, "288000.70")
        XCTAssertEqual(listed["records"]?.intValue, 12)
        let items = try XCTUnwrap(listed["items"]?.arrayValue)
        XCTAssertEqual(items.count, 12)
        XCTAssertEqual(items[10]["amount"]?.stringValue, "359999.00")
        XCTAssertEqual(items[10]["note"]?.stringValue, "首付款")
        XCTAssertEqual(items[11]["kind"]?.stringValue, "milestone")
        XCTAssertEqual(items[11]["kindLabel"]?.stringValue, "履行节点")
        XCTAssertEqual(items[11]["amount"], .null)
        XCTAssertEqual(items[11]["recordedBy"]?.stringValue, ContractWorld.handlerLogin)
        XCTAssertEqual(
            try world.daemon.count("audit_log", where: "method = 'contract.recordExecution'"), 12)
    }

    func testInvalidRecordsAreRejected() throws {
        let id = try world.approved()
        let handler = try world.handler()
        let cases: [(JSON, [String])] = [
            (payment(id, "100.00", "100.01"), ["tech_amount_exceeds_amount"]),
            (payment(id, "0.00", "0.00"), ["invalid_money"]),
            (payment(id, "100", "50.00"), ["invalid_money"]),
            (payment(id, "-1.00", "0.00"), ["negative_money"]),
            (payment(id, "100.00", "50.00").with(["techAmount": .null]), ["missing_field"]),
            (payment(id, "100.00", "50.00").with(["occurredOn": "2026-04-02"]),
             ["date_in_future"]),
            (payment(id, "100.00", "50.00").with(["occurredOn": "2026-02-30"]),
             ["invalid_date"]),
            (payment(id, "100.00", "50.00").with(["kind": "refund"]), ["invalid_code"]),
            (["contractId": .int(id), "kind": "milestone", "occurredOn": "2026-04-01"],
             ["missing_field"]),
            (["contractId": .int(id), "kind": "milestone", "occurredOn": "2026-04-01",
              "note": "验收", "amount": "1.00"], ["not_applicable"]),
        ]
        for (params, reasons) in cases {
            let reply = try handler.call("contract.recordExecution", params)
            XCTAssertEqual(reply.errorCode, 2001, "\(params)")
            XCTAssertEqual(reply.errorReasons, reasons, "\(params)")
        }
        XCTAssertEqual(try world.daemon.count("contract_executions"), 0)
    }

    func testExecutionOnlyOnOwnApprovedContract() throws {
        let handler = try world.handler()
        let received = try world.received()
        let reply = try handler.call("contract.recordExecution", payment(received, "1.00", "1.00"))
        XCTAssertEqual(reply.errorReason, "invalid_transition")
        XCTAssertEqual(reply.errorCode, 4022)

        let id = try world.approved()
        XCTAssertEqual(
            try world.clerk().call("contract.recordExecution", payment(id, "1.00", "1.00"))
                .errorCode, 1003)
        XCTAssertEqual(
            try world.clerk().call("contract.executions", ["contractId": 9999]).errorReason,
            "not_found")
        XCTAssertEqual(try world.daemon.count("contract_executions"), 0)
    }
}
