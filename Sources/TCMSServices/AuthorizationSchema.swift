/// Handler authorizations (办件人授权): an entity lets a natural person handle a matter for it,
/// optionally within a validity period of inclusive China dates.
///
/// A grant is live until it is revoked. The partial unique index allows at most one live grant
/// per entity, person and matter, and revoked grants stay as history. `created_at` is the
/// RFC 3339 time of the grant in +08:00, or 00:00 of the original date for imported grants.
/// The status (active, expired, ...) is never stored, because it depends on the day it is read.
enum AuthorizationSchema {
    static let sql = """
        CREATE TABLE authorizations (
            id INTEGER PRIMARY KEY,
            entity_id INTEGER NOT NULL REFERENCES entities (id),
            person_id INTEGER NOT NULL REFERENCES persons (id),
            matter TEXT NOT NULL CHECK (matter IN ('tech_contract_handler')),
            valid_from TEXT CHECK (valid_from IS NULL OR length(valid_from) = 10),
            valid_until TEXT CHECK (valid_until IS NULL OR length(valid_until) = 10),
            source TEXT NOT NULL CHECK (source IN ('granted', 'imported')),
            granted_by TEXT,
            created_at TEXT NOT NULL CHECK (created_at LIKE '____-__-__T__:__:__+08:00'),
            updated_at TEXT NOT NULL,
            revoked_at TEXT,
            revoked_by TEXT,
            CHECK (valid_from IS NULL OR valid_until IS NULL OR valid_from <= valid_until)
        ) STRICT;
        CREATE UNIQUE INDEX authorizations_live
            ON authorizations (entity_id, person_id, matter) WHERE revoked_at IS NULL;
        CREATE INDEX authorizations_by_entity ON authorizations (entity_id, id);
        CREATE INDEX authorizations_by_person ON authorizations (person_id);
        """
}
