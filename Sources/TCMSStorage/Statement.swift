import CSQLite

/// A prepared statement owned by one `Database`; it is finalized when released.
public final class Statement {
    let handle: OpaquePointer
    public let sql: String
    private unowned let database: Database

    init(database: Database, sql: String) throws(SQLiteError) {
        var handle: OpaquePointer?
        let code = sqlite3_prepare_v3(database.handle, sql, -1, 0, &handle, nil)
        guard code == SQLITE_OK, let handle else {
            throw database.lastError(code: code, sql: sql)
        }
        self.handle = handle
        self.sql = sql
        self.database = database
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Binds `values` to the parameters in order, after clearing earlier bindings.
    public func bind(_ values: [any SQLBindable]) throws(SQLiteError) {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value.sqlValue {
            case .null:
                code = sqlite3_bind_null(handle, index)
            case .integer(let number):
                code = sqlite3_bind_int64(handle, index, number)
            case .real(let number):
                code = sqlite3_bind_double(handle, index, number)
            case .text(let text):
                // The byte count is passed, so text with U+0000 in it is stored whole rather than
                // cut at the first NUL as a C string would be.
                var bytes = Array(text.utf8)
                bytes.append(0)
                code = bytes.withUnsafeBufferPointer { buffer in
                    buffer.withMemoryRebound(to: CChar.self) {
                        sqlite3_bind_text(
                            handle, index, $0.baseAddress, Int32(buffer.count - 1),
                            csqlite_transient())
                    }
                }
            case .blob(let bytes):
                code = bytes.withUnsafeBytes {
                    sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count),
                                      csqlite_transient())
                }
            }
            guard code == SQLITE_OK else { throw database.lastError(code: code, sql: sql) }
        }
    }

    /// Steps through every row, calling `body` for each, then resets the statement.
    public func forEachRow(_ body: (Row) throws -> Void) throws {
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            switch code {
            case SQLITE_ROW:
                try body(Row(handle: handle))
            case SQLITE_DONE:
                return
            default:
                throw database.lastError(code: code, sql: sql)
            }
        }
    }

    /// Runs a statement that returns no rows (or whose rows are not needed).
    public func run() throws(SQLiteError) {
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            switch code {
            case SQLITE_ROW: continue
            case SQLITE_DONE: return
            default: throw database.lastError(code: code, sql: sql)
            }
        }
    }
}
