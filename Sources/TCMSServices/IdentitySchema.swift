/// Tables of accounts, sessions, login throttling, mobile verification codes, the notifier
/// outbox, natural persons, legal entities, main agents, profile update records and uploaded
/// proof material.
///
/// Secrets are stored only as hashes: passwords as yescrypt strings, session tokens, codes and
/// mobile proofs as SHA-256 hex digests. Logins are unique regardless of letter case through
/// `login_key`, the ASCII-lower-cased login.
enum IdentitySchema {
    static let sql = """
        CREATE TABLE accounts (
            id INTEGER PRIMARY KEY,
            login TEXT NOT NULL,
            login_key TEXT NOT NULL UNIQUE CHECK (login_key = lower(login)),
            password_hash TEXT NOT NULL CHECK (password_hash LIKE '$%'),
            role TEXT NOT NULL
                CHECK (role IN ('clerk', 'reviewer', 'entity_admin', 'main_agent', 'person')),
            status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
            must_reset_password INTEGER NOT NULL DEFAULT 0 CHECK (must_reset_password IN (0, 1)),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        ) STRICT;

        CREATE TABLE sessions (
            token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
            account_id INTEGER NOT NULL REFERENCES accounts (id),
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            revoked_at TEXT
        ) STRICT;
        CREATE INDEX sessions_by_account ON sessions (account_id);

        CREATE TABLE login_throttle (
            scope TEXT NOT NULL CHECK (scope IN ('login', 'peer_uid')),
            key TEXT NOT NULL,
            failures INTEGER NOT NULL CHECK (failures >= 0),
            window_started_at TEXT NOT NULL,
            locked_until TEXT,
            PRIMARY KEY (scope, key)
        ) STRICT;

        CREATE TABLE sms_codes (
            id INTEGER PRIMARY KEY,
            mobile TEXT NOT NULL CHECK (length(mobile) = 11),
            purpose TEXT NOT NULL CHECK (purpose IN ('register', 'reset_password')),
            salt TEXT NOT NULL,
            code_hash TEXT NOT NULL CHECK (length(code_hash) = 64),
            sent_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts BETWEEN 0 AND 5),
            verified_at TEXT,
            proof_hash TEXT UNIQUE CHECK (proof_hash IS NULL OR length(proof_hash) = 64),
            proof_expires_at TEXT,
            proof_used_at TEXT
        ) STRICT;
        CREATE INDEX sms_codes_by_mobile ON sms_codes (mobile, purpose, sent_at);

        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            channel TEXT NOT NULL CHECK (channel IN ('sms')),
            recipient TEXT NOT NULL,
            body TEXT NOT NULL,
            created_at TEXT NOT NULL
        ) STRICT;

        CREATE TABLE persons (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL UNIQUE REFERENCES accounts (id),
            name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
            gender TEXT CHECK (gender IN ('male', 'female')),
            ethnicity TEXT,
            position TEXT,
            birth_date TEXT,
            email TEXT,
            mobile TEXT NOT NULL,
            phone TEXT,
            address TEXT,
            identity_type TEXT NOT NULL CHECK (identity_type IN ('mainland', 'hmt', 'other')),
            document_type TEXT NOT NULL,
            document_number TEXT NOT NULL,
            document_valid_from TEXT,
            document_valid_until TEXT,
            verification_status TEXT NOT NULL
                CHECK (verification_status IN
                    ('verified', 'verifying', 'pending_review', 'unverified')),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (document_type, document_number)
        ) STRICT;

        CREATE TABLE entities (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL UNIQUE REFERENCES accounts (id),
            name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
            english_name TEXT,
            short_name TEXT,
            homepage TEXT,
            region_type TEXT NOT NULL CHECK (region_type IN ('domestic', 'hmt', 'foreign')),
            entity_type TEXT
                CHECK (entity_type IN ('enterprise', 'social_org', 'institution', 'other')),
            uscc TEXT UNIQUE CHECK (uscc IS NULL OR length(uscc) = 18),
            unique_id TEXT,
            country_code TEXT,
            nature TEXT,
            legal_rep_name TEXT NOT NULL,
            legal_rep_document_type TEXT NOT NULL,
            legal_rep_document_number TEXT NOT NULL,
            division_code TEXT,
            address TEXT,
            postcode TEXT,
            email TEXT,
            mobile TEXT,
            industry TEXT,
            size TEXT,
            other_info TEXT,
            verification_status TEXT NOT NULL
                CHECK (verification_status IN
                    ('verified', 'verifying', 'pending_review', 'unverified')),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK ((region_type = 'domestic') = (entity_type IS NOT NULL)),
            CHECK (region_type = 'domestic' OR unique_id IS NOT NULL)
        ) STRICT;

        CREATE TABLE main_agents (
            entity_id INTEGER PRIMARY KEY REFERENCES entities (id),
            person_account_id INTEGER NOT NULL REFERENCES accounts (id),
            name TEXT NOT NULL,
            gender TEXT CHECK (gender IN ('male', 'female')),
            mobile TEXT NOT NULL,
            phone TEXT,
            fax TEXT,
            email TEXT,
            agent_type TEXT,
            document_type TEXT NOT NULL,
            document_number TEXT NOT NULL,
            document_valid_from TEXT,
            document_valid_until TEXT,
            verification_status TEXT NOT NULL
                CHECK (verification_status IN
                    ('verified', 'verifying', 'pending_review', 'unverified')),
            updated_at TEXT NOT NULL
        ) STRICT;

        CREATE TABLE profile_updates (
            id INTEGER PRIMARY KEY,
            subject_kind TEXT NOT NULL CHECK (subject_kind IN ('person', 'entity')),
            subject_id INTEGER NOT NULL,
            at TEXT NOT NULL,
            role TEXT NOT NULL,
            login TEXT,
            changes TEXT NOT NULL
        ) STRICT;
        CREATE INDEX profile_updates_by_subject ON profile_updates (subject_kind, subject_id, id);

        CREATE TABLE materials (
            id INTEGER PRIMARY KEY,
            subject_kind TEXT NOT NULL CHECK (subject_kind IN ('person', 'entity')),
            subject_id INTEGER NOT NULL,
            uploaded_by INTEGER NOT NULL REFERENCES accounts (id),
            description TEXT NOT NULL,
            declared_size INTEGER NOT NULL CHECK (declared_size > 0),
            declared_sha256 TEXT NOT NULL CHECK (length(declared_sha256) = 64),
            received_bytes INTEGER NOT NULL DEFAULT 0 CHECK (received_bytes >= 0),
            status TEXT NOT NULL
                CHECK (status IN ('uploading', 'submitted', 'approved', 'rejected')),
            review_reason TEXT,
            reviewed_by TEXT,
            reviewed_at TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (received_bytes <= declared_size),
            CHECK (status != 'rejected' OR review_reason IS NOT NULL)
        ) STRICT;
        CREATE INDEX materials_by_status ON materials (status, id);

        CREATE TABLE verification_references (
            document_type TEXT NOT NULL,
            document_number TEXT NOT NULL,
            name TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            PRIMARY KEY (document_type, document_number)
        ) STRICT;
        """
}
