import Foundation
import Glibc
import TCMSJSON
import TCMSStorage
import XCTest

/// Helpers for the account, session, SMS, registration and import tests.
extension RawClient {
    /// Calls `method` with `params` and returns the whole reply.
    func call(_ method: String, _ params: JSON = [:]) throws -> JSON {
        let request: JSON = ["jsonrpc": "2.0", "id": 1, "method": .string(method), "params": params]
        return try self.request(request.encodedString())
    }

    /// Calls `method` and returns its result, failing the test on an error reply.
    func result(
        _ method: String, _ params: JSON = [:], file: StaticString = #filePath, line: UInt = #line
    ) throws -> JSON {
        let reply = try call(method, params)
        guard let result = reply["result"] else {
            XCTFail("\(method) failed: \(reply.encodedString())", file: file, line: line)
            throw HarnessError("\(method) failed")
        }
        return result
    }
}

extension JSON {
    /// The reasons of a validation error: its own, or those of its `errors` list.
    var errorReasons: [String] {
        let details = self["error"]?["data"]?["errors"]?.arrayValue ?? []
        if details.isEmpty { return errorReason.map { [$0] } ?? [] }
        return details.compactMap { $0["reason"]?.stringValue }
    }

    /// The fields named by a validation error.
    var errorFields: [String] {
        let details = self["error"]?["data"]?["errors"]?.arrayValue ?? []
        if details.isEmpty {
            return self["error"]?["data"]?["field"]?.stringValue.map { [$0] } ?? []
        }
        return details.compactMap { $0["field"]?.stringValue }
    }

    /// `params` with `changes` applied; a `.null` change removes the member.
    func with(_ changes: [String: JSON]) -> JSON {
        var object = objectValue ?? JSONObject()
        for (key, value) in changes { object[key] = value.isNull ? nil : value }
        return .object(object)
    }
}

extension DaemonProcess {
    /// Counts the rows of `table`, reading straight from the daemon's database file.
    func count(_ table: String, where condition: String = "1") throws -> Int64 {
        let database = try Database(path: stateDirectory + "/tcms.sqlite", mode: .readOnly)
        defer { try? database.close() }
        return try database.scalarInt("SELECT count(*) FROM \(table) WHERE \(condition)")
    }

    /// Reads one text column of the first matching row.
    func text(_ sql: String) throws -> String? {
        let database = try Database(path: stateDirectory + "/tcms.sqlite", mode: .readOnly)
        defer { try? database.close() }
        return try database.queryFirst(sql) { $0.optionalString(0) } ?? nil
    }

    /// Sends a code to `mobile`, reads it from the outbox as operator, verifies it and returns
    /// the mobile proof.
    func proveMobile(_ mobile: String) throws -> String {
        let client = try RawClient(path: socketPath)
        _ = try client.result("sms.send", ["mobile": .string(mobile), "purpose": "register"])
        let code = try latestCode(mobile)
        let verified = try client.result(
            "sms.verify", ["mobile": .string(mobile), "purpose": "register", "code": .string(code)])
        return verified["mobileProof"]?.stringValue ?? ""
    }

    /// Returns the six digits of the newest outbox message to `mobile`.
    func latestCode(_ mobile: String) throws -> String {
        let client = try RawClient(path: socketPath)
        let outbox = try client.result("sms.outbox", ["mobile": .string(mobile), "limit": 1])
        let body = outbox["items"]?.arrayValue?.first?["body"]?.stringValue ?? ""
        return String(body.filter(\.isASCII).filter(\.isNumber).prefix(6))
    }
}

/// A file the daemon reads as its clock when started with `TCMS_CLOCK_FILE`.
final class TestClock {
    let path: String
    private(set) var now: Date

    init(_ test: XCTestCase, directory: String, start: String = "2026-03-01T10:00:00+08:00") {
        path = directory + "/clock"
        now = ISO8601DateFormatter().date(from: start)!
        write()
    }

    var environment: [String: String] { ["TCMS_CLOCK_FILE": path] }

    func advance(by seconds: TimeInterval) {
        now = now.addingTimeInterval(seconds)
        write()
    }

    private func write() {
        let formatter = ISO8601DateFormatter()
        let text = formatter.string(from: now) + "\n"
        try! text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}

/// Distinct mainland mobile numbers for one test run.
final class MobileNumbers {
    private var next = 1000

    func make() -> String {
        next += 1
        return "1390000" + String(next)
    }
}

/// Registration params of a valid person; tests change single fields with `with`.
func personParams(login: String, mobile: String, proof: String) -> JSON {
    [
        "login": .string(login), "password": "Secret-2026!", "mobile": .string(mobile),
        "mobileProof": .string(proof), "name": "林晓梅", "gender": "female",
        "birthDate": "1987-11-23", "identityType": "mainland", "documentType": "resident_id",
        "documentNumber": "35010219871123006X", "documentValidFrom": "2020-01-01",
        "documentValidUntil": "2040-01-01",
    ]
}

/// Runs `tcms call` as the unprivileged user nobody, who is anonymous to the daemon, after
/// opening the test daemon's socket to every user.
func callAsNobody(_ daemon: DaemonProcess, _ method: String, _ params: String = "{}") throws
    -> (status: Int32, stdout: String, stderr: String)
{
    chmod(daemon.socketPath, 0o666)
    chmod(daemon.directory, 0o755)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
    process.arguments = [
        "--reuid=65534", "--regid=65534", "--clear-groups", tcmsBinary, "call", "--socket",
        daemon.socketPath, method, params,
    ]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: out, as: UTF8.self),
            String(decoding: err, as: UTF8.self))
}

/// Valid resident ID numbers of invented people, for tests that need several accounts.
let sampleResidentIDs = [
    "320106200002292153", "320106199602292151", "320106199110152152", "320106199912312154",
    "320106190010292157",
]

extension DaemonProcess {
    /// Registers a person with only the required fields and returns the reply.
    @discardableResult
    func registerPerson(
        login: String, documentNumber: String, password: String = "Secret-2026!",
        mobiles: MobileNumbers
    ) throws -> JSON {
        let mobile = mobiles.make()
        let proof = try proveMobile(mobile)
        let client = try RawClient(path: socketPath)
        return try client.call(
            "person.register",
            [
                "login": .string(login), "password": .string(password),
                "mobile": .string(mobile), "mobileProof": .string(proof), "name": "测试用户",
                "identityType": "mainland", "documentType": "resident_id",
                "documentNumber": .string(documentNumber), "documentValidFrom": "2020-01-01",
            ])
    }
}
