import Foundation
import TCMSJSON
import TCMSServices
import TCMSStorage
import XCTest

/// System access (系统授权) over the socket: drafts, submission checks, routing to the covering
/// office, clerk decisions, resubmission, history, notices and who may see what.
final class AccessTests: XCTestCase {
    private var daemon: DaemonProcess!
    private var fuzhou: Int64 = 0
    private var xiamen: Int64 = 0

    override func setUpWithError() throws {
        let directory = makeTemporaryDirectory(self)
        let clock = TestClock(self, directory: directory)
        daemon = try DaemonProcess(self, directory: directory, environment: clock.environment)
        fuzhou = try daemon.createOffice("福州技术市场", ["350100"])
        xiamen = try daemon.createOffice("厦门技术市场", ["350200"])
        try daemon.createClerk("clerk_lin", officeID: fuzhou)
        try daemon.createClerk("clerk_xm", officeID: xiamen)
        try daemon.importEntities(["unit_qingyun", "unit_b"])
    }

    private func isApproved(_ login: String) throws -> Bool {
        let database = try Database(path: daemon.stateDirectory + "/tcms.sqlite", mode: .readOnly)
        defer { try? database.close() }
        let id = try database.scalarInt(
            "SELECT e.id FROM entities e JOIN accounts a ON a.id = e.account_id WHERE a.login = ?",
            [login])
        return try AccessStore.isApproved(entityID: id, in: database)
    }

    func testFullWalkReturnResubmitApprove() throws {
        let entity = try daemon.loggedIn("unit_qingyun")
        let draft = try entity.result(
            "access.saveDraft", AccessFixtures.form.with(["registeredAddress": nil]))
        XCTAssertEqual(draft["status"], "draft")
        XCTAssertEqual(draft["missingFields"], ["registeredAddress"])
        _ = try entity.result("access.saveDraft", ["registeredAddress": "福州市鼓楼区五四路 1 号"])
        let submitted = try entity.result("access.submit")
        XCTAssertEqual(submitted["status"], "submitted")
        XCTAssertEqual(submitted["officeId"]?.intValue, fuzhou)
        XCTAssertEqual(submitted["officeName"], "福州技术市场")
        XCTAssertEqual(submitted["queue"], "office")
        let id = try XCTUnwrap(submitted["id"]?.intValue)
        XCTAssertFalse(try isApproved("unit_qingyun"))

        let clerk = try daemon.loggedIn("clerk_lin")
        let queue = try clerk.result("access.list", ["filter": ["status": "submitted"]])
        XCTAssertEqual(queue["total"], 1)
        let reason = "注册地址与营业执照不一致"
        let returned = try clerk.result(
            "access.return", ["applicationId": .int(id), "reason": .string(reason)])
        XCTAssertEqual(returned["status"], "returned")
        XCTAssertEqual(returned["returnReason"]?.stringValue, reason)

        let seen = try entity.result("access.get")
        XCTAssertEqual(seen["status"], "returned")
        XCTAssertEqual(seen["returnReason"]?.stringValue, reason)
        _ = try entity.result("access.saveDraft", ["registeredAddress": "福州市鼓楼区五四路 100 号"])
        let again = try entity.result("access.submit")
        XCTAssertEqual(again["round"], 2)
        XCTAssertEqual(again["returnReason"], .null)

        let approved = try clerk.result("access.approve", ["applicationId": .int(id)])
        XCTAssertEqual(approved["status"], "approved")
        XCTAssertEqual(approved["statusLabel"], "已经批准")
        XCTAssertEqual(approved["decidedBy"], "clerk_lin")
        XCTAssertTrue(try isApproved("unit_qingyun"))
        XCTAssertFalse(try isApproved("unit_b"))

        let history = try entity.result("access.history")
        let actions = history["events"]?.arrayValue?.compactMap { $0["action"]?.stringValue }
        XCTAssertEqual(actions, ["submitted", "returned", "submitted", "approved"])
        let events = history["events"]?.arrayValue ?? []
        XCTAssertEqual(events[1]["reason"]?.stringValue, reason)
        XCTAssertEqual(events[0]["form"]?["registeredAddress"], "福州市鼓楼区五四路 1 号")
        XCTAssertEqual(events[2]["form"]?["registeredAddress"], "福州市鼓楼区五四路 100 号")
        XCTAssertEqual(events[3]["round"], 2)
        XCTAssertEqual(
            try clerk.result("access.history", ["applicationId": .int(id)])["events"]?
                .arrayValue?.count, 4)

        let edit = try entity.call("access.saveDraft", ["park": "软件园"])
        XCTAssertEqual(edit.errorCode, 4022)
    }

