import Foundation
import Glibc
import TCMSJSON
import XCTest

/// `sms.send`, `sms.verify` and `sms.outbox` with the daemon's clock read from a file.
final class SMSTests: XCTestCase {
    private var clock: TestClock!

    private func startDaemon() throws -> DaemonProcess {
        let directory = makeTemporaryDirectory(self)
        clock = TestClock(self, directory: directory)
        return try DaemonProcess(self, directory: directory, environment: clock.environment)
    }

    private func send(_ client: RawClient, _ mobile: String = "13912345678") throws -> JSON {
        try client.call("sms.send", ["mobile": .string(mobile), "purpose": "register"])
    }

    private func verify(_ client: RawClient, _ code: String, _ mobile: String = "13912345678")
        throws -> JSON
    {
        try client.call(
            "sms.verify", ["mobile": .string(mobile), "purpose": "register", "code": .string(code)])
    }

    func testSendStoresOnlyCodeDigest() throws {
        let daemon = try startDaemon()
        let client = try RawClient(path: daemon.socketPath)
        let sent = try send(client)
        XCTAssertEqual(sent["result"]?["mobile"], "13*****678")
        XCTAssertEqual(sent["result"]?["expiresAt"], "2026-03-01T10:05:00+08:00")

        let code = try daemon.latestCode("13912345678")
        XCTAssertEqual(code.count, 6)
        XCTAssertEqual(try daemon.count("sms_codes", where: "code_hash LIKE '%\(code)%'"), 0)
        XCTAssertEqual(try daemon.count("audit_log", where: "subject LIKE '%13912345678%'"), 0)
        XCTAssertEqual(try daemon.count("audit_log", where: "subject = 'mobile:13*****678'"), 1)
    }

    func testRightCodeGivesProofOnce() throws {
        let daemon = try startDaemon()
        let client = try RawClient(path: daemon.socketPath)
        _ = try send(client)
        let code = try daemon.latestCode("13912345678")

        let verified = try verify(client, code)
        XCTAssertEqual(verified["result"]?["verified"], .bool(true))
        XCTAssertEqual(verified["result"]?["mobileProof"]?.stringValue?.count, 64)
        XCTAssertEqual(try verify(client, code).errorReason, "no_code_sent")
    }

    func testResendWithinMinuteRejected() throws {
        let daemon = try startDaemon()
        let client = try RawClient(path: daemon.socketPath)
        XCTAssertNotNil(try send(client)["result"])
        clock.advance(by: 59)
        let again = try send(client)
        XCTAssertEqual(again.errorCode, 1029)
        XCTAssertEqual(again.errorReason, "resend_too_soon")
        XCTAssertEqual(try daemon.count("outbox"), 1)

        XCTAssertNotNil(try send(client, "13912345679")["result"])
        clock.advance(by: 1)
        XCTAssertNotNil(try send(client)["result"])
        XCTAssertEqual(try daemon.count("outbox"), 3)
    }

    func testCodeExpiresAfterFiveMinutes() throws {
        let daemon = try startDaemon()
        let client = try RawClient(path: daemon.socketPath)
        _ = try send(client)
        let code = try daemon.latestCode("13912345678")
        clock.advance(by: 300)
        let reply = try verify(client, code)
        XCTAssertEqual(reply.errorCode, 4022)
        XCTAssertEqual(reply.errorReason, "code_expired")
    }

    func testCodeJustBeforeExpiryIsAccepted() throws {
        let daemon = try startDaemon()
        let client = try RawClient(path: daemon.socketPath)
        _ = try send(client)
        let code = try daemon.latestCode("13912345678")
        clock.advance(by: 299)
        XCTAssertNotNil(try verify(client, code)["result"])
    }

