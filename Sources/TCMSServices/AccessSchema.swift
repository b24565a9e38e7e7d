/// Clerk accounts (bound to one registration office) and system-access applications (系统授权)
/// with the history of every round.
///
/// An application's form is one JSON object, because a draft may hold any subset of its fields;
/// `access.submit` checks the whole form before the status leaves `draft`, `returned` or
/// `withdrawn`. `office_id` is the office the last submission was routed to, and NULL while the
/// application waits in the operators' queue.
enum AccessSchema {
    static let sql = """
        CREATE TABLE clerks (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL UNIQUE REFERENCES accounts (id),
            name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
            office_id INTEGER NOT NULL REFERENCES offices (id),
            large_amount_approver INTEGER NOT NULL DEFAULT 0
                CHECK (large_amount_approver IN (0, 1)),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX clerks_by_office ON clerks (office_id);
        CREATE TRIGGER clerks_need_clerk_role BEFORE INSERT ON clerks
        WHEN (SELECT role FROM accounts WHERE id = NEW.account_id) IS NOT 'clerk'
        BEGIN SELECT RAISE(ABORT, 'a clerk row needs an account with the role clerk'); END;

        CREATE TABLE access_applications (
            id INTEGER PRIMARY KEY,
            entity_id INTEGER NOT NULL REFERENCES entities (id),
            service_code TEXT NOT NULL CHECK (service_code = '000706007000'),
            status TEXT NOT NULL
                CHECK (status IN ('draft', 'submitted', 'returned', 'approved', 'withdrawn')),
            round INTEGER NOT NULL DEFAULT 0 CHECK (round >= 0),
            form TEXT NOT NULL CHECK (json_valid(form)),
            office_id INTEGER REFERENCES offices (id),
            submitted_at TEXT,
            decided_at TEXT,
            decided_by TEXT,
            return_reason TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (entity_id, service_code),
            CHECK (status != 'returned' OR return_reason IS NOT NULL),
            CHECK (status = 'draft' OR round > 0)
        ) STRICT;
        CREATE INDEX access_applications_by_office ON access_applications (office_id, status);

        CREATE TABLE access_events (
            id INTEGER PRIMARY KEY,
            application_id INTEGER NOT NULL REFERENCES access_applications (id),
            round INTEGER NOT NULL CHECK (round > 0),
            action TEXT NOT NULL
                CHECK (action IN ('submitted', 'withdrawn', 'returned', 'approved')),
            at TEXT NOT NULL,
            role TEXT NOT NULL,
            login TEXT,
            office_id INTEGER REFERENCES offices (id),
            reason TEXT,
            form TEXT CHECK (form IS NULL OR json_valid(form))
        ) STRICT;
        CREATE INDEX access_events_by_application ON access_events (application_id, id);
        """
}
