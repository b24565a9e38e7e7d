import Foundation
import TCMSJSON

/// Seeds (or reuses) the contract state directory, measures the daemon's start-up on it and
/// every contract figure, and returns the table rows.
func contractRows(options: BenchOptions, directory: String) throws -> [FigureRow] {
    let stateDirectory = options.stateDirectory ?? directory + "/contracts-state"
    let databasePath = stateDirectory + "/tcms.sqlite"
    let socketPath = directory + "/contracts.sock"
    let arguments = ["daemon", "--config", directory + "/tcms.conf", "--state-dir",
                     stateDirectory, "--socket", socketPath]

    let world: SeededWorld
    if FileManager.default.fileExists(atPath: databasePath) {
        world = try SeededWorld.load(from: stateDirectory)
    } else {
        try FileManager.default.createDirectory(
            atPath: stateDirectory, withIntermediateDirectories: true)
        let seeder = ContractSeeder(
            contracts: options.contracts, entities: options.entities, seed: options.seed)
        var seeded = SeededWorld()
        let started = Date()
        let daemon = try ServerProcess(
            name: "tcms", executable: options.tcmsBinary, arguments: arguments,
            socketPath: socketPath)
        try seeder.seedThroughDaemon(socketPath: socketPath, into: &seeded)
        daemon.stop()
        try seeder.loadContracts(databasePath: databasePath, into: &seeded)
        try seeded.save(to: stateDirectory)
        world = seeded
        let summary = "seeded \(seeded.contracts) contracts and \(seeded.entities) entities in "
            + "\(format(Date().timeIntervalSince(started), decimals: 0)) s: import.entities "
            + "\(format(seeded.entityImportPerSecond)) lines/s, contract load "
            + "\(format(seeded.contractLoadPerSecond)) rows/s, counts and bigram index "
            + "rebuilt in \(format(seeded.rebuildSeconds, decimals: 1)) s\n"
        FileHandle.standardError.write(Data(summary.utf8))
    }
    if options.seedOnly { return [] }

    var readyTimes: [Double] = []
    var daemon: ServerProcess?
    for attempt in 0..<3 {
        let listener = try NotifyListener(path: directory + "/notify.sock")
        let start = DispatchTime.now()
        let process = try ServerProcess(
            name: "tcms", executable: options.tcmsBinary, arguments: arguments,
            socketPath: socketPath, notifySocket: listener.path, waitForSocket: false)
        guard let ready = listener.waitForReady(timeout: 120) else {
            process.stop()
            throw BenchError("tcms sent no READY=1 within 120 s on \(stateDirectory)")
        }
        readyTimes.append(Double(ready.uptimeNanoseconds - start.uptimeNanoseconds) / 1e6)
        try process.waitForSocket()
        if attempt < 2 { process.stop() } else { daemon = process }
    }
    guard let daemon else { return [] }

    let figures = ContractFigures(
        socketPath: socketPath, databasePath: databasePath, scratchDirectory: directory,
        world: world, seconds: options.seconds, repeats: options.repeats)
    do {
        try figures.runAll()
    } catch {
        daemon.stop()
        throw error
    }
    daemon.stop()

    var rows = figures.rows
    rows.append(FigureRow(
        label: "start to READY=1 on \(world.contracts) contracts, median of 3, ms",
        tcms: readyTimes.sorted()[1], reference: nil, decimals: 1, target: "≤ 50 ms"))
    if world.entityImportPerSecond > 0 {
        let reference = try ContractFigures.batchedInsertReference(
            count: world.entities, directory: directory)
        rows.append(FigureRow(
            label: "`import.entities` lines/s with passwordHash, \(world.entities) lines "
                + "(ref: batched inserts of 500, WAL, FULL)",
            tcms: world.entityImportPerSecond, reference: reference, decimals: 0,
            target: "≥ 0.60"))
    }
    rows.append(FigureRow(
        label: "seeding: contract rows/s of the bulk load, with 3 history rows each",
        tcms: world.contractLoadPerSecond, reference: nil, decimals: 0, target: "-",
        note: "count tables and bigram index rebuilt after in "
            + "\(format(world.rebuildSeconds, decimals: 1)) s"))
    let size = DatabaseSize.measure(databasePath)
    rows.append(FigureRow(
        label: "database bytes per contract (all tables and indexes)",
        tcms: Double(size.total) / Double(max(1, world.contracts)), reference: nil,
        decimals: 0, target: "-",
        note: size.grams.map {
            "bigram index tables \(format(Double($0) / Double(max(1, world.contracts)))) of them"
        } ?? ""))
    return rows
}

extension SeededWorld {
    private static func file(_ directory: String) -> String { directory + "/bench-seed.json" }

    func save(to directory: String) throws {
        let object: JSON = [
            "busiestOfficeId": .int(busiestOfficeID),
            "clerks": .array(clerkLogins.map { .string($0) }), "contracts": .int(Int64(contracts)),
            "entities": .int(Int64(entities)),
            "entityImportPerSecond": .double(entityImportPerSecond),
            "contractLoadPerSecond": .double(contractLoadPerSecond),
            "rebuildSeconds": .double(rebuildSeconds),
        ]
        try object.encodedString().write(
            toFile: Self.file(directory), atomically: true, encoding: .utf8)
    }

    private static func number(_ value: JSON?) -> Double {
        switch value {
        case .double(let number): return number
        case .int(let number): return Double(number)
        default: return 0
        }
    }

    static func load(from directory: String) throws -> SeededWorld {
        let text = try String(contentsOfFile: file(directory), encoding: .utf8)
        let object = try JSONParser.parse(text)
        var world = SeededWorld()
        world.busiestOfficeID = object["busiestOfficeId"]?.intValue ?? 0
        world.clerkLogins = (object["clerks"]?.arrayValue ?? []).compactMap(\.stringValue)
        world.contracts = Int(object["contracts"]?.intValue ?? 0)
        world.entities = Int(object["entities"]?.intValue ?? 0)
        world.entityImportPerSecond = number(object["entityImportPerSecond"])
        world.contractLoadPerSecond = number(object["contractLoadPerSecond"])
        world.rebuildSeconds = number(object["rebuildSeconds"])
        return world
    }
}

/// The database file's size, and the bigram index's share when SQLite's dbstat table is
/// compiled in.
enum DatabaseSize {
    static func measure(_ path: String) -> (total: Int64, grams: Int64?) {
        let manager = FileManager.default
        let total = [path, path + "-wal"].reduce(Int64(0)) { sum, file in
            let size = (try? manager.attributesOfItem(atPath: file)[.size] as? NSNumber)?
                .int64Value
            return sum + (size ?? 0)
        }
        let grams = (try? RawSQLite(path: path, readOnly: true))
            .flatMap {
                try? $0.query(
                    "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'contract_text%' "
                        + "OR name LIKE 'sqlite_autoindex_contract_texts%'")
            }
            .flatMap(\.first)
        return (total, grams)
    }
}

/// The machine's memory and load average, for the table's heading.
struct MachineLoad {
    let memory: String
    let loadAverage: String

    static func read() -> MachineLoad {
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?
            .split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
        let memoryLine = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("MemTotal:") }
        let kib = memoryLine.flatMap { Int($0.split(separator: " ")[1]) } ?? 0
        return MachineLoad(memory: "\(kib / 1_048_576) GiB", loadAverage: load)
    }
}