    func testFiveWrongTriesUseUpTheCode() throws {
        let daemon = try startDaemon()
        let client = try RawClient(path: daemon.socketPath)
        _ = try send(client)
        let code = try daemon.latestCode("13912345678")
        let wrong = code == "000000" ? "111111" : "000000"

        for remaining in [4, 3, 2, 1] {
            let reply = try verify(client, wrong)
            XCTAssertEqual(reply.errorReason, "wrong_code")
            let message = reply["error"]?["message"]?.stringValue ?? ""
            XCTAssertTrue(message.contains("\(remaining) attempts left"), message)
        }
        XCTAssertEqual(try verify(client, wrong).errorReason, "too_many_attempts")
        XCTAssertEqual(try verify(client, code).errorReason, "too_many_attempts")
    }

    func testMalformedInputIsRejectedWithoutCountingATry() throws {
        let daemon = try startDaemon()
        let client = try RawClient(path: daemon.socketPath)
        let badMobile = try client.call("sms.send", ["mobile": "12345", "purpose": "register"])
        XCTAssertEqual(badMobile.errorReason, "invalid_mobile")
        let badPurpose = try client.call("sms.send", ["mobile": "13912345678", "purpose": "x"])
        XCTAssertEqual(badPurpose.errorReason, "invalid_purpose")
        XCTAssertEqual(try daemon.count("sms_codes"), 0)
        XCTAssertEqual(try daemon.count("outbox"), 0)

        _ = try send(client)
        XCTAssertEqual(try verify(client, "12a456").errorReason, "invalid_code_format")
        XCTAssertEqual(try daemon.count("sms_codes", where: "attempts > 0"), 0)
    }

    func testProofExpiresAfterThirtyMinutes() throws {
        let daemon = try startDaemon()
        let proof = try daemon.proveMobile("13912345678")
        clock.advance(by: 30 * 60)
        let params = personParams(login: "lin_xiaomei", mobile: "13912345678", proof: proof)
        let reply = try RawClient(path: daemon.socketPath).call("person.register", params)
        XCTAssertEqual(reply.errorReason, "invalid_mobile_proof")
        XCTAssertEqual(try daemon.count("accounts"), 0)
    }

    /// Starts a daemon whose `sms_command` is a shell script with `body`.
    private func daemonWithCommand(_ body: String) throws -> DaemonProcess {
        let directory = makeTemporaryDirectory(self)
        let script = directory + "/send-sms"
        try ("#!/bin/sh\n" + body + "\n").write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        return try DaemonProcess(
            self, directory: directory, config: "sms_command = \(script)\n")
    }

    func testCommandGetsNumberAndTextInsteadOfOutbox() throws {
        let daemon = try daemonWithCommand(#"printf '%s|%s' "$1" "$2" > "$(dirname "$0")/sent""#)
        let client = try RawClient(path: daemon.socketPath)
        XCTAssertNotNil(try send(client)["result"])

        let sent = try String(contentsOfFile: daemon.directory + "/sent", encoding: .utf8)
        XCTAssertTrue(sent.hasPrefix("13912345678|【技术合同登记】您的验证码是 "), sent)
        let digits = sent.split(separator: "|")[1].filter(\.isASCII).filter(\.isNumber)
        let code = String(digits.prefix(6))
        XCTAssertEqual(code.count, 6)
        XCTAssertEqual(try daemon.count("outbox"), 0)
        XCTAssertNotNil(try verify(client, code)["result"])
    }

    func testFailingCommandLeavesNoCodeAndAllowsRetry() throws {
        let daemon = try daemonWithCommand("exit 3")
        let client = try RawClient(path: daemon.socketPath)
        let reply = try send(client)
        XCTAssertEqual(reply.errorCode, 5003)
        XCTAssertEqual(reply.errorReason, "notifier_failed")
        XCTAssertEqual(try daemon.count("sms_codes"), 0)
        XCTAssertEqual(try send(client).errorReason, "notifier_failed")
    }

    func testRelativeCommandPathIsAConfigError() throws {
        let directory = makeTemporaryDirectory(self)
        XCTAssertThrowsError(
            try DaemonProcess(self, directory: directory, config: "sms_command = send-sms\n"))
    }
}
