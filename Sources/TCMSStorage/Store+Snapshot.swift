extension Store {
    /// Writes a consistent copy of the database to `destination` with `VACUUM INTO`, on a
    /// connection of its own, so writers go on while the copy is made (WAL readers see one
    /// snapshot), then runs `PRAGMA integrity_check` on the copy. Throws when the check fails.
    public func snapshot(to destination: String) throws {
        let source = try Database(path: path)
        defer { try? source.close() }
        try source.run("VACUUM INTO ?", [destination])

        let copy = try Database(path: destination, mode: .readOnly)
        defer { try? copy.close() }
        let verdict = try copy.queryFirst("PRAGMA integrity_check") { $0.string(0) }
        guard verdict == "ok" else {
            throw SQLiteError(
                extendedCode: 11, message: "integrity check of the copy failed: \(verdict ?? "")")
        }
    }
}
