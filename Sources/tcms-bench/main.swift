import Foundation
import Glibc
import TCMSSystem

/// `tcms-bench`: starts a tcms daemon (and redis-server, when installed, as the reference) on
/// private sockets, measures ping round trips and memory, prints figures and ratios, and stops
/// both. Not part of the test run; docs/BENCHMARKS.md records its output.
struct BenchOptions {
    var tcmsBinary: String
    var redisBinary: String?
    var seconds = 5.0
    var connections = 32
    var idleConnections = 1_000

    static let usage = """
        USAGE
          tcms-bench [--seconds N] [--connections N] [--idle-connections N]
                     [--tcms PATH] [--redis PATH | --no-redis]

        Starts tcms (and redis-server, the reference, when installed) on private sockets in a
        temporary directory, prints each figure with its ratio to redis-server, and stops both.
        --seconds sets the time per figure (default 5), --connections the concurrent clients
        (default 32), --idle-connections the open connections for the memory figure (1000).
        """

    static func parse(_ arguments: [String]) throws -> BenchOptions {
        let here = URL(fileURLWithPath: arguments[0]).deletingLastPathComponent()
        var options = BenchOptions(tcmsBinary: here.appendingPathComponent("tcms").path)
        let redis = "/usr/bin/redis-server"
        options.redisBinary = FileManager.default.isExecutableFile(atPath: redis) ? redis : nil

        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            func value() throws -> String {
                guard let next = iterator.next() else { throw BenchError("\(argument) needs a value") }
                return next
            }
            switch argument {
            case "--help", "-h":
                print(BenchOptions.usage)
                exit(0)
            case "--tcms": options.tcmsBinary = try value()
            case "--redis": options.redisBinary = try value()
            case "--no-redis": options.redisBinary = nil
            case "--seconds": options.seconds = Double(try value()) ?? options.seconds
            case "--connections": options.connections = Int(try value()) ?? options.connections
            case "--idle-connections":
                options.idleConnections = Int(try value()) ?? options.idleConnections
            default:
                throw BenchError("unknown option \(argument)\n" + BenchOptions.usage)
            }
        }
        return options
    }
}

/// Figures of one server.
struct PingFigures {
    var pinnedPerSecond = 0.0
    var pinnedCPUMicroseconds = 0.0
    var concurrentPerSecond = 0.0
    var concurrentCPUMicroseconds = 0.0
    var idleKiB = 0
    var manyConnectionsKiB = 0
}

func measure(_ server: ServerProcess, protocol ping: PingProtocol, options: BenchOptions) throws
    -> PingFigures
{
    var figures = PingFigures()
    let allCPUs = "0-\(max(0, sysconf(Int32(_SC_NPROCESSORS_ONLN)) - 1))"
    figures.idleKiB = server.residentKiB()

    // One connection: client and server share core 0, so the figure does not depend on where
    // the scheduler happens to put the two processes.
    server.pin(to: "0")
    pinSelf(to: "0")
    var cpuBefore = server.cpuSeconds()
    let pinned = try runPingLoad(
        socketPath: server.socketPath, protocol: ping, connections: 1, seconds: options.seconds)
    figures.pinnedPerSecond = Double(pinned) / options.seconds
    figures.pinnedCPUMicroseconds = (server.cpuSeconds() - cpuBefore) * 1e6 / Double(max(pinned, 1))

    server.pin(to: allCPUs)
    pinSelf(to: allCPUs)
    cpuBefore = server.cpuSeconds()
    let concurrent = try runPingLoad(
        socketPath: server.socketPath, protocol: ping, connections: options.connections,
        seconds: options.seconds)
    figures.concurrentPerSecond = Double(concurrent) / options.seconds
    figures.concurrentCPUMicroseconds =
        (server.cpuSeconds() - cpuBefore) * 1e6 / Double(max(concurrent, 1))

    let idle = try (0..<options.idleConnections).map { _ in
        try UnixSocket.connect(path: server.socketPath)
    }
    var buffer = [UInt8](repeating: 0, count: 256)
    for client in idle {
        try client.writeAll(ping.request)
        _ = try buffer.withUnsafeMutableBytes { try client.read(into: $0) }
    }
    figures.manyConnectionsKiB = server.residentKiB()
    idle.forEach { $0.close() }
    return figures
}

func format(_ value: Double, decimals: Int = 0) -> String {
    String(format: "%.\(decimals)f", value)
}

func ratio(_ ours: Double, _ theirs: Double?) -> String {
    guard let theirs, theirs > 0 else { return "-" }
    return format(ours / theirs, decimals: 2)
}

func runBenchmark() throws {
    let options = try BenchOptions.parse(CommandLine.arguments)
    let directory = NSTemporaryDirectory() + "tcms-bench-\(getpid())"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    _ = ResourceLimits.raiseOpenFileLimit()

    // The benchmark's one uid opens every connection, so the per-uid limit is raised with the
    // total; redis-server gets the same room through --maxclients.
    let config = directory + "/tcms.conf"
    let room = options.idleConnections + options.connections + 16
    try "max_connections = \(room)\nmax_connections_per_uid = \(room)\n".write(
        toFile: config, atomically: true, encoding: .utf8)
    let tcms = try ServerProcess(
        name: "tcms", executable: options.tcmsBinary,
        arguments: ["daemon", "--config", config, "--state-dir", directory + "/state",
                    "--socket", directory + "/tcms.sock"],
        socketPath: directory + "/tcms.sock")
    let ours = try measure(tcms, protocol: .tcms, options: options)
    tcms.stop()

    var reference: PingFigures? = nil
    if let redisBinary = options.redisBinary {
        let redis = try ServerProcess(
            name: "redis-server", executable: redisBinary,
            arguments: ["--port", "0", "--unixsocket", directory + "/redis.sock", "--save", "",
                        "--appendonly", "no", "--maxclients", "10000"],
            socketPath: directory + "/redis.sock")
        reference = try measure(redis, protocol: .redis, options: options)
        redis.stop()
    }

    let rows: [(String, Double, Double?, Int)] = [
        ("ping/s, 1 connection, pinned to one core", ours.pinnedPerSecond,
         reference?.pinnedPerSecond, 0),
        ("server CPU us/ping, 1 connection", ours.pinnedCPUMicroseconds,
         reference?.pinnedCPUMicroseconds, 1),
        ("ping/s, \(options.connections) connections", ours.concurrentPerSecond,
         reference?.concurrentPerSecond, 0),
        ("server CPU us/ping, \(options.connections) connections", ours.concurrentCPUMicroseconds,
         reference?.concurrentCPUMicroseconds, 1),
        ("resident KiB, idle", Double(ours.idleKiB), reference.map { Double($0.idleKiB) }, 0),
        ("resident KiB, \(options.idleConnections) connections", Double(ours.manyConnectionsKiB),
         reference.map { Double($0.manyConnectionsKiB) }, 0),
    ]
    print("tcms-bench: \(format(options.seconds, decimals: 1)) s per figure, "
          + "\(ProcessInfo.processInfo.activeProcessorCount) CPUs")
    print("figure | tcms | redis-server | tcms/redis")
    for (label, value, other, decimals) in rows {
        let otherText = other.map { format($0, decimals: decimals) } ?? "-"
        print("\(label) | \(format(value, decimals: decimals)) | \(otherText) | \(ratio(value, other))")
    }
}

do {
    try runBenchmark()
} catch {
    FileHandle.standardError.write(Data("tcms-bench: \(error)\n".utf8))
    exit(1)
}
