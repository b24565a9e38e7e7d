import Foundation
import TCMSClient
import TCMSJSON

/// One line of the results table: the tcms figure, the reference measured in the same run,
/// and the target the figure is held to.
struct FigureRow {
    let label: String
    let tcms: Double
    let reference: Double?
    let decimals: Int
    let target: String
    var note = ""

    var ratio: String {
        guard let reference, reference > 0 else { return "-" }
        return String(format: "%.2f", tcms / reference)
    }
}

/// Measures contract reads, approvals, listings and Chinese substring search against the
/// daemon at `socketPath` and, as the reference, the same work done directly with sqlite3 on
/// the same database file (or, for approvals, on a plain SQLite file with the same
/// durability settings).
final class ContractFigures {
    let socketPath: String
    let databasePath: String
    let scratchDirectory: String
    let world: SeededWorld
    let seconds: Double
    let repeats: Int
    var rows: [FigureRow] = []

    init(
        socketPath: String, databasePath: String, scratchDirectory: String, world: SeededWorld,
        seconds: Double, repeats: Int
    ) {
        self.socketPath = socketPath
        self.databasePath = databasePath
        self.scratchDirectory = scratchDirectory
        self.world = world
        self.seconds = seconds
        self.repeats = repeats
    }

    /// The query `contract.get` runs for one contract, as the product's contract store
    /// writes it: the row joined with its entity's and office's names.
    static let getSQL = """
        SELECT c.id, c.status, c.round, c.regime, c.registering_side, c.title, c.category,
            c.subtype, c.signed_on, c.signed_place, c.valid_from, c.valid_until,
            c.seller_name, c.seller_country, c.seller_division, c.seller_nature,
            c.buyer_name, c.buyer_country, c.buyer_division, c.buyer_nature,
            c.tech_field, c.ip_type, c.plan_source, c.objective, c.payment_method,
            c.amount_fen, c.tech_amount_fen, c.expected_investment_fen, c.expected_output_fen,
            c.approved_tech_amount_fen, c.entity_id, e.name, c.handler_login, c.office_id, o.name,
            c.registration_number, c.first_submitted_at, c.submitted_at, c.text_received_at,
            c.text_received_on, c.first_approved_by, c.first_approved_at, c.approved_by,
            c.approved_at, c.returned_at, c.return_grounds, c.return_note, c.created_at,
            c.updated_at
        FROM contracts c JOIN entities e ON e.id = c.entity_id
        LEFT JOIN offices o ON o.id = c.office_id
        """

    /// The history `contract.get` returns with the contract, oldest step first.
    static let historySQL = """
        SELECT ev.round, ev.action, ev.status, ev.at, ev.role, ev.login, ev.office_id,
            o.name, ev.detail
        FROM contract_events ev LEFT JOIN offices o ON o.id = ev.office_id
        WHERE ev.contract_id = ? ORDER BY ev.id
        """

    var clerks: ClerkSessions { ClerkSessions(socketPath: socketPath, logins: world.clerkLogins) }

    func runAll() throws {
        try measureGet()
        try measureApprove()
        try measureListing()
        try measureSearch()
    }

    // MARK: contract.get

    private func measureGet() throws {
        let raw = try RawSQLite(path: databasePath, readOnly: true)
        var ids = try raw.query(
            "SELECT id FROM contracts WHERE office_id = ? AND status != 'draft' AND id % 7 = 0 "
                + "LIMIT 50000", [.integer(world.busiestOfficeID)])
        var generator = SeededGenerator(seed: 7)
        ids.shuffle(using: &generator)
        guard !ids.isEmpty else { throw BenchError("no contracts of the busiest office to read") }
        let list = ids

        for workers in [1, 16] {
            let clerks = self.clerks
            let ours = try runLoad(workers: workers, seconds: seconds) { index in
                let client = try clerks.client(index)
                var next = index * 997
                return ClosureWorker {
                    _ = try client.call("contract.get", ["contractId": .int(list[next % list.count])])
                    next += 1
                    return true
                }
            }
            let path = databasePath
            let reference = try runLoad(workers: workers, seconds: seconds) { index in
                let connection = try RawSQLite(path: path, readOnly: true)
                var next = index * 997
                return ClosureWorker {
                    let id = RawValue.integer(list[next % list.count])
                    try connection.query(ContractFigures.getSQL + " WHERE c.id = ?", [id])
                    try connection.query(ContractFigures.historySQL, [id])
                    next += 1
                    return true
                }
            }
            let who = workers == 1 ? "1 connection" : "\(workers) clerks"
            rows.append(FigureRow(
                label: "`contract.get`/s, \(who) (ref: the same row and history, sqlite3)",
                tcms: ours,
                reference: reference, decimals: 0, target: "-"))
        }
    }

