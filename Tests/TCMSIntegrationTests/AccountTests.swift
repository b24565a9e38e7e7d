import Foundation
import TCMSJSON
import XCTest

/// `account.checkLoginName`, `account.passwordStrength`, `account.changePassword` and the
/// operator's account switches, with the role refusals.
final class AccountTests: XCTestCase {
    func testCheckLoginNameFreeTakenAndNotAllowed() throws {
        let daemon = try DaemonProcess(self)
        try daemon.registerPerson(
            login: "Chen_Jing", documentNumber: sampleResidentIDs[0], mobiles: MobileNumbers())
        let client = try RawClient(path: daemon.socketPath)

        let free = try client.result("account.checkLoginName", ["login": "wang_fang"])
        XCTAssertEqual(free["allowed"], .bool(true))
        XCTAssertEqual(free["available"], .bool(true))

        let taken = try client.result("account.checkLoginName", ["login": "CHEN_jing"])
        XCTAssertEqual(taken["allowed"], .bool(true))
        XCTAssertEqual(taken["available"], .bool(false))
        XCTAssertEqual(taken["reason"], "login_taken")

        for bad in ["abc", "陈静", "chen-jing", String(repeating: "a", count: 33)] {
            let reply = try client.result("account.checkLoginName", ["login": .string(bad)])
            XCTAssertEqual(reply["allowed"], .bool(false), bad)
            XCTAssertEqual(reply["reason"], "invalid_login_name", bad)
        }
    }

