import Foundation
import TCMSJSON
import XCTest

/// The contract's way through the office: the handler registers and submits, the clerk
/// receives the text and approves or returns, and the handler corrects and resubmits.
final class ContractRegistrationTests: XCTestCase {
    private var world: ContractWorld!

    override func setUpWithError() throws {
        world = try ContractWorld(self)
    }

    func testCreateSubmitReceiveApproveAssignsNumber() throws {
        let handler = try world.handler()
        let created = try handler.result("contract.create", ContractWorld.form)
        XCTAssertEqual(created["status"]?.stringValue, "draft")
        XCTAssertEqual(created["seller"]?["name"]?.stringValue, "测试单位seller_1")
        XCTAssertEqual(created["seller"]?["division"]?.stringValue, "350102")
        XCTAssertEqual(created["amount"]?.stringValue, "1200000.00")
        XCTAssertEqual(created["categoryLabel"]?.stringValue, "技术开发")
        let id = try XCTUnwrap(created["id"]?.intValue)

        let submitted = try handler.result("contract.submit", ["contractId": .int(id)])
        XCTAssertEqual(submitted["status"]?.stringValue, "submitted")
        XCTAssertEqual(submitted["statusLabel"]?.stringValue, "未收文本")
        XCTAssertEqual(submitted["officeName"]?.stringValue, "福州技术市场")
        XCTAssertEqual(submitted["regime"]?.stringValue, "measures_2026")

        let clerk = try world.clerk()
        let received = try clerk.result("contract.receiveText", ["contractId": .int(id)])
        XCTAssertEqual(received["status"]?.stringValue, "text_received")
        XCTAssertEqual(received["textReceivedOn"]?.stringValue, "2026-04-01")
        XCTAssertEqual(received["timeLimit"]?["limit"]?.stringValue, "15个工作日")
        XCTAssertEqual(received["timeLimit"]?["daysLeft"]?.intValue, 15)

        let approved = try clerk.result(
            "contract.approve", ["contractId": .int(id), "techAmount": "900000.00"])
        XCTAssertEqual(approved["status"]?.stringValue, "approved")
        XCTAssertEqual(approved["registrationNumber"]?.stringValue, "2026350100000001")
        XCTAssertEqual(approved["approvedTechAmount"]?.stringValue, "900000.00")
        XCTAssertEqual(
            approved["history"]?.arrayValue?.compactMap { $0["action"]?.stringValue },
            ["submit", "receive_text", "approve"])
        XCTAssertEqual(try world.daemon.count("outbox", where: "body LIKE '%2026350100000001%'"), 2)
    }