    func testEntityHearsEachDecision() throws {
        let id = try daemon.submitApplication("unit_qingyun")
        let clerk = try daemon.loggedIn("clerk_lin")
        _ = try clerk.result(
            "access.return", ["applicationId": .int(id), "reason": "注册地址与营业执照不一致"])
        let outbox = try RawClient(path: daemon.socketPath).result(
            "sms.outbox", ["mobile": "13800000001"])
        let bodies = outbox["items"]?.arrayValue?.compactMap { $0["body"]?.stringValue } ?? []
        XCTAssertEqual(bodies.count, 1)
        XCTAssertTrue(bodies.first?.contains("已被退回") ?? false, "\(bodies)")
        XCTAssertTrue(bodies.first?.contains("注册地址与营业执照不一致") ?? false, "\(bodies)")

        _ = try daemon.loggedIn("unit_qingyun").result("access.submit")
        _ = try clerk.result("access.approve", ["applicationId": .int(id)])
        let after = try RawClient(path: daemon.socketPath).result(
            "sms.outbox", ["mobile": "13800000001"])
        XCTAssertEqual(after["items"]?.arrayValue?.count, 2)
        XCTAssertTrue(
            after["items"]?.arrayValue?.first?["body"]?.stringValue?.contains("已通过审核") ?? false)
    }

    func testSubmitNamesEveryProblemAtOnce() throws {
        let entity = try daemon.loggedIn("unit_qingyun")
        _ = try entity.result(
            "access.saveDraft",
            ["enterpriseName": "福建青岚环保科技有限公司", "listedCompany": true, "countryCode": ""])
        let reply = try entity.call("access.submit")
        XCTAssertEqual(reply.errorCode, 2001)
        let expected: Set<String> = [
            "form.legalRepName", "form.registeredAddress", "form.enterpriseNature",
            "form.countryCode", "form.divisionCode", "form.postcode", "form.industry",
            "form.enterpriseSize", "form.inHighTechZone", "form.techTransferInstitution",
            "form.stockCode",
        ]
        XCTAssertEqual(Set(reply.errorFields), expected)
        XCTAssertEqual(try daemon.text("SELECT status FROM access_applications"), "draft")
        XCTAssertEqual(try daemon.count("access_events"), 0)
    }

    func testDraftStartsWithCountryCN() throws {
        let draft = try daemon.loggedIn("unit_qingyun").result("access.saveDraft", ["park": "软件园"])
        XCTAssertEqual(draft["form"]?["countryCode"], "CN")
        XCTAssertEqual(draft["form"]?["countryCodeLabel"], "中国")
    }

    func testBooleansMustBeJSONBooleans() throws {
        let entity = try daemon.loggedIn("unit_qingyun")
        let wrong: [(String, JSON)] = [
            ("inHighTechZone", 1), ("techTransferInstitution", 0), ("inHighTechZone", "true"),
            ("techTransferInstitution", "否"), ("listedCompany", 1),
            ("convertedResearchInstitute", "yes"), ("rdInstitution", 0.0),
        ]
        for (field, value) in wrong {
            let reply = try entity.call(
                "access.saveDraft", AccessFixtures.form.with([field: value]))
            XCTAssertEqual(reply.errorCode, -32602, "\(field)=\(value)")
            XCTAssertEqual(reply["error"]?["data"]?["field"]?.stringValue, "params.\(field)",
                           "\(field)=\(value)")
        }
        XCTAssertEqual(try daemon.count("access_applications"), 0)
        XCTAssertEqual(try daemon.count("audit_log", where: "method = 'access.saveDraft'"), 0)

        let saved = try entity.result("access.saveDraft", AccessFixtures.form)
        XCTAssertEqual(saved["form"]?["inHighTechZone"], false)
        XCTAssertEqual(saved["form"]?["techTransferInstitution"], true)
    }

    func testBadCodesRejectedAndNothingSaved() throws {
        let entity = try daemon.loggedIn("unit_qingyun")
        let reply = try entity.call(
            "access.saveDraft",
            AccessFixtures.form.with([
                "enterpriseNature": "999", "countryCode": "XX", "divisionCode": "119901",
                "postcode": "35001", "industry": "65", "enterpriseSize": "huge",
                "legalRepIdNumber": "350102198711230060", "legalRepEmail": "no-at-sign",
                "legalRepPhone": "call me", "stockCode": "60 05",
            ]))
        XCTAssertEqual(reply.errorCode, 2001)
        XCTAssertEqual(Set(reply.errorFields), [
            "params.enterpriseNature", "params.countryCode", "params.divisionCode",
            "params.postcode", "params.industry", "params.enterpriseSize",
            "params.legalRepIdNumber", "params.legalRepEmail", "params.legalRepPhone",
            "params.stockCode",
        ])
        XCTAssertEqual(try daemon.count("access_applications"), 0)
    }

