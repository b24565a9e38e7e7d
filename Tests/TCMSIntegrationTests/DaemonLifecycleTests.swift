import Foundation
import Glibc
import TCMSJSON
import XCTest

/// Start-up, stop, stale sockets, a second daemon, socket mode, schema version.
final class DaemonLifecycleTests: XCTestCase {
    private let ping = #"{"jsonrpc":"2.0","method":"system.ping","id":1}"#

    func testTerminateExitsZeroAndRemovesSocket() throws {
        let daemon = try DaemonProcess(self)
        XCTAssertTrue(FileManager.default.fileExists(atPath: daemon.socketPath))
        XCTAssertEqual(daemon.terminate(), 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: daemon.socketPath))
        XCTAssertTrue(daemon.log.contains("daemon stopped"), daemon.log)
    }

    func testInterruptAlsoStopsCleanly() throws {
        let daemon = try DaemonProcess(self)
        kill(daemon.pid, SIGINT)
        daemon.process.waitUntilExit()
        XCTAssertEqual(daemon.process.terminationStatus, 0)
    }

    func testSocketModeIs0660EvenUnderUmaskZero() throws {
        let directory = makeTemporaryDirectory(self)
        let previous = umask(0)
        defer { umask(previous) }
        let daemon = try DaemonProcess(self, directory: directory)
        var status = stat()
        XCTAssertEqual(lstat(daemon.socketPath, &status), 0)
        XCTAssertEqual(status.st_mode & 0o777, 0o660)
        XCTAssertEqual(status.st_mode & S_IFMT, S_IFSOCK)
        XCTAssertEqual(lstat(daemon.stateDirectory, &status), 0)
        XCTAssertEqual(status.st_mode & 0o777, 0o700)
    }

    func testStaleSocketAfterKillIsReplaced() throws {
        let directory = makeTemporaryDirectory(self)
        let first = try DaemonProcess(self, directory: directory)
        kill(first.pid, SIGKILL)
        first.process.waitUntilExit()
        XCTAssertTrue(FileManager.default.fileExists(atPath: first.socketPath))

        let started = Date()
        let second = try DaemonProcess(self, directory: directory)
        XCTAssertLessThan(Date().timeIntervalSince(started), 2.0)
        XCTAssertEqual(try RawClient(path: second.socketPath).request(ping)["result"], "pong")
    }

    func testSecondDaemonOnSameStateDirectoryIsRefused() throws {
        let directory = makeTemporaryDirectory(self)
        let first = try DaemonProcess(self, directory: directory)
        let result = try runTCMS([
            "daemon", "--state-dir", first.stateDirectory, "--socket", directory + "/other.sock",
        ])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("process \(first.pid)"), result.stderr)
        XCTAssertTrue(result.stderr.contains(first.stateDirectory), result.stderr)
        XCTAssertEqual(try RawClient(path: first.socketPath).request(ping)["result"], "pong")
    }

    func testSecondDaemonOnSameSocketIsRefused() throws {
        let directory = makeTemporaryDirectory(self)
        let first = try DaemonProcess(self, directory: directory)
        let result = try runTCMS([
            "daemon", "--state-dir", directory + "/other-state", "--socket", first.socketPath,
        ])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains(first.socketPath), result.stderr)
        XCTAssertTrue(result.stderr.contains("process \(first.pid)"), result.stderr)
        XCTAssertEqual(try RawClient(path: first.socketPath).request(ping)["result"], "pong")
    }

    func testRegularFileAtSocketPathIsLeftAlone() throws {
        let directory = makeTemporaryDirectory(self)
        let path = directory + "/tcms.sock"
        try "keep me".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try runTCMS(["daemon", "--state-dir", directory + "/state", "--socket", path])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("not a socket"), result.stderr)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "keep me")
    }

    func testNewerSchemaIsRefusedUntouched() throws {
        let directory = makeTemporaryDirectory(self)
        let first = try DaemonProcess(self, directory: directory)
        first.terminate()
        let database = first.stateDirectory + "/tcms.sqlite"
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = [
            "python3", "-c",
            "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); "
                + "c.execute(\"INSERT INTO schema_migrations (version, name) VALUES (999, 'future')\"); "
                + "c.commit()",
            database,
        ]
        try sqlite.run()
        sqlite.waitUntilExit()
        XCTAssertEqual(sqlite.terminationStatus, 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: database))

        let result = try runTCMS([
            "daemon", "--state-dir", first.stateDirectory, "--socket", first.socketPath,
        ])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("schema version 999"), result.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: database)), before)
    }

    func testUnknownConfigurationKeyIsRefusedWithLineNumber() throws {
        let directory = makeTemporaryDirectory(self)
        let config = directory + "/tcms.conf"
        try "# comment\nmax_connections = 10\nmax_conections = 5\n".write(
            toFile: config, atomically: true, encoding: .utf8)
        let result = try runTCMS([
            "daemon", "--config", config, "--state-dir", directory + "/s",
            "--socket", directory + "/t.sock",
        ])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("tcms.conf:3"), result.stderr)
        XCTAssertTrue(result.stderr.contains("max_conections"), result.stderr)
    }

    func testStatsCountConnectionsAndRequests() throws {
        let daemon = try DaemonProcess(self)
        let client = try RawClient(path: daemon.socketPath)
        let other = try RawClient(path: daemon.socketPath)
        _ = try other.request(ping)
        let stats = try client.request(#"{"jsonrpc":"2.0","method":"system.stats","id":2}"#)
        XCTAssertEqual(stats["result"]?["openConnections"]?.intValue, 2)
        XCTAssertGreaterThanOrEqual(stats["result"]?["requestsServed"]?.intValue ?? 0, 2)
        XCTAssertGreaterThan(stats["result"]?["databaseBytes"]?.intValue ?? 0, 0)
    }

    func testLogLinesCarrySyslogPriorityPrefix() throws {
        let daemon = try DaemonProcess(self)
        daemon.terminate()
        let lines = daemon.log.split(separator: "\n")
        XCTAssertFalse(lines.isEmpty)
        for line in lines {
            XCTAssertTrue(line.range(of: #"^<[0-7]>"#, options: .regularExpression) != nil, String(line))
        }
    }
}