    func testReturnThenResubmitKeepsEveryRound() throws {
        let id = try world.received()
        let clerk = try world.clerk()
        let returned = try clerk.result(
            "contract.return",
            ["contractId": .int(id), "reasons": ["seal_mismatch", "other"],
             "note": "乙方盖章名称与合同不一致"])
        XCTAssertEqual(returned["status"]?.stringValue, "returned")
        XCTAssertEqual(
            returned["returnGrounds"]?.arrayValue?.compactMap { $0["code"]?.stringValue },
            ["seal_mismatch", "other"])

        let handler = try world.handler()
        let changed = try handler.result(
            "contract.update", ["contractId": .int(id), "buyerName": "北京清源环境工程股份有限公司"])
        XCTAssertEqual(changed["buyer"]?["name"]?.stringValue, "北京清源环境工程股份有限公司")
        XCTAssertEqual(
            try world.daemon.text(
                "SELECT before FROM audit_log WHERE method = 'contract.update'"),
            #"{"buyerName":"北京清源环境工程有限公司"}"#)
        XCTAssertEqual(
            try world.daemon.text("SELECT after FROM audit_log WHERE method = 'contract.update'"),
            #"{"buyerName":"北京清源环境工程股份有限公司"}"#)
        let again = try handler.result("contract.submit", ["contractId": .int(id)])
        XCTAssertEqual(again["status"]?.stringValue, "submitted")
        XCTAssertEqual(again["round"]?.intValue, 2)
        XCTAssertEqual(
            again["history"]?.arrayValue?.compactMap { $0["action"]?.stringValue },
            ["submit", "receive_text", "return", "resubmit"])
    }

    func testRefusedTransitions() throws {
        let handler = try world.handler()
        let clerk = try world.clerk()
        let draft = try XCTUnwrap(
            try handler.result("contract.create", ContractWorld.form)["id"]?.intValue)
        // A clerk does not see drafts at all.
        XCTAssertEqual(
            try clerk.call("contract.approve", ["contractId": .int(draft), "techAmount": "1.00"])
                .errorReason, "not_found")

        let id = try world.submitted()
        XCTAssertEqual(
            try clerk.call("contract.approve", ["contractId": .int(id), "techAmount": "1.00"])
                .errorReason, "invalid_transition")
        _ = try clerk.result("contract.receiveText", ["contractId": .int(id)])
        let twice = try clerk.call("contract.receiveText", ["contractId": .int(id)])
        XCTAssertEqual(twice.errorReason, "already_decided")
        XCTAssertEqual(twice.errorCode, 4010)
        XCTAssertEqual(
            try handler.call("contract.withdraw", ["contractId": .int(id)]).errorReason,
            "invalid_transition")
        XCTAssertEqual(
            try handler.call("contract.update", ["contractId": .int(id), "title": "改名"])
                .errorReason, "invalid_state")
        XCTAssertEqual(
            try clerk.call("contract.approve", ["contractId": .int(id)]).errorReason,
            "missing_param")
        XCTAssertEqual(
            try clerk.call(
                "contract.approve", ["contractId": .int(id), "techAmount": "1200000.01"])
                .errorReason, "tech_amount_exceeds_amount")
        XCTAssertEqual(
            try world.daemon.text("SELECT status FROM contracts WHERE id = \(id)"),
            "text_received")
        XCTAssertEqual(try world.daemon.count("registration_sequences"), 0)
    }

    func testFormProblemsAreReportedTogether() throws {
        let reply = try world.handler().call(
            "contract.create",
            ContractWorld.form.with([
                "subtype": "TRF-PAT", "amount": "100.00", "techAmount": "200.00",
                "ipType": "IP-NOPE", "buyerName": .null,
            ]))
        XCTAssertEqual(reply.errorCode, 2001)
        XCTAssertEqual(
            Set(reply.errorReasons),
            ["subtype_category_mismatch", "unknown_code", "missing_field",
             "tech_amount_exceeds_amount"])
        XCTAssertEqual(try world.daemon.count("contracts"), 0)
    }

    func testStageKeepsLostFirstApprovalFromGivingSecond() throws {
        let id = try world.received(["amount": "7000000.00", "techAmount": "6000000.00"])
        let lin = try world.clerk("clerk_lin")
        let wu = try world.clerk("clerk_wu")
        XCTAssertEqual(
            try wu.call("contract.approve", ["contractId": .int(id), "stage": "second"])
                .errorReason, "invalid_transition")

        let first = try lin.result(
            "contract.approve",
            ["contractId": .int(id), "techAmount": "6000000.00", "stage": "first"])
        XCTAssertEqual(first["status"]?.stringValue, "awaiting_second_approval")

        let late = try wu.call(
            "contract.approve",
            ["contractId": .int(id), "techAmount": "6000000.00", "stage": "first"])
        XCTAssertEqual(late.errorCode, 4010)
        XCTAssertEqual(late.errorReason, "already_decided")
        XCTAssertEqual(
            try world.daemon.text("SELECT status FROM contracts WHERE id = \(id)"),
            "awaiting_second_approval")

        let second = try wu.result(
            "contract.approve", ["contractId": .int(id), "stage": "second"])
        XCTAssertEqual(second["status"]?.stringValue, "approved")
        XCTAssertEqual(second["registrationNumber"]?.stringValue, "2026350100000001")
        XCTAssertEqual(
            try wu.call("contract.approve", ["contractId": .int(id), "stage": "bogus"])
                .errorReason, "invalid_code")
    }
}
