import Foundation
import TCMSJSON
import XCTest

/// `person.searchForAuthorization`, `authorization.grant`, `authorization.update` and
/// `authorization.revoke`, against a daemon holding a few fixture persons and two entities.
final class AuthorizationTests: XCTestCase {
    private var daemon: DaemonProcess!
    private var clock: TestClock!
    private var grants: [JSONObject] = []

    override func setUpWithError() throws {
        let directory = makeTemporaryDirectory(self)
        clock = TestClock(self, directory: directory)
        daemon = try DaemonProcess(self, directory: directory, environment: clock.environment)
        grants = Array(try AuthorizationFixtures.grants(of: "unit000001").prefix(4))
        let logins = Set(grants.compactMap { $0["personLogin"]?.stringValue })
        try daemon.importFixtures(
            persons: { logins.contains($0["login"]?.stringValue ?? "") },
            entities: { ["unit000001", "unit000002"].contains($0["login"]?.stringValue ?? "") })
    }

    func testSearchAcceptsLowercaseCheckCharacter() throws {
        let mobile = "13900002001"
        let proof = try daemon.proveMobile(mobile)
        let anonymous = try RawClient(path: daemon.socketPath)
        let registered = try anonymous.result(
            "person.register", personParams(login: "lin_xiaomei", mobile: mobile, proof: proof))
        XCTAssertNotNil(registered["login"])
        XCTAssertEqual(
            try daemon.text("SELECT document_number FROM persons WHERE name = '林晓梅'"),
            "35010219871123006X")

        let entity = try daemon.session("unit000001")
        let found = try entity.result(
            "person.searchForAuthorization",
            ["name": "林晓梅", "documentType": "resident_id", "documentNumber": "35010219871123006x"])
        XCTAssertEqual(found["login"]?.stringValue, "lin_xiaomei")
        XCTAssertEqual(found["name"]?.stringValue, "林晓梅")
        XCTAssertEqual(found["documentType"]?.stringValue, "resident_id")
        XCTAssertEqual(found["documentTypeLabel"]?.stringValue, "居民身份证")
        XCTAssertEqual(found["documentNumber"]?.stringValue, "3501*****006X")
        XCTAssertEqual(found["authorized"], .bool(false))
        XCTAssertEqual(found["authorizedLabel"]?.stringValue, "该用户未被授权")

        let byLabel = try entity.result(
            "person.searchForAuthorization",
            ["name": "林晓梅", "documentType": "居民身份证", "documentNumber": "35010219871123006X"])
        XCTAssertEqual(byLabel["login"]?.stringValue, "lin_xiaomei")
    }

    func testSearchPartialMatchGivesOneReply() throws {
        let entity = try daemon.session("unit000001")
        let person = grants[0]
        let other = grants[1]
        let exact = try entity.result("person.searchForAuthorization", grantParams(person))
        XCTAssertEqual(exact["login"], person["personLogin"])

        let partials: [JSON] = [
            grantParams(person, ["name": "某某"]),
            grantParams(person, ["documentNumber": other["documentNumber"]!]),
            grantParams(person, ["documentType": "taiwan_resident_permit",
                                 "documentNumber": "05813377"]),
            grantParams(person, ["name": other["personName"]!]),
        ]
        var errors: [JSON] = []
        for params in partials {
            let reply = try entity.call("person.searchForAuthorization", params)
            XCTAssertNil(reply["result"], params.encodedString())
            errors.append(reply["error"] ?? .null)
        }
        XCTAssertEqual(errors[0]["code"]?.intValue, 3004)
        XCTAssertEqual(errors[0]["data"]?["reason"]?.stringValue, "person_not_found")
        XCTAssertNil(errors[0]["data"]?["field"])
        for error in errors.dropFirst() {
            XCTAssertEqual(error, errors[0])
        }
    }