    func testCheckLoginNameRepliesWithBooleanLiterals() throws {
        let daemon = try DaemonProcess(self)
        let client = try RawClient(path: daemon.socketPath)
        try client.write(
            #"{"jsonrpc":"2.0","id":1,"method":"account.checkLoginName","#
                + #""params":{"login":"free_one"}}"# + "\n")
        let line = String(decoding: try client.readLine()!, as: UTF8.self)
        XCTAssertTrue(line.contains(#""allowed":true"#), line)
        XCTAssertTrue(line.contains(#""available":true"#), line)
        XCTAssertFalse(line.contains(":1,"), line)
    }

    func testCheckLoginNameRejectsNonStringLogin() throws {
        let daemon = try DaemonProcess(self)
        let reply = try RawClient(path: daemon.socketPath).call(
            "account.checkLoginName", ["login": true])
        XCTAssertEqual(reply.errorCode, -32602)
        XCTAssertEqual(reply["error"]?["data"]?["field"], "params.login")
    }

    func testPasswordStrengthWeakMediumStrong() throws {
        let daemon = try DaemonProcess(self)
        let client = try RawClient(path: daemon.socketPath)
        let cases: [(String, String, String)] = [
            ("abc", "weak", "弱"), ("abcdefgh", "weak", "弱"), ("Abcdefg1", "medium", "中"),
            ("abcdef1!", "medium", "中"), ("Abcdefgh1!xy", "strong", "强"),
        ]
        for (password, strength, label) in cases {
            let reply = try client.result(
                "account.passwordStrength", ["password": .string(password)])
            XCTAssertEqual(reply["strength"]?.stringValue, strength, password)
            XCTAssertEqual(reply["strengthLabel"]?.stringValue, label, password)
            XCTAssertEqual(reply["meetsRule"], .bool(strength != "weak"), password)
        }
    }

    func testChangePasswordNeedsCurrentPasswordAndRule() throws {
        let daemon = try DaemonProcess(self)
        try daemon.registerPerson(
            login: "chen_jing", documentNumber: sampleResidentIDs[0], mobiles: MobileNumbers())
        let client = try RawClient(path: daemon.socketPath)
        _ = try client.result("session.login", ["login": "chen_jing", "password": "Secret-2026!"])
        let hashBefore = try daemon.text("SELECT password_hash FROM accounts")

        let wrong = try client.call(
            "account.changePassword",
            ["currentPassword": "Nope-2026!", "newPassword": "Better-2027!"])
        XCTAssertEqual(wrong.errorReason, "wrong_password")
        let weak = try client.call(
            "account.changePassword", ["currentPassword": "Secret-2026!", "newPassword": "short"])
        XCTAssertEqual(
            Set(weak.errorReasons), ["password_too_short", "password_too_few_classes"])
        XCTAssertEqual(try daemon.text("SELECT password_hash FROM accounts"), hashBefore)

        _ = try client.result(
            "account.changePassword",
            ["currentPassword": "Secret-2026!", "newPassword": "Better-2027!"])
        let fresh = try RawClient(path: daemon.socketPath)
        XCTAssertEqual(
            try fresh.call("session.login", ["login": "chen_jing", "password": "Secret-2026!"])
                .errorReason, "login_failed")
        XCTAssertNotNil(
            try fresh.call(
                "session.login", ["login": "chen_jing", "password": "Better-2027!"])["result"])
    }

    func testPasswordIsStoredAsYescryptHash() throws {
        let daemon = try DaemonProcess(self)
        try daemon.registerPerson(
            login: "chen_jing", documentNumber: sampleResidentIDs[0], mobiles: MobileNumbers())
        let hash = try daemon.text("SELECT password_hash FROM accounts") ?? ""
        XCTAssertTrue(hash.hasPrefix("$y$"), hash)
        XCTAssertFalse(hash.contains("Secret-2026!"))
    }

    func testPersonCannotCallOperatorMethods() throws {
        let daemon = try DaemonProcess(self)
        let mobiles = MobileNumbers()
        try daemon.registerPerson(
            login: "chen_jing", documentNumber: sampleResidentIDs[0], mobiles: mobiles)
        try daemon.registerPerson(
            login: "wang_fang", documentNumber: sampleResidentIDs[1], mobiles: mobiles)
        let client = try RawClient(path: daemon.socketPath)
        _ = try client.result("session.login", ["login": "chen_jing", "password": "Secret-2026!"])
        let auditBefore = try daemon.count("audit_log")

        for method in ["account.disable", "account.enable", "account.unlock"] {
            let reply = try client.call(method, ["login": "wang_fang"])
            XCTAssertEqual(reply.errorCode, 1003, method)
            XCTAssertEqual(reply.errorReason, "forbidden", method)
        }
        XCTAssertEqual(try client.call("sms.outbox").errorCode, 1003)
        XCTAssertEqual(try daemon.count("accounts", where: "status = 'disabled'"), 0)
        XCTAssertEqual(try daemon.count("audit_log"), auditBefore)
    }

    func testExtraRoleParamsNeverChangeTheCaller() throws {
        let daemon = try DaemonProcess(self)
        try daemon.registerPerson(
            login: "chen_jing", documentNumber: sampleResidentIDs[0], mobiles: MobileNumbers())
        let client = try RawClient(path: daemon.socketPath)
        _ = try client.result("session.login", ["login": "chen_jing", "password": "Secret-2026!"])
        let reply = try client.call(
            "account.disable", ["login": "chen_jing", "role": "operator", "uid": 0])
        XCTAssertNotNil(reply["error"])
        XCTAssertEqual(try daemon.count("accounts", where: "status = 'disabled'"), 0)
    }

    func testAnonymousCallerIsAskedToLogIn() throws {
        let daemon = try DaemonProcess(self)
        let run = try callAsNobody(daemon, "account.disable", #"{"login":"chen_jing"}"#)
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("not_authenticated"), run.stderr)

        let whoami = try callAsNobody(daemon, "session.whoami")
        XCTAssertEqual(whoami.status, 0, whoami.stderr)
        XCTAssertTrue(whoami.stdout.contains("anonymous"), whoami.stdout)
    }

    func testOperatorDisableUnknownLoginIsNotFound() throws {
        let daemon = try DaemonProcess(self)
        let reply = try RawClient(path: daemon.socketPath).call(
            "account.disable", ["login": "nobody_here"])
        XCTAssertEqual(reply.errorCode, 3004)
        XCTAssertEqual(reply.errorReason, "account_not_found")
        XCTAssertEqual(try daemon.count("audit_log"), 0)
    }

    private func resetProof(_ daemon: DaemonProcess, _ mobile: String) throws -> String {
        let client = try RawClient(path: daemon.socketPath)
        _ = try client.result("sms.send", ["mobile": .string(mobile), "purpose": "reset_password"])
        let code = try daemon.latestCode(mobile)
        return try client.result(
            "sms.verify",
            ["mobile": .string(mobile), "purpose": "reset_password", "code": .string(code)]
        )["mobileProof"]!.stringValue!
    }

    func testResetPasswordWithProofOfRegisteredNumber() throws {
        let directory = makeTemporaryDirectory(self)
        let clock = TestClock(self, directory: directory)
        let daemon = try DaemonProcess(self, directory: directory, environment: clock.environment)
        let mobile = "13900005555"
        let proof = try daemon.proveMobile(mobile)
        let client = try RawClient(path: daemon.socketPath)
        _ = try client.result(
            "person.register", personParams(login: "chen_jing", mobile: mobile, proof: proof))
        let registerProofReply = try client.call(
            "account.resetPassword",
            ["login": "chen_jing", "mobile": .string(mobile), "mobileProof": .string(proof),
             "newPassword": "Reset-2026!"])
        XCTAssertEqual(registerProofReply.errorReason, "reset_failed")

        clock.advance(by: 60)
        let resetProof = try resetProof(daemon, mobile)
        let reset = try client.result(
            "account.resetPassword",
            ["login": "CHEN_JING", "mobile": .string(mobile), "mobileProof": .string(resetProof),
             "newPassword": "Reset-2026!"])
        XCTAssertEqual(reset["reset"], .bool(true))
        XCTAssertEqual(
            try client.call("session.login", ["login": "chen_jing", "password": "Secret-2026!"])
                .errorReason, "login_failed")
        XCTAssertNotNil(
            try client.call(
                "session.login", ["login": "chen_jing", "password": "Reset-2026!"])["result"])
    }

    func testResetPasswordForAnotherNumberChangesNothing() throws {
        let daemon = try DaemonProcess(self)
        let mobile = "13900005555"
        let proof = try daemon.proveMobile(mobile)
        let client = try RawClient(path: daemon.socketPath)
        _ = try client.result(
            "person.register", personParams(login: "chen_jing", mobile: mobile, proof: proof))
        let hashBefore = try daemon.text("SELECT password_hash FROM accounts")

        let otherProof = try resetProof(daemon, "13900006666")
        let reply = try client.call(
            "account.resetPassword",
            ["login": "chen_jing", "mobile": "13900006666", "mobileProof": .string(otherProof),
             "newPassword": "Reset-2026!"])
        XCTAssertEqual(reply.errorReason, "reset_failed")
        let unknown = try client.call(
            "account.resetPassword",
            ["login": "nobody_here", "mobile": "13900006666", "mobileProof": .string(otherProof),
             "newPassword": "Reset-2026!"])
        XCTAssertEqual(unknown["error"], reply["error"])
        XCTAssertEqual(try daemon.text("SELECT password_hash FROM accounts"), hashBefore)
    }

    func testForcedResetFlagUntilPasswordChange() throws {
        let daemon = try DaemonProcess(self)
        try daemon.registerPerson(
            login: "chen_jing", documentNumber: sampleResidentIDs[0], mobiles: MobileNumbers())
        let token = try RawClient(path: daemon.socketPath).result(
            "session.login", ["login": "chen_jing", "password": "Secret-2026!"])["token"]!
        _ = try RawClient(path: daemon.socketPath).result(
            "account.forcePasswordReset", ["login": "chen_jing"])
        XCTAssertEqual(
            try RawClient(path: daemon.socketPath).call("session.resume", ["token": token])
                .errorReason, "session_invalid")

        let client = try RawClient(path: daemon.socketPath)
        let login = try client.result(
            "session.login", ["login": "chen_jing", "password": "Secret-2026!"])
        XCTAssertEqual(login["mustResetPassword"], .bool(true))
        let blocked = try client.call("person.get")
        XCTAssertEqual(blocked.errorCode, 1003)
        XCTAssertEqual(blocked.errorReason, "password_reset_required")
        XCTAssertEqual(try client.result("session.whoami")["login"], "chen_jing")
        _ = try client.result(
            "account.changePassword",
            ["currentPassword": "Secret-2026!", "newPassword": "Better-2027!"])
        XCTAssertEqual(try client.result("person.get")["login"], "chen_jing")
        let again = try RawClient(path: daemon.socketPath).result(
            "session.login", ["login": "chen_jing", "password": "Better-2027!"])
        XCTAssertEqual(again["mustResetPassword"], .bool(false))
    }
}
