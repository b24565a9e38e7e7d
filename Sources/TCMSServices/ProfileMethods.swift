import Foundation
import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// `person.update`, `person.history`, `entity.update` and `entity.history`.
enum ProfileMethods {
    /// Person fields a person may edit, with their columns. Name and document stay as
    /// registered, because they were verified.
    static let personFields: [(field: String, column: String)] = [
        ("ethnicity", "ethnicity"), ("position", "position"), ("email", "email"),
        ("phone", "phone"), ("address", "address"), ("documentValidUntil", "document_valid_until"),
    ]

    /// Entity fields of 我的信息 an entity may edit, with their columns.
    static let entityFields: [(field: String, column: String)] = [
        ("englishName", "english_name"), ("shortName", "short_name"), ("homepage", "homepage"),
        ("nature", "nature"), ("address", "address"), ("postcode", "postcode"),
        ("email", "email"), ("divisionCode", "division_code"), ("industry", "industry"),
        ("size", "size"), ("countryCode", "country_code"),
    ]

    static func specs(environment: ServiceEnvironment) -> [MethodSpec] {
        let loginParam = ParamSpec("login", .string, "whose profile; operators only, default own")
        return [
            MethodSpec(
                "person.update",
                summary: "Edits the caller's person profile; an empty string clears a field. "
                    + "Each edit is kept as an update record.",
                params: [loginParam] + personFields.map {
                    ParamSpec($0.field, .string, "new value")
                },
                result: "{changes: [{field, before, after}], profile}",
                roles: [.person, .handler, .mainAgent, .operator], writes: true,
                errors: ["not_own_profile", "person_not_found", "invalid_email", "invalid_date"]
            ) { context, params in
                try update(.person, environment, context, params)
            },

            MethodSpec(
                "entity.update",
                summary: "Edits the entity's basic and other info (我的信息); an empty string "
                    + "clears a field. Each edit is kept as an update record.",
                params: [loginParam] + entityFields.map {
                    ParamSpec($0.field, .string, "new value")
                } + [ParamSpec("otherInfo", .object, "other info, replaced as a whole")],
                result: "{changes: [{field, before, after}], profile}",
                roles: [.entityAdmin, .mainAgent, .operator], writes: true,
                errors: ["not_own_profile", "entity_not_found", "invalid_code",
                         "invalid_postcode", "invalid_email"]
            ) { context, params in
                try update(.entity, environment, context, params)
            },

            history("person.history", kind: .person, environment: environment,
                    roles: [.person, .handler, .mainAgent, .operator]),
            history("entity.history", kind: .entity, environment: environment,
                    roles: [.entityAdmin, .mainAgent, .operator]),
        ]
    }

    private static func history(
        _ name: String, kind: ProfileUpdates.Kind, environment: ServiceEnvironment,
        roles: Set<Role>
    ) -> MethodSpec {
        MethodSpec(
            name,
            summary: "Lists the update records (信息更新记录) of a profile, newest first: who, "
                + "when and each field before and after.",
            params: [ParamSpec("login", .string, "whose profile; operators only, default own")]
                + ProfileUpdates.pageParams,
            result: "{items: [{at, role, roleLabel, login, changes}], total, page, pages}",
            roles: roles, errors: ["not_own_profile", "\(kind.rawValue)_not_found"]
        ) { context, params in
            let login = try targetLogin(kind, environment, context, params)
            return try environment.store.read { database in
                guard let id = try ProfileUpdates.subjectID(database, kind: kind, login: login)
                else {
                    throw notFound(kind, login)
                }
                return try ProfileUpdates.history(
                    database, kind: kind, id: id, page: params.int("page") ?? 1,
                    pageSize: params.int("pageSize") ?? 10)
            }
        }
    }

    /// Returns the login of the profile meant: for entities the one the caller acts for, which
    /// for a main agent is the entity that named them.
    private static func targetLogin(
        _ kind: ProfileUpdates.Kind, _ environment: ServiceEnvironment, _ context: CallContext,
        _ params: Params
    ) throws -> String {
        guard kind == .entity else { return try ProfileUpdates.targetLogin(context, params) }
        return try environment.store.read { database in
            try ProfileUpdates.entityLogin(database, context, params)
        }
    }

    static func notFound(_ kind: ProfileUpdates.Kind, _ login: String) -> RPCError {
        RPCError(
            code: RPCErrorCode.notFound, reason: "\(kind.rawValue)_not_found",
            message: "No \(kind == .person ? "natural person" : "legal entity") has the login "
                + login,
            messageZh: kind == .person ? "没有该登录名的自然人" : "没有该登录名的法人",
            field: "params.login")
    }

    private static func update(
        _ kind: ProfileUpdates.Kind, _ environment: ServiceEnvironment, _ context: CallContext,
        _ params: Params
    ) throws -> JSON {
        let login = try targetLogin(kind, environment, context, params)
        var reader = FieldReader(params.object, prefix: "params.")
        var requested: [(field: String, column: String, value: String?)] = []
        let fields = kind == .person ? personFields : entityFields
        for (field, column) in fields where params.object[field] != nil {
            let value: String?
            switch (kind, field) {
            case (.person, "email"):
                value = reader.email(field)
            case (.person, "documentValidUntil"):
                value = PersonValidation.validity(&reader, field)?.stored
            case (.person, _):
                value = reader.text(field)
            case (.entity, _):
                value = EntityValidation.profileChecks[field]!(&reader)
            }
            requested.append((field, column, value))
        }
        if kind == .entity, let other = params["otherInfo"] {
            requested.append(("otherInfo", "other_info", other.encodedString()))
        }
        guard reader.problems.isEmpty else { throw RPCError.validation(reader.problems) }

        let now = environment.clock.now()
        return try environment.store.write { database in
            guard let id = try ProfileUpdates.subjectID(database, kind: kind, login: login) else {
                throw notFound(kind, login)
            }
            let changes = try ProfileUpdates.changes(
                database, kind: kind, id: id, requested: requested)
            try ProfileUpdates.apply(
                database, kind: kind, id: id, changes: changes, context: context, now: now)
            let profile = kind == .person
                ? try PersonStore.profile(database, login: login, masked: false)
                : try EntityStore.profile(database, login: login, masked: false)
            return ["changes": .array(changes.map(\.json)), "profile": profile ?? .null]
        }
    }
}
