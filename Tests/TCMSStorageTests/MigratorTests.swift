import Foundation
import XCTest

@testable import TCMSStorage

final class MigratorTests: XCTestCase {
    private func temporaryDatabasePath() -> String {
        let path = NSTemporaryDirectory() + "tcms-storage-\(UUID().uuidString).sqlite"
        addTeardownBlock {
            for suffix in ["", "-wal", "-shm"] {
                try? FileManager.default.removeItem(atPath: path + suffix)
            }
        }
        return path
    }

    private let first = Migration(
        version: 1, name: "people", sql: "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT)")
    private let second = Migration(
        version: 2, name: "pets",
        sql: "CREATE TABLE pets (id INTEGER PRIMARY KEY, owner INTEGER REFERENCES people(id))")

    func testMigrationsApplyInOrderOnce() throws {
        let database = try Database(path: temporaryDatabasePath())
        XCTAssertEqual(try Migrator.migrate(database, to: [second, first]), [1, 2])
        XCTAssertEqual(try Migrator.migrate(database, to: [first, second]), [])
        XCTAssertEqual(try Migrator.currentVersion(of: database), 2)
        XCTAssertEqual(try database.scalarInt("PRAGMA user_version"), 2)
    }

    func testNewerDatabaseIsRefusedUntouched() throws {
        let path = temporaryDatabasePath()
        let database = try Database(path: path)
        try Migrator.migrate(database, to: [first, second])
        XCTAssertThrowsError(try Migrator.migrate(database, to: [first])) { error in
            let tooNew = error as? SchemaTooNewError
            XCTAssertEqual(tooNew?.found, 2)
            XCTAssertEqual(tooNew?.supported, 1)
        }
        XCTAssertEqual(try Migrator.currentVersion(of: database), 2)
    }

    func testFailingMigrationRollsBackWhole() throws {
        let database = try Database(path: temporaryDatabasePath())
        let broken = Migration(
            version: 2, name: "broken",
            sql: "CREATE TABLE half (id INTEGER); INSERT INTO nowhere VALUES (1)")
        XCTAssertThrowsError(try Migrator.migrate(database, to: [first, broken]))
        XCTAssertEqual(try Migrator.currentVersion(of: database), 1)
        XCTAssertEqual(
            try database.scalarInt("SELECT count(*) FROM sqlite_master WHERE name = 'half'"), 0)
    }

    func testForeignKeyViolationInMigrationIsRolledBack() throws {
        let database = try Database(path: temporaryDatabasePath())
        try Migrator.migrate(database, to: [first, second])
        let orphan = Migration(
            version: 3, name: "orphan",
            sql: "PRAGMA defer_foreign_keys = ON; INSERT INTO pets (owner) VALUES (42)")
        XCTAssertThrowsError(try Migrator.migrate(database, to: [first, second, orphan]))
        XCTAssertEqual(try Migrator.currentVersion(of: database), 2)
        XCTAssertEqual(try database.scalarInt("SELECT count(*) FROM pets"), 0)
    }
}
