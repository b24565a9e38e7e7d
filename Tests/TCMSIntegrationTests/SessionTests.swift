import Foundation
import TCMSJSON
import XCTest

/// `session.login`, `session.resume`, `session.logout` and `session.whoami` over the socket,
/// with throttling of failed logins.
final class SessionTests: XCTestCase {
    private func daemonWithAccount(_ clock: TestClock? = nil) throws -> DaemonProcess {
        let directory = makeTemporaryDirectory(self)
        let clock = clock ?? TestClock(self, directory: directory)
        let daemon = try DaemonProcess(self, directory: directory, environment: clock.environment)
        let reply = try daemon.registerPerson(
            login: "Lin_Xiaomei", documentNumber: sampleResidentIDs[0], mobiles: MobileNumbers())
        XCTAssertNotNil(reply["result"], reply.encodedString())
        return daemon
    }

    func testLoginSwitchesConnectionToAccountRole() throws {
        let daemon = try daemonWithAccount()
        let client = try RawClient(path: daemon.socketPath)
        XCTAssertEqual(try client.result("session.whoami")["role"], "operator")

        let login = try client.result(
            "session.login", ["login": "lin_XIAOMEI", "password": "Secret-2026!"])
        XCTAssertEqual(login["role"], "person")
        XCTAssertEqual(login["roleLabel"], "自然人")
        XCTAssertEqual(login["login"], "Lin_Xiaomei")
        XCTAssertEqual(login["token"]?.stringValue?.count, 64)
        XCTAssertTrue(login["expiresAt"]?.stringValue?.hasSuffix("+08:00") ?? false)

        let whoami = try client.result("session.whoami")
        XCTAssertEqual(whoami["role"], "person")
        XCTAssertEqual(whoami["authenticated"], .bool(true))
        XCTAssertEqual(whoami["login"], "Lin_Xiaomei")
    }

    func testTokenIsStoredOnlyAsDigest() throws {
        let daemon = try daemonWithAccount()
        let client = try RawClient(path: daemon.socketPath)
        let token = try client.result(
            "session.login", ["login": "lin_xiaomei", "password": "Secret-2026!"])["token"]!
            .stringValue!
        XCTAssertEqual(try daemon.count("sessions"), 1)
        XCTAssertEqual(try daemon.count("sessions", where: "token_hash = '\(token)'"), 0)
    }

    func testWrongLoginAndWrongPasswordLookTheSame() throws {
        let daemon = try daemonWithAccount()
        let client = try RawClient(path: daemon.socketPath)

        var started = Date()
        let unknown = try client.call(
            "session.login", ["login": "nobody_here", "password": "Secret-2026!"])
        let unknownSeconds = Date().timeIntervalSince(started)
        started = Date()
        let wrong = try client.call(
            "session.login", ["login": "lin_xiaomei", "password": "Wrong-2026!"])
        let wrongSeconds = Date().timeIntervalSince(started)

        XCTAssertEqual(unknown["error"], wrong["error"])
        XCTAssertEqual(unknown.errorCode, 1005)
        XCTAssertEqual(unknown.errorReason, "login_failed")
        // Both run one yescrypt hash; a missing hash would make the unknown login far faster.
        XCTAssertGreaterThan(unknownSeconds, wrongSeconds / 3)
        XCTAssertEqual(try daemon.count("audit_log", where: "after LIKE '%login_failed%'"), 2)
    }

    func testFiveFailuresLockLoginUntilOperatorUnlocks() throws {
        let daemon = try daemonWithAccount()
        let client = try RawClient(path: daemon.socketPath)
        for _ in 0..<5 {
            let reply = try client.call(
                "session.login", ["login": "lin_xiaomei", "password": "Wrong-2026!"])
            XCTAssertEqual(reply.errorReason, "login_failed")
        }

        let locked = try client.call(
            "session.login", ["login": "lin_xiaomei", "password": "Secret-2026!"])
        XCTAssertEqual(locked.errorCode, 1029)
        XCTAssertEqual(locked.errorReason, "login_locked")
        let unknownLocked = try client.call(
            "session.login", ["login": "Lin_Xiaomei", "password": "Secret-2026!"])
        XCTAssertEqual(unknownLocked.errorReason, "login_locked")

        _ = try RawClient(path: daemon.socketPath).result(
            "account.unlock", ["login": "LIN_xiaomei"])
        let after = try client.call(
            "session.login", ["login": "lin_xiaomei", "password": "Secret-2026!"])
        XCTAssertEqual(after["result"]?["role"], "person")
    }

