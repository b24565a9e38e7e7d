import Foundation
import TCMSJSON
import XCTest

/// Who sees which contracts, through `contract.get`, `contract.list` and the clerk's
/// decisions: a handler its own registrations for the entity it acts for, an entity admin or
/// main agent the entity's, a clerk the office's except drafts, an operator all, and a person
/// without the handler role or an anonymous caller none.
final class ContractVisibilityTests: XCTestCase {
    private var world: ContractWorld!
    private var daemon: DaemonProcess { world.daemon }

    /// Contract ids by the label of who registered them and in which state.
    private var ids: [String: Int64] = [:]
    private var grantOfHandlerB: Int64 = 0
    private var xiamenEntityID: Int64 = 0

    override func setUpWithError() throws {
        world = try ContractWorld(self, entities: ["seller_1", "seller_2"])
        try daemon.importFixtures(
            persons: {
                ["user000002", "user000003", "user000004"].contains($0["login"]?.stringValue)
            },
            entities: { _ in false })

        let admin = try daemon.loggedIn("seller_1")
        let grant = try XCTUnwrap(
            try AuthorizationFixtures.grants(of: "unit000001").first {
                $0["personLogin"]?.stringValue == "user000002"
            })
        grantOfHandlerB = try XCTUnwrap(
            try admin.result("authorization.grant", grantParams(grant))["id"]?.intValue)
        _ = try admin.result(
            "entity.setMainAgent",
            ["agentLogin": "user000003", "name": "田源", "mobile": "15016364294",
             "documentType": "hk_macau_resident_permit", "documentNumber": "M32489532"])

        let xiamen = try daemon.createOffice("厦门技术市场", ["350200"])
        try daemon.createClerk("clerk_xm", officeID: xiamen)
        xiamenEntityID = try world.addEntity("xm_1", division: "350203", approvedBy: "clerk_xm")

        let handlerA = try world.handler(for: "seller_1")
        let handlerB = try handlerB()
        ids["A draft"] = try XCTUnwrap(
            try handlerA.result("contract.create", ContractWorld.form)["id"]?.intValue)
        ids["A approved"] = try world.submitted(by: handlerA)
        ids["A submitted"] = try world.submitted(by: handlerA)
        ids["B draft"] = try XCTUnwrap(
            try handlerB.result("contract.create", ContractWorld.form)["id"]?.intValue)
        ids["B submitted"] = try world.submitted(by: handlerB)
        ids["A for seller_2"] = try world.submitted(by: try world.handler(for: "seller_2"))
        ids["A for xm_1"] = try world.submitted(by: try handlerAForXiamen())

        let clerk = try world.clerk()
        let approved = try XCTUnwrap(ids["A approved"])
        _ = try clerk.result("contract.receiveText", ["contractId": .int(approved)])
        _ = try clerk.result(
            "contract.approve", ["contractId": .int(approved), "techAmount": "900000.00"])
    }

    private func handlerB() throws -> RawClient {
        let client = try daemon.session("user000002")
        let seller = try XCTUnwrap(world.entityIDs["seller_1"])
        _ = try client.result("handler.select", ["entityId": .int(seller)])
        return client
    }

    private func handlerAForXiamen() throws -> RawClient {
        try world.handler(entityID: xiamenEntityID)
    }

    /// The labels of `ids` that each caller sees.
    private var expectedVisible: [String: Set<String>] {
        let seller1 = ["A draft", "A approved", "A submitted", "B draft", "B submitted"]
        return [
            "handler A": ["A draft", "A approved", "A submitted"],
            "handler B": ["B draft", "B submitted"],
            "handler A for seller_2": ["A for seller_2"],
            "handler A for xm_1": ["A for xm_1"],
            "entity admin": Set(seller1),
            "entity admin of seller_2": ["A for seller_2"],
            "main agent": Set(seller1),
            "clerk of the office": ["A approved", "A submitted", "B submitted", "A for seller_2"],
            "clerk of another office": ["A for xm_1"],
            "operator": Set(ids.keys),
        ]
    }

    private func callers() throws -> [String: RawClient] {
        [
            "handler A": try world.handler(for: "seller_1"),
            "handler B": try handlerB(),
            "handler A for seller_2": try world.handler(for: "seller_2"),
            "handler A for xm_1": try handlerAForXiamen(),
            "entity admin": try daemon.loggedIn("seller_1"),
            "entity admin of seller_2": try daemon.loggedIn("seller_2"),
            "main agent": try daemon.session("user000003"),
            "clerk of the office": try world.clerk(),
            "clerk of another office": try daemon.loggedIn("clerk_xm"),
            "operator": try RawClient(path: daemon.socketPath),
        ]
    }

