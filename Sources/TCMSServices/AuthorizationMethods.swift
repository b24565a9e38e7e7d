import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// Handler authorization (办件人授权): an entity finds a verified natural person, grants a
/// matter with an optional validity period, changes the period and revokes the grant.
enum AuthorizationMethods {
    /// The roles that manage an entity's authorizations.
    static let entityRoles: Set<Role> = [.entityAdmin, .mainAgent]

    static let personParams: [ParamSpec] = [
        ParamSpec("name", .string, required: true, "the person's name, exactly as registered"),
        ParamSpec("documentType", .string, required: true, "document type code or label"),
        ParamSpec("documentNumber", .string, required: true, "document number"),
    ]

    static let periodParams: [ParamSpec] = [
        ParamSpec("validFrom", .string, "first day of validity, YYYY-MM-DD; absent: open"),
        ParamSpec("validUntil", .string, "last day of validity, YYYY-MM-DD; absent: open"),
    ]

    static let personErrors = [
        "missing_field", "invalid_code", "invalid_format", "invalid_check_character",
        "invalid_birth_date", "first_generation_id", "unknown_division_code", "several_problems",
        "person_not_found", "entity_not_found",
    ]

    static func specs(environment: ServiceEnvironment) -> [MethodSpec] {
        [
            MethodSpec(
                "person.searchForAuthorization",
                summary: "Finds the verified natural person with this name, document type and "
                    + "number (all three must match) and tells whether the caller's entity "
                    + "already authorized them.",
                params: personParams,
                result: "{login, name, documentType, documentTypeLabel, documentNumber (masked), "
                    + "authorized, authorizedLabel, authorization}",
                roles: entityRoles, errors: personErrors
            ) { context, params in
                try search(environment, context, params)
            },

            MethodSpec(
                "authorization.grant",
                summary: "Authorizes the verified person with this name, document type and number "
                    + "to handle a matter for the caller's entity, optionally within a period.",
                params: personParams + [
                    ParamSpec("matter", .string, "matter code; default tech_contract_handler"),
                ] + periodParams,
                result: "the authorization", roles: entityRoles, writes: true,
                errors: personErrors + ["invalid_date", "invalid_period", "already_authorized"]
            ) { context, params in
                try grant(environment, context, params)
            },

            MethodSpec(
                "authorization.update",
                summary: "Replaces the validity period of one of the entity's authorizations; "
                    + "an absent end makes that end open.",
                params: [
                    ParamSpec("id", .integer(min: 1, max: nil), required: true, "authorization id"),
                ] + periodParams,
                result: "the authorization", roles: entityRoles, writes: true,
                errors: [
                    "invalid_date", "invalid_period", "several_problems", "entity_not_found",
                    "authorization_not_found", "authorization_revoked",
                ]
            ) { context, params in
                try update(environment, context, params)
            },

            MethodSpec(
                "authorization.revoke",
                summary: "Revokes one of the entity's authorizations; a handler acting on it "
                    + "loses the handler role on its next call.",
                params: [
                    ParamSpec("id", .integer(min: 1, max: nil), required: true, "authorization id"),
                ],
                result: "the authorization", roles: entityRoles, writes: true,
                errors: ["entity_not_found", "authorization_not_found", "already_decided"]
            ) { context, params in
                try revoke(environment, context, params)
            },
        ]
    }

    private static func search(
        _ environment: ServiceEnvironment, _ context: CallContext, _ params: Params
    ) throws -> JSON {
        let today = environment.clock.today()
        var reader = FieldReader(params.object, prefix: "params.")
        let input = AuthorizationInput.person(&reader, today: today)
        guard reader.problems.isEmpty, let input else { throw RPCError.validation(reader.problems) }

        return try environment.store.read { database in
            let entityID = try AuthorizationStore.entityID(database, context, params)
            guard let person = try AuthorizationStore.verifiedPerson(
                database, name: input.name, document: input.document)
            else {
                throw AuthorizationErrors.personNotFound
            }
            let grantID = try AuthorizationStore.liveGrantID(
                database, entityID: entityID, personID: person.id, matter: .techContractHandler)
            let grant = try grantID.map {
                try AuthorizationStore.load(database, id: $0, entityID: entityID, today: today)
            }
            return [
                "login": .string(person.login),
                "name": .string(person.name),
                "documentType": .string(person.document.type.rawValue),
                "documentTypeLabel": .string(person.document.type.label),
                "documentNumber": .string(person.document.masked),
                "authorized": .bool(grant != nil),
                "authorizedLabel": .string(grant == nil ? "该用户未被授权" : "该用户已被授权"),
                "authorization": grant ?? .null,
            ]
        }
    }

