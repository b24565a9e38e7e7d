import TCMSDomain
import TCMSJSON
import TCMSStorage

/// Reads and writes `contract_executions`: the payments and milestones of approved contracts.
/// Sums are taken in whole fen by SQLite's integer `sum`, never through a float.
enum ContractExecutionStore {
    /// One record to insert.
    struct Entry {
        let kind: ExecutionKind
        let occurredOn: CivilDate
        let amount: Money?
        let techAmount: Money?
        let note: String?
    }

    static func insert(
        _ entry: Entry, contractID: Int64, recordedBy: String, at now: String,
        in database: Database
    ) throws -> Int64 {
        try database.run(
            """
            INSERT INTO contract_executions (contract_id, kind, occurred_on, amount_fen,
                tech_amount_fen, note, recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [contractID, entry.kind.rawValue, entry.occurredOn.description, entry.amount?.fen,
             entry.techAmount?.fen, entry.note, recordedBy, now])
        return database.lastInsertRowID
    }

    /// Sums the records for `contract.get`: money received, the part of it that is 技术交易额,
    /// and the number of records of either kind.
    static func totals(contractID: Int64, in database: Database) throws -> JSONObject {
        let found = try database.queryFirst(
            """
            SELECT coalesce(sum(amount_fen), 0), coalesce(sum(tech_amount_fen), 0), count(*)
            FROM contract_executions WHERE contract_id = ?
            """, [contractID]
        ) { row -> JSONObject in
            [
                "received": .string(Money(fen: row.int64(0)).description),
                "techReceived": .string(Money(fen: row.int64(1)).description),
                "records": .int(row.int64(2)),
            ]
        }
        return found ?? ["received": "0.00", "techReceived": "0.00", "records": 0]
    }

    /// Lists every record of the contract, oldest first.
    static func list(contractID: Int64, in database: Database) throws -> [JSON] {
        try database.query(
            """
            SELECT id, kind, occurred_on, amount_fen, tech_amount_fen, note, recorded_by,
                recorded_at
            FROM contract_executions WHERE contract_id = ? ORDER BY id
            """, [contractID]
        ) { row -> JSON in
            func money(_ index: Int) -> JSON {
                row.optionalInt64(index).map { .string(Money(fen: $0).description) } ?? .null
            }
            let kind = ExecutionKind(rawValue: row.string(1))
            return [
                "id": .int(row.int64(0)), "kind": .string(row.string(1)),
                "kindLabel": .string(kind?.label ?? row.string(1)),
                "occurredOn": .string(row.string(2)), "amount": money(3),
                "techAmount": money(4),
                "note": row.optionalString(5).map { .string($0) } ?? .null,
                "recordedBy": .string(row.string(6)), "recordedAt": .string(row.string(7)),
            ]
        }
    }
}
