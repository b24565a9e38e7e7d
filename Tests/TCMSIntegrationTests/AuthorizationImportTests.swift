import Foundation
import TCMSJSON
import XCTest

/// `tcms import authorizations` and the operator's `import.authorizations`.
final class AuthorizationImportTests: XCTestCase {
    private func runImport(_ daemon: DaemonProcess, _ path: String) throws
        -> (status: Int32, stdout: String, stderr: String)
    {
        try runTCMS(["import", "--socket", daemon.socketPath, "authorizations", path])
    }

    func testFixtureFileImportsInWhole() throws {
        let daemon = try DaemonProcess(self)
        try daemon.importFixtures()
        let path = AuthorizationFixtures.directory + "/authorizations.jsonl"

        let run = try runImport(daemon, path)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("accepted 916, unchanged 0, rejected 0"), run.stdout)
        XCTAssertTrue(run.stderr.contains("916/916 lines sent"), run.stderr)
        XCTAssertEqual(try daemon.count("authorizations"), 916)
        XCTAssertEqual(try daemon.count("authorizations", where: "source = 'imported'"), 916)

        let operatorClient = try RawClient(path: daemon.socketPath)
        let first = try operatorClient.result("authorization.list", ["entityLogin": "unit000001"])
        XCTAssertEqual(first["total"]?.intValue, 217)
        XCTAssertEqual(first["pages"]?.intValue, 22)
        let row = first["items"]?.arrayValue?.first
        XCTAssertEqual(row?["login"]?.stringValue, "user000001")
        XCTAssertEqual(row?["createdOn"]?.stringValue, "2019-07-13")
        XCTAssertEqual(row?["createdAt"]?.stringValue, "2019-07-13T00:00:00+08:00")
        XCTAssertEqual(row?["status"]?.stringValue, "active")
        let byDate = try operatorClient.result(
            "authorization.list",
            ["entityLogin": "unit000001",
             "filter": ["createdFrom": "2019-07-13", "createdUntil": "2019-07-13"]])
        XCTAssertEqual(byDate["total"]?.intValue, 3)

        let again = try runImport(daemon, path)
        XCTAssertEqual(again.status, 0)
        XCTAssertTrue(again.stdout.hasPrefix("accepted 0, unchanged 916, rejected 0"), again.stdout)
        XCTAssertEqual(try daemon.count("authorizations"), 916)
    }

    func testBrokenLinesReportedByNumber() throws {
        let daemon = try DaemonProcess(self)
        let grants = try AuthorizationFixtures.grants(of: "unit000001")
        let logins = Set(grants.prefix(3).compactMap { $0["personLogin"]?.stringValue })
        try daemon.importFixtures(
            persons: { logins.contains($0["login"]?.stringValue ?? "") },
            entities: { $0["login"]?.stringValue == "unit000001" })

        func line(_ grant: JSONObject, _ changes: [String: JSON] = [:]) -> String {
            JSON.object(grant).with(changes).encodedString()
        }
        let lines = [
            line(grants[0]),
            line(grants[1], ["entityLogin": "unit999999"]),
            line(grants[1], ["personName": "某某"]),
            line(grants[1], ["matter": "contract_signer"]),
            line(grants[1], ["grantedOn": "2019-02-30"]),
            line(grants[1], ["personLogin": .null, "documentNumber": .null]),
            "{not json",
            line(grants[1], ["role": "operator"]),
            "",
            line(grants[1], ["personLogin": "user999999"]),
            line(grants[2], ["documentNumber": "12011619710106013x"]),
            line(grants[1], ["validFrom": "2020-01-02", "validUntil": "2020-01-01"]),
            line(grants[1]),
        ]
        let path = daemon.directory + "/authorizations.jsonl"
        try (lines.joined(separator: "\n") + "\n").write(
            toFile: path, atomically: true, encoding: .utf8)

        let run = try runImport(daemon, path)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stdout.hasPrefix("accepted 2, unchanged 0, rejected 10"), run.stdout)
        let expected = [
            "line 2: entity_not_found entityLogin", "line 3: person_mismatch documentNumber",
            "line 4: invalid_code matter", "line 5: invalid_date grantedOn",
            "line 6: several_problems", "line 7: invalid_json", "line 8: unknown_field role",
            "line 10: person_not_found personLogin", "line 11: person_mismatch",
            "line 12: invalid_period validUntil",
        ]
        for prefix in expected {
            XCTAssertTrue(run.stdout.contains(prefix), "\(prefix) missing from:\n\(run.stdout)")
        }
        for absent in ["line 1:", "line 9:", "line 13:"] {
            XCTAssertFalse(run.stdout.contains(absent), run.stdout)
        }
        XCTAssertEqual(try daemon.count("authorizations"), 2)
        XCTAssertEqual(
            try daemon.count("audit_log", where: "method = 'import.authorizations'"), 2)
    }

    func testImportIsOperatorOnly() throws {
        let daemon = try DaemonProcess(self)
        try daemon.importFixtures(
            persons: { $0["login"]?.stringValue == "user000001" },
            entities: { $0["login"]?.stringValue == "unit000001" })
        let entity = try daemon.session("unit000001")
        let reply = try entity.call("import.authorizations", ["lines": []])
        XCTAssertEqual(reply.errorCode, 1003)
    }
}
