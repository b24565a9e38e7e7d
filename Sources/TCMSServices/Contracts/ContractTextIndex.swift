import TCMSStorage

/// A bigram index over the distinct titles and party names of contracts, so a substring
/// search for two or more characters reads the texts that contain each pair of adjacent
/// characters of the term instead of scanning every contract. SQLite's FTS5 trigram
/// tokenizer finds nothing for a two-character term, the usual length of a Chinese word.
///
/// Each distinct text is stored once in `contract_texts`, with its bigrams (pairs of Unicode
/// code points, as SQLite's `substr` counts them) in `contract_text_grams`. The table
/// `contract_text_uses` links a text to every contract whose title or party name it is. Units
/// register many contracts under the same name, so the index grows by about three small rows
/// per contract rather than one row per bigram. Triggers on `contracts` keep all three tables
/// in the same transaction as every insert, change and delete, whichever code path writes.
/// A text no contract uses any more stays in `contract_texts` and matches no contract.
public enum ContractTextIndex {
    /// Character positions 1 to 1000, the longest text the triggers split; every field they
    /// read is limited to 200 characters by the contract form.
    static let tablesSQL = """
        CREATE TABLE contract_gram_positions (n INTEGER PRIMARY KEY) STRICT;
        INSERT INTO contract_gram_positions (n)
            WITH RECURSIVE counter (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM counter
                                           WHERE n < 1000)
            SELECT n FROM counter;
        CREATE TABLE contract_texts (
            id INTEGER PRIMARY KEY,
            text TEXT NOT NULL UNIQUE
        ) STRICT;
        CREATE TABLE contract_text_grams (
            gram TEXT NOT NULL,
            text_id INTEGER NOT NULL,
            PRIMARY KEY (gram, text_id)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE contract_text_uses (
            text_id INTEGER NOT NULL,
            contract_id INTEGER NOT NULL,
            PRIMARY KEY (text_id, contract_id)
        ) STRICT, WITHOUT ROWID;
        """

    private static func useTexts(_ alias: String) -> String {
        """
        INSERT OR IGNORE INTO contract_texts (text) VALUES (\(alias).title);
            INSERT OR IGNORE INTO contract_texts (text) VALUES (\(alias).seller_name);
            INSERT OR IGNORE INTO contract_texts (text) VALUES (\(alias).buyer_name);
            INSERT OR IGNORE INTO contract_text_uses (text_id, contract_id)
                SELECT id, \(alias).id FROM contract_texts
                WHERE text IN (\(alias).title, \(alias).seller_name, \(alias).buyer_name);
        """
    }

    private static func dropTexts(_ alias: String) -> String {
        """
        DELETE FROM contract_text_uses WHERE contract_id = \(alias).id AND text_id IN (
                SELECT id FROM contract_texts
                WHERE text IN (\(alias).title, \(alias).seller_name, \(alias).buyer_name));
        """
    }

    static let triggersSQL = """
        CREATE TRIGGER contract_texts_grams AFTER INSERT ON contract_texts
        BEGIN
            INSERT OR IGNORE INTO contract_text_grams (gram, text_id)
                SELECT substr(NEW.text, p.n, 2), NEW.id FROM contract_gram_positions p
                WHERE p.n < length(NEW.text);
        END;
        CREATE TRIGGER contract_grams_insert AFTER INSERT ON contracts
        BEGIN
            \(useTexts("NEW"))
        END;
        CREATE TRIGGER contract_grams_update
        AFTER UPDATE OF title, seller_name, buyer_name ON contracts
        WHEN OLD.title IS NOT NEW.title OR OLD.seller_name IS NOT NEW.seller_name
            OR OLD.buyer_name IS NOT NEW.buyer_name
        BEGIN
            \(dropTexts("OLD"))
            \(useTexts("NEW"))
        END;
        CREATE TRIGGER contract_grams_delete AFTER DELETE ON contracts
        BEGIN
            \(dropTexts("OLD"))
        END;
        """

    /// Fills the text tables from the stored contracts. The migration runs it once; a bulk
    /// load that dropped the contract triggers runs it again (the text trigger stays).
    public static let rebuildSQL = """
        DELETE FROM contract_text_uses;
        INSERT OR IGNORE INTO contract_texts (text)
            SELECT title FROM contracts UNION SELECT seller_name FROM contracts
            UNION SELECT buyer_name FROM contracts;
        INSERT OR IGNORE INTO contract_text_uses (text_id, contract_id)
            SELECT t.id, c.id FROM contracts c JOIN contract_texts t ON t.text = c.title
            UNION ALL SELECT t.id, c.id FROM contracts c
                JOIN contract_texts t ON t.text = c.seller_name
            UNION ALL SELECT t.id, c.id FROM contracts c
                JOIN contract_texts t ON t.text = c.buyer_name
            ORDER BY 1, 2;
        """

    static let sql = tablesSQL + triggersSQL + rebuildSQL

    /// Returns the distinct bigrams of `term`, split by Unicode code point as SQLite's `substr`
    /// does. A term of fewer than two characters has none, so the index cannot narrow it.
    static func bigrams(of term: String) -> [String] {
        let scalars = Array(term.unicodeScalars)
        guard scalars.count >= 2 else { return [] }
        var seen = Set<String>()
        var result: [String] = []
        for index in 0..<(scalars.count - 1) {
            var gram = String.UnicodeScalarView()
            gram.append(scalars[index])
            gram.append(scalars[index + 1])
            let text = String(gram)
            if seen.insert(text).inserted { result.append(text) }
        }
        return result
    }

    /// Returns false when a term matches more than a fifth of all contracts (and at least
    /// 1,000), where materializing their ids from the index costs more than scanning the
    /// contracts with `instr`. Counting stops at that limit, so the check itself stays cheap.
    /// NOTE: the fifth is an estimate from seeded sets of 200,000 and 5,000,000 contracts on
    /// one machine, not a measured crossover for every data set.
    static func areSelective(_ terms: [String], in database: Database) throws -> Bool {
        guard !terms.isEmpty else { return true }
        let contracts = try database.scalarInt(
            "SELECT coalesce(sum(n), 0) FROM contract_office_counts")
        let limit = max(1_000, contracts / 5)
        for term in terms {
            guard let ids = contractIDs(containing: term) else { continue }
            let found = try database.scalarInt(
                "SELECT count(*) FROM (\(ids.sql) LIMIT ?)", ids.arguments + [limit])
            if found >= limit { return false }
        }
        return true
    }

    /// Returns a subquery of the ids of the contracts whose title or a party's name contains
    /// `term`, exactly as `instr` finds it, or nil when the term is shorter than two characters.
    static func contractIDs(containing term: String)
        -> (sql: String, arguments: [any SQLBindable])?
    {
        let grams = bigrams(of: term)
        guard !grams.isEmpty else { return nil }
        let lists = Array(
            repeating: "SELECT text_id FROM contract_text_grams WHERE gram = ?",
            count: grams.count)
        let sql = """
            SELECT u.contract_id FROM contract_text_uses u WHERE u.text_id IN (
                SELECT t.id FROM contract_texts t
                WHERE t.id IN (\(lists.joined(separator: " INTERSECT ")))
                    AND instr(t.text, ?) > 0)
            """
        return (sql, grams + [term])
    }
}
