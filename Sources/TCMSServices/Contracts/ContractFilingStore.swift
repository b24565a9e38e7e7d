import TCMSDomain
import TCMSJSON
import TCMSStorage

/// The columns of one stored change or cancellation filing that its decisions check.
struct FilingRecord: Sendable {
    let id: Int64
    let contractID: Int64
    let officeID: Int64?
    let kind: FilingKind
    let status: FilingStatus
    /// For a change, each changed wire field with its `before` and `after` value.
    let changes: JSONObject
}

/// Reads and writes `contract_filings`: at most one open (`submitted`) filing per contract,
/// which the unique partial index `contract_filings_one_open` enforces as well.
enum ContractFilingStore {
    private static let columns = """
        f.id, f.contract_id, f.office_id, f.kind, f.status, f.changes, f.reason, f.filed_by,
        f.filed_at, f.decided_by, f.decided_at, f.return_note, o.name
        """

    private static let from = """
        FROM contract_filings f LEFT JOIN offices o ON o.id = f.office_id
        """

    static func find(id: Int64, in database: Database) throws -> FilingRecord? {
        try database.queryFirst(
            "SELECT id, contract_id, office_id, kind, status, changes FROM contract_filings "
                + "WHERE id = ?", [id]
        ) { row in
            FilingRecord(
                id: row.int64(0), contractID: row.int64(1), officeID: row.optionalInt64(2),
                kind: FilingKind(rawValue: row.string(3)) ?? .change,
                status: FilingStatus(rawValue: row.string(4)) ?? .submitted,
                changes: row.optionalString(5).flatMap { try? JSONParser.parse($0).objectValue }
                    ?? JSONObject())
        }
    }

    /// Returns the kind of the contract's open filing, or nil when none waits for the office.
    static func openKind(contractID: Int64, in database: Database) throws -> FilingKind? {
        try database.queryFirst(
            "SELECT kind FROM contract_filings WHERE contract_id = ? AND status = 'submitted'",
            [contractID]
        ) { FilingKind(rawValue: $0.string(0)) } ?? nil
    }

    /// Inserts an open filing and returns its id.
    static func insert(
        contractID: Int64, officeID: Int64?, kind: FilingKind, changes: JSONObject?,
        reason: String, filedBy: String, at now: String, in database: Database
    ) throws -> Int64 {
        try database.run(
            """
            INSERT INTO contract_filings (contract_id, office_id, kind, status, changes, reason,
                filed_by, filed_at)
            VALUES (?, ?, ?, 'submitted', ?, ?, ?, ?)
            """,
            [contractID, officeID, kind.rawValue,
             changes.map { JSON.object($0).encodedString() }, reason, filedBy, now])
        return database.lastInsertRowID
    }

    /// Records the decision on filing `id` only while it is still open; returns false when
    /// another decision came first.
    static func decide(
        id: Int64, to status: FilingStatus, by login: String, note: String?, at now: String,
        in database: Database
    ) throws -> Bool {
        try database.run(
            """
            UPDATE contract_filings SET status = ?, decided_by = ?, decided_at = ?,
                return_note = ?
            WHERE id = ? AND status = 'submitted'
            """, [status.rawValue, login, now, note, id])
        return database.changes == 1
    }

    /// Lists every filing of the contract, oldest first: the chain of its changes.
    static func list(contractID: Int64, in database: Database) throws -> [JSON] {
        try database.query(
            "SELECT \(columns) \(from) WHERE f.contract_id = ? ORDER BY f.id", [contractID], json)
    }

    /// Converts one filing row to the object `contract.filings` and `contract.get` return.
    static func json(_ row: Row) -> JSON {
        func text(_ index: Int) -> JSON { row.optionalString(index).map { .string($0) } ?? .null }
        let kind = FilingKind(rawValue: row.string(3))
        let status = FilingStatus(rawValue: row.string(4))
        let changes = row.optionalString(5).flatMap { try? JSONParser.parse($0) } ?? .null
        return [
            "id": .int(row.int64(0)), "contractId": .int(row.int64(1)),
            "officeId": row.optionalInt64(2).map { .int($0) } ?? .null, "officeName": text(12),
            "kind": .string(row.string(3)), "kindLabel": .string(kind?.label ?? row.string(3)),
            "status": .string(row.string(4)),
            "statusLabel": .string(status?.label ?? row.string(4)),
            "changes": changes, "reason": text(6), "filedBy": text(7), "filedAt": text(8),
            "decidedBy": text(9), "decidedAt": text(10), "returnNote": text(11),
        ]
    }
}
