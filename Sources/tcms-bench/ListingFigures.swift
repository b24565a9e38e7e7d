import Foundation
import TCMSClient
import TCMSJSON

extension ContractFigures {
    /// Measures page 1, page 1,000 and the last page of a clerk's `contract.list` filtered by status
    /// and office, against the keyset query for the same rows run directly with sqlite3.
    func measureListing() throws {
        let raw = try RawSQLite(path: databasePath, readOnly: true)
        let client = try clerks.client(0)
        let office = world.busiestOfficeID
        let params: (Int64) -> JSONObject = { page in
            ["filter": ["status": "approved", "officeId": .string(String(office))],
             "page": .int(page), "pageSize": 10]
        }
        let first = try client.call("contract.list", params(1))
        let total = first["total"]?.intValue ?? 0
        let pages = first["pages"]?.intValue ?? 1
        var measured: [Int64] = [1]
        if pages > 1 { measured.append(min(1_000, max(2, pages / 2))) }
        if pages > 2 { measured.append(pages) }

        for page in measured {
            var reply: JSON = .null
            let ours = try timings(repeats: repeats) {
                reply = try client.call("contract.list", params(page))
            }
            let cursor = page == 1 ? Int64.max : try raw.query(
                "SELECT id FROM contracts WHERE office_id = ? AND status = 'approved' "
                    + "ORDER BY id DESC LIMIT 1 OFFSET ?",
                [.integer(office), .integer((page - 1) * 10 - 1)]).first ?? 0
            var expected: [Int64] = []
            let reference = try timings(repeats: repeats) {
                expected = try raw.query(
                    ContractFigures.getSQL + " WHERE c.office_id = ? AND c.status = 'approved' "
                        + "AND c.id < ? ORDER BY c.id DESC LIMIT 10",
                    [.integer(office), .integer(cursor)])
            }
            let shown = (reply["items"]?.arrayValue ?? []).compactMap { $0["id"]?.intValue }
            let same = shown == expected ? "same rows" : "ROWS DIFFER"
            var name = "page \(page)"
            if page > 1 && page == pages { name = "last page (\(page))" }
            rows.append(FigureRow(
                label: "`contract.list` status+office, \(name), p50 ms (ref: keyset, sqlite3)",
                tcms: percentile(ours, 0.5), reference: percentile(reference, 0.5), decimals: 2,
                target: "-", note: same))
            rows.append(FigureRow(
                label: "`contract.list` status+office, \(name), p99 ms (ref: keyset, sqlite3)",
                tcms: percentile(ours, 0.99), reference: percentile(reference, 0.99),
                decimals: 2, target: "≤ 2.00", note: same))
        }

        var counted: Int64 = 0
        let count = try timings(repeats: min(repeats, 5)) {
            counted = try raw.query(
                "SELECT count(*) FROM contracts WHERE office_id = ? AND status = 'approved'",
                [.integer(office)]).first ?? 0
        }
        let ours = try timings(repeats: repeats) { _ = try client.call("contract.list", params(1)) }
        rows.append(FigureRow(
            label: "total 共找到 \(total) 条记录: page 1 with total, p50 ms (ref: count(*), sqlite3)",
            tcms: percentile(ours, 0.5), reference: percentile(count, 0.5), decimals: 2,
            target: "-", note: counted == total ? "same total" : "TOTAL DIFFERS (\(counted))"))
    }