    func testSearchSkipsUnverifiedPerson() throws {
        let client = try RawClient(path: daemon.socketPath)
        let passport: JSON = [
            "login": "passport_holder", "passwordHash": .string(AuthorizationFixtures.passwordHash),
            "name": "Ada Lin", "mobile": "13900002002", "identityType": "other",
            "documentType": "foreign_passport", "documentNumber": "E12345678",
        ]
        let imported = try client.result(
            "import.persons", ["lines": [["line": 1, "record": passport]]])
        XCTAssertEqual(imported["accepted"]?.intValue, 1, imported.encodedString())
        XCTAssertEqual(
            try daemon.text("SELECT verification_status FROM persons WHERE name = 'Ada Lin'"),
            "pending_review")

        let entity = try daemon.session("unit000001")
        let params: JSON = [
            "name": "Ada Lin", "documentType": "foreign_passport", "documentNumber": "E12345678",
        ]
        let search = try entity.call("person.searchForAuthorization", params)
        XCTAssertEqual(search.errorReason, "person_not_found")
        let grant = try entity.call("authorization.grant", params)
        XCTAssertEqual(grant.errorReason, "person_not_found")
        XCTAssertEqual(try daemon.count("authorizations"), 0)
    }

    func testGrantReturnsActiveAuthorization() throws {
        let entity = try daemon.session("unit000001")
        let grant = try entity.result(
            "authorization.grant",
            grantParams(grants[0], ["matter": "tech_contract_handler", "validFrom": "2026-03-01",
                                    "validUntil": "2026-12-31"]))
        XCTAssertEqual(grant["login"], grants[0]["personLogin"])
        XCTAssertEqual(grant["matter"]?.stringValue, "tech_contract_handler")
        XCTAssertEqual(grant["matterLabel"]?.stringValue, "技术合同管理-事项办理员")
        XCTAssertEqual(grant["status"]?.stringValue, "active")
        XCTAssertEqual(grant["statusLabel"]?.stringValue, "正常")
        XCTAssertEqual(grant["createdAt"]?.stringValue, "2026-03-01T10:00:00+08:00")
        XCTAssertEqual(grant["createdOn"]?.stringValue, "2026-03-01")
        XCTAssertEqual(grant["validUntil"]?.stringValue, "2026-12-31")
        let number = grants[0]["documentNumber"]!.stringValue!
        XCTAssertEqual(
            grant["documentNumber"]?.stringValue,
            String(number.prefix(4)) + "*****" + String(number.suffix(4)))

        let search = try entity.result("person.searchForAuthorization", grantParams(grants[0]))
        XCTAssertEqual(search["authorized"], .bool(true))
        XCTAssertEqual(search["authorizedLabel"]?.stringValue, "该用户已被授权")
        XCTAssertEqual(search["authorization"]?["id"], grant["id"])

        let again = try entity.call("authorization.grant", grantParams(grants[0]))
        XCTAssertEqual(again.errorCode, 4009)
        XCTAssertEqual(again.errorReason, "already_authorized")
        XCTAssertEqual(try daemon.count("authorizations"), 1)
        XCTAssertEqual(
            try daemon.count("audit_log", where: "method = 'authorization.grant'"), 1)
        let audit = try daemon.text(
            "SELECT after FROM audit_log WHERE method = 'authorization.grant'") ?? ""
        XCTAssertFalse(audit.contains(number), audit)
    }

    func testGrantRejectsPeriodEndingBeforeStart() throws {
        let entity = try daemon.session("unit000001")
        let reply = try entity.call(
            "authorization.grant",
            grantParams(grants[0], ["validFrom": "2026-05-01", "validUntil": "2026-04-30"]))
        XCTAssertEqual(reply.errorCode, 2001)
        XCTAssertEqual(reply.errorReason, "invalid_period")
        XCTAssertEqual(reply.errorFields, ["params.validUntil"])

        let badDate = try entity.call(
            "authorization.grant", grantParams(grants[0], ["validFrom": "2026-02-30"]))
        XCTAssertEqual(badDate.errorReason, "invalid_date")
        let badMatter = try entity.call(
            "authorization.grant", grantParams(grants[0], ["matter": "contract_signer"]))
        XCTAssertEqual(badMatter.errorReason, "invalid_code")
        XCTAssertEqual(try daemon.count("authorizations"), 0)

        let sameDay = try entity.result(
            "authorization.grant",
            grantParams(grants[0], ["validFrom": "2026-03-01", "validUntil": "2026-03-01"]))
        XCTAssertEqual(sameDay["status"]?.stringValue, "active")
    }

