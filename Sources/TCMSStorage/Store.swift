import Foundation

/// The daemon's database: one SQLite file in WAL mode, one writer connection with group commit,
/// and a pool of reader connections.
public final class Store: Sendable {
    /// How hard SQLite syncs at commit (https://www.sqlite.org/pragma.html#pragma_synchronous).
    public enum Synchronous: String, Sendable {
        /// An acknowledged commit survives a power cut.
        case full = "FULL"
        /// A commit survives a crash of the process, and may be lost on a power cut.
        case normal = "NORMAL"
    }

    /// Settings for opening a store.
    public struct Options: Sendable {
        public var synchronous: Synchronous = .full
        public var busyTimeoutMilliseconds: Int32 = 5_000
        public var readerCount = 4

        public init() {}
    }

    public let path: String
    public let schemaVersion: Int
    private let writer: WriteQueue
    private let readers: ReaderPool

    /// Opens or creates the database at `path` and applies pending migrations.
    public init(path: String, migrations: [Migration], options: Options = Options()) throws {
        let database = try Database(
            path: path, busyTimeoutMilliseconds: options.busyTimeoutMilliseconds)
        let mode = try database.queryFirst("PRAGMA journal_mode = WAL") { $0.string(0) }
        guard mode?.lowercased() == "wal" else {
            let message = "cannot switch to WAL mode (got \(mode ?? "nothing"))"
            throw SQLiteError(extendedCode: 1, message: message)
        }
        try database.execute("PRAGMA synchronous = \(options.synchronous.rawValue)")
        try Migrator.migrate(database, to: migrations)
        schemaVersion = try Migrator.currentVersion(of: database)

        var readerConnections: [Database] = []
        for _ in 0..<max(1, options.readerCount) {
            let reader = try Database(
                path: path, busyTimeoutMilliseconds: options.busyTimeoutMilliseconds)
            try reader.execute("PRAGMA query_only = ON")
            readerConnections.append(reader)
        }

        self.path = path
        writer = WriteQueue(database: database)
        readers = ReaderPool(connections: readerConnections)
    }

    /// Runs `body` in a write transaction and returns once it is committed to disk.
    public func write<T>(_ body: @escaping (Database) throws -> T) throws -> T {
        try writer.perform(body)
    }

    /// Runs `body` on a read-only connection.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try readers.perform(body)
    }

    /// Size of the database file plus its WAL, in bytes.
    public var sizeInBytes: Int64 {
        let manager = FileManager.default
        return [path, path + "-wal"].reduce(0) { total, file in
            let size = (try? manager.attributesOfItem(atPath: file)[.size] as? NSNumber)?.int64Value
            return total + (size ?? 0)
        }
    }

    /// Waits for queued writes, then closes every connection.
    public func close() throws {
        try writer.stop()
        try readers.closeAll()
    }
}
