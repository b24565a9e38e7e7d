import Foundation
import Glibc
import TCMSJSON
import XCTest

/// The verifier: the embedded checks with an imported reference list, and `verify_command`.
final class VerificationTests: XCTestCase {
    private let mobiles = MobileNumbers()

    private func register(
        _ daemon: DaemonProcess, _ login: String, _ changes: [String: JSON] = [:]
    ) throws -> JSON {
        let mobile = mobiles.make()
        let proof = try daemon.proveMobile(mobile)
        return try RawClient(path: daemon.socketPath).result(
            "person.register",
            personParams(login: login, mobile: mobile, proof: proof).with(changes))
    }

    func testReferenceListDecidesOnlineVerification() throws {
        let daemon = try DaemonProcess(self)
        let csv = "name,documentType,documentNumber\n林晓梅,resident_id,35010219871123006x\n"
            + "坏行,resident_id,350102198711230060\n"
        let imported = try RawClient(path: daemon.socketPath).result(
            "verification.importReferences", ["csv": .string(csv)])
        XCTAssertEqual(imported["accepted"], 1)
        XCTAssertEqual(imported["rejected"]?.arrayValue?.first?["line"], 3)
        XCTAssertEqual(
            imported["rejected"]?.arrayValue?.first?["reason"], "invalid_check_character")

        XCTAssertEqual(try register(daemon, "lin_xiaomei")["verificationStatus"], "verified")
        let unknown = try register(
            daemon, "wang_fang",
            ["name": "王芳", "documentNumber": "320106199912312154", "birthDate": nil,
             "gender": nil])
        XCTAssertEqual(unknown["verificationStatus"], "unverified")
        let passport = try register(
            daemon, "ada_lin",
            ["identityType": "other", "documentType": "foreign_passport",
             "documentNumber": "E12345678", "birthDate": nil, "gender": nil])
        XCTAssertEqual(passport["verificationStatus"], "pending_review")
    }

    func testReferenceImportNeedsHeader() throws {
        let daemon = try DaemonProcess(self)
        let reply = try RawClient(path: daemon.socketPath).call(
            "verification.importReferences", ["csv": "林晓梅,resident_id,35010219871123006X\n"])
        XCTAssertEqual(reply.errorReason, "invalid_header")
        XCTAssertEqual(try daemon.count("verification_references"), 0)
    }

    /// Starts a daemon whose `verify_command` is a shell script with `body`.
    private func daemonWithCommand(_ body: String) throws -> DaemonProcess {
        let directory = makeTemporaryDirectory(self)
        let script = directory + "/verify"
        try ("#!/bin/sh\n" + body + "\n").write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        return try DaemonProcess(
            self, directory: directory, config: "verify_command = \(script)\n")
    }

    private func waitForStatus(_ daemon: DaemonProcess, _ login: String) throws -> String? {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let status = try daemon.text(
                """
                SELECT p.verification_status FROM persons p JOIN accounts a
                ON a.id = p.account_id WHERE a.login = '\(login)'
                """)
            if status != "verifying" { return status }
            usleep(50_000)
        }
        return "verifying"
    }

    func testCommandVerdictArrivesAfterSaving() throws {
        let daemon = try daemonWithCommand(
            #"""
            input=$(cat)
            echo "$input" >> "$(dirname "$0")/requests"
            case "$input" in
              *35010219871123006X*) echo '{"verified": true}' ;;
              *) echo '{"verified": false}' ;;
            esac
            """#)
        let saved = try register(daemon, "lin_xiaomei")
        XCTAssertEqual(saved["verificationStatus"], "verifying")
        XCTAssertEqual(saved["verificationStatusLabel"], "实名认证核验中")
        XCTAssertEqual(try waitForStatus(daemon, "lin_xiaomei"), "verified")

        _ = try register(
            daemon, "wang_fang",
            ["name": "王芳", "documentNumber": "320106199912312154", "birthDate": nil,
             "gender": nil])
        XCTAssertEqual(try waitForStatus(daemon, "wang_fang"), "unverified")

        let requests = try String(
            contentsOfFile: daemon.directory + "/requests", encoding: .utf8)
        XCTAssertTrue(requests.contains(#""kind":"person""#), requests)
        XCTAssertTrue(requests.contains(#""name":"林晓梅""#), requests)
    }

    func testFailingCommandLeavesRecordUnverified() throws {
        let daemon = try daemonWithCommand("exit 1")
        XCTAssertEqual(try register(daemon, "lin_xiaomei")["verificationStatus"], "verifying")
        XCTAssertEqual(try waitForStatus(daemon, "lin_xiaomei"), "unverified")
        XCTAssertEqual(try daemon.count("persons"), 1)
    }
}
