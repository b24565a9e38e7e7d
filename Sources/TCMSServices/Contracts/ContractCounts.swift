import TCMSRPC
import TCMSStorage

/// Contract counts per office and status and per entity and status, kept by triggers in the
/// same transaction as every contract write, so a listing's total for the usual filters is a
/// sum over a few rows instead of a count over millions.
///
/// A draft has no office yet: its office row is `office_id` 0, which no office has, so an
/// office's condition never counts it while the operator's (all rows) does.
public enum ContractCounts {
    static let tablesSQL = """
        CREATE TABLE contract_office_counts (
            office_id INTEGER NOT NULL,
            status TEXT NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (office_id, status)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE contract_entity_counts (
            entity_id INTEGER NOT NULL,
            status TEXT NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (entity_id, status)
        ) STRICT, WITHOUT ROWID;
        """

    private static func add(_ alias: String, _ delta: String) -> String {
        """
        INSERT INTO contract_office_counts (office_id, status, n)
            VALUES (coalesce(\(alias).office_id, 0), \(alias).status, \(delta))
            ON CONFLICT (office_id, status) DO UPDATE SET n = n + excluded.n;
        INSERT INTO contract_entity_counts (entity_id, status, n)
            VALUES (\(alias).entity_id, \(alias).status, \(delta))
            ON CONFLICT (entity_id, status) DO UPDATE SET n = n + excluded.n;
        """
    }

    static let triggersSQL = """
        CREATE TRIGGER contract_counts_insert AFTER INSERT ON contracts
        BEGIN
        \(add("NEW", "1"))
        END;
        CREATE TRIGGER contract_counts_update AFTER UPDATE OF status, office_id, entity_id
        ON contracts
        WHEN OLD.status IS NOT NEW.status OR OLD.office_id IS NOT NEW.office_id
            OR OLD.entity_id IS NOT NEW.entity_id
        BEGIN
        \(add("OLD", "-1"))
        \(add("NEW", "1"))
        END;
        CREATE TRIGGER contract_counts_delete AFTER DELETE ON contracts
        BEGIN
        \(add("OLD", "-1"))
        END;
        """

    /// Recounts both tables from the stored contracts.
    public static let rebuildSQL = """
        DELETE FROM contract_office_counts;
        DELETE FROM contract_entity_counts;
        INSERT INTO contract_office_counts (office_id, status, n)
            SELECT coalesce(office_id, 0), status, count(*) FROM contracts
            GROUP BY coalesce(office_id, 0), status;
        INSERT INTO contract_entity_counts (entity_id, status, n)
            SELECT entity_id, status, count(*) FROM contracts GROUP BY entity_id, status;
        """

    static let sql = tablesSQL + triggersSQL + rebuildSQL

    /// Names of the triggers that keep the counts and the bigram index; a bulk load may drop
    /// them and run both `rebuildSQL` statements after.
    public static let maintainingTriggers = [
        "contract_counts_insert", "contract_counts_update", "contract_counts_delete",
        "contract_grams_insert", "contract_grams_update", "contract_grams_delete",
    ]

    /// The filter keys a count table can answer: each is a column of both tables or of one.
    private static let countableKeys: Set<String> = ["status", "officeId", "entityId"]

    /// A query summing the count table that answers `count(*)` over `contracts c` under the
    /// visibility condition of `role` and filters with `keys`, or nil when the condition uses
    /// a column the tables lack (a handler's login, a date, a text). The visibility and filter
    /// SQL name only `c.office_id`, `c.entity_id` and `c.status` in that case, so the same
    /// WHERE text and arguments apply to the count table aliased as `c`.
    static func countSQL(role: Role, filterKeys: [String], visible: String) -> String? {
        let keys = Set(filterKeys)
        guard keys.isSubset(of: countableKeys) else { return nil }
        let byEntity = role == .entityAdmin || role == .mainAgent || keys.contains("entityId")
        let byOffice = role == .clerk || keys.contains("officeId")
        switch (role, byEntity, byOffice) {
        case (.handler, _, _), (_, true, true):
            return nil
        case (.clerk, _, _), (.operator, _, _), (.entityAdmin, _, _), (.mainAgent, _, _):
            let table = byEntity ? "contract_entity_counts" : "contract_office_counts"
            return "SELECT coalesce(sum(c.n), 0) FROM \(table) c WHERE \(visible)"
        default:
            return nil
        }
    }
}