    func testOptionalFieldsStoredAndIDMasked() throws {
        let entity = try daemon.loggedIn("unit_qingyun")
        let saved = try entity.result(
            "access.saveDraft",
            AccessFixtures.form.with([
                "legalRepPhone": "0591-87654321", "legalRepFax": "0591-87654322",
                "legalRepIdNumber": "35010219871123006x", "legalRepEmail": "chen@example.cn",
                "convertedResearchInstitute": false, "rdInstitution": true,
                "listedCompany": true, "stockCode": "600519", "park": "福州软件园",
                "techTransferInstitutionType": "国家技术转移示范机构",
            ]))
        XCTAssertEqual(saved["form"]?["legalRepIdNumber"], "3501*****006X")
        XCTAssertEqual(saved["form"]?["enterpriseNatureLabel"], "有限责任公司")
        XCTAssertEqual(saved["missingFields"], [])
        XCTAssertEqual(
            try daemon.text(
                "SELECT json_extract(form, '$.legalRepIdNumber') FROM access_applications"),
            "35010219871123006X")
        let audit = try daemon.text(
            "SELECT after FROM audit_log WHERE method = 'access.saveDraft'") ?? ""
        XCTAssertFalse(audit.contains("35010219871123006X"), audit)
        XCTAssertEqual(try entity.result("access.submit")["status"], "submitted")
    }

    func testUncoveredDivisionWaitsForOperators() throws {
        let id = try daemon.submitApplication("unit_b", ["divisionCode": "110101"])
        let shown = try daemon.loggedIn("unit_b").result("access.get")
        XCTAssertEqual(shown["officeId"], .null)
        XCTAssertEqual(shown["queue"], "operators")

        let clerk = try daemon.loggedIn("clerk_lin")
        XCTAssertEqual(try clerk.result("access.list")["total"], 0)
        XCTAssertEqual(
            try clerk.call("access.approve", ["applicationId": .int(id)]).errorCode, 3004)

        let operatorClient = try RawClient(path: daemon.socketPath)
        let queue = try operatorClient.result("access.list", ["filter": ["queue": "operators"]])
        XCTAssertEqual(queue["total"], 1)
        let approved = try operatorClient.result("access.approve", ["applicationId": .int(id)])
        XCTAssertEqual(approved["status"], "approved")
    }

    func testMostSpecificOfficeWins() throws {
        let gulou = try daemon.createOffice("鼓楼区技术市场", ["350102"])
        let reply = try daemon.loggedIn("unit_qingyun").result(
            "access.saveDraft", AccessFixtures.form)
        XCTAssertEqual(reply["status"], "draft")
        let submitted = try daemon.loggedIn("unit_qingyun").result("access.submit")
        XCTAssertEqual(submitted["officeId"]?.intValue, gulou)
    }

    func testOtherOfficeClerkSeesNotFound() throws {
        let id = try daemon.submitApplication("unit_qingyun")
        let other = try daemon.loggedIn("clerk_xm")
        for method in ["access.get", "access.history", "access.approve"] {
            let reply = try other.call(method, ["applicationId": .int(id)])
            XCTAssertEqual(reply.errorCode, 3004, method)
            XCTAssertEqual(reply.errorReason, "not_found", method)
        }
        let missing = try other.call("access.get", ["applicationId": 999])
        XCTAssertEqual(missing["error"], try other.call(
            "access.get", ["applicationId": .int(id)])["error"])
        XCTAssertEqual(
            try other.call("access.return", ["applicationId": .int(id), "reason": "不符"])
                .errorCode, 3004)
        XCTAssertEqual(try other.result("access.list")["total"], 0)
        XCTAssertEqual(try daemon.text("SELECT status FROM access_applications"), "submitted")
    }

    func testEntityCannotSeeAnotherEntitysApplication() throws {
        let id = try daemon.submitApplication("unit_qingyun")
        let other = try daemon.loggedIn("unit_b")
        XCTAssertEqual(
            try other.call("access.get", ["applicationId": .int(id)]).errorCode, 3004)
        XCTAssertEqual(try other.call("access.get").errorCode, 3004)
    }

