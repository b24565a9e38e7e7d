import CSQLite

/// One SQLite connection. Not thread-safe: a connection is used by one thread at a time, which
/// `WriteQueue` and `ReaderPool` guarantee.
public final class Database {
    let handle: OpaquePointer
    public let path: String
    private var statementCache: [String: Statement] = [:]

    /// The access mode of a connection.
    public enum Mode: Sendable {
        case readWrite
        case readOnly
    }

    /// Opens (creating if needed, in read-write mode) the database at `path` with foreign keys
    /// on and the given busy timeout.
    public init(path: String, mode: Mode = .readWrite, busyTimeoutMilliseconds: Int32 = 5_000)
        throws(SQLiteError)
    {
        var handle: OpaquePointer?
        let flags: Int32
        switch mode {
        case .readWrite: flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .readOnly: flags = SQLITE_OPEN_READONLY
        }
        let code = sqlite3_open_v2(path, &handle, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            if let handle { sqlite3_close_v2(handle) }
            throw SQLiteError(extendedCode: code, message: message)
        }
        self.handle = handle
        self.path = path
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
        try execute("PRAGMA foreign_keys = ON")
    }

    /// Closes the connection after finalizing its statements; the result is checked, so a
    /// connection with unfinished work is reported instead of silently leaked.
    public func close() throws(SQLiteError) {
        statementCache.removeAll()
        let code = sqlite3_close(handle)
        guard code == SQLITE_OK else { throw lastError(code: code, sql: nil) }
    }

    func lastError(code: Int32, sql: String?) -> SQLiteError {
        let extended = sqlite3_extended_errcode(handle)
        let message = String(cString: sqlite3_errmsg(handle))
        return SQLiteError(extendedCode: extended != 0 ? extended : code, message: message, sql: sql)
    }

    /// Runs one or more SQL statements with no parameters.
    /// True while a transaction is open; false after COMMIT, ROLLBACK, or a rollback SQLite
    /// made by itself after an error such as a full disk.
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    public func execute(_ sql: String) throws(SQLiteError) {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        guard code == SQLITE_OK else {
            let message = errorMessage.map { String(cString: $0) } ?? "error"
            sqlite3_free(errorMessage)
            throw SQLiteError(extendedCode: sqlite3_extended_errcode(handle), message: message,
                              sql: sql)
        }
    }

    /// A prepared statement for `sql`, cached per connection so hot queries are parsed once.
    public func statement(_ sql: String) throws(SQLiteError) -> Statement {
        if let cached = statementCache[sql] { return cached }
        let statement = try Statement(database: self, sql: sql)
        statementCache[sql] = statement
        return statement
    }

    /// Runs `sql` with `arguments`, discarding rows.
    public func run(_ sql: String, _ arguments: [any SQLBindable] = []) throws(SQLiteError) {
        let statement = try statement(sql)
        try statement.bind(arguments)
        try statement.run()
    }

    /// Maps every row of `sql` through `transform`.
    public func query<T>(
        _ sql: String, _ arguments: [any SQLBindable] = [], _ transform: (Row) throws -> T
    ) throws -> [T] {
        let statement = try statement(sql)
        try statement.bind(arguments)
        var results: [T] = []
        try statement.forEachRow { results.append(try transform($0)) }
        return results
    }

    /// The first row of `sql` mapped through `transform`, or nil when there is none.
    public func queryFirst<T>(
        _ sql: String, _ arguments: [any SQLBindable] = [], _ transform: (Row) throws -> T
    ) throws -> T? {
        try query(sql, arguments, transform).first
    }

    /// A single integer, such as a count; 0 when the query returns no row.
    public func scalarInt(_ sql: String, _ arguments: [any SQLBindable] = []) throws -> Int64 {
        try queryFirst(sql, arguments) { $0.int64(0) } ?? 0
    }

    /// The row id of the last insert on this connection.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last statement.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`, taking the write lock up front so the
    /// transaction never fails half-way with SQLITE_BUSY on a lock upgrade; rolls back on error.
    public func immediateTransaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// The SQLite library version, such as 3.40.1.
    public static var libraryVersion: String { String(cString: sqlite3_libversion()) }
}
