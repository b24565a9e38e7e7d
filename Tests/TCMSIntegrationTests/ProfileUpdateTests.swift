import Foundation
import TCMSJSON
import XCTest

/// `person.update`, `entity.update` and their update records in `person.history` and
/// `entity.history`.
final class ProfileUpdateTests: XCTestCase {
    private var daemon: DaemonProcess!
    private var clock: TestClock!
    private let mobiles = MobileNumbers()

    override func setUpWithError() throws {
        let directory = makeTemporaryDirectory(self)
        clock = TestClock(self, directory: directory)
        daemon = try DaemonProcess(self, directory: directory, environment: clock.environment)
    }

    private func loggedIn(_ login: String, _ password: String = "Secret-2026!") throws
        -> RawClient
    {
        let client = try RawClient(path: daemon.socketPath)
        _ = try client.result(
            "session.login", ["login": .string(login), "password": .string(password)])
        return client
    }

    private func registerEntity() throws {
        let mobile = mobiles.make()
        let proof = try daemon.proveMobile(mobile)
        _ = try RawClient(path: daemon.socketPath).result(
            "entity.register",
            [
                "login": "unit_a", "password": "Unit-2026#ok", "mobile": .string(mobile),
                "mobileProof": .string(proof), "regionType": "domestic",
                "entityType": "enterprise", "name": "福建青岚环保科技有限公司",
                "uscc": "9135010219WXHW6N5T", "nature": "150", "legalRepName": "陈静怡",
                "legalRepDocumentNumber": "35010219871123006X", "postcode": "350001",
            ])
    }

    func testPersonEditIsKeptAsUpdateRecord() throws {
        try daemon.registerPerson(
            login: "chen_jing", documentNumber: sampleResidentIDs[0], mobiles: mobiles)
        let client = try loggedIn("chen_jing")
        clock.advance(by: 60)

        let edit = try client.result(
            "person.update", ["position": "高级工程师", "email": "chen@example.com"])
        XCTAssertEqual(edit["changes"]?.arrayValue?.count, 2)
        XCTAssertEqual(edit["profile"]?["position"], "高级工程师")
        let unchanged = try client.result("person.update", ["position": "高级工程师"])
        XCTAssertEqual(unchanged["changes"], .array([]))

        let history = try client.result("person.history")
        XCTAssertEqual(history["total"], 1)
        XCTAssertEqual(history["pages"], 1)
        let record = history["items"]?.arrayValue?.first
        XCTAssertEqual(record?["login"], "chen_jing")
        XCTAssertEqual(record?["role"], "person")
        XCTAssertEqual(record?["at"], "2026-03-01T10:01:00+08:00")
        let changes = record?["changes"]?.arrayValue ?? []
        XCTAssertTrue(changes.contains(["field": "position", "before": nil, "after": "高级工程师"]))
        XCTAssertEqual(try daemon.count("audit_log", where: "method = 'person.update'"), 1)
    }

    func testMalformedEditChangesNothing() throws {
        try daemon.registerPerson(
            login: "chen_jing", documentNumber: sampleResidentIDs[0], mobiles: mobiles)
        let client = try loggedIn("chen_jing")
        let reply = try client.call(
            "person.update",
            ["email": "no-at-sign", "documentValidUntil": "2031-02-30", "position": "经理"])
        XCTAssertEqual(Set(reply.errorFields), ["params.email", "params.documentValidUntil"])
        XCTAssertEqual(try daemon.count("profile_updates"), 0)
        XCTAssertEqual(try daemon.count("persons", where: "position IS NOT NULL"), 0)
    }

    func testPersonCannotEditSomeoneElse() throws {
        try daemon.registerPerson(
            login: "chen_jing", documentNumber: sampleResidentIDs[0], mobiles: mobiles)
        try daemon.registerPerson(
            login: "wang_fang", documentNumber: sampleResidentIDs[1], mobiles: mobiles)
        let client = try loggedIn("chen_jing")
        let reply = try client.call("person.update", ["login": "wang_fang", "position": "x"])
        XCTAssertEqual(reply.errorCode, 1003)
        XCTAssertEqual(reply.errorReason, "not_own_profile")
        XCTAssertEqual(try client.call("person.history", ["login": "wang_fang"]).errorCode, 1003)
        XCTAssertEqual(try daemon.count("profile_updates"), 0)
    }

    func testEntityEditChecksCodesAndKeepsRecords() throws {
        try registerEntity()
        let client = try loggedIn("unit_a", "Unit-2026#ok")

        let bad = try client.call("entity.update", ["industry": "9999", "postcode": "1"])
        XCTAssertEqual(Set(bad.errorFields), ["params.industry", "params.postcode"])
        XCTAssertEqual(try daemon.count("profile_updates"), 0)

        let edit = try client.result(
            "entity.update",
            ["shortName": "青岚环保", "postcode": "350002", "industry": "6513",
             "otherInfo": ["employees": 42]])
        XCTAssertEqual(edit["profile"]?["shortName"], "青岚环保")
        XCTAssertEqual(edit["profile"]?["otherInfo"]?["employees"], 42)
        let history = try client.result("entity.history", ["pageSize": 1])
        XCTAssertEqual(history["total"], 1)
        let changes = history["items"]?.arrayValue?.first?["changes"]?.arrayValue ?? []
        let postcode: JSON = ["field": "postcode", "before": "350001", "after": "350002"]
        XCTAssertTrue(changes.contains(postcode))
    }

    func testOperatorEditsAnyProfileAndRecordShowsOperator() throws {
        try registerEntity()
        let client = try RawClient(path: daemon.socketPath)
        _ = try client.result("entity.update", ["login": "unit_a", "homepage": "https://q.example"])
        let history = try client.result("entity.history", ["login": "unit_a"])
        XCTAssertEqual(history["items"]?.arrayValue?.first?["role"], "operator")
    }
}
