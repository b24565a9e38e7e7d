import Foundation
import TCMSJSON
import XCTest

/// `authorization.list` over the first fixture entity's 217 handlers, granted through
/// `authorization.grant` as that entity: the first 100 on 2026-03-01, the other 117 on
/// 2026-03-02. On 2026-03-02 the first five are revoked, the next three have expired and the
/// ninth starts on 2026-04-01.
final class AuthorizationListTests: XCTestCase {
    private var daemon: DaemonProcess!
    private var entity: RawClient!
    private var grants: [JSONObject] = []
    private var ids: [JSON] = []

    override func setUpWithError() throws {
        let directory = makeTemporaryDirectory(self)
        let clock = TestClock(self, directory: directory)
        daemon = try DaemonProcess(self, directory: directory, environment: clock.environment)
        grants = try AuthorizationFixtures.grants(of: "unit000001")
        XCTAssertEqual(grants.count, 217)
        let logins = Set(grants.compactMap { $0["personLogin"]?.stringValue })
        try daemon.importFixtures(
            persons: { logins.contains($0["login"]?.stringValue ?? "") },
            entities: { ["unit000001", "unit000002"].contains($0["login"]?.stringValue ?? "") })

        var client = try daemon.session("unit000001")
        for (index, grant) in grants.enumerated() {
            if index == 100 {
                // Sessions last 8 hours, so the entity logs in again on the second day.
                clock.advance(by: 86_400)
                client = try daemon.session("unit000001")
            }
            ids.append(try client.result("authorization.grant", grantParams(grant))["id"]!)
        }
        for id in ids[0..<5] {
            _ = try client.result("authorization.revoke", ["id": id])
        }
        for id in ids[5..<8] {
            _ = try client.result("authorization.update", ["id": id, "validUntil": "2026-03-01"])
        }
        _ = try client.result("authorization.update", ["id": ids[8], "validFrom": "2026-04-01"])
        entity = client
    }

    private func list(_ filter: JSON = [:], page: Int64? = nil) throws -> JSON {
        var params: JSON = ["filter": filter]
        if let page { params = params.with(["page": .int(page)]) }
        return try entity.result("authorization.list", params)
    }

    private func total(_ filter: JSON) throws -> Int64? {
        try list(filter)["total"]?.intValue
    }

    private func logins(_ reply: JSON) -> [String] {
        (reply["items"]?.arrayValue ?? []).compactMap { $0["login"]?.stringValue }
    }

    func testFirstPageShowsTenOfTotal() throws {
        let page = try list()
        let items = try XCTUnwrap(page["items"]?.arrayValue)
        XCTAssertEqual(items.count, 10)
        XCTAssertEqual(page["total"]?.intValue, 217)
        XCTAssertEqual(page["pages"]?.intValue, 22)
        XCTAssertEqual(page["page"]?.intValue, 1)
        XCTAssertEqual(page["pageSize"]?.intValue, 10)
        XCTAssertEqual(items.compactMap { $0["rowNumber"]?.intValue }, Array(1...10))

        let first = items[0]
        XCTAssertEqual(first["login"], grants[0]["personLogin"])
        XCTAssertEqual(first["name"], grants[0]["personName"])
        XCTAssertEqual(first["createdOn"]?.stringValue, "2026-03-01")
        XCTAssertEqual(first["status"]?.stringValue, "revoked")
        XCTAssertEqual(first["statusLabel"]?.stringValue, "已撤销")
        XCTAssertEqual(items[5]["statusLabel"]?.stringValue, "已过期")
        XCTAssertEqual(items[9]["statusLabel"]?.stringValue, "正常")
        let number = grants[0]["documentNumber"]!.stringValue!
        XCTAssertEqual(
            first["documentNumber"]?.stringValue,
            String(number.prefix(4)) + "*****" + String(number.suffix(4)))
    }

    func testLastPageShowsSevenRows() throws {
        let page = try list(page: 22)
        let items = try XCTUnwrap(page["items"]?.arrayValue)
        XCTAssertEqual(items.count, 7)
        XCTAssertEqual(items.compactMap { $0["rowNumber"]?.intValue }, Array(211...217))
        XCTAssertEqual(items.last?["login"], grants[216]["personLogin"])
        XCTAssertEqual(items.last?["createdOn"]?.stringValue, "2026-03-02")
        XCTAssertEqual(page["total"]?.intValue, 217)
        XCTAssertEqual(page["pages"]?.intValue, 22)
    }

    func testPageBeyondLastIsEmpty() throws {
        let page = try list(page: 23)
        XCTAssertEqual(page["items"]?.arrayValue?.count, 0)
        XCTAssertEqual(page["total"]?.intValue, 217)
        XCTAssertEqual(page["pages"]?.intValue, 22)
        XCTAssertEqual(page["page"]?.intValue, 23)
    }

