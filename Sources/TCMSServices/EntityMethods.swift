import Foundation
import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// `entity.checkName`, `entity.register` and `entity.get`.
enum EntityMethods {
    static func specs(environment: ServiceEnvironment) -> [MethodSpec] {
        [
            MethodSpec(
                "entity.checkName",
                summary: "Tells whether a unit with this name, or this USCC, is already "
                    + "registered.",
                params: [
                    ParamSpec("name", .string, required: true, "the unit's full name"),
                    ParamSpec("uscc", .string, "unified social credit code"),
                ],
                result: "{name, exists, usccExists?}", roles: .everyone
            ) { _, params in
                let name = try params.requiredString("name")
                    .trimmingCharacters(in: .whitespaces)
                let uscc = params.string("uscc")?.uppercased()
                let (byName, byUSCC) = try environment.store.read {
                    try EntityStore.exists($0, name: name, uscc: uscc)
                }
                var result: JSONObject = ["name": .string(name), "exists": .bool(byName)]
                if uscc != nil { result["usccExists"] = .bool(byUSCC) }
                return .object(result)
            },

            MethodSpec(
                "entity.register",
                summary: "Registers a legal entity and creates its admin account, after the "
                    + "mobile number was proven with sms.verify. Every missing, malformed or "
                    + "inapplicable field is reported at once.",
                params: registrationParams,
                result: "the entity's profile, unmasked, with verificationStatus",
                roles: .everyone, writes: true,
                errors: [
                    "missing_field", "not_applicable", "invalid_code", "invalid_format",
                    "invalid_check_character", "invalid_organization_code",
                    "unknown_registration_authority", "unknown_organization_category",
                    "unknown_division_code", "invalid_birth_date", "first_generation_id",
                    "invalid_postcode", "invalid_email", "invalid_login_name",
                    "password_too_short", "password_too_few_classes", "invalid_mobile",
                    "invalid_mobile_proof", "login_taken", "name_taken", "uscc_taken",
                    "several_problems",
                ]
            ) { context, params in
                try register(environment, context, params)
            },

            MethodSpec(
                "entity.get",
                summary: "Returns an entity's profile: unmasked to its admin and to operators, "
                    + "with masked numbers to everyone else.",
                params: [ParamSpec("login", .string, "the admin's login; default the caller")],
                result: "the entity's profile",
                roles: Set(Role.allCases.filter { $0 != .anonymous }),
                errors: ["entity_not_found"]
            ) { context, params in
                let caller = context.caller
                var ownLogin = caller.login
                if caller.role == .mainAgent {
                    ownLogin = try environment.store.read { database in
                        try ProfileUpdates.entityLogin(database, context, Params([:]))
                    }
                }
                let view = try ProfileView(
                    requested: params.string("login"), ownLogin: ownLogin, caller: caller)
                let login = view.login
                let masked = view.masked
                guard let profile = try environment.store.read({
                    try EntityStore.profile($0, login: login, masked: masked)
                }) else {
                    throw RPCError(
                        code: RPCErrorCode.notFound, reason: "entity_not_found",
                        message: "No legal entity has the login \(login)",
                        messageZh: "没有该登录名的法人", field: "params.login")
                }
                return profile
            },
        ]
    }

    static let registrationParams: [ParamSpec] = [
        ParamSpec("login", .string, required: true, "admin login name"),
        ParamSpec("password", .string, required: true, "admin password"),
        ParamSpec("mobile", .string, required: true, "mobile number of the registering person"),
        ParamSpec("mobileProof", .string, required: true, "the proof sms.verify returned"),
        ParamSpec("regionType", .string, required: true, "domestic, hmt or foreign"),
        ParamSpec(
            "entityType", .string, "domestic only: enterprise, social_org, institution, other"),
        ParamSpec("name", .string, required: true, "the unit's full name"),
        ParamSpec("englishName", .string, "English name"),
        ParamSpec("shortName", .string, "short name"),
        ParamSpec("homepage", .string, "homepage"),
        ParamSpec("uscc", .string, "USCC; required for domestic units except other"),
        ParamSpec("uniqueId", .string, "unique identifier; required for hmt and foreign units"),
        ParamSpec("countryCode", .string, "ISO 3166 alpha-2 code"),
        ParamSpec("nature", .string, "unit nature code; required for domestic units"),
        ParamSpec("legalRepName", .string, required: true, "legal representative's name"),
        ParamSpec("legalRepDocumentType", .string, "document type, default resident_id"),
        ParamSpec("legalRepDocumentNumber", .string, required: true, "document number"),
        ParamSpec("divisionCode", .string, "GB/T 2260 division code"),
        ParamSpec("address", .string, "registered address"),
        ParamSpec("postcode", .string, "6-digit postcode"),
        ParamSpec("email", .string, "e-mail address"),
        ParamSpec("industry", .string, "GB/T 4754 industry code"),
        ParamSpec("size", .string, "enterprise size code"),
    ]

    private static func register(
        _ environment: ServiceEnvironment, _ context: CallContext, _ params: Params
    ) throws -> JSON {
        let now = environment.clock.now()
        var reader = FieldReader(params.object, prefix: "params.")
        guard let record = EntityValidation.read(
            &reader, source: .registration, today: ChinaTime.date(of: now))
        else {
            throw RPCError.validation(reader.problems)
        }
        guard case .password(let password) = record.credential else {
            throw RPCError.internalError("registration without a password")
        }
        let hash = try PasswordHasher.hash(password)

        let (profile, id, status) = try environment.store.write { database in
            try SMSMethods.consumeProof(
                database, proof: record.mobileProof ?? "", mobile: record.mobile ?? "",
                purpose: "register", now: now)
            let (id, status) = try EntityStore.insert(
                database, record, passwordHash: hash, now: now, prefix: "params.",
                hasVerifyCommand: environment.verifyCommand != nil)
            try AuditLog.record(
                database, context: context, subject: "entity:\(id)",
                after: EntityStore.auditJSON(record), at: now)
            guard let profile = try EntityStore.profile(
                database, login: record.login, masked: false)
            else {
                throw RPCError.internalError("the new entity was not found")
            }
            return (profile, id, status)
        }
        if status == .verifying {
            Verifier.startCommand(
                environment, table: "entities", id: id, request: EntityStore.verifyRequest(record))
        }
        return profile
    }
}
