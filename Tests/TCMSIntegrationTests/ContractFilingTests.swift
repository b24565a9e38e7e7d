import Foundation
import TCMSJSON
import XCTest

/// Change registration (变更登记) and cancellation (注销登记) of approved contracts: the
/// handler files, a clerk of the contract's office approves or returns.
final class ContractFilingTests: XCTestCase {
    private var world: ContractWorld!

    override func setUpWithError() throws {
        world = try ContractWorld(self, entities: ["seller_1", "seller_2"])
    }

    func testChangeAppliesAndKeepsNumber() throws {
        let id = try world.approved()
        let handler = try world.handler()
        let before = try handler.result("contract.get", ["contractId": .int(id)])
        let number = try XCTUnwrap(before["registrationNumber"]?.stringValue)
        XCTAssertEqual(
            before["allowedActions"]?.arrayValue?.compactMap(\.stringValue),
            ["record_execution", "file_change", "file_cancellation"])

        let filed = try handler.result(
            "contract.fileChange",
            ["contractId": .int(id), "reason": "乙方更名", "buyerName": "北京清源环境工程股份有限公司",
             "validUntil": "2027-06-30"])
        XCTAssertEqual(filed["buyer"]?["name"]?.stringValue, "北京清源环境工程有限公司")
        let filing = try XCTUnwrap(filed["filings"]?.arrayValue?.last)
        XCTAssertEqual(filing["kind"]?.stringValue, "change")
        XCTAssertEqual(filing["status"]?.stringValue, "submitted")
        XCTAssertEqual(filing["reason"]?.stringValue, "乙方更名")
        XCTAssertEqual(filing["changes"]?["buyerName"]?["before"]?.stringValue, "北京清源环境工程有限公司")
        XCTAssertEqual(
            filing["changes"]?["buyerName"]?["after"]?.stringValue, "北京清源环境工程股份有限公司")
        XCTAssertEqual(filing["changes"]?["validUntil"]?["after"]?.stringValue, "2027-06-30")
        XCTAssertEqual(filing["changes"]?.objectValue?.count, 2)
        XCTAssertEqual(
            filed["allowedActions"]?.arrayValue?.compactMap(\.stringValue),
            ["register_change", "record_execution", "return_filing"])
        let filingID = try XCTUnwrap(filing["id"]?.intValue)

        let approved = try world.clerk().result(
            "contract.approveFiling", ["filingId": .int(filingID)])
        XCTAssertEqual(approved["status"]?.stringValue, "approved")
        XCTAssertEqual(approved["registrationNumber"]?.stringValue, number)
        XCTAssertEqual(approved["buyer"]?["name"]?.stringValue, "北京清源环境工程股份有限公司")
        XCTAssertEqual(approved["validUntil"]?.stringValue, "2027-06-30")
        XCTAssertEqual(approved["approvedTechAmount"]?.stringValue, "900000.00")
        XCTAssertEqual(approved["filings"]?.arrayValue?.last?["status"]?.stringValue, "approved")
        XCTAssertEqual(
            approved["filings"]?.arrayValue?.last?["decidedBy"]?.stringValue, "clerk_lin")
        XCTAssertEqual(
            approved.historyActions,
            ["submit", "receive_text", "approve", "file_change", "register_change"])
        XCTAssertEqual(
            approved["history"]?.arrayValue?.last?["detail"]?["changes"]?["validUntil"]?["before"]?
                .stringValue, "2027-03-19")

        let listed = try handler.result("contract.filings", ["contractId": .int(id)])
        XCTAssertEqual(listed["items"]?.arrayValue?.count, 1)
        XCTAssertEqual(
            try world.daemon.count("outbox", where: "body LIKE '%变更登记已批准%\(number)%'"), 2)
        XCTAssertEqual(
            try world.daemon.count(
                "audit_log",
                where: "subject = 'contract:\(id)' AND method IN "
                    + "('contract.fileChange', 'contract.approveFiling')"),
            2)
    }

