/// Contracts and everything hanging off them: the workflow history, the per-office sequence
/// of registration numbers, change and cancellation filings, execution records and
/// attachments.
///
/// Money is stored as whole fen (INTEGER), never as a float. Dates are China Standard Time:
/// `*_on` columns hold `YYYY-MM-DD`, `*_at` columns RFC 3339 times in +08:00. `regime` is fixed
/// at the first submission, so a resubmitted contract keeps the rules it was first sent under.
///
/// The partial indexes `contracts_approved_by_*_until` hold only approved contracts, ordered by
/// the end of their validity, so the execution reminders (执行提醒) of an office or an entity
/// read one index range instead of every approved contract.
enum ContractSchema {
    static let statuses = """
        'draft', 'submitted', 'text_received', 'awaiting_second_approval', 'approved',
        'returned', 'withdrawn', 'cancelled'
        """

    static let sql = """
        CREATE TABLE contracts (
            id INTEGER PRIMARY KEY,
            entity_id INTEGER NOT NULL REFERENCES entities (id),
            handler_login TEXT NOT NULL,
            office_id INTEGER REFERENCES offices (id),
            status TEXT NOT NULL CHECK (status IN (\(statuses))),
            round INTEGER NOT NULL DEFAULT 0,
            regime TEXT CHECK (regime IN ('measures_2000', 'measures_2026')),
            registering_side TEXT NOT NULL CHECK (registering_side IN ('seller', 'buyer')),
            title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
            category TEXT NOT NULL,
            subtype TEXT,
            signed_on TEXT,
            signed_place TEXT,
            valid_from TEXT,
            valid_until TEXT,
            seller_name TEXT NOT NULL,
            seller_country TEXT NOT NULL,
            seller_division TEXT,
            seller_nature TEXT,
            buyer_name TEXT NOT NULL,
            buyer_country TEXT NOT NULL,
            buyer_division TEXT,
            buyer_nature TEXT,
            tech_field TEXT NOT NULL,
            ip_type TEXT NOT NULL,
            plan_source TEXT,
            objective TEXT,
            payment_method TEXT NOT NULL,
            amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
            tech_amount_fen INTEGER NOT NULL
                CHECK (tech_amount_fen >= 0 AND tech_amount_fen <= amount_fen),
            expected_investment_fen INTEGER,
            expected_output_fen INTEGER,
            approved_tech_amount_fen INTEGER
                CHECK (approved_tech_amount_fen IS NULL OR approved_tech_amount_fen <= amount_fen),
            first_submitted_at TEXT,
            submitted_at TEXT,
            text_received_at TEXT,
            text_received_on TEXT,
            first_approved_by TEXT,
            first_approved_at TEXT,
            approved_by TEXT,
            approved_at TEXT,
            registration_number TEXT UNIQUE CHECK (
                registration_number IS NULL OR length(registration_number) = 16),
            returned_at TEXT,
            return_grounds TEXT,
            return_note TEXT,
            imported INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK ((status IN ('approved', 'cancelled')) = (registration_number IS NOT NULL))
        ) STRICT;
        CREATE INDEX contracts_by_office ON contracts (office_id, status, id);
        CREATE INDEX contracts_by_entity ON contracts (entity_id, status, id);
        CREATE INDEX contracts_by_handler ON contracts (handler_login, entity_id, status, id);
        CREATE INDEX contracts_by_status ON contracts (status, id);
        CREATE INDEX contracts_approved_by_office_until ON contracts (office_id, valid_until)
            WHERE status = 'approved';
        CREATE INDEX contracts_approved_by_entity_until ON contracts (entity_id, valid_until)
            WHERE status = 'approved';

        CREATE TABLE registration_sequences (
            office_id INTEGER NOT NULL REFERENCES offices (id),
            year INTEGER NOT NULL,
            last_sequence INTEGER NOT NULL CHECK (last_sequence BETWEEN 1 AND 999999),
            PRIMARY KEY (office_id, year)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE contract_events (
            id INTEGER PRIMARY KEY,
            contract_id INTEGER NOT NULL REFERENCES contracts (id),
            round INTEGER NOT NULL,
            action TEXT NOT NULL,
            status TEXT NOT NULL,
            at TEXT NOT NULL,
            role TEXT NOT NULL,
            login TEXT,
            office_id INTEGER,
            detail TEXT
        ) STRICT;
        CREATE INDEX contract_events_by_contract ON contract_events (contract_id, id);
        CREATE TRIGGER contract_events_no_update BEFORE UPDATE ON contract_events
        BEGIN SELECT RAISE(ABORT, 'contract history cannot be changed'); END;
        CREATE TRIGGER contract_events_no_delete BEFORE DELETE ON contract_events
        BEGIN SELECT RAISE(ABORT, 'contract history cannot be deleted'); END;

        CREATE TABLE contract_filings (
            id INTEGER PRIMARY KEY,
            contract_id INTEGER NOT NULL REFERENCES contracts (id),
            office_id INTEGER REFERENCES offices (id),
            kind TEXT NOT NULL CHECK (kind IN ('change', 'cancellation')),
            status TEXT NOT NULL CHECK (status IN ('submitted', 'approved', 'returned')),
            changes TEXT,
            reason TEXT NOT NULL,
            filed_by TEXT NOT NULL,
            filed_at TEXT NOT NULL,
            decided_by TEXT,
            decided_at TEXT,
            return_note TEXT
        ) STRICT;
        CREATE INDEX contract_filings_by_contract ON contract_filings (contract_id, id);
        CREATE INDEX contract_filings_by_office ON contract_filings (office_id, status, id);
        CREATE UNIQUE INDEX contract_filings_one_open
            ON contract_filings (contract_id) WHERE status = 'submitted';

        CREATE TABLE contract_executions (
            id INTEGER PRIMARY KEY,
            contract_id INTEGER NOT NULL REFERENCES contracts (id),
            kind TEXT NOT NULL CHECK (kind IN ('payment', 'milestone')),
            occurred_on TEXT NOT NULL,
            amount_fen INTEGER CHECK (amount_fen IS NULL OR amount_fen >= 0),
            tech_amount_fen INTEGER CHECK (tech_amount_fen IS NULL OR tech_amount_fen >= 0),
            note TEXT,
            recorded_by TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            CHECK (kind = 'milestone' OR amount_fen IS NOT NULL),
            CHECK (tech_amount_fen IS NULL OR tech_amount_fen <= amount_fen)
        ) STRICT;
        CREATE INDEX contract_executions_by_contract ON contract_executions (contract_id, id);

        CREATE TABLE contract_attachments (
            id INTEGER PRIMARY KEY,
            contract_id INTEGER NOT NULL REFERENCES contracts (id),
            kind TEXT NOT NULL CHECK (kind IN ('contract_text', 'scan', 'other')),
            file_name TEXT NOT NULL,
            content_type TEXT NOT NULL,
            size INTEGER NOT NULL CHECK (size >= 0),
            sha256 TEXT NOT NULL,
            received INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL CHECK (status IN ('uploading', 'complete')),
            uploaded_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            completed_at TEXT
        ) STRICT;
        CREATE INDEX contract_attachments_by_contract ON contract_attachments (contract_id, id);
        """
}
