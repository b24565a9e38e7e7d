import Foundation
import Glibc
import XCTest

/// SIGHUP re-reads the configuration; idle connections are closed after the idle timeout.
final class ReloadTests: XCTestCase {
    private let ping = #"{"jsonrpc":"2.0","method":"system.ping","id":1}"#

    func testHangupAppliesNewConnectionLimit() throws {
        let daemon = try DaemonProcess(self, config: "max_connections = 10\n")
        let first = try RawClient(path: daemon.socketPath)
        XCTAssertEqual(try first.request(ping)["result"], "pong")

        try "max_connections = 1\nmax_line_bytes = 4096\n".write(
            toFile: daemon.directory + "/tcms.conf", atomically: true, encoding: .utf8)
        kill(daemon.pid, SIGHUP)
        var reloaded = false
        for _ in 0..<100 where !reloaded {
            usleep(20_000)
            reloaded = daemon.log.contains("configuration reloaded")
        }
        XCTAssertTrue(reloaded, daemon.log)
        XCTAssertTrue(daemon.log.contains("only after a restart"), daemon.log)
        XCTAssertTrue(daemon.log.contains("settings=max_line_bytes"), daemon.log)

        let second = try RawClient(path: daemon.socketPath)
        XCTAssertEqual(try second.readReply().errorReason, "too_many_connections")
        XCTAssertEqual(try first.request(ping)["result"], "pong")
    }

    func testBrokenConfigOnHangupKeepsRunningSettings() throws {
        let daemon = try DaemonProcess(self, config: "max_connections = 10\n")
        try "max_connections = lots\n".write(
            toFile: daemon.directory + "/tcms.conf", atomically: true, encoding: .utf8)
        kill(daemon.pid, SIGHUP)
        var logged = false
        for _ in 0..<100 where !logged {
            usleep(20_000)
            logged = daemon.log.contains("configuration reload failed")
        }
        XCTAssertTrue(logged, daemon.log)
        XCTAssertEqual(try RawClient(path: daemon.socketPath).request(ping)["result"], "pong")
    }

    func testIdleConnectionIsClosedAfterIdleTimeout() throws {
        let daemon = try DaemonProcess(self, config: "idle_timeout_seconds = 1\n")
        let client = try RawClient(path: daemon.socketPath)
        XCTAssertEqual(try client.request(ping)["result"], "pong")
        XCTAssertNil(try client.readLine(timeout: 5))
    }
}