    func testChangeOfAmountsNeedsVerifiedTechAmount() throws {
        let id = try world.approved()
        let handler = try world.handler()
        let clerk = try world.clerk()
        let filingID = try world.filedChange(
            id, ["amount": "1500000.00", "techAmount": "1100000.00"], by: handler)

        let missing = try clerk.call("contract.approveFiling", ["filingId": .int(filingID)])
        XCTAssertEqual(missing.errorReason, "missing_param")
        XCTAssertEqual(missing.errorCode, 2001)
        XCTAssertEqual(
            try clerk.call(
                "contract.approveFiling", ["filingId": .int(filingID), "techAmount": "1500000.01"])
                .errorReason, "tech_amount_exceeds_amount")
        XCTAssertEqual(
            try clerk.call(
                "contract.approveFiling", ["filingId": .int(filingID), "techAmount": "1e6"])
                .errorReason, "invalid_money")
        XCTAssertEqual(
            try world.daemon.text("SELECT status FROM contract_filings WHERE id = \(filingID)"),
            "submitted")

        let approved = try clerk.result(
            "contract.approveFiling", ["filingId": .int(filingID), "techAmount": "1000000.00"])
        XCTAssertEqual(approved["amount"]?.stringValue, "1500000.00")
        XCTAssertEqual(approved["techAmount"]?.stringValue, "1100000.00")
        XCTAssertEqual(approved["approvedTechAmount"]?.stringValue, "1000000.00")

        let other = try world.filedChange(id, ["signedPlace": "福州"], by: handler)
        let notApplicable = try clerk.call(
            "contract.approveFiling", ["filingId": .int(other), "techAmount": "1.00"])
        XCTAssertEqual(notApplicable.errorReason, "not_applicable")
        XCTAssertEqual(
            try clerk.result("contract.approveFiling", ["filingId": .int(other)])["signedPlace"]?
                .stringValue, "福州")
    }

    func testCancellationMovesToCancelled() throws {
        let id = try world.approved()
        let handler = try world.handler()
        let filed = try handler.result(
            "contract.fileCancellation", ["contractId": .int(id), "reason": "双方协议解除合同"])
        XCTAssertEqual(
            filed["allowedActions"]?.arrayValue?.compactMap(\.stringValue),
            ["cancel", "record_execution", "return_filing"])
        let filingID = try XCTUnwrap(filed["filings"]?.arrayValue?.last?["id"]?.intValue)
        XCTAssertEqual(filed["filings"]?.arrayValue?.last?["changes"], .null)

        let cancelled = try world.clerk("clerk_zheng").result(
            "contract.approveFiling", ["filingId": .int(filingID)])
        XCTAssertEqual(cancelled["status"]?.stringValue, "cancelled")
        XCTAssertEqual(cancelled["statusLabel"]?.stringValue, "已注销")
        XCTAssertEqual(cancelled["registrationNumber"]?.stringValue, "2026350100000001")
        XCTAssertEqual(cancelled["allowedActions"]?.arrayValue, [])
        XCTAssertEqual(cancelled.historyActions.suffix(2), ["file_cancellation", "cancel"])
        XCTAssertEqual(try world.daemon.count("outbox", where: "body LIKE '%已注销登记%'"), 2)

        XCTAssertEqual(
            try handler.call("contract.fileChange", ["contractId": .int(id), "reason": "x",
                                                     "signedPlace": "厦门"]).errorReason,
            "invalid_transition")
        XCTAssertEqual(
            try handler.call(
                "contract.fileCancellation", ["contractId": .int(id), "reason": "x"]).errorReason,
            "invalid_transition")
        XCTAssertEqual(
            try handler.call(
                "contract.recordExecution",
                ["contractId": .int(id), "kind": "milestone", "occurredOn": "2026-04-01",
                 "note": "验收"]).errorReason,
            "invalid_transition")
    }

