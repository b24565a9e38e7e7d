import Foundation
import TCMSJSON
import XCTest

/// `tcms import contracts` and the operator's `import.contracts`: every line through the
/// handler's path, rejections by line number, and a second run that changes nothing.
final class ContractImportTests: XCTestCase {
    private var world: ContractWorld!

    override func setUpWithError() throws {
        world = try ContractWorld(self, entities: ["seller_1", "seller_2"])
    }

    private func runImport(_ lines: [String]) throws
        -> (status: Int32, stdout: String, stderr: String)
    {
        let path = world.daemon.directory + "/contracts.jsonl"
        try (lines.joined(separator: "\n") + "\n").write(
            toFile: path, atomically: true, encoding: .utf8)
        return try runTCMS(["import", "--socket", world.daemon.socketPath, "contracts", path])
    }

    /// A seller-side line of `seller_1` by the fixture handler, the buyer named by login.
    private func line(_ changes: [String: JSON] = [:]) -> String {
        let base = ContractWorld.form.with([
            "registeringLogin": "seller_1", "handlerLogin": .string(ContractWorld.handlerLogin),
            "sellerLogin": "seller_1", "buyerLogin": "seller_2", "buyerName": .null,
            "buyerDivision": .null, "buyerNature": .null,
        ])
        return base.with(changes).encodedString()
    }

    /// Imports `user000002` and lets `seller_2` authorize them from `validFrom` on.
    private func authorizeSecondHandler(validFrom: String) throws {
        try world.daemon.importFixtures(
            persons: { $0["login"]?.stringValue == "user000002" }, entities: { _ in false })
        let grant = try XCTUnwrap(
            try AuthorizationFixtures.grants(of: "unit000001").first {
                $0["personLogin"]?.stringValue == "user000002"
            })
        _ = try world.daemon.loggedIn("seller_2").result(
            "authorization.grant", grantParams(grant, ["validFrom": .string(validFrom)]))
    }

    func testRejectionsReportedByLineNumber() throws {
        try authorizeSecondHandler(validFrom: "2026-05-01")
        try world.daemon.importEntities(["late_1"])
        let grant = try XCTUnwrap(
            try AuthorizationFixtures.grants(of: "unit000001").first {
                $0["personLogin"]?.stringValue == ContractWorld.handlerLogin
            })
        _ = try world.daemon.loggedIn("late_1").result("authorization.grant", grantParams(grant))

        let lines = [
            line(),
            line(["title": "福州智能仓储系统软件开发技术服务合同", "category": "SRV",
                  "subtype": "SRV-SVC", "buyerLogin": .null, "buyerName": "北京清源环境工程有限公司",
                  "buyerDivision": "110105", "buyerNature": "150"]),
            line(),
            line(["title": "第四份合同", "handlerLogin": "user000002",
                  "registeringLogin": "seller_2", "sellerLogin": "seller_2",
                  "buyerLogin": "seller_1"]),
            line(["title": "第五份合同", "handlerLogin": "user999999"]),
            line(["title": "第六份合同", "registeringLogin": "unit_nobody"]),
            line(["title": "第七份合同", "registeringLogin": "late_1", "sellerLogin": "late_1"]),
            line(["title": "第八份合同", "category": "XXX"]),
            line(["title": "第九份合同", "buyerName": "另一个名字"]),
            line(["title": "第十份合同", "sellerLogin": "seller_2", "buyerLogin": "seller_1"]),
            "{not json",
            line(["title": "第十二份合同", "status": "approved"]),
            line(["title": "第十三份合同", "handlerLogin": "user000002"]),
        ]
        let run = try runImport(lines)
        XCTAssertEqual(run.status, 1, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("accepted 2, unchanged 1, rejected 10"), run.stdout)
        XCTAssertTrue(run.stderr.contains("12/12 lines sent"), run.stderr)
        let expected = [
            "line 4: not_authorized handlerLogin", "line 5: person_not_found handlerLogin",
            "line 6: entity_not_found registeringLogin", "line 7: access_not_approved",
            "line 8: unknown_code category", "line 9: not_applicable buyerName",
            "line 10: registering_party_mismatch sellerLogin", "line 11: invalid_json",
            "line 12: unknown_field status", "line 13: not_authorized handlerLogin",
        ]
        for prefix in expected {
            XCTAssertTrue(run.stdout.contains(prefix), "\(prefix) missing from:\n\(run.stdout)")
        }
        for absent in ["line 1:", "line 2:", "line 3:"] {
            XCTAssertFalse(run.stdout.contains(absent), run.stdout)
        }

        XCTAssertEqual(try world.daemon.count("contracts"), 2)
        XCTAssertEqual(
            try world.daemon.count("contracts", where: "imported = 1 AND status = 'submitted'"), 2)
        XCTAssertEqual(
            try world.daemon.count(
                "audit_log", where: "method = 'import.contracts' AND role = 'operator'"), 4)

        let clerk = try world.clerk()
        let listed = try clerk.result("contract.list", ["filter": ["status": "submitted"]])
        XCTAssertEqual(listed["total"]?.intValue, 2)
        let first = try XCTUnwrap(
            listed["items"]?.arrayValue?.first { $0["category"]?.stringValue == "DEV" })
        XCTAssertEqual(first["handlerLogin"]?.stringValue, ContractWorld.handlerLogin)
        XCTAssertEqual(first["seller"]?["name"]?.stringValue, "测试单位seller_1")
        XCTAssertEqual(first["buyer"]?["name"]?.stringValue, "测试单位seller_2")
        XCTAssertEqual(first["buyer"]?["division"]?.stringValue, "350102")
        XCTAssertEqual(first["buyer"]?["nature"]?.stringValue, "180")
        XCTAssertEqual(first["officeName"]?.stringValue, "福州技术市场")
        XCTAssertEqual(first["statusLabel"]?.stringValue, "未收文本")

        let handler = try world.handler()
        XCTAssertEqual(try handler.result("contract.list")["total"]?.intValue, 2)
    }

