import Foundation
import Glibc
import TCMSSystem

/// A server the benchmark starts for itself on a private socket and stops afterwards.
final class ServerProcess {
    let name: String
    let socketPath: String
    let process: Process

    /// Starts the server; `notifySocket`, when given, is passed as NOTIFY_SOCKET so the
    /// server's readiness message reaches the benchmark.
    init(
        name: String, executable: String, arguments: [String], socketPath: String,
        notifySocket: String? = nil, waitForSocket wait: Bool = true
    ) throws {
        self.name = name
        self.socketPath = socketPath
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "NOTIFY_SOCKET")
        environment.removeValue(forKey: "LISTEN_FDS")
        if let notifySocket { environment["NOTIFY_SOCKET"] = notifySocket }
        process.environment = environment
        try process.run()
        if wait { try waitForSocket() }
    }

    var pid: Int32 { process.processIdentifier }

    func waitForSocket() throws {
        for _ in 0..<500 {
            if let probe = try? UnixSocket.connect(path: socketPath) {
                probe.close()
                return
            }
            guard process.isRunning else { throw BenchError("\(name) exited at start-up") }
            usleep(20_000)
        }
        throw BenchError("\(name) did not open \(socketPath) within 10 s")
    }

    /// CPU time (user + system) the process has used so far, in seconds, from /proc/PID/stat.
    func cpuSeconds() -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the command name: state is field 3, utime field 14 and stime field 15 (proc(5)).
        let ticks = (Double(fields[11]) ?? 0) + (Double(fields[12]) ?? 0)
        return ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Resident memory in KiB, from /proc/PID/status.
    func residentKiB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]) ?? 0
        }
        return 0
    }

    /// Pins every thread of the process to `cpus`, as `taskset -a -p` does.
    func pin(to cpus: String) {
        runQuietly("/usr/bin/taskset", ["-a", "-p", "-c", cpus, String(pid)])
    }

    func stop() {
        kill(pid, SIGTERM)
        process.waitUntilExit()
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs a helper command and waits for it, discarding its output.
func runQuietly(_ executable: String, _ arguments: [String]) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try? process.run()
    process.waitUntilExit()
}

/// Pins the calling process's threads to `cpus`.
func pinSelf(to cpus: String) {
    runQuietly("/usr/bin/taskset", ["-a", "-p", "-c", cpus, String(getpid())])
}
