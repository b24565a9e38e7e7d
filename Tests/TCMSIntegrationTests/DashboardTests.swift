import Foundation
import TCMSJSON
import XCTest

/// `dashboard.get` for offices, entities and handlers: the six panes agree with
/// `contract.list`, and the reminders follow the clock, execution records and filings.
final class DashboardTests: XCTestCase {
    private var world: ContractWorld!

    override func setUpWithError() throws {
        world = try ContractWorld(self, entities: ["seller_1", "seller_2"])
    }

    /// Checks every pane of `client`'s dashboard against `contract.list` with the pane's own
    /// filter, and the counts against `expected`. Returns the dashboard.
    @discardableResult
    private func checkPanes(
        _ client: RawClient, _ params: JSON = [:], expected: [String: Int64],
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> JSON {
        let dashboard = try client.result("dashboard.get", params, file: file, line: line)
        let panes = try XCTUnwrap(dashboard["panes"]?.arrayValue, file: file, line: line)
        XCTAssertEqual(
            panes.compactMap { $0["key"]?.stringValue },
            ["unreceived", "received", "approved", "returned", "execution_due", "change_due"],
            file: file, line: line)
        for pane in panes {
            let key = pane["key"]?.stringValue ?? ""
            let count = try XCTUnwrap(pane["count"]?.intValue, file: file, line: line)
            let filter = try XCTUnwrap(pane["listFilter"], file: file, line: line)
            let listed = try client.result(
                "contract.list", ["filter": filter, "pageSize": 200], file: file, line: line)
            XCTAssertEqual(listed["total"]?.intValue, count, key, file: file, line: line)
            XCTAssertEqual(count, expected[key], key, file: file, line: line)

            let newest = pane["newest"]?.arrayValue?.compactMap { $0["contractId"]?.intValue } ?? []
            let listedIDs = listed["items"]?.arrayValue?.compactMap { $0["id"]?.intValue } ?? []
            XCTAssertEqual(newest.count, min(5, listedIDs.count), key, file: file, line: line)
            if key == "execution_due" {
                XCTAssertTrue(Set(newest).isSubset(of: listedIDs), key, file: file, line: line)
            } else {
                XCTAssertEqual(newest, Array(listedIDs.prefix(5)), key, file: file, line: line)
            }
            for item in pane["newest"]?.arrayValue ?? [] {
                XCTAssertNotNil(item["at"]?.stringValue, "\(key): \(item)", file: file, line: line)
                XCTAssertNotNil(item["title"]?.stringValue, key, file: file, line: line)
            }
        }
        return dashboard
    }

    func testPanesMatchListForEveryRole() throws {
        let handler = try world.handler()
        let clerk = try world.clerk()
        _ = try handler.result("contract.create", ContractWorld.form)
        _ = try world.submitted(by: handler)
        _ = try world.submitted(by: handler)
        _ = try world.submitted(by: try world.handler(for: "seller_2"))
        _ = try world.received()
        _ = try world.received()
        let large = try world.received(["amount": "8000000.00", "techAmount": "6000000.00"])
        _ = try clerk.result(
            "contract.approve", ["contractId": .int(large), "techAmount": "6000000.00"])
        let returned = try world.received()
        _ = try clerk.result(
            "contract.return", ["contractId": .int(returned), "reasons": ["other"], "note": "缺页"])
        _ = try world.approved(["validUntil": "2026-04-20"])
        let waiting = try world.approved()
        _ = try world.filedChange(waiting, ["signedPlace": "厦门"], by: handler)
        let bounced = try world.approved()
        let filing = try world.filedChange(bounced, ["signedPlace": "泉州"], by: handler)
        _ = try clerk.result("contract.returnFiling", ["filingId": .int(filing), "note": "缺协议"])

        let office: [String: Int64] = [
            "unreceived": 3, "received": 3, "approved": 3, "returned": 1, "execution_due": 1,
            "change_due": 1,
        ]
        var entity = office
        entity["unreceived"] = 2
        let seller = try XCTUnwrap(world.entityIDs["seller_1"])
        let operatorClient = try RawClient(path: world.daemon.socketPath)

        let clerkView = try checkPanes(clerk, expected: office)
        XCTAssertEqual(clerkView["scope"]?.stringValue, "office")
        XCTAssertEqual(clerkView["name"]?.stringValue, "福州技术市场")
        XCTAssertEqual(clerkView["executionDueBy"]?.stringValue, "2026-05-01")
        let change = clerkView["panes"]?.arrayValue?.last?["newest"]?.arrayValue?.first
        XCTAssertEqual(change?["contractId"]?.intValue, waiting)
        XCTAssertNotNil(change?["filingId"]?.intValue)
        try checkPanes(
            operatorClient, ["officeId": .int(world.officeID)], expected: office)
        try checkPanes(clerk, ["officeId": .int(world.officeID)], expected: office)

        let handlerView = try checkPanes(handler, expected: entity)
        XCTAssertEqual(handlerView["scope"]?.stringValue, "handler")
        XCTAssertEqual(
            handlerView["panes"]?.arrayValue?.last?["newest"]?.arrayValue?.first?["filingId"]?
                .intValue, filing)
        try checkPanes(try world.daemon.loggedIn("seller_1"), expected: entity)
        try checkPanes(operatorClient, ["entityId": .int(seller)], expected: entity)
    }

    func testExecutionReminderFollowsClockAndRecords() throws {
        let soon = try world.approved(["validUntil": "2026-05-20"])
        let later = try world.approved(["validUntil": "2026-06-30"])
        _ = try world.approved(["validUntil": .null])
        func due() throws -> [Int64] {
            let dashboard = try world.handler().result("dashboard.get")
            let pane = dashboard["panes"]?.arrayValue?.first {
                $0["key"]?.stringValue == "execution_due"
            }
            XCTAssertEqual(pane?["label"]?.stringValue, "执行提醒")
            return pane?["newest"]?.arrayValue?.compactMap { $0["contractId"]?.intValue } ?? []
        }
        XCTAssertEqual(try due(), [])

        // 2026-04-21: the window of 30 days reaches 2026-05-21.
        world.clock.advance(by: 20 * 86_400)
        XCTAssertEqual(try due(), [soon])

        // 2026-06-05: the first contract's validity has ended, the second ends within 30 days.
        world.clock.advance(by: 45 * 86_400)
        XCTAssertEqual(try due(), [later, soon])
        let clerkView = try world.clerk().result("dashboard.get")
        XCTAssertEqual(clerkView["panes"]?.arrayValue?[4]["count"]?.intValue, 2)

        _ = try world.handler().result(
            "contract.recordExecution",
            ["contractId": .int(soon), "kind": "payment", "occurredOn": "2026-06-01",
             "amount": "300000.00", "techAmount": "240000.00"])
        XCTAssertEqual(try due(), [later])
        XCTAssertEqual(
            try world.clerk().result("dashboard.get")["panes"]?.arrayValue?[4]["count"]?.intValue,
            1)
    }

    func testChangeRemindersFollowFilings() throws {
        let id = try world.approved()
        let handler = try world.handler()
        func counts() throws -> (office: Int64?, entity: Int64?) {
            let office = try world.clerk().result("dashboard.get")["panes"]?.arrayValue?[5]
            let entity = try handler.result("dashboard.get")["panes"]?.arrayValue?[5]
            return (office?["count"]?.intValue, entity?["count"]?.intValue)
        }
        XCTAssertTrue(try counts() == (0, 0))

        let first = try world.filedChange(id, ["signedPlace": "厦门"], by: handler)
        XCTAssertTrue(try counts() == (1, 0))
        _ = try world.clerk().result(
            "contract.returnFiling", ["filingId": .int(first), "note": "请附变更协议"])
        XCTAssertTrue(try counts() == (0, 1))

        let second = try world.filedChange(id, ["signedPlace": "厦门"], by: handler)
        XCTAssertTrue(try counts() == (1, 0))
        _ = try world.clerk().result("contract.approveFiling", ["filingId": .int(second)])
        XCTAssertTrue(try counts() == (0, 0))
    }

    func testScopeParamsAreChecked() throws {
        let operatorClient = try RawClient(path: world.daemon.socketPath)
        let seller = try XCTUnwrap(world.entityIDs["seller_1"])
        let other = try XCTUnwrap(world.entityIDs["seller_2"])
        let xiamen = try world.addXiamenOffice()

        let bare = try operatorClient.call("dashboard.get")
        XCTAssertEqual(bare.errorCode, -32602)
        XCTAssertEqual(bare.errorReason, "missing_param")
        XCTAssertEqual(
            try operatorClient.call(
                "dashboard.get", ["officeId": .int(world.officeID), "entityId": .int(seller)])
                .errorCode, -32602)
        XCTAssertEqual(
            try operatorClient.call("dashboard.get", ["officeId": 9999]).errorReason,
            "office_not_found")
        XCTAssertEqual(
            try operatorClient.call("dashboard.get", ["entityId": 9999]).errorReason,
            "entity_not_found")
        let xiamenView = try operatorClient.result("dashboard.get", ["officeId": .int(xiamen)])
        XCTAssertEqual(xiamenView["name"]?.stringValue, "厦门技术市场")

        let clerk = try world.clerk()
        let foreign = try clerk.call("dashboard.get", ["officeId": .int(xiamen)])
        XCTAssertEqual(foreign.errorCode, 1003)
        XCTAssertEqual(foreign.errorReason, "not_own_office")
        XCTAssertEqual(
            try clerk.call("dashboard.get", ["entityId": .int(seller)]).errorReason,
            "not_own_entity")
        let handler = try world.handler()
        XCTAssertEqual(
            try handler.call("dashboard.get", ["officeId": .int(world.officeID)]).errorReason,
            "not_own_office")
        XCTAssertEqual(
            try handler.call("dashboard.get", ["entityId": .int(other)]).errorReason,
            "not_own_entity")
        XCTAssertEqual(
            try handler.result("dashboard.get", ["entityId": .int(seller)])["entityId"]?
                .intValue, seller)
        XCTAssertEqual(
            try world.daemon.loggedIn("seller_1").call("dashboard.get", ["entityId": .int(other)])
                .errorReason, "not_own_entity")
        XCTAssertEqual(
            try world.daemon.session(ContractWorld.handlerLogin).call("dashboard.get").errorCode,
            1003)
    }

    func testListFiltersRejectBadValues() throws {
        let clerk = try world.clerk()
        let cases: [(JSON, String, String)] = [
            (["statuses": "submitted,sent"], "invalid_code", "params.filter.statuses"),
            (["statuses": ""], "invalid_code", "params.filter.statuses"),
            (["filing": "open"], "invalid_code", "params.filter.filing"),
            (["executionDueBy": "2026-02-30"], "invalid_date", "params.filter.executionDueBy"),
        ]
        for (filter, reason, field) in cases {
            let reply = try clerk.call("contract.list", ["filter": filter])
            XCTAssertEqual(reply.errorCode, -32602, "\(filter)")
            XCTAssertEqual(reply.errorReason, reason, "\(filter)")
            XCTAssertEqual(reply.errorFields, [field], "\(filter)")
        }
        let both = try clerk.result(
            "contract.list", ["filter": ["statuses": "submitted, text_received"]])
        XCTAssertEqual(both["total"]?.intValue, 0)
    }

    func testReminderWindowFollowsSetting() throws {
        let short = try ContractWorld(self, config: "execution_reminder_days = 10\n")
        let id = try short.approved(["validUntil": "2026-04-20"])
        func dueCount() throws -> Int64? {
            let dashboard = try short.handler().result("dashboard.get")
            XCTAssertEqual(dashboard["executionReminderDays"]?.intValue, 10)
            return dashboard["panes"]?.arrayValue?[4]["count"]?.intValue
        }
        XCTAssertEqual(try dueCount(), 0)
        // 2026-04-09: the window of 10 days reaches 2026-04-19, one day short.
        short.clock.advance(by: 8 * 86_400)
        XCTAssertEqual(try dueCount(), 0)
        short.clock.advance(by: 86_400)
        XCTAssertEqual(try dueCount(), 1)
        let listed = try short.handler().result(
            "contract.list", ["filter": ["executionDueBy": "2026-04-20"]])
        XCTAssertEqual(listed["items"]?.arrayValue?.first?["id"]?.intValue, id)
    }
}