    func testReturnedFilingCanBeFiledAgain() throws {
        let id = try world.approved()
        let handler = try world.handler()
        let first = try world.filedChange(id, ["signedPlace": "厦门"], by: handler)

        let returned = try world.clerk().result(
            "contract.returnFiling", ["filingId": .int(first), "note": "请附变更协议"])
        XCTAssertEqual(returned["signedPlace"], .null)
        XCTAssertEqual(returned["status"]?.stringValue, "approved")
        XCTAssertEqual(returned["filings"]?.arrayValue?.last?["status"]?.stringValue, "returned")
        XCTAssertEqual(
            returned["filings"]?.arrayValue?.last?["returnNote"]?.stringValue, "请附变更协议")
        XCTAssertEqual(returned.historyActions.last, "return_filing")
        XCTAssertEqual(
            try world.daemon.count("outbox", where: "body LIKE '%变更登记申请已被退回：请附变更协议%'"), 2)

        let second = try world.filedChange(id, ["signedPlace": "厦门"], by: handler)
        XCTAssertNotEqual(first, second)
        let approved = try world.clerk().result(
            "contract.approveFiling", ["filingId": .int(second)])
        XCTAssertEqual(approved["signedPlace"]?.stringValue, "厦门")
        XCTAssertEqual(
            approved["filings"]?.arrayValue?.compactMap { $0["status"]?.stringValue },
            ["returned", "approved"])
    }

    func testRefusedFilings() throws {
        let handler = try world.handler()
        let change: JSON = ["reason": "乙方更名", "signedPlace": "厦门"]

        let draft = try XCTUnwrap(
            try handler.result("contract.create", ContractWorld.form)["id"]?.intValue)
        let submitted = try world.submitted()
        let received = try world.received()
        for id in [draft, submitted, received] {
            let reply = try handler.call(
                "contract.fileChange", change.with(["contractId": .int(id)]))
            XCTAssertEqual(reply.errorReason, "invalid_transition", "contract \(id)")
            XCTAssertEqual(reply.errorCode, 4022, "contract \(id)")
            XCTAssertEqual(
                try handler.call(
                    "contract.fileCancellation", ["contractId": .int(id), "reason": "解除"])
                    .errorReason, "invalid_transition", "contract \(id)")
        }
        XCTAssertEqual(try world.daemon.count("contract_filings"), 0)

        let id = try world.approved()
        let params = change.with(["contractId": .int(id)])
        XCTAssertEqual(
            try handler.call("contract.fileChange", params.with(["reason": .null])).errorReason,
            "missing_param")
        XCTAssertEqual(
            try handler.call("contract.fileChange", params.with(["reason": "  "])).errorReason,
            "missing_field")
        XCTAssertEqual(
            try handler.call(
                "contract.fileChange",
                params.with(["signedPlace": .null, "buyerName": "北京清源环境工程有限公司"]))
                .errorReason, "no_change")
        XCTAssertEqual(
            try handler.call("contract.fileChange", params.with(["registeringSide": "buyer"]))
                .errorReason, "field_not_changeable")
        XCTAssertEqual(
            try handler.call("contract.fileChange", params.with(["techAmount": "1200000.01"]))
                .errorReason, "tech_amount_exceeds_amount")
        XCTAssertEqual(
            try handler.call("contract.fileChange", params.with(["sellerName": "别的单位"]))
                .errorReason, "registering_party_mismatch")
        XCTAssertEqual(try world.daemon.count("contract_filings"), 0)

        let filing = try world.filedChange(id, ["signedPlace": "厦门"], by: handler)
        let twice = try handler.call("contract.fileChange", params)
        XCTAssertEqual(twice.errorReason, "filing_open")
        XCTAssertEqual(twice.errorCode, 4022)
        XCTAssertEqual(
            try handler.call("contract.fileCancellation", ["contractId": .int(id), "reason": "解除"])
                .errorReason, "filing_open")

        let other = try world.handler(for: "seller_2")
        XCTAssertEqual(try other.call("contract.fileChange", params).errorReason, "not_found")
        XCTAssertEqual(
            try other.call("contract.filings", ["contractId": .int(id)]).errorReason, "not_found")

        _ = try world.addXiamenOffice()
        let stranger = try world.clerk("clerk_xm")
        let foreign = try stranger.call("contract.approveFiling", ["filingId": .int(filing)])
        XCTAssertEqual(foreign.errorReason, "not_found")
        XCTAssertEqual(foreign.errorCode, 3004)
        XCTAssertEqual(
            try stranger.call("contract.returnFiling", ["filingId": .int(filing), "note": "x"])
                .errorReason, "not_found")
        XCTAssertEqual(
            try world.clerk().call("contract.approveFiling", ["filingId": 9999]).errorReason,
            "not_found")
        XCTAssertEqual(
            try handler.call("contract.approveFiling", ["filingId": .int(filing)]).errorCode, 1003)
        XCTAssertEqual(
            try world.clerk().call("contract.fileChange", params).errorCode, 1003)
        XCTAssertEqual(
            try world.clerk().call("contract.returnFiling", ["filingId": .int(filing)])
                .errorReason, "missing_param")

        _ = try world.clerk().result("contract.approveFiling", ["filingId": .int(filing)])
        let again = try world.clerk("clerk_zheng").call(
            "contract.approveFiling", ["filingId": .int(filing)])
        XCTAssertEqual(again.errorReason, "already_decided")
        XCTAssertEqual(again.errorCode, 4010)
        XCTAssertEqual(
            try world.clerk().call("contract.returnFiling", ["filingId": .int(filing), "note": "x"])
                .errorReason, "already_decided")
        XCTAssertEqual(
            try world.daemon.count("contract_events", where: "action = 'register_change'"), 1)
    }