    func testGetAndListFollowTheRoles() throws {
        for (name, client) in try callers() {
            let visible = try XCTUnwrap(expectedVisible[name])
            for (label, id) in ids {
                let reply = try client.call("contract.get", ["contractId": .int(id)])
                if visible.contains(label) {
                    XCTAssertEqual(reply["result"]?["id"]?.intValue, id, "\(name) gets \(label)")
                } else {
                    XCTAssertEqual(reply.errorCode, 3004, "\(name) gets \(label): \(reply)")
                    XCTAssertEqual(reply.errorReason, "not_found", "\(name) gets \(label)")
                }
            }
            let listed = try client.result("contract.list", ["pageSize": 200])
            XCTAssertEqual(listed["total"]?.intValue, Int64(visible.count), name)
            XCTAssertEqual(
                Set(listed["items"]?.arrayValue?.compactMap { $0["id"]?.intValue } ?? []),
                Set(visible.compactMap { ids[$0] }), name)
        }
    }

    func testCallersWithoutContractRoleAreRefused() throws {
        let person = try daemon.session("user000004")
        let unselected = try daemon.session(ContractWorld.handlerLogin)
        let id = try XCTUnwrap(ids["A submitted"])
        for (name, client) in [("person", person), ("handler before select", unselected)] {
            let get = try client.call("contract.get", ["contractId": .int(id)])
            XCTAssertEqual(get.errorCode, 1003, "\(name) contract.get: \(get)")
            let list = try client.call("contract.list")
            XCTAssertEqual(list.errorCode, 1003, "\(name) contract.list: \(list)")
        }

        for method in ["contract.get", "contract.list"] {
            let anonymous = try callAsNobody(daemon, method, #"{"contractId": \#(id)}"#)
            XCTAssertEqual(anonymous.status, 1, "anonymous \(method): \(anonymous)")
            XCTAssertTrue(
                (anonymous.stdout + anonymous.stderr).contains("not_authenticated")
                    || (anonymous.stdout + anonymous.stderr).contains("1001"),
                "anonymous \(method): \(anonymous)")
        }
    }

    func testClerkDecisionsStayInsideTheOffice() throws {
        let local = try XCTUnwrap(ids["A submitted"])
        let remote = try XCTUnwrap(ids["A for xm_1"])
        let draft = try XCTUnwrap(ids["A draft"])
        let fuzhou = try world.clerk()
        let xiamen = try daemon.loggedIn("clerk_xm")
        let approve: (Int64) -> JSON = { ["contractId": .int($0), "techAmount": "900000.00"] }
        let decisions: [(String, (Int64) -> JSON)] = [
            ("contract.receiveText", { ["contractId": .int($0)] }),
            ("contract.approve", approve),
            ("contract.return", { ["contractId": .int($0), "reasons": ["seal_mismatch"]] }),
        ]
        for (method, params) in decisions {
            for (clerk, id) in [(xiamen, local), (fuzhou, remote), (fuzhou, draft)] {
                let reply = try clerk.call(method, params(id))
                XCTAssertEqual(reply.errorReason, "not_found", "\(method) on \(id): \(reply)")
                XCTAssertEqual(reply.errorCode, 3004, "\(method) on \(id)")
            }
            let byHandler = try world.handler().call(method, params(local))
            XCTAssertEqual(byHandler.errorCode, 1003, "handler calls \(method)")
        }
        XCTAssertEqual(try daemon.text("SELECT status FROM contracts WHERE id = \(local)"),
                       "submitted")
        XCTAssertEqual(try daemon.text("SELECT status FROM contracts WHERE id = \(remote)"),
                       "submitted")

        // The decision shows in the history to those who see the contract, and only to them.
        let approved = try XCTUnwrap(ids["A approved"])
        let history = try world.handler().result("contract.get", ["contractId": .int(approved)])
        let steps = history["history"]?.arrayValue ?? []
        XCTAssertEqual(steps.compactMap { $0["action"]?.stringValue },
                       ["submit", "receive_text", "approve"])
        XCTAssertEqual(steps.last?["login"]?.stringValue, "clerk_lin")
        XCTAssertEqual(steps.last?["officeName"]?.stringValue, "福州技术市场")
        XCTAssertEqual(
            try handlerB().call("contract.get", ["contractId": .int(approved)]).errorReason,
            "not_found")
        XCTAssertEqual(
            try xiamen.call("contract.list", ["filter": ["status": "approved"]])["result"]?[
                "total"]?.intValue, 0)
    }

    func testRevokedAuthorizationEndsAccessAtNextCall() throws {
        let handler = try handlerB()
        let own = try XCTUnwrap(ids["B submitted"])
        XCTAssertNotNil(try handler.call("contract.get", ["contractId": .int(own)])["result"])

        _ = try daemon.loggedIn("seller_1").result(
            "authorization.revoke", ["id": .int(grantOfHandlerB)])
        let next = try handler.call("contract.get", ["contractId": .int(own)])
        XCTAssertNil(next["result"], "\(next)")
        XCTAssertEqual(next.errorReason, "authorization_ended", "\(next)")
        let after = try handler.call("contract.list")
        XCTAssertEqual(after.errorCode, 1003, "\(after)")
        XCTAssertEqual(try handler.result("session.whoami")["role"]?.stringValue, "person")

        // The contract stays the entity's: its admin still sees it.
        XCTAssertNotNil(
            try daemon.loggedIn("seller_1").call("contract.get", ["contractId": .int(own)])[
                "result"])
    }
}
