import Foundation
import XCTest

@testable import TCMSStorage

final class StoreTests: XCTestCase {
    private let schema = [
        Migration(
            version: 1, name: "counter",
            sql: "CREATE TABLE entries (id INTEGER PRIMARY KEY, label TEXT UNIQUE NOT NULL)")
    ]

    private func makeStore() throws -> Store {
        let path = NSTemporaryDirectory() + "tcms-store-\(UUID().uuidString).sqlite"
        addTeardownBlock {
            for suffix in ["", "-wal", "-shm"] {
                try? FileManager.default.removeItem(atPath: path + suffix)
            }
        }
        return try Store(path: path, migrations: schema)
    }

    func testDatabaseIsInWALModeWithForeignKeys() throws {
        let store = try makeStore()
        defer { try? store.close() }
        XCTAssertEqual(try store.read { try $0.queryFirst("PRAGMA journal_mode") { $0.string(0) } }, "wal")
        XCTAssertEqual(try store.read { try $0.scalarInt("PRAGMA foreign_keys") }, 1)
        XCTAssertEqual(store.schemaVersion, 1)
    }

    func testConcurrentWritersAllCommitWithoutBusyErrors() throws {
        let store = try makeStore()
        defer { try? store.close() }
        let failures = LockedCounter()
        DispatchQueue.concurrentPerform(iterations: 200) { index in
            do {
                try store.write { try $0.run("INSERT INTO entries (label) VALUES (?)", ["e\(index)"]) }
            } catch {
                failures.increment()
            }
        }
        XCTAssertEqual(failures.value, 0)
        XCTAssertEqual(try store.read { try $0.scalarInt("SELECT count(*) FROM entries") }, 200)
    }

    func testFailingJobRollsBackAloneInSharedCommit() throws {
        let store = try makeStore()
        defer { try? store.close() }
        try store.write { try $0.run("INSERT INTO entries (label) VALUES ('taken')") }
        let outcomes = LockedCounter()
        DispatchQueue.concurrentPerform(iterations: 50) { index in
            let label = index % 10 == 0 ? "taken" : "new\(index)"
            do {
                try store.write { database in
                    try database.run("INSERT INTO entries (label) VALUES ('partial\(index)')")
                    try database.run("INSERT INTO entries (label) VALUES (?)", [label])
                }
            } catch let error as SQLiteError {
                XCTAssertTrue(error.isUniqueViolation)
                XCTAssertEqual(error.codeName, "SQLITE_CONSTRAINT_UNIQUE")
                outcomes.increment()
            } catch {
                XCTFail("unexpected \(error)")
            }
        }
        XCTAssertEqual(outcomes.value, 5)
        // 45 jobs wrote two rows each; the 5 failed jobs left nothing, not even their first row.
        XCTAssertEqual(try store.read { try $0.scalarInt("SELECT count(*) FROM entries") }, 1 + 90)
    }

    func testErrorsCarrySQLButNotBoundValues() throws {
        let store = try makeStore()
        defer { try? store.close() }
        try store.write { try $0.run("INSERT INTO entries (label) VALUES (?)", ["secret-110101"]) }
        XCTAssertThrowsError(
            try store.write { try $0.run("INSERT INTO entries (label) VALUES (?)", ["secret-110101"]) }
        ) { error in
            let description = String(describing: error)
            XCTAssertTrue(description.contains("INSERT INTO entries"), description)
            XCTAssertFalse(description.contains("secret-110101"), description)
        }
    }

    func testWriteAfterCloseIsRefused() throws {
        let store = try makeStore()
        try store.close()
        XCTAssertThrowsError(try store.write { try $0.run("DELETE FROM entries") }) { error in
            XCTAssertTrue(error is StoreClosedError)
        }
    }
}

final class LockedCounter: @unchecked Sendable {
    private var count = 0
    private let lock = NSLock()

    var value: Int { lock.withLock { count } }

    func increment() {
        lock.withLock { count += 1 }
    }
}
