import Foundation
import XCTest

@testable import TCMSStorage

/// A full disk, simulated with SQLite's page limit on the writer connection: the failing
/// write is rejected as disk full, what was committed before stays, and writes resume once
/// there is room again.
final class DiskFullTests: XCTestCase {
    /// Opens a store with one table on a new file whose writer may grow it by only
    /// `roomInPages` pages.
    private func makeStore(roomInPages: Int64) throws -> Store {
        let path = NSTemporaryDirectory() + "tcms-full-\(UUID().uuidString).sqlite"
        addTeardownBlock {
            for suffix in ["", "-wal", "-shm"] {
                try? FileManager.default.removeItem(atPath: path + suffix)
            }
        }
        let store = try Store(
            path: path,
            migrations: [
                Migration(
                    version: 1, name: "blobs",
                    sql: "CREATE TABLE blobs (id INTEGER PRIMARY KEY, body TEXT)")
            ])
        let pages = try store.write { try $0.scalarInt("PRAGMA page_count") }
        try store.write { try $0.execute("PRAGMA max_page_count = \(pages + roomInPages)") }
        return store
    }

    func testFullDiskRejectsWriteKeepsRows() throws {
        let store = try makeStore(roomInPages: 20)
        let body = String(repeating: "技", count: 2_000)

        var committed = 0
        var failure: SQLiteError?
        for _ in 0..<200 {
            do {
                try store.write { database in
                    try database.run("INSERT INTO blobs (body) VALUES (?)", [body])
                }
                committed += 1
            } catch let error as SQLiteError {
                failure = error
                break
            }
        }

        XCTAssertTrue(failure?.isDiskFull ?? false, "\(String(describing: failure))")
        XCTAssertGreaterThan(committed, 0)
        XCTAssertEqual(
            try store.read { try $0.scalarInt("SELECT count(*) FROM blobs") }, Int64(committed))

        try store.write { database in
            try database.execute("PRAGMA max_page_count = 1073741823")
        }
        try store.write { database in
            try database.run("INSERT INTO blobs (body) VALUES (?)", [body])
        }
        XCTAssertEqual(
            try store.read { try $0.scalarInt("SELECT count(*) FROM blobs") },
            Int64(committed + 1))
    }

    func testConcurrentFullDiskKeepsAcknowledged() throws {
        let store = try makeStore(roomInPages: 40)

        let acknowledged = Counter()
        let refused = Counter()
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            let body = String(repeating: "登", count: 500 + index * 40)
            do {
                try store.write { database in
                    try database.run("INSERT INTO blobs (body) VALUES (?)", [body])
                }
                acknowledged.add()
            } catch {
                refused.add()
            }
        }

        XCTAssertGreaterThan(refused.value, 0)
        XCTAssertGreaterThan(acknowledged.value, 0)
        XCTAssertEqual(
            try store.read { try $0.scalarInt("SELECT count(*) FROM blobs") },
            Int64(acknowledged.value))
    }
}

/// A thread-safe count for concurrent writers.
private final class Counter: @unchecked Sendable {
    // Unchecked because every access takes `lock` first.
    private let lock = NSLock()
    private var count = 0

    func add() {
        lock.lock()
        count += 1
        lock.unlock()
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
