import TCMSStorage

/// The database schema as an ordered list of migrations. A released step is never edited; a
/// change is a new step with the next version.
public enum Schema {
    public static let migrations: [Migration] = [
        Migration(version: 1, name: "audit log", sql: """
            CREATE TABLE audit_log (
                id INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                role TEXT NOT NULL,
                login TEXT,
                peer_uid INTEGER NOT NULL,
                peer_pid INTEGER NOT NULL,
                method TEXT NOT NULL,
                subject TEXT,
                before TEXT,
                after TEXT
            ) STRICT;
            CREATE INDEX audit_log_by_time ON audit_log (at);
            CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit records cannot be changed'); END;
            CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit records cannot be deleted'); END;
            """),
        Migration(version: 2, name: "identity", sql: IdentitySchema.sql),
        Migration(version: 3, name: "registration offices", sql: OfficeSchema.sql),
        Migration(version: 4, name: "clerks and system access", sql: AccessSchema.sql),
        Migration(version: 5, name: "handler authorizations", sql: AuthorizationSchema.sql),
        Migration(version: 6, name: "contracts", sql: ContractSchema.sql),
        Migration(
            version: 7, name: "contract counts and bigram index",
            sql: ContractCounts.sql + ContractTextIndex.sql),
    ]

    /// The schema version this build writes.
    public static var latestVersion: Int { migrations.map(\.version).max() ?? 0 }
}