    func testPagesKeepOrderWhileRowsAreAdded() throws {
        var seen: [Int64] = []
        var added: JSON = .null
        for number in 1...22 {
            if number == 6 {
                added = try entity.result("authorization.grant", grantParams(grants[0]))["id"]!
            }
            let page = try list(page: Int64(number))
            seen += (page["items"]?.arrayValue ?? []).compactMap { $0["id"]?.intValue }
        }
        // The row granted while paging comes last, so no earlier row repeats or goes missing.
        XCTAssertEqual(seen, (ids + [added]).compactMap(\.intValue))
        XCTAssertEqual(try list(page: 22)["total"]?.intValue, 218)
        XCTAssertEqual(try list(page: 22)["items"]?.arrayValue?.count, 8)
    }

    func testPageParamsKeepJSONTypes() throws {
        for params: JSON in [["pageSize": true], ["page": 2.5], ["page": "2"]] {
            let reply = try entity.call("authorization.list", params)
            XCTAssertEqual(reply.errorCode, -32602, params.encodedString())
        }
        let whole = try entity.result("authorization.list", ["page": 2.0])
        XCTAssertEqual(whole["page"]?.intValue, 2)
        let big = try entity.result("authorization.list", ["pageSize": 200, "page": 2])
        XCTAssertEqual(big["items"]?.arrayValue?.count, 17)
    }

    func testNameFilterMatchesSubstring() throws {
        let expected = grants.filter { $0["personName"]!.stringValue!.contains("源") }
        let reply = try list(["name": "源"])
        XCTAssertEqual(reply["total"]?.intValue, Int64(expected.count))
        XCTAssertGreaterThan(expected.count, 10)
        XCTAssertEqual(
            logins(reply), expected.prefix(10).compactMap { $0["personLogin"]?.stringValue })
        let full = grants[20]["personName"]!.stringValue!
        XCTAssertEqual(
            try total(["name": .string(full)]),
            Int64(grants.filter { $0["personName"]!.stringValue!.contains(full) }.count))
        XCTAssertEqual(try total(["name": "不存在的名字"]), 0)
    }

    func testDocumentTypeFilter() throws {
        XCTAssertEqual(try total(["documentType": "resident_id"]), 217)
        XCTAssertEqual(try total(["documentType": "居民身份证"]), 217)
        XCTAssertEqual(try total(["documentType": "foreign_passport"]), 0)
        let bad = try entity.call("authorization.list", ["filter": ["documentType": "passport"]])
        XCTAssertEqual(bad.errorReason, "invalid_code")
    }

    func testDocumentNumberFilterIsExact() throws {
        let withX = try XCTUnwrap(
            grants.firstIndex { $0["documentNumber"]!.stringValue!.hasSuffix("X") })
        let number = grants[withX]["documentNumber"]!.stringValue!
        let exact = try list(["documentNumber": .string(number)])
        XCTAssertEqual(logins(exact), [grants[withX]["personLogin"]!.stringValue!])
        let lower = try list(["documentNumber": .string(number.lowercased())])
        XCTAssertEqual(logins(lower), logins(exact))
        XCTAssertEqual(try total(["documentNumber": .string(String(number.dropLast()))]), 0)
    }

    func testLoginFilterIgnoresLetterCase() throws {
        let login = grants[150]["personLogin"]!.stringValue!
        XCTAssertEqual(logins(try list(["login": .string(login)])), [login])
        XCTAssertEqual(logins(try list(["login": .string(login.uppercased())])), [login])
        XCTAssertEqual(try total(["login": "user999999"]), 0)
    }

    func testCreatedDateFiltersAreInclusive() throws {
        XCTAssertEqual(try total(["createdFrom": "2026-03-02"]), 117)
        XCTAssertEqual(try total(["createdUntil": "2026-03-01"]), 100)
        XCTAssertEqual(try total(["createdFrom": "2026-03-01", "createdUntil": "2026-03-01"]), 100)
        XCTAssertEqual(try total(["createdFrom": "2026-03-01", "createdUntil": "2026-03-02"]), 217)
        XCTAssertEqual(try total(["createdFrom": "2026-03-03"]), 0)
        XCTAssertEqual(try total(["createdUntil": "2026-02-28"]), 0)
        let bad = try entity.call("authorization.list", ["filter": ["createdFrom": "2026-02-30"]])
        XCTAssertEqual(bad.errorReason, "invalid_date")
    }

    func testMatterFilter() throws {
        XCTAssertEqual(try total(["matter": "tech_contract_handler"]), 217)
        XCTAssertEqual(try total(["matter": "技术合同管理-事项办理员"]), 217)
        let bad = try entity.call("authorization.list", ["filter": ["matter": "signer"]])
        XCTAssertEqual(bad.errorReason, "invalid_code")
    }

