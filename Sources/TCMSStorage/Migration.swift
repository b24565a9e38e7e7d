/// One step of the schema, identified by its version number. Steps are applied in order and
/// never edited once released; a change to the schema is a new step.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}

/// The database was written by a newer tcms, whose schema this build does not know.
public struct SchemaTooNewError: Error, Sendable, CustomStringConvertible {
    public let found: Int
    public let supported: Int

    public var description: String {
        "database schema version \(found) is newer than this tcms supports (\(supported)); "
            + "run the tcms release that wrote it, or restore a backup made by this release"
    }
}

/// A migration left rows that violate a foreign key; the step was rolled back.
public struct MigrationForeignKeyError: Error, Sendable, CustomStringConvertible {
    public let version: Int
    public let table: String

    public var description: String {
        "migration \(version) left rows in \(table) that violate a foreign key; it was rolled back"
    }
}

/// Applies migrations and reports the schema version.
public enum Migrator {
    static let createLedger = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        ) STRICT
        """

    /// The highest applied version, or 0 for a new database.
    public static func currentVersion(of database: Database) throws -> Int {
        let hasLedger = try database.scalarInt(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?",
            ["schema_migrations"])
        guard hasLedger > 0 else { return 0 }
        return Int(try database.scalarInt("SELECT coalesce(max(version), 0) FROM schema_migrations"))
    }

    /// Applies every migration newer than the database, each in its own immediate transaction
    /// with foreign keys checked before commit. Returns the versions applied.
    ///
    /// Throws `SchemaTooNewError`, touching nothing, when the database is ahead of `migrations`.
    @discardableResult
    public static func migrate(_ database: Database, to migrations: [Migration]) throws -> [Int] {
        let supported = migrations.map(\.version).max() ?? 0
        let current = try currentVersion(of: database)
        guard current <= supported else {
            throw SchemaTooNewError(found: current, supported: supported)
        }

        var applied: [Int] = []
        for migration in migrations.sorted(by: { $0.version < $1.version })
        where migration.version > current {
            try database.immediateTransaction {
                try database.execute(createLedger)
                try database.execute(migration.sql)
                try database.run(
                    "INSERT INTO schema_migrations (version, name) VALUES (?, ?)",
                    [migration.version, migration.name])
                let violation = try database.queryFirst("PRAGMA foreign_key_check") {
                    $0.string(0)
                }
                if let violation {
                    throw MigrationForeignKeyError(version: migration.version, table: violation)
                }
                try database.execute("PRAGMA user_version = \(migration.version)")
            }
            applied.append(migration.version)
        }
        return applied
    }
}
