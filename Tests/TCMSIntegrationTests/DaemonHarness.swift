import Foundation
import Glibc
import XCTest

/// The built `tcms` binary, found next to the test bundle in the build directory.
let tcmsBinary: String = {
    var url = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = url.appendingPathComponent("tcms").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        url = url.deletingLastPathComponent()
    }
    let fallback = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../.build/debug/tcms").standardized.path
    return fallback
}()

/// A fresh temporary directory, removed when the test ends.
func makeTemporaryDirectory(_ test: XCTestCase) -> String {
    let path = NSTemporaryDirectory() + "tcms-test-" + UUID().uuidString.prefix(8)
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
    return path
}

/// A `tcms daemon` child process in its own temporary state directory.
final class DaemonProcess {
    let directory: String
    let stateDirectory: String
    let socketPath: String
    let process: Process
    let stderrPath: String

    /// Starts the daemon and waits until its socket answers a ping. `environment` adds to the
    /// test process's variables and `unsetting` removes some of them, such as `TZ`.
    init(
        _ test: XCTestCase, directory: String? = nil, config: String? = nil,
        extraArguments: [String] = [], environment: [String: String] = [:],
        unsetting: [String] = [], waitForSocket: Bool = true
    ) throws {
        self.directory = directory ?? makeTemporaryDirectory(test)
        stateDirectory = self.directory + "/state"
        socketPath = self.directory + "/tcms.sock"
        stderrPath = self.directory + "/daemon-\(UUID().uuidString.prefix(4)).log"
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)

        var arguments = ["daemon", "--state-dir", stateDirectory, "--socket", socketPath]
        if let config {
            let configPath = self.directory + "/tcms.conf"
            try config.write(toFile: configPath, atomically: true, encoding: .utf8)
            arguments += ["--config", configPath]
        }
        process = Process()
        process.executableURL = URL(fileURLWithPath: tcmsBinary)
        process.arguments = arguments + extraArguments
        var processEnvironment = ProcessInfo.processInfo.environment
        processEnvironment.removeValue(forKey: "NOTIFY_SOCKET")
        processEnvironment.removeValue(forKey: "LISTEN_FDS")
        processEnvironment.merge(environment) { $1 }
        unsetting.forEach { processEnvironment.removeValue(forKey: $0) }
        process.environment = processEnvironment
        process.standardError = FileHandle(forWritingAtPath: stderrPath)
        process.standardOutput = FileHandle.nullDevice
        try process.run()

        let process = self.process
        test.addTeardownBlock {
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
        }
        if waitForSocket { try waitUntilServing() }
    }

    var pid: Int32 { process.processIdentifier }

    var log: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    func waitUntilServing(timeout: TimeInterval = 10) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let client = try? RawClient(path: socketPath),
                (try? client.request(#"{"jsonrpc":"2.0","id":0,"method":"system.ping"}"#)) != nil
            {
                return
            }
            guard process.isRunning else {
                throw HarnessError("daemon exited with \(process.terminationStatus): \(log)")
            }
            usleep(20_000)
        }
        throw HarnessError("daemon did not answer within \(timeout) s: \(log)")
    }

    /// Sends SIGTERM and returns the exit status.
    @discardableResult
    func terminate() -> Int32 {
        kill(pid, SIGTERM)
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Resident memory of the daemon in KiB, from /proc.
    func residentKiB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]) ?? 0
        }
        return 0
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs the `tcms` binary to completion and returns its exit status, stdout and stderr.
func runTCMS(_ arguments: [String], environment: [String: String] = [:])
    throws -> (status: Int32, stdout: String, stderr: String)
{
    try runProgram(tcmsBinary, arguments, environment: environment)
}
