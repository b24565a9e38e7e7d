import Foundation
import Glibc
import TCMSJSON
import XCTest

/// sd_notify messages and socket activation, with a test process in systemd's place.
final class SystemdIntegrationTests: XCTestCase {
    func testReadyAndStoppingOnPathNotifySocket() throws {
        let directory = makeTemporaryDirectory(self)
        let notify = try NotifySocket(name: directory + "/notify")
        let daemon = try DaemonProcess(
            self, directory: directory, environment: ["NOTIFY_SOCKET": notify.name])
        let ready = notify.waitFor("READY=1")
        XCTAssertTrue(ready.contains { $0.contains("READY=1") }, "\(ready)")
        XCTAssertTrue(ready.joined().contains("MAINPID=\(daemon.pid)"))

        kill(daemon.pid, SIGTERM)
        let stopping = notify.waitFor("STOPPING=1")
        XCTAssertTrue(stopping.contains { $0.contains("STOPPING=1") }, "\(stopping)")
        daemon.process.waitUntilExit()
        XCTAssertEqual(daemon.process.terminationStatus, 0)
    }

    func testReadyOnAbstractNotifySocketAndWatchdog() throws {
        let name = "@tcms-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        let notify = try NotifySocket(name: name)
        let daemon = try DaemonProcess(
            self, environment: ["NOTIFY_SOCKET": name, "WATCHDOG_USEC": "400000"])
        XCTAssertTrue(notify.waitFor("READY=1").contains { $0.contains("READY=1") })
        let pings = notify.waitFor("WATCHDOG=1", timeout: 3)
        XCTAssertTrue(pings.contains("WATCHDOG=1"), "\(pings)")
        XCTAssertEqual(daemon.terminate(), 0)
    }

    func testReadyComesOnlyAfterSocketAccepts() throws {
        let directory = makeTemporaryDirectory(self)
        let notify = try NotifySocket(name: directory + "/notify")
        let daemon = try DaemonProcess(
            self, directory: directory, environment: ["NOTIFY_SOCKET": notify.name],
            waitForSocket: false)
        XCTAssertTrue(notify.waitFor("READY=1").contains { $0.contains("READY=1") })
        let client = try RawClient(path: daemon.socketPath)
        XCTAssertEqual(
            try client.request(#"{"jsonrpc":"2.0","method":"system.ping","id":1}"#)["result"], "pong")
    }

    func testSocketActivationServesInheritedSocketAndKeepsItsMode() throws {
        let directory = makeTemporaryDirectory(self)
        let socketPath = directory + "/activated.sock"
        let listener = try makeListeningSocket(path: socketPath, mode: 0o600)
        defer { close(listener) }

        let pid = try spawnWithInheritedSocket(
            listener,
            arguments: ["daemon", "--state-dir", directory + "/state",
                        "--socket", directory + "/unused.sock"])
        defer {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }

        var reply: JSON? = nil
        for _ in 0..<200 where reply == nil {
            reply = try? RawClient(path: socketPath).request(
                #"{"jsonrpc":"2.0","method":"system.ping","id":1}"#)
            if reply == nil { usleep(20_000) }
        }
        XCTAssertEqual(reply?["result"], "pong")
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory + "/unused.sock"))

        var info = stat()
        XCTAssertEqual(lstat(socketPath, &info), 0)
        XCTAssertEqual(info.st_mode & 0o777, 0o600)

        kill(pid, SIGTERM)
        var status: Int32 = 0
        var exited = false
        for _ in 0..<500 where !exited {
            exited = waitpid(pid, &status, WNOHANG) == pid
            if !exited { usleep(20_000) }
        }
        XCTAssertTrue(exited, "the daemon did not stop within 10 s of SIGTERM")
        XCTAssertEqual((status >> 8) & 0xFF, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: socketPath), "systemd owns the file")
    }

    private func makeListeningSocket(path: String, mode: mode_t) throws -> Int32 {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0, chmod(path, mode) == 0, listen(descriptor, 16) == 0 else {
            throw HarnessError("listening socket: errno \(errno)")
        }
        return descriptor
    }

    /// Starts tcms through `sh`, which sets LISTEN_PID to its own pid and then execs tcms, so
    /// the variable names the daemon's process as sd_listen_fds(3) requires.
    private func spawnWithInheritedSocket(_ listener: Int32, arguments: [String]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, listener, 3)

        let quoted = ([tcmsBinary] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let script = "LISTEN_PID=$$ LISTEN_FDS=1 exec \(quoted) 2>/dev/null"
        let argv = ["/bin/sh", "-c", script]
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "NOTIFY_SOCKET")
        var cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { cEnvironment.forEach { free($0) } }

        var pid: pid_t = 0
        let result = posix_spawn(&pid, "/bin/sh", &actions, nil, &cArguments, &cEnvironment)
        guard result == 0 else { throw HarnessError("posix_spawn: \(result)") }
        return pid
    }
}
