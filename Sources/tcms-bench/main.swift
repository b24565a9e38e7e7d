import Foundation
import Glibc
import TCMSSystem

/// `tcms-bench`: starts a tcms daemon (and redis-server, when installed, as the reference) on
/// private sockets, measures ping round trips and memory, seeds a national-scale set of
/// contracts and measures reads, approvals, listings and search against sqlite3 run directly,
/// prints a Markdown table of figures and ratios, and stops everything it started. Not part of
/// the test run; docs/BENCHMARKS.md records its output.
struct BenchOptions {
    var tcmsBinary: String
    var redisBinary: String?
    var seconds = 5.0
    var connections = 32
    var idleConnections = 1_000
    var contracts = 5_000_000
    var entities: Int?
    var stateDirectory: String?
    var seedOnly = false
    var ping = true
    var repeats = 50
    var seed: UInt64 = 20_261_204

    static let usage = """
        USAGE
          tcms-bench [--seconds N] [--connections N] [--idle-connections N]
                     [--contracts N] [--entities N] [--state-dir DIR] [--seed-only] [--no-ping]
                     [--repeats N] [--seed N] [--tcms PATH] [--redis PATH | --no-redis]

        Starts tcms (and redis-server, the reference, when installed) on private sockets in a
        temporary directory, prints each figure with its reference and ratio as a Markdown
        table, and stops both.
        --seconds sets the time per throughput figure (default 5), --connections the
        concurrent ping clients (default 32), --idle-connections the open connections for the
        memory figure (1000).
        --contracts sets the contracts seeded (default 5000000; 0 skips the contract figures),
        --entities the registering units (default one per 25 contracts, at most 200000);
        --state-dir keeps the seeded state in DIR and reuses it when DIR already holds one;
        --seed-only seeds and stops; --no-ping skips the ping and memory figures; --repeats
        sets the samples per latency figure (default 50); --seed the generator's seed.
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
            func number() throws -> Int {
                let text = try value()
                guard let parsed = Int(text), parsed >= 0 else {
                    throw BenchError("\(argument) needs a whole number, not \(text)")
                }
                return parsed
            }
            switch argument {
            case "--help", "-h":
                print(BenchOptions.usage)
                exit(0)
            case "--tcms": options.tcmsBinary = try value()
            case "--redis": options.redisBinary = try value()
            case "--no-redis": options.redisBinary = nil
            case "--seconds": options.seconds = Double(try value()) ?? options.seconds
            case "--connections": options.connections = try number()
            case "--idle-connections": options.idleConnections = try number()
            case "--contracts": options.contracts = try number()
            case "--entities": options.entities = max(1, try number())
            case "--state-dir": options.stateDirectory = try value()
            case "--seed-only": options.seedOnly = true
            case "--no-ping": options.ping = false
            case "--repeats": options.repeats = max(1, try number())
            case "--seed": options.seed = UInt64(try number())
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

/// Measures ping round trips and memory of tcms and redis-server, as table rows.
func pingRows(options: BenchOptions, directory: String) throws -> [FigureRow] {
    // The benchmark's one uid opens every connection, so the per-uid limit is raised with the
    // total; redis-server gets the same room through --maxclients.
    let config = directory + "/tcms.conf"
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
    let connections = options.connections
    return [
        FigureRow(label: "`system.ping`/s, 1 connection, pinned to one core (ref: redis PING)",
                  tcms: ours.pinnedPerSecond, reference: reference?.pinnedPerSecond,
                  decimals: 0, target: "≥ 1.00"),
        FigureRow(label: "server CPU µs per ping, 1 connection (ref: redis)",
                  tcms: ours.pinnedCPUMicroseconds, reference: reference?.pinnedCPUMicroseconds,
                  decimals: 1, target: "≤ 1.50"),
        FigureRow(label: "`system.ping`/s, \(connections) connections (ref: redis PING)",
                  tcms: ours.concurrentPerSecond, reference: reference?.concurrentPerSecond,
                  decimals: 0, target: "≥ 1.00"),
        FigureRow(label: "server CPU µs per ping, \(connections) connections (ref: redis)",
                  tcms: ours.concurrentCPUMicroseconds,
                  reference: reference?.concurrentCPUMicroseconds, decimals: 1, target: "-"),
        FigureRow(label: "resident KiB, idle (ref: redis)", tcms: Double(ours.idleKiB),
                  reference: reference.map { Double($0.idleKiB) }, decimals: 0,
                  target: "≤ 1.50"),
        FigureRow(label: "resident KiB, \(options.idleConnections) connections (ref: redis)",
                  tcms: Double(ours.manyConnectionsKiB),
                  reference: reference.map { Double($0.manyConnectionsKiB) }, decimals: 0,
                  target: "-"),
    ]
}

func runBenchmark() throws {
    let options = try BenchOptions.parse(CommandLine.arguments)
    let directory = NSTemporaryDirectory() + "tcms-bench-\(getpid())"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    _ = ResourceLimits.raiseOpenFileLimit()
    let room = options.idleConnections + options.connections + 16
    try "max_connections = \(room)\nmax_connections_per_uid = \(room)\n".write(
        toFile: directory + "/tcms.conf", atomically: true, encoding: .utf8)

    let machine = MachineLoad.read()
    var rows: [FigureRow] = []
    if options.ping && !options.seedOnly {
        rows += try pingRows(options: options, directory: directory)
    }
    if options.contracts > 0 {
        rows += try contractRows(options: options, directory: directory)
    }
    if options.seedOnly { return }

    let after = MachineLoad.read()
    print("tcms-bench \(CommandLine.arguments.dropFirst().joined(separator: " "))")
    print("\(ProcessInfo.processInfo.activeProcessorCount) CPUs, \(machine.memory), "
          + "load average \(machine.loadAverage) at start and \(after.loadAverage) at end, "
          + "\(format(options.seconds, decimals: 1)) s per throughput figure, "
          + "\(options.repeats) samples per latency figure")
    print("")
    print("| figure | tcms | reference | ratio | target | note |")
    print("| --- | --- | --- | --- | --- | --- |")
    for row in rows {
        let reference = row.reference.map { format($0, decimals: row.decimals) } ?? "-"
        print("| \(row.label) | \(format(row.tcms, decimals: row.decimals)) | \(reference) | "
              + "\(row.ratio) | \(row.target) | \(row.note) |")
    }
}

do {
    try runBenchmark()
} catch {
    FileHandle.standardError.write(Data("tcms-bench: \(error)\n".utf8))
    exit(1)
}
