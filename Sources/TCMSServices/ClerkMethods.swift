import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// The operator's management of clerk accounts: `clerk.create`, `clerk.list`, `clerk.update`.
/// A clerk logs in with `session.login` like every account.
enum ClerkMethods {
    static let listing = Listing(filters: [
        .init("officeId", column: "office_id", .custom { text in
            guard text.isASCIIDigitString, let id = Int64(text) else {
                throw RPCError.invalidParams(
                    "params.filter.officeId must be an office id in digits",
                    field: "params.filter.officeId", reason: "wrong_type")
            }
            return ("office_id = ?", [id])
        }),
        .init("login", column: "login", .contains),
        .init("name", column: "name", .contains),
    ])

    static func specs(environment: ServiceEnvironment) -> [MethodSpec] {
        [
            MethodSpec(
                "clerk.create",
                summary: "Creates a clerk account bound to one registration office.",
                params: [
                    ParamSpec("login", .string, required: true, "login name"),
                    ParamSpec("password", .string, required: true, "initial password"),
                    ParamSpec("name", .string, required: true, "the clerk's real name"),
                    ParamSpec("officeId", .integer(min: 1, max: nil), required: true, "office id"),
                    ParamSpec(
                        "largeAmountApprover", .boolean,
                        "may give the second approval of large-amount contracts; default false"),
                ],
                result: "{id, login, name, officeId, officeName, largeAmountApprover, status, "
                    + "createdAt, updatedAt}",
                roles: [.operator], writes: true,
                errors: ["invalid_login_name", "password_too_short", "password_too_few_classes",
                         "login_taken", "office_not_found", "missing_field", "too_long"]
            ) { context, params in
                try create(environment, context, params)
            },

            MethodSpec(
                "clerk.list",
                summary: "Lists clerks; filter officeId, login (substring), name (substring).",
                params: listing.params, result: "{items, total, page, pageSize, pages}",
                roles: [.operator], errors: Listing.errors
            ) { _, params in
                try environment.store.read { database in
                    try listing.run(
                        database, params: params,
                        from: "SELECT \(ClerkStore.columns) FROM \(ClerkStore.view) WHERE 1",
                        arguments: [],
                        countSQL: "SELECT count(*) FROM \(ClerkStore.view) WHERE 1",
                        row: ClerkStore.json)
                }
            },

            MethodSpec(
                "clerk.update",
                summary: "Moves a clerk to another office or changes the large-amount approver "
                    + "flag; it takes effect on the clerk's next call.",
                params: [
                    ParamSpec("login", .string, required: true, "the clerk's login name"),
                    ParamSpec("officeId", .integer(min: 1, max: nil), "new office id"),
                    ParamSpec("largeAmountApprover", .boolean, "new flag"),
                ],
                result: "the clerk, as clerk.create returns it", roles: [.operator], writes: true,
                errors: ["clerk_not_found", "office_not_found"]
            ) { context, params in
                try update(environment, context, params)
            },
        ]
    }

    private static func create(
        _ environment: ServiceEnvironment, _ context: CallContext, _ params: Params
    ) throws -> JSON {
        var reader = FieldReader(params.object, prefix: "params.")
        let login = reader.check("login", reader.required("login", maxLength: 64)) {
            (value) throws(DomainViolation) in
            try LoginName.validate(value)
            return value
        }
        let credential = AccountFields.credential(&reader, source: .registration)
        let name = reader.required("name", maxLength: 100)
        guard reader.problems.isEmpty, let login, let name,
            case .password(let password)? = credential
        else {
            throw RPCError.validation(reader.problems)
        }
        let officeID = params.int("officeId")!
        let approver = params.bool("largeAmountApprover") ?? false
        let hash = try PasswordHasher.hash(password)
        let now = environment.clock.now()
        let nowText = ChinaTime.timestamp(of: now)

        return try environment.store.write { database in
            try ClerkStore.requireOffice(officeID, field: "params.officeId", in: database)
            let accountID = try AccountStore.insert(
                database, login: login, passwordHash: hash, role: .clerk, now: nowText,
                field: "params.login")
            try database.run(
                """
                INSERT INTO clerks (account_id, name, office_id, large_amount_approver,
                    created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, [accountID, name, officeID, approver ? 1 : 0, nowText, nowText])
            let clerk = try ClerkStore.load(login: login, in: database)!
            try AuditLog.record(
                database, context: context, subject: "clerk:\(login)", after: clerk, at: now)
            return clerk
        }
    }

    private static func update(
        _ environment: ServiceEnvironment, _ context: CallContext, _ params: Params
    ) throws -> JSON {
        let login = try params.requiredString("login")
        let officeID = params.int("officeId")
        let approver = params.bool("largeAmountApprover")
        let now = environment.clock.now()
        let nowText = ChinaTime.timestamp(of: now)

        return try environment.store.write { database in
            guard let before = try ClerkStore.load(login: login, in: database) else {
                throw ClerkStore.clerkNotFound(login)
            }
            if let officeID {
                try ClerkStore.requireOffice(officeID, field: "params.officeId", in: database)
            }
            try database.run(
                """
                UPDATE clerks SET office_id = coalesce(?, office_id),
                    large_amount_approver = coalesce(?, large_amount_approver), updated_at = ?
                WHERE id = ?
                """,
                [officeID, approver.map { $0 ? Int64(1) : Int64(0) }, nowText,
                 before["id"]!.intValue!])
            let after = try ClerkStore.load(login: login, in: database)!
            try AuditLog.record(
                database, context: context, subject: "clerk:\(login)", before: before,
                after: after, at: now)
            return after
        }
    }
}
