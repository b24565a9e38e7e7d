import Foundation
import TCMSJSON
import TCMSServices
import XCTest

/// The fixture files and a fast way to load them into a test daemon: every imported account
/// gets the same `passwordHash`, so the import costs one yescrypt hash instead of thousands.
enum AuthorizationFixtures {
    static let password = "Fixture-2026!"

    /// One yescrypt hash of `password`, made once per test process.
    static let passwordHash: String = try! PasswordHasher.hash(password)

    static let directory: String = {
        let beside = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../../shared/fixtures/data").standardized.path
        return FileManager.default.fileExists(atPath: beside + "/persons.jsonl")
            ? beside : "/work/shared/fixtures/data"
    }()

    /// The parsed lines of a fixture file such as `authorizations.jsonl`.
    static func records(_ file: String) throws -> [JSONObject] {
        let text = try String(contentsOfFile: directory + "/" + file, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            try XCTUnwrap(JSONParser.parse(String(line)).objectValue)
        }
    }

    /// The fixture grants of `entityLogin`, in file order.
    static func grants(of entityLogin: String) throws -> [JSONObject] {
        try records("authorizations.jsonl").filter {
            $0["entityLogin"]?.stringValue == entityLogin
        }
    }
}

extension DaemonProcess {
    /// Imports the fixture persons and entities the filters keep (all by default) through
    /// `import.persons` and `import.entities`, with `passwordHash` in place of `password`.
    func importFixtures(
        persons keepPerson: (JSONObject) -> Bool = { _ in true },
        entities keepEntity: (JSONObject) -> Bool = { _ in true }
    ) throws {
        let client = try RawClient(path: socketPath)
        try importFixtureFile("persons.jsonl", "import.persons", client, keepPerson)
        try importFixtureFile("entities.jsonl", "import.entities", client, keepEntity)
    }

    private func importFixtureFile(
        _ file: String, _ method: String, _ client: RawClient, _ keep: (JSONObject) -> Bool
    ) throws {
        var items: [JSON] = []
        for (index, record) in try AuthorizationFixtures.records(file).enumerated()
        where keep(record) {
            var line = record
            line["password"] = nil
            line["passwordHash"] = JSON.string(AuthorizationFixtures.passwordHash)
            items.append(["line": .int(Int64(index + 1)), "record": .object(line)])
        }
        for start in stride(from: 0, to: items.count, by: 500) {
            let batch = Array(items[start..<min(start + 500, items.count)])
            let result = try client.result(method, ["lines": .array(batch)])
            XCTAssertEqual(
                result["rejected"]?.arrayValue?.count, 0, "\(method): \(result.encodedString())")
        }
    }

    /// A new connection logged in as `login` with the fixture password.
    func session(_ login: String, password: String = AuthorizationFixtures.password) throws
        -> RawClient
    {
        let client = try RawClient(path: socketPath)
        _ = try client.result(
            "session.login", ["login": .string(login), "password": .string(password)])
        return client
    }
}

/// The params that identify a fixture grant's person to `authorization.grant`.
func grantParams(_ fixture: JSONObject, _ extra: [String: JSON] = [:]) -> JSON {
    JSON.object([
        "name": fixture["personName"] ?? .null,
        "documentType": fixture["documentType"] ?? .null,
        "documentNumber": fixture["documentNumber"] ?? .null,
    ]).with(extra)
}
