import Foundation
import TCMSJSON
import XCTest

/// `handler.context` and `handler.select`: a person authorized by two fixture entities picks
/// one, acts as its handler, and loses the role once the grant is revoked or expires.
final class HandlerContextTests: XCTestCase {
    private var daemon: DaemonProcess!
    private var clock: TestClock!
    private let personLogin = "user000001"
    private var grant: JSONObject = [:]

    override func setUpWithError() throws {
        let directory = makeTemporaryDirectory(self)
        // 20:00, so a test can pass midnight within the 8-hour session.
        clock = TestClock(self, directory: directory, start: "2026-03-01T20:00:00+08:00")
        daemon = try DaemonProcess(self, directory: directory, environment: clock.environment)
        grant = try XCTUnwrap(
            try AuthorizationFixtures.grants(of: "unit000001").first {
                $0["personLogin"]?.stringValue == personLogin
            })
        try daemon.importFixtures(
            persons: { $0["login"]?.stringValue == "user000001" },
            entities: {
                ["unit000001", "unit000002", "unit000003"].contains($0["login"]?.stringValue ?? "")
            })
    }

    @discardableResult
    private func authorize(_ entityLogin: String, _ extra: [String: JSON] = [:]) throws -> JSON {
        try daemon.session(entityLogin).result("authorization.grant", grantParams(grant, extra))
    }

    private func entityID(_ context: JSON, unit entityLogin: String) throws -> JSON {
        let entry = context["entities"]?.arrayValue?.first {
            $0["entityLogin"]?.stringValue == entityLogin
        }
        return try XCTUnwrap(entry?["entityId"])
    }

    func testContextListsAuthorizingEntities() throws {
        try authorize("unit000001")
        try authorize("unit000002")
        let person = try daemon.session(personLogin)
        let context = try person.result("handler.context")
        XCTAssertEqual(context["role"]?.stringValue, "person")
        XCTAssertEqual(context["login"]?.stringValue, personLogin)
        XCTAssertEqual(context["name"]?.stringValue, "苏萍")
        XCTAssertEqual(context["mobile"]?.stringValue, "17*****697")
        XCTAssertEqual(context["entityId"], .null)
        XCTAssertEqual(context["unitName"], .null)
        let entities = try XCTUnwrap(context["entities"]?.arrayValue)
        XCTAssertEqual(entities.compactMap { $0["entityLogin"]?.stringValue },
                       ["unit000001", "unit000002"])
        XCTAssertEqual(entities.first?["unitName"]?.stringValue, "武汉景源水利科技有限公司")
        XCTAssertEqual(entities.first?["matterLabel"]?.stringValue, "技术合同管理-事项办理员")
    }

    func testSelectMakesConnectionHandler() throws {
        try authorize("unit000001")
        try authorize("unit000002")
        let person = try daemon.session(personLogin)
        let id = try entityID(try person.result("handler.context"), unit: "unit000002")

        let selected = try person.result("handler.select", ["entityId": id])
        XCTAssertEqual(selected["role"]?.stringValue, "handler")
        XCTAssertEqual(selected["roleLabel"]?.stringValue, "办件人")
        XCTAssertEqual(selected["login"]?.stringValue, personLogin)
        XCTAssertEqual(selected["name"]?.stringValue, "苏萍")
        XCTAssertEqual(selected["mobile"]?.stringValue, "17*****697")
        XCTAssertEqual(selected["entityId"], id)
        XCTAssertEqual(selected["unitName"]?.stringValue, "成都天恒医药科技有限公司")

        XCTAssertEqual(try person.result("session.whoami")["role"]?.stringValue, "handler")
        XCTAssertEqual(
            try person.result("handler.context")["unitName"]?.stringValue, "成都天恒医药科技有限公司")
        let other = try entityID(try person.result("handler.context"), unit: "unit000001")
        let switched = try person.result("handler.select", ["entityId": other])
        XCTAssertEqual(switched["unitName"]?.stringValue, "武汉景源水利科技有限公司")
    }

    func testRevokeEndsHandlerRoleOnNextCall() throws {
        let granted = try authorize("unit000001")
        try authorize("unit000002")
        let person = try daemon.session(personLogin)
        let id = try entityID(try person.result("handler.context"), unit: "unit000001")
        _ = try person.result("handler.select", ["entityId": id])

        _ = try daemon.session("unit000001").result(
            "authorization.revoke", ["id": granted["id"]!])
        let ended = try person.call("handler.context")
        XCTAssertEqual(ended.errorCode, 1003)
        XCTAssertEqual(ended.errorReason, "authorization_ended")

        XCTAssertEqual(try person.result("session.whoami")["role"]?.stringValue, "person")
        let context = try person.result("handler.context")
        XCTAssertEqual(context["role"]?.stringValue, "person")
        XCTAssertEqual(
            context["entities"]?.arrayValue?.compactMap { $0["entityLogin"]?.stringValue },
            ["unit000002"])
        let again = try person.call("handler.select", ["entityId": id])
        XCTAssertEqual(again.errorCode, 1003)
        XCTAssertEqual(again.errorReason, "not_authorized")
    }

    func testExpiryEndsHandlerRoleAtMidnight() throws {
        try authorize("unit000001", ["validUntil": "2026-03-01"])
        let person = try daemon.session(personLogin)
        let id = try entityID(try person.result("handler.context"), unit: "unit000001")
        _ = try person.result("handler.select", ["entityId": id])

        clock.advance(by: 3 * 3600 + 59 * 60)
        XCTAssertEqual(try person.result("handler.context")["role"]?.stringValue, "handler")
        clock.advance(by: 120)
        XCTAssertEqual(try person.call("handler.context").errorReason, "authorization_ended")
        let context = try person.result("handler.context")
        XCTAssertEqual(context["role"]?.stringValue, "person")
        XCTAssertEqual(context["entities"]?.arrayValue?.count, 0)
    }

    func testSelectWithoutGrantInForceIsRefused() throws {
        try authorize("unit000001", ["validFrom": "2026-03-02"])
        let person = try daemon.session(personLogin)
        XCTAssertEqual(try person.result("handler.context")["entities"]?.arrayValue?.count, 0)
        let unit = try XCTUnwrap(
            try daemon.session("unit000001").result("authorization.list")["items"]?
                .arrayValue?.first)
        XCTAssertEqual(unit["status"]?.stringValue, "not_yet_valid")

        for entity in [1, 2, 3, 999] {
            let reply = try person.call("handler.select", ["entityId": .int(Int64(entity))])
            XCTAssertEqual(reply.errorReason, "not_authorized", "entity \(entity)")
        }
        XCTAssertEqual(try person.result("session.whoami")["role"]?.stringValue, "person")
    }

    func testOtherRolesAreRefused() throws {
        try authorize("unit000001")
        let entity = try daemon.session("unit000001")
        XCTAssertEqual(try entity.call("handler.context").errorCode, 1003)
        XCTAssertEqual(try entity.call("handler.select", ["entityId": 1]).errorCode, 1003)
        let operatorClient = try RawClient(path: daemon.socketPath)
        XCTAssertEqual(try operatorClient.call("handler.context").errorCode, 1003)

        let person = try daemon.session(personLogin)
        let id = try entityID(try person.result("handler.context"), unit: "unit000001")
        _ = try person.result("handler.select", ["entityId": id])
        XCTAssertEqual(
            try person.call("authorization.grant", grantParams(grant)).errorCode, 1003)
        XCTAssertEqual(try person.call("authorization.list").errorCode, 1003)
        XCTAssertEqual(try person.result("session.whoami")["role"]?.stringValue, "handler")
    }
}