    // MARK: contract.approve

    private func measureApprove() throws {
        let raw = try RawSQLite(path: databasePath, readOnly: true)
        let pool = try raw.query(
            "SELECT id FROM contracts WHERE office_id = ? AND status = 'text_received' "
                + "AND tech_amount_fen < 500000000 ORDER BY id",
            [.integer(world.busiestOfficeID)])
        var amounts: [Int64: String] = [:]
        for id in pool.prefix(200_000) {
            let fen = try raw.query("SELECT tech_amount_fen FROM contracts WHERE id = ?",
                                    [.integer(id)]).first ?? 0
            amounts[id] = yuanText(fen)
        }
        let split = pool.count / 5
        let single = Array(pool.prefix(split))
        let shared = Array(pool.dropFirst(split))
        let techAmounts = amounts

        let reference = try approvalReference()
        for (workers, ids) in [(1, single), (16, shared)] {
            let clerks = self.clerks
            let ours = try runLoad(workers: workers, seconds: seconds) { index in
                let client = try clerks.client(index)
                var next = index
                return ClosureWorker {
                    guard next < ids.count else { return false }
                    let id = ids[next]
                    next += workers
                    _ = try client.call(
                        "contract.approve",
                        ["contractId": .int(id), "techAmount": .string(techAmounts[id] ?? "0.00")])
                    return true
                }
            }
            let who = workers == 1 ? "1 connection" : "\(workers) clerks"
            rows.append(FigureRow(
                label: "`contract.approve`/s, \(who) (ref: 1-row transactions, WAL, FULL)",
                tcms: ours, reference: reference, decimals: 0,
                target: workers == 1 ? "-" : "≥ 2.00",
                note: "pool \(ids.count) contracts"))
        }
    }

    /// Single-row update transactions per second on a plain SQLite file in WAL mode with
    /// synchronous=FULL, one connection, in a loop.
    private func approvalReference() throws -> Double {
        let path = scratchDirectory + "/reference-approve.sqlite"
        let connection = try RawSQLite(path: path)
        try connection.execute("""
            PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;
            CREATE TABLE IF NOT EXISTS decisions (id INTEGER PRIMARY KEY, status TEXT NOT NULL,
                approved_by TEXT, approved_at TEXT);
            DELETE FROM decisions;
            WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)
            INSERT INTO decisions (id, status) SELECT i, 'text_received' FROM n;
            """)
        let rate = try runLoad(workers: 1, seconds: seconds) { _ in
            let connection = try RawSQLite(path: path)
            try connection.execute("PRAGMA synchronous = FULL")
            var next: Int64 = 1
            return ClosureWorker {
                try connection.execute("BEGIN IMMEDIATE")
                try connection.query(
                    "UPDATE decisions SET status = 'approved', approved_by = 'clerk', "
                        + "approved_at = '2026-12-04T10:00:00+08:00' WHERE id = ? "
                        + "AND status = 'text_received'", [.integer(next)])
                try connection.execute("COMMIT")
                next += 1
                return next <= 200_000
            }
        }
        return rate
    }
}

/// Opens logged-in connections of the seeded clerks, one clerk per worker in turn.
struct ClerkSessions: Sendable {
    let socketPath: String
    let logins: [String]

    func client(_ index: Int) throws -> RPCClient {
        let client = try RPCClient(path: socketPath)
        _ = try client.call(
            "session.login",
            ["login": .string(logins[index % logins.count]),
             "password": .string(ContractSeeder.clerkPassword)])
        return client
    }
}