    func testLockOutEndsAfterFifteenMinutes() throws {
        let directory = makeTemporaryDirectory(self)
        let clock = TestClock(self, directory: directory)
        let daemon = try DaemonProcess(self, directory: directory, environment: clock.environment)
        try daemon.registerPerson(
            login: "lin_xiaomei", documentNumber: sampleResidentIDs[0], mobiles: MobileNumbers())
        let client = try RawClient(path: daemon.socketPath)
        for _ in 0..<5 {
            _ = try client.call("session.login", ["login": "lin_xiaomei", "password": "x"])
        }
        clock.advance(by: 14 * 60)
        XCTAssertEqual(
            try client.call(
                "session.login", ["login": "lin_xiaomei", "password": "Secret-2026!"]
            ).errorReason, "login_locked")
        clock.advance(by: 61)
        XCTAssertNotNil(
            try client.call(
                "session.login", ["login": "lin_xiaomei", "password": "Secret-2026!"])["result"])
    }

    func testTwentyFailuresFromOnePeerLockThatPeer() throws {
        let daemon = try daemonWithAccount()
        let client = try RawClient(path: daemon.socketPath)
        for index in 0..<20 {
            let reply = try client.call(
                "session.login", ["login": .string("guess_\(index)"), "password": "Wrong-2026!"])
            XCTAssertEqual(reply.errorReason, "login_failed")
        }
        let locked = try client.call(
            "session.login", ["login": "lin_xiaomei", "password": "Secret-2026!"])
        XCTAssertEqual(locked.errorReason, "peer_locked")
    }

    func testResumeOnNewConnectionAndLogoutRevokes() throws {
        let daemon = try daemonWithAccount()
        let first = try RawClient(path: daemon.socketPath)
        let token = try first.result(
            "session.login", ["login": "lin_xiaomei", "password": "Secret-2026!"])["token"]!

        let second = try RawClient(path: daemon.socketPath)
        let resumed = try second.result("session.resume", ["token": token])
        XCTAssertEqual(resumed["role"], "person")
        XCTAssertNil(resumed["token"])
        XCTAssertEqual(try second.result("session.whoami")["login"], "Lin_Xiaomei")

        let logout = try second.result("session.logout")
        XCTAssertEqual(logout["role"], "operator")
        XCTAssertEqual(try second.result("session.whoami")["authenticated"], .bool(false))

        let third = try RawClient(path: daemon.socketPath)
        let rejected = try third.call("session.resume", ["token": token])
        XCTAssertEqual(rejected.errorCode, 1006)
        XCTAssertEqual(rejected.errorReason, "session_invalid")
    }

    func testSessionExpiresAfterEightHours() throws {
        let directory = makeTemporaryDirectory(self)
        let clock = TestClock(self, directory: directory)
        let daemon = try DaemonProcess(self, directory: directory, environment: clock.environment)
        try daemon.registerPerson(
            login: "lin_xiaomei", documentNumber: sampleResidentIDs[0], mobiles: MobileNumbers())
        let token = try RawClient(path: daemon.socketPath).result(
            "session.login", ["login": "lin_xiaomei", "password": "Secret-2026!"])["token"]!

        clock.advance(by: 8 * 3600 - 60)
        let early = try RawClient(path: daemon.socketPath).call("session.resume", ["token": token])
        XCTAssertNotNil(early["result"])
        clock.advance(by: 120)
        XCTAssertEqual(
            try RawClient(path: daemon.socketPath).call("session.resume", ["token": token])
                .errorReason, "session_invalid")
    }

