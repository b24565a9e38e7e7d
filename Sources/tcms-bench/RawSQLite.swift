import CSQLite

/// A plain SQLite connection for the reference figures: the sqlite3 C library called
/// directly, with no layer of the product in between.
final class RawSQLite {
    private let handle: OpaquePointer
    private var statements: [String: OpaquePointer] = [:]

    init(path: String, readOnly: Bool = false) throws {
        var opened: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
            | SQLITE_OPEN_NOMUTEX
        guard sqlite3_open_v2(path, &opened, flags, nil) == SQLITE_OK, let opened else {
            throw BenchError("cannot open \(path)")
        }
        handle = opened
        sqlite3_busy_timeout(handle, 5_000)
    }

    deinit {
        statements.values.forEach { sqlite3_finalize($0) }
        sqlite3_close_v2(handle)
    }

    func execute(_ sql: String) throws {
        guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else {
            throw BenchError("\(String(cString: sqlite3_errmsg(handle))) in \(sql)")
        }
    }

    private func prepared(_ sql: String) throws -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement,
                                 nil) == SQLITE_OK, let statement
        else {
            throw BenchError("\(String(cString: sqlite3_errmsg(handle))) in \(sql)")
        }
        statements[sql] = statement
        return statement
    }

    /// Runs `sql` with integer or text arguments and returns the first column of every row
    /// as an integer; every other column is read too, as a client reading rows would.
    @discardableResult
    func query(_ sql: String, _ arguments: [RawValue] = []) throws -> [Int64] {
        let statement = try prepared(sql)
        defer { sqlite3_reset(statement) }
        sqlite3_clear_bindings(statement)
        for (offset, argument) in arguments.enumerated() {
            let index = Int32(offset + 1)
            switch argument {
            case .integer(let value): sqlite3_bind_int64(statement, index, value)
            case .text(let value):
                sqlite3_bind_text(statement, index, value, -1, csqlite_transient())
            }
        }
        var firsts: [Int64] = []
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw BenchError("\(String(cString: sqlite3_errmsg(handle))) in \(sql)")
            }
            firsts.append(sqlite3_column_int64(statement, 0))
            for column in 1..<sqlite3_column_count(statement) {
                _ = sqlite3_column_text(statement, column)
            }
        }
        return firsts
    }
}

/// An argument of a reference query.
enum RawValue {
    case integer(Int64)
    case text(String)
}