    func testTwoClerksRaceOnOneFiling() throws {
        let handler = try world.handler()
        let approvers = try (0..<3).map { _ in try world.clerk("clerk_lin") }
        let returners = try (0..<3).map { _ in try world.clerk("clerk_zheng") }

        for round in 1...8 {
            let id = try world.approved()
            let place = JSON.string("第\(round)轮")
            let filing = try world.filedChange(id, ["signedPlace": place], by: handler)
            let calls: [(RawClient, String, JSON)] =
                approvers.map { ($0, "contract.approveFiling", ["filingId": .int(filing)]) }
                + returners.map {
                    ($0, "contract.returnFiling", ["filingId": .int(filing), "note": "材料不全"])
                }
            let replies = SimultaneousCalls.run(calls)

            let winners = replies.enumerated().filter { $0.element["result"] != nil }
            XCTAssertEqual(winners.count, 1, "round \(round): \(replies)")
            for loser in replies where loser["result"] == nil {
                XCTAssertEqual(loser.errorCode, 4010, "round \(round): \(loser)")
                XCTAssertEqual(loser.errorReason, "already_decided", "round \(round)")
            }
            XCTAssertEqual(
                try world.daemon.count(
                    "contract_events",
                    where: "contract_id = \(id) AND action IN "
                        + "('register_change', 'return_filing')"),
                1, "round \(round)")
            XCTAssertEqual(
                try world.daemon.count(
                    "audit_log",
                    where: "subject = 'contract:\(id)' AND method IN "
                        + "('contract.approveFiling', 'contract.returnFiling')"),
                1, "round \(round)")
            if let winner = winners.first {
                let expected = winner.offset < approvers.count ? "approved" : "returned"
                XCTAssertEqual(
                    try world.daemon.text(
                        "SELECT status FROM contract_filings WHERE id = \(filing)"),
                    expected, "round \(round)")
                XCTAssertEqual(
                    try world.daemon.text("SELECT signed_place FROM contracts WHERE id = \(id)"),
                    expected == "approved" ? "第\(round)轮" : nil, "round \(round)")
            }
        }
    }
}