    private static func grant(
        _ environment: ServiceEnvironment, _ context: CallContext, _ params: Params
    ) throws -> JSON {
        let now = environment.clock.now()
        let today = ChinaTime.date(of: now)
        var reader = FieldReader(params.object, prefix: "params.")
        let input = AuthorizationInput.person(&reader, today: today)
        let matter = AuthorizationInput.matter(&reader)
        let period = AuthorizationPeriod.read(&reader)
        guard reader.problems.isEmpty, let input, let matter, let period else {
            throw RPCError.validation(reader.problems)
        }

        let nowText = ChinaTime.timestamp(of: now)
        return try environment.store.write { database in
            let entityID = try AuthorizationStore.entityID(database, context, params)
            guard let person = try AuthorizationStore.verifiedPerson(
                database, name: input.name, document: input.document)
            else {
                throw AuthorizationErrors.personNotFound
            }
            // The check and the insert run in one write job, so two grants of the same person
            // at once cannot both pass. The partial unique index backs this up.
            if try AuthorizationStore.liveGrantID(
                database, entityID: entityID, personID: person.id, matter: matter) != nil
            {
                throw AuthorizationErrors.alreadyAuthorized
            }
            let id = try AuthorizationStore.insert(
                database, entityID: entityID, personID: person.id, matter: matter,
                period: period, source: "granted", grantedBy: context.caller.login,
                createdAt: nowText, now: nowText)
            let grant = try AuthorizationStore.load(
                database, id: id, entityID: entityID, today: today)
            try AuditLog.record(
                database, context: context, subject: "authorization:\(id)", after: grant, at: now)
            return grant
        }
    }

    private static func update(
        _ environment: ServiceEnvironment, _ context: CallContext, _ params: Params
    ) throws -> JSON {
        let id = params.int("id")!
        let now = environment.clock.now()
        let today = ChinaTime.date(of: now)
        var reader = FieldReader(params.object, prefix: "params.")
        let period = AuthorizationPeriod.read(&reader)
        guard reader.problems.isEmpty, let period else { throw RPCError.validation(reader.problems) }

        return try environment.store.write { database in
            let entityID = try AuthorizationStore.entityID(database, context, params)
            let before = try AuthorizationStore.load(
                database, id: id, entityID: entityID, today: today)
            try database.run(
                """
                UPDATE authorizations SET valid_from = ?, valid_until = ?, updated_at = ?
                WHERE id = ? AND entity_id = ? AND revoked_at IS NULL
                """,
                [
                    period.from?.description, period.until?.description,
                    ChinaTime.timestamp(of: now), id, entityID,
                ])
            guard database.changes == 1 else { throw AuthorizationErrors.revokedCannotChange }
            let after = try AuthorizationStore.load(
                database, id: id, entityID: entityID, today: today)
            try AuditLog.record(
                database, context: context, subject: "authorization:\(id)", before: before,
                after: after, at: now)
            return after
        }
    }

    private static func revoke(
        _ environment: ServiceEnvironment, _ context: CallContext, _ params: Params
    ) throws -> JSON {
        let id = params.int("id")!
        let now = environment.clock.now()
        let today = ChinaTime.date(of: now)
        let nowText = ChinaTime.timestamp(of: now)

        return try environment.store.write { database in
            let entityID = try AuthorizationStore.entityID(database, context, params)
            let before = try AuthorizationStore.load(
                database, id: id, entityID: entityID, today: today)
            // The update requires the grant to be unrevoked, so of two revocations at once
            // exactly one changes the row and the other gets already_decided.
            try database.run(
                """
                UPDATE authorizations SET revoked_at = ?, revoked_by = ?, updated_at = ?
                WHERE id = ? AND entity_id = ? AND revoked_at IS NULL
                """, [nowText, context.caller.login, nowText, id, entityID])
            guard database.changes == 1 else { throw AuthorizationErrors.alreadyRevoked }
            let after = try AuthorizationStore.load(
                database, id: id, entityID: entityID, today: today)
            try AuditLog.record(
                database, context: context, subject: "authorization:\(id)", before: before,
                after: after, at: now)
            return after
        }
    }
}