    func testStatusFilter() throws {
        XCTAssertEqual(try total(["status": "active"]), 208)
        XCTAssertEqual(try total(["status": "revoked"]), 5)
        XCTAssertEqual(try total(["status": "已撤销"]), 5)
        XCTAssertEqual(try total(["status": "expired"]), 3)
        XCTAssertEqual(try total(["status": "not_yet_valid"]), 1)
        let expired = try list(["status": "expired"])
        XCTAssertEqual(
            logins(expired), grants[5..<8].compactMap { $0["personLogin"]?.stringValue })
        let bad = try entity.call("authorization.list", ["filter": ["status": "deleted"]])
        XCTAssertEqual(bad.errorReason, "invalid_code")
    }

    func testCombinedFiltersNarrowTogether() throws {
        let revokedNames = grants[0..<5].compactMap { $0["personName"]?.stringValue }
        let character = String(try XCTUnwrap(revokedNames[0].last))
        let withCharacter = grants.filter { $0["personName"]!.stringValue!.contains(character) }
        let revokedWithCharacter = grants[0..<5].filter {
            $0["personName"]!.stringValue!.contains(character)
        }
        XCTAssertEqual(
            try total(["name": .string(character), "status": "revoked"]),
            Int64(revokedWithCharacter.count))
        XCTAssertEqual(
            try total(["name": .string(character), "status": "active"]),
            Int64(withCharacter.count - revokedWithCharacter.count))

        let early = grants[42]["personLogin"]!.stringValue!
        XCTAssertEqual(try total(["login": .string(early), "createdUntil": "2026-03-01"]), 1)
        XCTAssertEqual(try total(["login": .string(early), "createdFrom": "2026-03-02"]), 0)
        XCTAssertEqual(
            try total([
                "documentType": "resident_id", "matter": "tech_contract_handler",
                "createdFrom": "2026-03-02", "status": "active",
            ]), 117)
        XCTAssertEqual(
            try total(["createdUntil": "2026-03-01", "status": "active"]), 100 - 9)
        let number = grants[7]["documentNumber"]!
        XCTAssertEqual(try total(["documentNumber": number, "status": "expired"]), 1)
        XCTAssertEqual(try total(["documentNumber": number, "status": "active"]), 0)
    }

    func testOperatorListsAnyEntity() throws {
        let operatorClient = try RawClient(path: daemon.socketPath)
        let reply = try operatorClient.result(
            "authorization.list", ["entityLogin": "unit000001", "page": 22])
        XCTAssertEqual(reply["items"]?.arrayValue?.count, 7)
        let other = try operatorClient.result("authorization.list", ["entityLogin": "unit000002"])
        XCTAssertEqual(other["total"]?.intValue, 0)
    }
}

/// The created-date filter against grants made at 23:50 Beijing time, with the daemon in
/// several process time zones.
final class AuthorizationListTimeZoneTests: XCTestCase {
    func testLateGrantStaysOnItsChinaDate() throws {
        let grant = try XCTUnwrap(try AuthorizationFixtures.grants(of: "unit000001").first)
        let login = grant["personLogin"]?.stringValue ?? ""
        for zone in ["UTC", "Asia/Shanghai", "America/Los_Angeles", ""] {
            let directory = makeTemporaryDirectory(self)
            let clock = TestClock(self, directory: directory, start: "2026-03-01T23:50:00+08:00")
            let daemon = try DaemonProcess(
                self, directory: directory, environment: clock.environment.merging(["TZ": zone]) {
                    $1
                })
            try daemon.importFixtures(
                persons: { $0["login"]?.stringValue == login },
                entities: { $0["login"]?.stringValue == "unit000001" })
            let entity = try daemon.session("unit000001")
            let granted = try entity.result("authorization.grant", grantParams(grant))
            XCTAssertEqual(granted["createdAt"]?.stringValue, "2026-03-01T23:50:00+08:00", zone)
            XCTAssertEqual(granted["createdOn"]?.stringValue, "2026-03-01", zone)

            let sameDay = try entity.result(
                "authorization.list",
                ["filter": ["createdFrom": "2026-03-01", "createdUntil": "2026-03-01"]])
            XCTAssertEqual(sameDay["total"]?.intValue, 1, zone)
            let nextDay = try entity.result(
                "authorization.list", ["filter": ["createdFrom": "2026-03-02"]])
            XCTAssertEqual(nextDay["total"]?.intValue, 0, zone)
            let dayBefore = try entity.result(
                "authorization.list", ["filter": ["createdUntil": "2026-02-28"]])
            XCTAssertEqual(dayBefore["total"]?.intValue, 0, zone)
        }
    }
}
