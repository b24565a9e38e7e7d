import Foundation
import TCMSJSON
import TCMSServices
import XCTest

/// `tcms import persons|entities` and the operator's `import.persons` / `import.entities`.
final class ImportTests: XCTestCase {
    private static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("../../../../shared/fixtures/data")
        .standardized.path
    private static let fixturesFallback = "/work/shared/fixtures/data"

    private var fixtureDirectory: String {
        FileManager.default.fileExists(atPath: Self.fixtures + "/persons.jsonl")
            ? Self.fixtures : Self.fixturesFallback
    }

    private func runImport(_ daemon: DaemonProcess, _ kind: String, _ path: String) throws
        -> (status: Int32, stdout: String, stderr: String)
    {
        try runTCMS(["import", "--socket", daemon.socketPath, kind, path])
    }

    private func writeLines(_ lines: [[UInt8]], _ directory: String) -> String {
        let path = directory + "/lines.jsonl"
        let bytes = lines.reduce(into: [UInt8]()) { $0 += $1 + [0x0A] }
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    private func personLine(_ login: String, _ number: String, extra: String = "") -> [UInt8] {
        Array(
            (#"{"login":"\#(login)","password":"Tcms-2026-ok!","name":"测试","#
                + #""mobile":"13900001111","#
                + #""identityType":"mainland","documentType":"resident_id","#
                + #""documentNumber":"\#(number)","documentValidFrom":"2020-01-01"\#(extra)}"#)
                .utf8)
    }

    func testFixtureFilesImportInWhole() throws {
        let daemon = try DaemonProcess(self)
        let persons = try runImport(daemon, "persons", fixtureDirectory + "/persons.jsonl")
        XCTAssertEqual(persons.status, 0, persons.stdout + persons.stderr)
        XCTAssertTrue(persons.stdout.hasPrefix("accepted 2000, unchanged 0, rejected 0"),
                      persons.stdout)
        XCTAssertTrue(persons.stderr.contains("2000/2000 lines sent"))
        let entities = try runImport(daemon, "entities", fixtureDirectory + "/entities.jsonl")
        XCTAssertEqual(entities.status, 0, entities.stdout)
        XCTAssertTrue(entities.stdout.hasPrefix("accepted 400, unchanged 0, rejected 0"),
                      entities.stdout)
        XCTAssertEqual(try daemon.count("persons"), 2000)
        XCTAssertEqual(try daemon.count("entities"), 400)

        let client = try RawClient(path: daemon.socketPath)
        for (login, password, role) in [("user000001", "Tcms-000001!", "person"),
                                        ("user002000", "Tcms-002000!", "person"),
                                        ("unit000400", "Unit-000400#", "entity_admin")]
        {
            let reply = try client.call(
                "session.login", ["login": .string(login), "password": .string(password)])
            XCTAssertEqual(reply["result"]?["role"]?.stringValue, role, login)
        }

        let again = try runImport(daemon, "persons", fixtureDirectory + "/persons.jsonl")
        XCTAssertTrue(again.stdout.hasPrefix("accepted 0, unchanged 2000, rejected 0"),
                      again.stdout)
        XCTAssertEqual(try daemon.count("persons"), 2000)
    }

    func testBrokenLinesReportedByNumber() throws {
        let daemon = try DaemonProcess(self)
        let hash = try PasswordHasher.hash("Hashed-2026!")
        var badUTF8 = personLine("bad_bytes", "110101199210093814")
        let nameRange = badUTF8.firstRange(of: Array("测试".utf8))!
        badUTF8.replaceSubrange(nameRange, with: [0xC3, 0x28])

        let lines: [[UInt8]] = [
            Array(
                (#"{"login":"hashed_one","passwordHash":"\#(hash)","name":"测试","#
                    + #""mobile":"13900001111","identityType":"mainland","#
                    + #""documentType":"resident_id","documentNumber":"44030519930614018x","#
                    + #""documentValidFrom":"2020-01-01"}"#).utf8),
            personLine("old_number", "350102871123456"),
            badUTF8,
            personLine("bad_format", "ABCDEFGHIJKLMNO"),
            Array("{not json".utf8),
            personLine("unknown_field", "110101199210093814", extra: #","role":"operator""#),
            personLine("same_doc", "44030519930614018X"),
            Array(#"{"login":"weak_pw","password":"short"}"#.utf8),
            [],
            Array(
                String(decoding: personLine("plain_pw", "810000198407163117"), as: UTF8.self)
                    .replacingOccurrences(of: "\"mainland\"", with: "\"hmt\"").utf8),
            personLine("month_13", "350102871323456"),
        ]
        let path = writeLines(lines, daemon.directory)

        let run = try runImport(daemon, "persons", path)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stdout.hasPrefix("accepted 2, unchanged 0, rejected 8"), run.stdout)
        let expected = [
            "line 2: first_generation_id", "line 3: invalid_utf8", "line 4: invalid_format",
            "line 5: invalid_json", "line 6: unknown_field", "line 7: document_already_registered",
            "line 8: several_problems", "line 11: invalid_birth_date",
        ]
        for prefix in expected {
            XCTAssertTrue(run.stdout.contains(prefix), "\(prefix) missing from:\n\(run.stdout)")
        }
        XCTAssertFalse(run.stdout.contains("line 9:"))
        XCTAssertFalse(run.stdout.contains("line 1:"))
        XCTAssertFalse(run.stdout.contains("line 10:"))

        XCTAssertEqual(try daemon.count("persons"), 2)
        XCTAssertEqual(
            try daemon.text("SELECT document_number FROM persons ORDER BY id LIMIT 1"),
            "44030519930614018X")
        let client = try RawClient(path: daemon.socketPath)
        XCTAssertNotNil(
            try client.call(
                "session.login", ["login": "hashed_one", "password": "Hashed-2026!"])["result"])
        XCTAssertNotNil(
            try client.call(
                "session.login", ["login": "plain_pw", "password": "Tcms-2026-ok!"])["result"])
    }

    func testBrokenEntityLinesNameTheirFields() throws {
        let daemon = try DaemonProcess(self)
        let good = #"{"login":"unit_a","password":"Unit-2026#ok","regionType":"domestic","#
            + #""entityType":"enterprise","name":"甲公司","uscc":"9135010219WXHW6N5T","#
            + #""nature":"150","legalRepName":"陈","legalRepDocumentNumber":"35010219871123006X"}"#
        let lines = [
            good,
            good.replacingOccurrences(of: "unit_a", with: "unit_b")
                .replacingOccurrences(of: "甲公司", with: "乙公司")
                .replacingOccurrences(of: "N5T", with: "N5A"),
            #"{"login":"unit_c","password":"Unit-2026#ok","regionType":"foreign","name":"丙","#
                + #""legalRepName":"X","legalRepDocumentNumber":"350102871123456"}"#,
        ]
        let path = writeLines(lines.map { Array($0.utf8) }, daemon.directory)
        let run = try runImport(daemon, "entities", path)
        XCTAssertTrue(run.stdout.hasPrefix("accepted 1, unchanged 0, rejected 2"), run.stdout)
        XCTAssertTrue(run.stdout.contains("line 2: invalid_check_character uscc"), run.stdout)
        XCTAssertTrue(run.stdout.contains("uniqueId: missing_field"), run.stdout)
        XCTAssertTrue(run.stdout.contains("legalRepDocumentNumber: first_generation_id"),
                      run.stdout)
        XCTAssertEqual(try daemon.count("entities"), 1)
    }

    func testEveryDayOfTwoYearsThroughImport() throws {
        let daemon = try DaemonProcess(self)
        let hash = try PasswordHasher.hash("Hashed-2026!")
        var items: [JSON] = []
        var expected: [Int64: Bool] = [:]
        var line: Int64 = 0
        for year in [2000, 2023] {
            for month in 0...13 {
                for day in [0, 1, 15, 28, 29, 30, 31, 32] {
                    line += 1
                    let first17 = "320106" + String(year) + String(format: "%02d%02d", month, day)
                        + "215"
                    let exists = (1...12).contains(month) && day >= 1
                        && day <= daysIn(year: year, month: month)
                    expected[line] = exists
                    items.append([
                        "line": .int(line),
                        "record": [
                            "login": .string("day_\(line)"), "passwordHash": .string(hash),
                            "name": "测试", "mobile": "13900001111", "identityType": "mainland",
                            "documentType": "resident_id",
                            "documentNumber": .string(withCheckCharacter(first17)),
                            "documentValidFrom": "2024-01-01",
                        ],
                    ])
                }
            }
        }
        let client = try RawClient(path: daemon.socketPath)
        var rejected: [Int64: String] = [:]
        for start in stride(from: 0, to: items.count, by: 200) {
            let batch = Array(items[start..<min(start + 200, items.count)])
            let result = try client.result("import.persons", ["lines": .array(batch)])
            for entry in result["rejected"]?.arrayValue ?? [] {
                rejected[entry["line"]!.intValue!] = entry["reason"]?.stringValue
            }
        }
        for (number, exists) in expected {
            if exists {
                XCTAssertNil(rejected[number], "line \(number)")
            } else {
                XCTAssertEqual(rejected[number], "invalid_birth_date", "line \(number)")
            }
        }
        XCTAssertEqual(try daemon.count("persons"), Int64(expected.values.filter { $0 }.count))
    }

    private func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    func testImportIsForOperatorsOnly() throws {
        let daemon = try DaemonProcess(self)
        try daemon.registerPerson(
            login: "chen_jing", documentNumber: sampleResidentIDs[0], mobiles: MobileNumbers())
        let client = try RawClient(path: daemon.socketPath)
        _ = try client.result("session.login", ["login": "chen_jing", "password": "Secret-2026!"])
        let line: JSON = [
            "line": 1,
            "record": .object(
                try JSONParser.parse(personLine("intruder", "320106199912312154")).objectValue!),
        ]
        let reply = try client.call("import.persons", ["lines": [line]])
        XCTAssertEqual(reply.errorCode, 1003)
        XCTAssertEqual(try daemon.count("persons"), 1)
    }

    func testTooManyLinesInOneCallAreRejected() throws {
        let daemon = try DaemonProcess(self)
        let item: JSON = ["line": 1, "record": [:]]
        let reply = try RawClient(path: daemon.socketPath).call(
            "import.persons", ["lines": .array(Array(repeating: item, count: 501))])
        XCTAssertEqual(reply.errorCode, -32602)
        XCTAssertEqual(reply.errorReason, "too_many_lines")
    }

    func testUnknownKindIsAUsageError() throws {
        let daemon = try DaemonProcess(self)
        let run = try runImport(daemon, "contracts_typo", "/dev/null")
        XCTAssertEqual(run.status, 64)
        XCTAssertTrue(run.stderr.contains("persons, entities, authorizations or contracts"), run.stderr)
    }
}