    func testRoleRefusals() throws {
        let id = try daemon.submitApplication("unit_qingyun")
        let entity = try daemon.loggedIn("unit_qingyun")
        XCTAssertEqual(
            try entity.call("access.approve", ["applicationId": .int(id)]).errorCode, 1003)
        XCTAssertEqual(
            try entity.call("access.return", ["applicationId": .int(id), "reason": "x"])
                .errorCode, 1003)
        XCTAssertEqual(try entity.call("access.list").errorCode, 1003)

        let clerk = try daemon.loggedIn("clerk_lin")
        XCTAssertEqual(try clerk.call("access.saveDraft", ["park": "x"]).errorCode, 1003)
        XCTAssertEqual(try clerk.call("access.submit").errorCode, 1003)
        XCTAssertEqual(try clerk.call("access.withdraw").errorCode, 1003)

        let operatorClient = try RawClient(path: daemon.socketPath)
        XCTAssertEqual(try operatorClient.call("access.saveDraft", ["park": "x"]).errorCode, 1003)
        let anonymous = try UnprivilegedClient(self, daemon: daemon)
        XCTAssertEqual(try anonymous.call("access.get").errorCode, 1001)
        XCTAssertEqual(try daemon.text("SELECT status FROM access_applications"), "submitted")
    }

    func testExtraIdentityParamsAreRejected() throws {
        let id = try daemon.submitApplication("unit_qingyun")
        let entity = try daemon.loggedIn("unit_qingyun")
        let reply = try entity.call(
            "access.get", ["applicationId": .int(id), "role": "operator", "uid": 0])
        XCTAssertEqual(reply.errorCode, -32602)
    }

    func testReturnNeedsReason() throws {
        let id = try daemon.submitApplication("unit_qingyun")
        let clerk = try daemon.loggedIn("clerk_lin")
        let blank = try clerk.call("access.return", ["applicationId": .int(id), "reason": "  "])
        XCTAssertEqual(blank.errorCode, 2001)
        XCTAssertEqual(blank["error"]?["data"]?["field"], "params.reason")
        XCTAssertEqual(try clerk.call("access.return", ["applicationId": .int(id)]).errorCode,
                       -32602)
        XCTAssertEqual(try daemon.text("SELECT status FROM access_applications"), "submitted")
    }

    func testWithdrawThenEditAndResubmit() throws {
        let id = try daemon.submitApplication("unit_qingyun")
        let entity = try daemon.loggedIn("unit_qingyun")
        XCTAssertEqual(try entity.call("access.saveDraft", ["park": "x"]).errorCode, 4022)
        XCTAssertEqual(try entity.result("access.withdraw")["status"], "withdrawn")
        XCTAssertEqual(try entity.call("access.withdraw").errorCode, 4022)

        let clerk = try daemon.loggedIn("clerk_lin")
        let late = try clerk.call("access.approve", ["applicationId": .int(id)])
        XCTAssertEqual(late.errorCode, 4022)
        _ = try entity.result("access.saveDraft", ["park": "福州软件园"])
        XCTAssertEqual(try entity.result("access.submit")["round"], 2)
        _ = try clerk.result("access.approve", ["applicationId": .int(id)])
        XCTAssertEqual(try entity.call("access.withdraw").errorReason, "already_decided")
    }

    func testListFiltersAndPaging() throws {
        try daemon.importEntities(["unit_c", "unit_d"])
        for login in ["unit_qingyun", "unit_b", "unit_c", "unit_d"] {
            _ = try daemon.submitApplication(login, ["enterpriseName": .string("名称\(login)")])
        }
        let clerk = try daemon.loggedIn("clerk_lin")
        let page = try clerk.result("access.list", ["pageSize": 3])
        XCTAssertEqual(page["total"], 4)
        XCTAssertEqual(page["pages"], 2)
        XCTAssertEqual(page["items"]?.arrayValue?.count, 3)

        let byName = try clerk.result("access.list", ["filter": ["entityName": "unit_c"]])
        XCTAssertEqual(byName["total"], 1)
        let today = try clerk.result(
            "access.list",
            ["filter": ["submittedFrom": "2026-03-01", "submittedUntil": "2026-03-01"]])
        XCTAssertEqual(today["total"], 4)
        let tomorrow = try clerk.result("access.list", ["filter": ["submittedFrom": "2026-03-02"]])
        XCTAssertEqual(tomorrow["total"], 0)
        XCTAssertEqual(
            try clerk.call("access.list", ["filter": ["status": "draft"]]).errorCode, -32602)
    }

    func testClerkMovedToAnotherOfficeLosesAccess() throws {
        let id = try daemon.submitApplication("unit_qingyun")
        let clerk = try daemon.loggedIn("clerk_lin")
        _ = try RawClient(path: daemon.socketPath).result(
            "clerk.update", ["login": "clerk_lin", "officeId": .int(xiamen)])
        XCTAssertEqual(
            try clerk.call("access.approve", ["applicationId": .int(id)]).errorCode, 3004)
    }
}