    /// Measures the operator's `contract.list` with the `text` filter (title or a party's name), for
    /// terms of 2, 3 and 4 Chinese characters, against LIKE '%…%' on the same columns.
    func measureSearch() throws {
        let raw = try RawSQLite(path: databasePath, readOnly: true)
        let client = try RPCClient(path: socketPath)
        let terms = ["峡青", "华晋", "热电", "科技", "热电厂", "视觉检测"]
        // A term matching hundreds of thousands of contracts takes seconds on a large set.
        let samples = world.contracts > 1_000_000 ? min(repeats, 10) : repeats
        let likePage = ContractFigures.getSQL
            + " WHERE (c.title LIKE ?1 OR c.seller_name LIKE ?1 OR c.buyer_name LIKE ?1) "
            + "ORDER BY c.id DESC LIMIT 10"
        let likeCount = "SELECT count(*) FROM contracts c "
            + "WHERE (c.title LIKE ?1 OR c.seller_name LIKE ?1 OR c.buyer_name LIKE ?1)"
        for term in terms {
            var reply: JSON = .null
            let ours = try timings(repeats: samples) {
                reply = try client.call("contract.list", ["filter": ["text": .string(term)]])
            }
            var expected: [Int64] = []
            var expectedTotal: Int64 = 0
            let pattern = RawValue.text("%" + term + "%")
            // A LIKE scan of millions of rows takes seconds, so large sets get one sample.
            let reference = try timings(repeats: world.contracts > 1_000_000 ? 1 : 3) {
                expected = try raw.query(likePage, [pattern])
                expectedTotal = try raw.query(likeCount, [pattern]).first ?? 0
            }
            let total = reply["total"]?.intValue ?? -1
            let shown = (reply["items"]?.arrayValue ?? []).compactMap { $0["id"]?.intValue }
            let same = shown == expected && total == expectedTotal
                ? "same page and total" : "DIFFERENT (LIKE total \(expectedTotal))"
            let chars = term.unicodeScalars.count
            rows.append(FigureRow(
                label: "`text` search \(term) (\(chars) chars, \(total) contracts), page 1 and "
                    + "total, p99 ms (ref: LIKE, sqlite3)",
                tcms: percentile(ours, 0.99), reference: percentile(reference, 0.99), decimals: 2,
                target: chars == 2 && total <= 10_000 ? "≤ 5 ms" : "≤ 50 ms", note: same))
        }
    }

    /// Rows per second of batched inserts of `count` entity-like rows (500 a transaction) on
    /// a plain SQLite file in WAL mode with synchronous=FULL: the reference for the import.
    static func batchedInsertReference(count: Int, directory: String) throws -> Double {
        let path = directory + "/reference-import.sqlite"
        let connection = try RawSQLite(path: path)
        try connection.execute("""
            PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;
            DROP TABLE IF EXISTS units;
            CREATE TABLE units (id INTEGER PRIMARY KEY, login TEXT NOT NULL UNIQUE,
                password_hash TEXT NOT NULL, name TEXT NOT NULL UNIQUE, region_type TEXT,
                entity_type TEXT, nature TEXT, legal_rep_name TEXT, legal_rep_number TEXT,
                division_code TEXT, mobile TEXT, created_at TEXT, updated_at TEXT);
            """)
        let started = Date()
        var index = 0
        while index < count {
            try connection.execute("BEGIN IMMEDIATE")
            for _ in 0..<min(500, count - index) {
                index += 1
                let number = String(index)
                try connection.query(
                    "INSERT INTO units (login, password_hash, name, region_type, entity_type, "
                        + "nature, legal_rep_name, legal_rep_number, division_code, mobile, "
                        + "created_at, updated_at) VALUES (?, ?, ?, 'domestic', 'other', '180', "
                        + "'陈静怡', '35010219871123006X', '110105', ?, ?, ?)",
                    [.text("bench_unit_" + number),
                     .text("$y$j9T$F5Jx5fExrKuJdQ9Bk3jOh.$lZZ1V9l7bE9YJ0Rny7kM0wHzGx1k7b1e4c8ZJ4i2Ke0"),
                     .text("北京华晋环保" + number + "科技有限公司"), .text("139" + number),
                     .text("2026-12-04T10:00:00+08:00"), .text("2026-12-04T10:00:00+08:00")])
            }
            try connection.execute("COMMIT")
        }
        return Double(count) / Date().timeIntervalSince(started)
    }
}