    func testDisabledAccountCannotLoginOrResume() throws {
        let daemon = try daemonWithAccount()
        let token = try RawClient(path: daemon.socketPath).result(
            "session.login", ["login": "lin_xiaomei", "password": "Secret-2026!"])["token"]!
        let disabled = try RawClient(path: daemon.socketPath).result(
            "account.disable", ["login": "lin_xiaomei"])
        XCTAssertEqual(disabled["status"], "disabled")

        let client = try RawClient(path: daemon.socketPath)
        XCTAssertEqual(
            try client.call(
                "session.login", ["login": "lin_xiaomei", "password": "Secret-2026!"]
            ).errorReason, "account_disabled")
        XCTAssertEqual(
            try client.call("session.resume", ["token": token]).errorReason, "session_invalid")

        _ = try client.result("account.enable", ["login": "lin_xiaomei"])
        XCTAssertNotNil(
            try client.call(
                "session.login", ["login": "lin_xiaomei", "password": "Secret-2026!"])["result"])
    }

    func testWhoamiBooleanIsLiteralOnTheWire() throws {
        let daemon = try DaemonProcess(self)
        let client = try RawClient(path: daemon.socketPath)
        try client.write(#"{"jsonrpc":"2.0","id":1,"method":"session.whoami"}"# + "\n")
        let line = String(decoding: try client.readLine()!, as: UTF8.self)
        XCTAssertTrue(line.contains(#""authenticated":false"#), line)
    }

    func testLogoutWithoutSessionIsRefusedForOperator() throws {
        let daemon = try DaemonProcess(self)
        let reply = try RawClient(path: daemon.socketPath).call("session.logout")
        XCTAssertEqual(reply.errorCode, 1003)
    }

    func testDisablingAccountEndsOpenConnectionSession() throws {
        let daemon = try DaemonProcess(self)
        try daemon.registerPerson(
            login: "lin_xiaomei", documentNumber: sampleResidentIDs[0], mobiles: MobileNumbers())
        let client = try RawClient(path: daemon.socketPath)
        _ = try client.result(
            "session.login", ["login": "lin_xiaomei", "password": "Secret-2026!"])
        XCTAssertNotNil(try client.call("person.get")["result"])

        _ = try RawClient(path: daemon.socketPath).result(
            "account.disable", ["login": "lin_xiaomei"])
        let reply = try client.call("person.get")
        XCTAssertEqual(reply.errorCode, 1006)
        XCTAssertEqual(reply.errorReason, "session_invalid")
        XCTAssertEqual(try client.result("session.whoami")["role"], "operator")
    }

    func testLogoutElsewhereEndsSessionOnThisConnection() throws {
        let daemon = try DaemonProcess(self)
        try daemon.registerPerson(
            login: "lin_xiaomei", documentNumber: sampleResidentIDs[0], mobiles: MobileNumbers())
        let first = try RawClient(path: daemon.socketPath)
        let token = try first.result(
            "session.login", ["login": "lin_xiaomei", "password": "Secret-2026!"])["token"]!
        let second = try RawClient(path: daemon.socketPath)
        _ = try second.result("session.resume", ["token": token])
        _ = try second.result("session.logout")

        XCTAssertEqual(try first.call("person.get").errorReason, "session_invalid")
    }

    func testConcurrentGuessesStopAtTheLimit() throws {
        let daemon = try daemonWithAccount()
        let socketPath = daemon.socketPath
        let replies = ReplyBox()
        DispatchQueue.concurrentPerform(iterations: 12) { index in
            let params: JSON = ["login": "lin_xiaomei", "password": .string("Wrong-\(index)!")]
            guard let client = try? RawClient(path: socketPath),
                let reply = try? client.call("session.login", params)
            else { return }
            replies.append(reply.errorReason ?? "none")
        }
        XCTAssertEqual(replies.values.count, 12)
        XCTAssertEqual(replies.values.filter { $0 == "login_failed" }.count, 5, "\(replies.values)")
        XCTAssertEqual(
            try daemon.count(
                "login_throttle", where: "scope = 'login' AND locked_until IS NOT NULL"), 1)
    }
}

/// Replies collected from concurrent calls.
private final class ReplyBox: @unchecked Sendable {
    // Unchecked because `values` is guarded by `lock`.
    private var collected: [String] = []
    private let lock = NSLock()

    var values: [String] { lock.withLock { collected } }

    func append(_ value: String) {
        lock.withLock { collected.append(value) }
    }
}
