import CSQLite

/// A failed SQLite call: the extended result code, SQLite's message and the SQL text.
///
/// Bound values are never kept, so an error can be logged without leaking the data it carried.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    /// The extended result code (`SQLITE_CONSTRAINT_UNIQUE` is 2067).
    public let extendedCode: Int32
    public let message: String
    public let sql: String?

    public init(extendedCode: Int32, message: String, sql: String? = nil) {
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
    }

    /// The primary result code (the low byte of the extended code).
    public var primaryCode: Int32 { extendedCode & 0xFF }

    /// SQLite's own name for the code, as sqlite3.h spells it.
    public var codeName: String {
        if let name = SQLiteError.extendedNames[extendedCode] { return name }
        switch primaryCode {
        case SQLITE_ERROR: return "SQLITE_ERROR"
        case SQLITE_BUSY: return "SQLITE_BUSY"
        case SQLITE_LOCKED: return "SQLITE_LOCKED"
        case SQLITE_NOMEM: return "SQLITE_NOMEM"
        case SQLITE_READONLY: return "SQLITE_READONLY"
        case SQLITE_IOERR: return "SQLITE_IOERR"
        case SQLITE_CORRUPT: return "SQLITE_CORRUPT"
        case SQLITE_FULL: return "SQLITE_FULL"
        case SQLITE_CANTOPEN: return "SQLITE_CANTOPEN"
        case SQLITE_CONSTRAINT: return "SQLITE_CONSTRAINT"
        case SQLITE_MISUSE: return "SQLITE_MISUSE"
        case SQLITE_NOTADB: return "SQLITE_NOTADB"
        default: return "SQLITE_\(extendedCode)"
        }
    }

    /// True for SQLITE_BUSY and SQLITE_LOCKED: the same call may succeed when retried.
    public var isRetryable: Bool { primaryCode == SQLITE_BUSY || primaryCode == SQLITE_LOCKED }

    /// True for constraint failures (unique, foreign key, check, not null).
    public var isConstraint: Bool { primaryCode == SQLITE_CONSTRAINT }

    /// True when the disk (or the database's page limit) is full, so nothing could be written.
    public var isDiskFull: Bool { primaryCode == SQLITE_FULL }

    /// Extended codes that sqlite3.h defines as macro expressions, which Swift does not import;
    /// the values are those of https://www.sqlite.org/rescode.html.
    static let extendedNames: [Int32: String] = [
        275: "SQLITE_CONSTRAINT_CHECK",
        517: "SQLITE_BUSY_SNAPSHOT",
        787: "SQLITE_CONSTRAINT_FOREIGNKEY",
        1299: "SQLITE_CONSTRAINT_NOTNULL",
        1555: "SQLITE_CONSTRAINT_PRIMARYKEY",
        2067: "SQLITE_CONSTRAINT_UNIQUE",
    ]

    /// True for a UNIQUE or PRIMARY KEY constraint failure.
    public var isUniqueViolation: Bool { extendedCode == 2067 || extendedCode == 1555 }

    public var description: String {
        let statement = sql.map { " in \"\($0)\"" } ?? ""
        return "\(codeName) (\(extendedCode)): \(message)\(statement)"
    }
}