    func testStatusFollowsPeriodAndClock() throws {
        let first = try daemon.session("unit000001")
        let grant = try first.result(
            "authorization.grant", grantParams(grants[0], ["validUntil": "2026-03-02"]))
        let later = try first.result(
            "authorization.grant", grantParams(grants[1], ["validFrom": "2026-03-05"]))
        XCTAssertEqual(later["status"]?.stringValue, "not_yet_valid")
        XCTAssertEqual(later["statusLabel"]?.stringValue, "未生效")

        // Sessions last 8 hours, so the entity logs in again on the later day.
        clock.advance(by: 2 * 86_400)
        let entity = try daemon.session("unit000001")
        let list = try entity.result("authorization.list")
        let items = list["items"]?.arrayValue ?? []
        XCTAssertEqual(items.first?["id"], grant["id"])
        XCTAssertEqual(items.first?["status"]?.stringValue, "expired")
        XCTAssertEqual(items.first?["statusLabel"]?.stringValue, "已过期")

        let extended = try entity.result(
            "authorization.update",
            ["id": grant["id"]!, "validFrom": "2026-03-01", "validUntil": "2026-06-30"])
        XCTAssertEqual(extended["status"]?.stringValue, "active")
        XCTAssertEqual(extended["validFrom"]?.stringValue, "2026-03-01")
        XCTAssertEqual(extended["validUntil"]?.stringValue, "2026-06-30")

        let open = try entity.result("authorization.update", ["id": grant["id"]!])
        XCTAssertEqual(open["validFrom"], .null)
        XCTAssertEqual(open["validUntil"], .null)

        let backwards = try entity.call(
            "authorization.update",
            ["id": grant["id"]!, "validFrom": "2026-07-01", "validUntil": "2026-06-30"])
        XCTAssertEqual(backwards.errorReason, "invalid_period")
        XCTAssertEqual(
            try daemon.count("audit_log", where: "method = 'authorization.update'"), 2)
    }

    func testRevokeTwiceIsAlreadyDecided() throws {
        let entity = try daemon.session("unit000001")
        let grant = try entity.result("authorization.grant", grantParams(grants[0]))
        let id = grant["id"]!
        let revoked = try entity.result("authorization.revoke", ["id": id])
        XCTAssertEqual(revoked["status"]?.stringValue, "revoked")
        XCTAssertEqual(revoked["statusLabel"]?.stringValue, "已撤销")
        XCTAssertEqual(revoked["revokedAt"]?.stringValue, "2026-03-01T10:00:00+08:00")

        let again = try entity.call("authorization.revoke", ["id": id])
        XCTAssertEqual(again.errorCode, 4010)
        XCTAssertEqual(again.errorReason, "already_decided")
        let update = try entity.call("authorization.update", ["id": id, "validUntil": "2026-12-31"])
        XCTAssertEqual(update.errorCode, 4022)
        XCTAssertEqual(update.errorReason, "authorization_revoked")

        let search = try entity.result("person.searchForAuthorization", grantParams(grants[0]))
        XCTAssertEqual(search["authorized"], .bool(false))
        let regrant = try entity.result("authorization.grant", grantParams(grants[0]))
        XCTAssertEqual(regrant["status"]?.stringValue, "active")
        XCTAssertEqual(try daemon.count("authorizations"), 2)
    }

