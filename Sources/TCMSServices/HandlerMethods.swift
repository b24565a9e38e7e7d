import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// `handler.context` and `handler.select`: a natural person authorized by entities picks the
/// one to act for, and the connection then acts as that entity's handler (办件人).
enum HandlerMethods {
    /// The roles of a natural person's account, and the handler role it switches to.
    static let personRoles: Set<Role> = [.person, .mainAgent, .handler]

    /// The SQL condition of a grant in force on the day bound to both `?`.
    static let inForceSQL = """
        z.revoked_at IS NULL AND (z.valid_from IS NULL OR z.valid_from <= ?)
            AND (z.valid_until IS NULL OR z.valid_until >= ?)
        """

    static func specs(environment: ServiceEnvironment) -> [MethodSpec] {
        [
            MethodSpec(
                "handler.context",
                summary: "Shows what a handler confirms on entering the contract system: role, "
                    + "login, real name, masked mobile, the selected unit, and every entity "
                    + "whose authorization of the caller is in force.",
                result: "{role, roleLabel, login, name, mobile (masked), entityId, unitName, "
                    + "entities: [{entityId, entityLogin, unitName, matter, matterLabel, "
                    + "validFrom, validUntil}]}",
                roles: personRoles, errors: ["person_not_found"]
            ) { context, _ in
                try environment.store.read { database in
                    try contextJSON(
                        database, caller: context.caller, today: environment.clock.today())
                }
            },

            MethodSpec(
                "handler.select",
                summary: "Makes the connection act as handler for an entity that authorized the "
                    + "caller; the role ends on the next call after the grant is revoked or "
                    + "expires.",
                params: [
                    ParamSpec("entityId", .integer(min: 1, max: nil), required: true,
                              "an entityId from handler.context"),
                ],
                result: "the handler context after the switch", roles: personRoles,
                errors: ["not_authorized", "person_not_found"]
            ) { context, params in
                let entityID = params.int("entityId")!
                let today = environment.clock.today()
                let caller = context.caller
                return try environment.store.read { database in
                    guard let login = caller.login,
                        try inForce(database, login: login, entityID: entityID, today: today)
                    else {
                        throw AuthorizationErrors.notAuthorized
                    }
                    var handler = caller
                    handler.role = .handler
                    handler.entityID = entityID
                    context.connection.caller = handler
                    return try contextJSON(database, caller: handler, today: today)
                }
            },
        ]
    }

    /// True when the entity's authorization of the person with `login` is in force on `today`.
    static func inForce(_ database: Database, login: String, entityID: Int64, today: CivilDate)
        throws -> Bool
    {
        let day = today.description
        return try database.scalarInt(
            """
            SELECT count(*) FROM authorizations z
            JOIN persons p ON p.id = z.person_id
            JOIN accounts a ON a.id = p.account_id
            WHERE a.login_key = ? AND z.entity_id = ? AND z.matter = ? AND \(inForceSQL)
            """,
            [
                AccountStore.key(login), entityID, AuthorizationMatter.techContractHandler.rawValue,
                day, day,
            ]) > 0
    }

    private static func contextJSON(_ database: Database, caller: Caller, today: CivilDate)
        throws -> JSON
    {
        let person = try database.queryFirst(
            """
            SELECT p.id, a.login, p.name, p.mobile FROM persons p
            JOIN accounts a ON a.id = p.account_id WHERE a.login_key = ?
            """, [AccountStore.key(caller.login ?? "")]
        ) { ($0.int64(0), $0.string(1), $0.string(2), $0.string(3)) }
        guard let (personID, login, name, mobile) = person else {
            throw RPCError(
                code: RPCErrorCode.notFound, reason: "person_not_found",
                message: "The caller's account has no natural-person profile",
                messageZh: "当前账号没有自然人信息")
        }

        let day = today.description
        let entities = try database.query(
            """
            SELECT e.id, admin.login, e.name, z.matter, z.valid_from, z.valid_until
            FROM authorizations z
            JOIN entities e ON e.id = z.entity_id
            JOIN accounts admin ON admin.id = e.account_id
            WHERE z.person_id = ? AND \(inForceSQL)
            ORDER BY e.id
            """, [personID, day, day]
        ) { row -> (Int64, JSON) in
            let matter = AuthorizationMatter(rawValue: row.string(3))
            return (row.int64(0), [
                "entityId": .int(row.int64(0)),
                "entityLogin": .string(row.string(1)),
                "unitName": .string(row.string(2)),
                "matter": .string(row.string(3)),
                "matterLabel": .string(matter?.label ?? ""),
                "validFrom": row.optionalString(4).map(JSON.string) ?? .null,
                "validUntil": row.optionalString(5).map(JSON.string) ?? .null,
            ])
        }
        let selected = caller.role == .handler
            ? entities.first(where: { $0.0 == caller.entityID })?.1 : nil
        return [
            "role": .string(caller.role.rawValue),
            "roleLabel": .string(caller.role.label),
            "login": .string(login),
            "name": .string(name),
            "mobile": .string(Masking.maskMobile(mobile)),
            "entityId": selected?["entityId"] ?? .null,
            "unitName": selected?["unitName"] ?? .null,
            "entities": .array(entities.map(\.1)),
        ]
    }
}
