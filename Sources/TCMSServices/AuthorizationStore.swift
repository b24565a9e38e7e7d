import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// A verified natural person found by name and document.
struct AuthorizablePerson {
    let id: Int64
    let login: String
    let name: String
    let document: DocumentNumber
}

/// Reads and writes `authorizations`, and finds the entity a caller manages.
enum AuthorizationStore {
    /// One row per authorization with the person's columns beside it, named so that listing
    /// filters and `ORDER BY id` apply to it without table prefixes.
    static let rowsSQL = """
        SELECT z.id AS id, z.entity_id AS entity_id, a.login AS login, a.login_key AS login_key,
            p.name AS name, p.document_type AS document_type,
            p.document_number AS document_number, z.matter AS matter,
            z.valid_from AS valid_from, z.valid_until AS valid_until,
            z.created_at AS created_at, z.revoked_at AS revoked_at, z.source AS source
        FROM authorizations z
        JOIN persons p ON p.id = z.person_id
        JOIN accounts a ON a.id = p.account_id
        """

    /// The columns `rowJSON` reads, in its order.
    static let rowColumns = """
        id, login, name, document_type, document_number, matter, valid_from, valid_until,
        created_at, revoked_at, source
        """

    /// Returns the id of the entity whose authorizations the caller manages: its own for an
    /// entity admin or main agent, the one `params.entityLogin` names for operators. Another
    /// entity's login from a non-operator is rejected with `not_own_entity`.
    static func entityID(_ database: Database, _ context: CallContext, _ params: Params)
        throws -> Int64
    {
        let caller = context.caller
        let requested = params.string("entityLogin")
        if caller.role == .operator {
            guard let requested else {
                throw RPCError.invalidParams(
                    "params.entityLogin is missing", field: "params.entityLogin",
                    reason: "missing_param")
            }
            guard let id = try entityID(database, adminLogin: requested) else {
                throw AuthorizationErrors.entityNotFound
            }
            return id
        }
        guard let own = try ownEntity(database, caller) else {
            throw AuthorizationErrors.entityNotFound
        }
        if let requested, AccountStore.key(requested) != AccountStore.key(own.login) {
            throw AuthorizationErrors.notOwnEntity
        }
        return own.id
    }

    /// The entity an entity admin or a main agent acts for, with its admin login.
    private static func ownEntity(_ database: Database, _ caller: Caller) throws
        -> (id: Int64, login: String)?
    {
        guard let login = caller.login else { return nil }
        switch caller.role {
        case .entityAdmin:
            return try database.queryFirst(
                """
                SELECT e.id, a.login FROM entities e JOIN accounts a ON a.id = e.account_id
                WHERE a.login_key = ?
                """, [AccountStore.key(login)]) { ($0.int64(0), $0.string(1)) }
        case .mainAgent:
            return try database.queryFirst(
                """
                SELECT m.entity_id, admin.login FROM main_agents m
                JOIN accounts agent ON agent.id = m.person_account_id
                JOIN entities e ON e.id = m.entity_id
                JOIN accounts admin ON admin.id = e.account_id
                WHERE agent.login_key = ?
                """, [AccountStore.key(login)]) { ($0.int64(0), $0.string(1)) }
        default:
            return nil
        }
    }

    static func entityID(_ database: Database, adminLogin: String) throws -> Int64? {
        try database.queryFirst(
            """
            SELECT e.id FROM entities e JOIN accounts a ON a.id = e.account_id
            WHERE a.login_key = ?
            """, [AccountStore.key(adminLogin)]) { $0.int64(0) }
    }

    /// Finds the verified person whose name, document type and number all match. Returns nil
    /// otherwise, without saying which part differed.
    static func verifiedPerson(_ database: Database, name: String, document: DocumentNumber)
        throws -> AuthorizablePerson?
    {
        try database.queryFirst(
            """
            SELECT p.id, a.login, p.name FROM persons p JOIN accounts a ON a.id = p.account_id
            WHERE p.document_type = ? AND p.document_number = ? AND p.name = ?
              AND p.verification_status = 'verified'
            """, [document.type.rawValue, document.value, name]
        ) { AuthorizablePerson(id: $0.int64(0), login: $0.string(1), name: $0.string(2),
                               document: document) }
    }

    /// Returns the id of the unrevoked grant of `matter` from the entity to the person, if any.
    static func liveGrantID(
        _ database: Database, entityID: Int64, personID: Int64, matter: AuthorizationMatter
    ) throws -> Int64? {
        try database.queryFirst(
            """
            SELECT id FROM authorizations
            WHERE entity_id = ? AND person_id = ? AND matter = ? AND revoked_at IS NULL
            """, [entityID, personID, matter.rawValue]) { $0.int64(0) }
    }

    /// Inserts a grant and returns its id; the caller has checked that no live grant exists.
    static func insert(
        _ database: Database, entityID: Int64, personID: Int64, matter: AuthorizationMatter,
        period: AuthorizationPeriod, source: String, grantedBy: String?, createdAt: String,
        now: String
    ) throws -> Int64 {
        try database.run(
            """
            INSERT INTO authorizations (
                entity_id, person_id, matter, valid_from, valid_until, source, granted_by,
                created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                entityID, personID, matter.rawValue, period.from?.description,
                period.until?.description, source, grantedBy, createdAt, now,
            ])
        return database.lastInsertRowID
    }

    /// Reads one authorization of the entity in its wire form. Throws
    /// `authorization_not_found` when the id belongs to no authorization of that entity.
    static func load(_ database: Database, id: Int64, entityID: Int64, today: CivilDate)
        throws -> JSON
    {
        let row = try database.queryFirst(
            "SELECT \(rowColumns) FROM (\(rowsSQL)) WHERE id = ? AND entity_id = ?",
            [id, entityID]
        ) { rowJSON($0, today: today) }
        guard let row else { throw AuthorizationErrors.authorizationNotFound(id) }
        return row
    }

    /// Converts a row selected with `rowColumns` to its wire form, the document number masked.
    static func rowJSON(_ row: Row, today: CivilDate) -> JSON {
        let documentType = DocumentType(rawValue: row.string(3))
        let matter = AuthorizationMatter(rawValue: row.string(5))
        let validFrom = row.optionalString(6)
        let validUntil = row.optionalString(7)
        let createdAt = row.string(8)
        let revokedAt = row.optionalString(9)
        let status = AuthorizationStatus(
            validFrom: validFrom.flatMap(CivilDate.init), validUntil: validUntil.flatMap(CivilDate.init),
            isRevoked: revokedAt != nil, today: today)
        return [
            "id": .int(row.int64(0)),
            "login": .string(row.string(1)),
            "name": .string(row.string(2)),
            "documentType": .string(row.string(3)),
            "documentTypeLabel": .string(documentType?.label ?? ""),
            "documentNumber": .string(Masking.mask(row.string(4))),
            "matter": .string(row.string(5)),
            "matterLabel": .string(matter?.label ?? ""),
            "validFrom": validFrom.map(JSON.string) ?? .null,
            "validUntil": validUntil.map(JSON.string) ?? .null,
            "createdAt": .string(createdAt),
            // The stored timestamp is in +08:00, so its first ten characters are the China date.
            "createdOn": .string(String(createdAt.prefix(10))),
            "status": .string(status.rawValue),
            "statusLabel": .string(status.label),
            "revokedAt": revokedAt.map(JSON.string) ?? .null,
            "source": .string(row.string(10)),
        ]
    }
}