    func testConcurrentRevocationsDecideOnce() throws {
        let entity = try daemon.session("unit000001")
        let grant = try entity.result("authorization.grant", grantParams(grants[0]))
        let token = try RawClient(path: daemon.socketPath).result(
            "session.login",
            ["login": "unit000001", "password": .string(AuthorizationFixtures.password)]
        )["token"]!
        let socketPath = daemon.socketPath
        let id = grant["id"]!
        let replies = AuthorizationReplies()
        DispatchQueue.concurrentPerform(iterations: 6) { _ in
            guard let client = try? RawClient(path: socketPath),
                (try? client.call("session.resume", ["token": token]))?["result"] != nil,
                let reply = try? client.call("authorization.revoke", ["id": id])
            else { return }
            replies.append(reply)
        }
        let all = replies.values
        XCTAssertEqual(all.count, 6)
        XCTAssertEqual(all.filter { $0["result"] != nil }.count, 1)
        XCTAssertEqual(all.filter { $0.errorReason == "already_decided" }.count, 5)
        XCTAssertEqual(
            try daemon.count("audit_log", where: "method = 'authorization.revoke'"), 1)
    }

    func testOtherEntityCannotReadOrChange() throws {
        let first = try daemon.session("unit000001")
        let grant = try first.result("authorization.grant", grantParams(grants[0]))
        let id = grant["id"]!
        let second = try daemon.session("unit000002")

        let list = try second.call("authorization.list", ["entityLogin": "unit000001"])
        XCTAssertEqual(list.errorCode, 1003)
        XCTAssertEqual(list.errorReason, "not_own_entity")
        let own = try second.result("authorization.list")
        XCTAssertEqual(own["total"]?.intValue, 0)

        let revoke = try second.call("authorization.revoke", ["id": id])
        XCTAssertEqual(revoke.errorCode, 3004)
        XCTAssertEqual(revoke.errorReason, "authorization_not_found")
        let update = try second.call("authorization.update", ["id": id, "validUntil": "2027-01-01"])
        XCTAssertEqual(update.errorReason, "authorization_not_found")
        let search = try second.result("person.searchForAuthorization", grantParams(grants[0]))
        XCTAssertEqual(search["authorized"], .bool(false))

        let unchanged = try first.result("authorization.list")
        let row = unchanged["items"]?.arrayValue?.first
        XCTAssertEqual(row?["status"]?.stringValue, "active")
        XCTAssertEqual(row?["validUntil"], .null)
    }

    func testRolesOutsideEntityAreRefused() throws {
        let entity = try daemon.session("unit000001")
        let grant = try entity.result("authorization.grant", grantParams(grants[0]))
        let person = try daemon.session(grants[1]["personLogin"]!.stringValue!)
        for (method, params) in [
            ("person.searchForAuthorization", grantParams(grants[0])),
            ("authorization.grant", grantParams(grants[2])),
            ("authorization.update", ["id": grant["id"]!] as JSON),
            ("authorization.revoke", ["id": grant["id"]!] as JSON),
            ("authorization.list", [:] as JSON),
        ] {
            XCTAssertEqual(try person.call(method, params).errorCode, 1003, method)
        }

        let operatorClient = try RawClient(path: daemon.socketPath)
        XCTAssertEqual(
            try operatorClient.call("authorization.grant", grantParams(grants[2])).errorCode, 1003)
        let missing = try operatorClient.call("authorization.list")
        XCTAssertEqual(missing.errorReason, "missing_param")
        let listed = try operatorClient.result(
            "authorization.list", ["entityLogin": "unit000001"])
        XCTAssertEqual(listed["total"]?.intValue, 1)
        let unknown = try operatorClient.call("authorization.list", ["entityLogin": "nobody"])
        XCTAssertEqual(unknown.errorReason, "entity_not_found")

        let smuggled = try entity.call("authorization.list", ["role": "operator", "uid": 0])
        XCTAssertEqual(smuggled.errorCode, -32602)
    }
}

/// Replies collected from concurrent calls.
private final class AuthorizationReplies: @unchecked Sendable {
    // Unchecked because `values` is guarded by `lock`.
    private let lock = NSLock()
    private var collected: [JSON] = []

    func append(_ reply: JSON) {
        lock.withLock { collected.append(reply) }
    }

    var values: [JSON] { lock.withLock { collected } }
}
