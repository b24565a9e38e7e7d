import Foundation

/// A fixed set of read-only connections handed out one per request. In WAL mode readers never
/// block the writer or each other, and each read sees the last committed state.
final class ReaderPool: @unchecked Sendable {
    // Unchecked because `idle` is guarded by `lock`, and each connection is used by one thread
    // at a time between `acquire` and `release`.
    private var idle: [Database]
    private let lock = NSLock()
    private let available: DispatchSemaphore

    init(connections: [Database]) {
        idle = connections
        available = DispatchSemaphore(value: connections.count)
    }

    func perform<T>(_ body: (Database) throws -> T) throws -> T {
        available.wait()
        lock.lock()
        let database = idle.removeLast()
        lock.unlock()
        defer {
            lock.lock()
            idle.append(database)
            lock.unlock()
            available.signal()
        }
        return try body(database)
    }

    func closeAll() throws {
        lock.lock()
        defer { lock.unlock() }
        for database in idle {
            try database.close()
        }
        idle.removeAll()
    }
}