    func testSecondRunChangesNothing() throws {
        let lines = [line(), line(["title": "第二份合同", "signedOn": "2026-03-21"])]
        let first = try runImport(lines)
        XCTAssertEqual(first.status, 0, first.stdout + first.stderr)
        XCTAssertTrue(first.stdout.hasPrefix("accepted 2, unchanged 0, rejected 0"), first.stdout)
        let audit = try world.daemon.count("audit_log")

        let again = try runImport(lines)
        XCTAssertEqual(again.status, 0, again.stdout)
        XCTAssertTrue(again.stdout.hasPrefix("accepted 0, unchanged 2, rejected 0"), again.stdout)
        XCTAssertEqual(try world.daemon.count("contracts"), 2)
        XCTAssertEqual(try world.daemon.count("audit_log"), audit)

        let otherDay = try runImport([line(["signedOn": "2026-03-22"])])
        XCTAssertTrue(otherDay.stdout.hasPrefix("accepted 1, unchanged 0"), otherDay.stdout)
    }

    func testAuthorizationCountsOnImportDay() throws {
        try authorizeSecondHandler(validFrom: "2026-05-01")
        let early = line([
            "handlerLogin": "user000002", "registeringLogin": "seller_2",
            "sellerLogin": "seller_2", "buyerLogin": "seller_1",
        ])
        let before = try runImport([early])
        XCTAssertTrue(
            before.stdout.contains("line 1: not_authorized handlerLogin"), before.stdout)
        XCTAssertTrue(before.stdout.contains("2026-04-01"), before.stdout)
        XCTAssertEqual(try world.daemon.count("contracts"), 0)

        world.clock.advance(by: 31 * 86_400)
        let after = try runImport([early])
        XCTAssertTrue(after.stdout.hasPrefix("accepted 1, unchanged 0, rejected 0"), after.stdout)
        XCTAssertEqual(
            try world.daemon.text("SELECT handler_login FROM contracts"), "user000002")
    }

    func testImportIsOperatorOnly() throws {
        let entity = try world.daemon.loggedIn("seller_1")
        let reply = try entity.call("import.contracts", ["lines": []])
        XCTAssertEqual(reply.errorCode, 1003)

        let items: [JSON] = Array(repeating: ["line": 1, "record": [:]], count: 501)
        let tooMany = try RawClient(path: world.daemon.socketPath).call(
            "import.contracts", ["lines": .array(items)])
        XCTAssertEqual(tooMany.errorReason, "too_many_lines")
    }
}
