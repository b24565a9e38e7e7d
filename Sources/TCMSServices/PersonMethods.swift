import Foundation
import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// `person.register` and `person.get`.
enum PersonMethods {
    static func specs(environment: ServiceEnvironment) -> [MethodSpec] {
        [
            MethodSpec(
                "person.register",
                summary: "Registers a natural person and creates their account, after the mobile "
                    + "number was proven with sms.verify. Every missing or malformed field is "
                    + "reported at once.",
                params: registrationParams,
                result: "the person's profile, unmasked, with verificationStatus",
                roles: .everyone, writes: true,
                errors: [
                    "missing_field", "invalid_format", "invalid_check_character",
                    "invalid_birth_date", "unknown_address_code", "invalid_address_code",
                    "address_code_abolished", "first_generation_id", "birth_date_mismatch",
                    "gender_mismatch", "document_type_mismatch", "invalid_login_name",
                    "password_too_short", "password_too_few_classes", "invalid_mobile",
                    "invalid_email", "invalid_date", "invalid_code", "invalid_validity",
                    "control_character", "too_long", "invalid_mobile_proof", "login_taken",
                    "document_already_registered", "several_problems",
                ]
            ) { context, params in
                try register(environment, context, params)
            },

            MethodSpec(
                "person.get",
                summary: "Returns a person's profile: unmasked to the person and to operators, "
                    + "with masked numbers to everyone else.",
                params: [ParamSpec("login", .string, "the person's login; default the caller")],
                result: "the person's profile",
                roles: Set(Role.allCases.filter { $0 != .anonymous }),
                errors: ["person_not_found"]
            ) { context, params in
                let caller = context.caller
                let view = try ProfileView(
                    requested: params.string("login"), ownLogin: caller.login, caller: caller)
                let login = view.login
                let masked = view.masked
                guard let profile = try environment.store.read({
                    try PersonStore.profile($0, login: login, masked: masked)
                }) else {
                    throw RPCError(
                        code: RPCErrorCode.notFound, reason: "person_not_found",
                        message: "No natural person has the login \(login)",
                        messageZh: "没有该登录名的自然人", field: "params.login")
                }
                return profile
            },
        ]
    }

    static let registrationParams: [ParamSpec] = [
        ParamSpec("login", .string, required: true, "login name: 4-32 ASCII letters, digits, _"),
        ParamSpec("password", .string, required: true, "password: 8+ characters, 3 of 4 classes"),
        ParamSpec("mobile", .string, required: true, "mainland mobile number"),
        ParamSpec("mobileProof", .string, required: true, "the proof sms.verify returned"),
        ParamSpec("name", .string, required: true, "name as on the document"),
        ParamSpec("gender", .string, "male or female; must agree with a resident ID"),
        ParamSpec("ethnicity", .string, "ethnicity"),
        ParamSpec("position", .string, "position"),
        ParamSpec("birthDate", .string, "YYYY-MM-DD; must agree with a resident ID"),
        ParamSpec("email", .string, "e-mail address"),
        ParamSpec("phone", .string, "landline"),
        ParamSpec("address", .string, "address"),
        ParamSpec("identityType", .string, required: true, "mainland, hmt or other"),
        ParamSpec("documentType", .string, required: true, "one of the seven document types"),
        ParamSpec("documentNumber", .string, required: true, "document number"),
        ParamSpec("documentValidFrom", .string, "YYYY-MM-DD; required for resident_id"),
        ParamSpec("documentValidUntil", .string, "YYYY-MM-DD or long_term"),
    ]

    private static func register(
        _ environment: ServiceEnvironment, _ context: CallContext, _ params: Params
    ) throws -> JSON {
        let now = environment.clock.now()
        let today = ChinaTime.date(of: now)
        var reader = FieldReader(params.object, prefix: "params.")
        guard let record = PersonValidation.read(&reader, source: .registration, today: today)
        else {
            throw RPCError.validation(reader.problems)
        }
        guard case .password(let password) = record.credential else {
            throw RPCError.internalError("registration without a password")
        }
        let hash = try PasswordHasher.hash(password)

        let (profile, id, status) = try environment.store.write { database in
            try SMSMethods.consumeProof(
                database, proof: record.mobileProof ?? "", mobile: record.mobile,
                purpose: "register", now: now)
            let (id, status) = try PersonStore.insert(
                database, record, passwordHash: hash, now: now, today: today, prefix: "params.",
                hasVerifyCommand: environment.verifyCommand != nil)
            try AuditLog.record(
                database, context: context, subject: "person:\(id)",
                after: PersonStore.auditJSON(record), at: now)
            guard let profile = try PersonStore.profile(
                database, login: record.login, masked: false)
            else {
                throw RPCError.internalError("the new person was not found")
            }
            return (profile, id, status)
        }
        if status == .verifying {
            Verifier.startCommand(
                environment, table: "persons", id: id, request: PersonStore.verifyRequest(record))
        }
        return profile
    }
}
