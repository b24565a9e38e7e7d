import Foundation
import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// `import.contracts`: the operator's migration of existing contracts, one batch of lines per
/// call. Every line goes through the handler's own path, `ContractRegistration.create` and
/// `.submit`, as the handler it names, so it passes every check of `contract.create` and
/// `contract.submit`. It arrives at its office as submitted (未收文本) and marked `imported`.
///
/// The natural key of a contract is its registering entity, its title and its signing date: a
/// line whose key is already stored, whatever that contract's status, counts as `unchanged`,
/// so importing a file twice changes nothing. Each line succeeds or fails alone.
enum ContractImport {
    /// The logins a line names besides the form's wire fields.
    static let loginFields = ["registeringLogin", "handlerLogin", "sellerLogin", "buyerLogin"]

    static let fields = Set(loginFields + ContractForm.fieldNames)

    /// One line after its logins were read; the form is checked inside the write job.
    private struct Line {
        let number: Int64
        let record: JSONObject
        let registeringLogin: String
        let handlerLogin: String
    }

    static func specs(environment: ServiceEnvironment) -> [MethodSpec] {
        [
            MethodSpec(
                "import.contracts",
                summary: "Imports a batch of existing contracts as JSON lines. Each line is "
                    + "registered and submitted as its handler would do it, and waits at its "
                    + "office for the paper text.",
                params: [
                    ParamSpec(
                        "lines", .array, required: true,
                        "up to \(ImportMethods.maxLinesPerCall) items {line: number in the "
                            + "file, record: object}"),
                ],
                result: "{accepted, unchanged, rejected: [{line, reason, field?, message, "
                    + "messageZh, errors?}]}",
                roles: [.operator], writes: true,
                errors: [
                    "too_many_lines", "invalid_line_item", "unknown_field", "entity_not_found",
                    "person_not_found", "not_authorized", "access_not_approved", "no_office",
                    "no_division",
                ] + ContractMethods.formErrors
            ) { context, params in
                try run(environment, context, params)
            }
        ]
    }

    private static func run(
        _ environment: ServiceEnvironment, _ context: CallContext, _ params: Params
    ) throws -> JSON {
        let (valid, rejected) = try ImportBatch.read(params) { object, number in
            read(object, number: number)
        }

        let now = environment.clock.now()
        let stored = try environment.store.write { database in
            try ImportBatch.storeEach(valid, number: \.number, in: database) { line in
                try store(database, line, context: context, now: now)
            }
        }
        return ImportBatch.reply(
            accepted: stored.accepted, unchanged: stored.unchanged,
            rejected: rejected + stored.rejected)
    }

    /// Reads the logins and rejects unknown fields; the form's own fields are checked later,
    /// against the registering entity.
    private static func read(_ object: JSONObject, number: Int64) -> Result<Line, RPCError> {
        var reader = FieldReader(object, prefix: "")
        reader.rejectUnknown(fields)
        let registeringLogin = reader.required("registeringLogin", maxLength: 64)
        let handlerLogin = reader.required("handlerLogin", maxLength: 64)
        _ = reader.text("sellerLogin", maxLength: 64)
        _ = reader.text("buyerLogin", maxLength: 64)
        guard reader.problems.isEmpty, let registeringLogin, let handlerLogin else {
            return .failure(RPCError.validation(reader.problems))
        }
        return .success(
            Line(
                number: number, record: object, registeringLogin: registeringLogin,
                handlerLogin: handlerLogin))
    }

    /// Registers and submits one line as its handler; returns false when a contract with the
    /// same natural key is already stored.
    private static func store(
        _ database: Database, _ line: Line, context: CallContext, now: Date
    ) throws -> Bool {
        let entityID = try entity(line.registeringLogin, field: "registeringLogin", in: database)
        let form = try formObject(line, registeringEntityID: entityID, in: database)
        if try isStored(form, entityID: entityID, in: database) {
            return false
        }

        // NOTE: the line is submitted today, so today's rules and code lists apply, not those
        // of its signing day: a counterpart whose division code was retired since is rejected.
        let today = ChinaTime.date(of: now)
        let handler = ContractRegistration.Handler(entityID: entityID, login: line.handlerLogin)
        try requireHandler(line, entityID: entityID, today: today, in: database)
        let id = try ContractRegistration.create(
            form, prefix: "", handler: handler, imported: true, context: context, now: now,
            in: database)
        try ContractRegistration.submit(
            id: id, handler: handler, context: context, now: now, in: database)
        return true
    }

    /// Builds the form's wire fields from the line. The counterpart named by login gets its
    /// name, country, division and nature from its entity record. The registering side's login,
    /// when given, must be the registering entity, whose own fields `ContractForm` takes.
    private static func formObject(
        _ line: Line, registeringEntityID: Int64, in database: Database
    ) throws -> JSONObject {
        var form = line.record
        for name in loginFields { form[name] = nil }
        let side = line.record["registeringSide"]?.stringValue

        for party in ["seller", "buyer"] {
            guard let login = line.record[party + "Login"]?.stringValue else { continue }
            let field = party + "Login"
            let id = try entity(login, field: field, in: database)
            if side == party {
                guard id == registeringEntityID else {
                    throw RPCError(
                        code: RPCErrorCode.validationFailed,
                        reason: "registering_party_mismatch",
                        message: "\(field) \(login) is the registering side, so it must be "
                            + "registeringLogin \(line.registeringLogin)",
                        messageZh: "登记方必须是登记单位本身", field: field)
                }
                continue
            }
            guard let counterpart = try ContractParty.entity(id, in: database) else {
                throw entityNotFound(login, field: field)
            }
            let givenFields = ["Name", "Country", "Division", "Nature"].filter {
                line.record[party + $0].map { !$0.isNull } ?? false
            }
            if let first = givenFields.first {
                throw RPCError(
                    code: RPCErrorCode.validationFailed, reason: "not_applicable",
                    message: "\(party)\(first) comes from the entity record of \(field) "
                        + "\(login); give either the login or the party's fields",
                    messageZh: "已给出对方单位登录名，其名称、国别、区划和性质取自单位档案",
                    field: party + first)
            }
            form[party + "Name"] = .string(counterpart.name)
            form[party + "Country"] = .string(counterpart.country)
            form[party + "Division"] = counterpart.division.map { .string($0) }
            form[party + "Nature"] = counterpart.nature.map { .string($0) }
        }
        return form
    }

    /// True when the entity already has a contract with this title and signing date. A line
    /// whose title or date is malformed is not looked up; the form check rejects it.
    private static func isStored(_ form: JSONObject, entityID: Int64, in database: Database)
        throws -> Bool
    {
        guard let title = form["title"]?.stringValue?.trimmingCharacters(in: .whitespaces),
            let signedOn = form["signedOn"]?.stringValue.flatMap(CivilDate.init)
        else {
            return false
        }
        return try database.scalarInt(
            "SELECT count(*) FROM contracts WHERE entity_id = ? AND title = ? AND signed_on = ?",
            [entityID, title, signedOn.description]) > 0
    }

    /// Checks that the handler is a natural person whose authorization by the entity is in
    /// force on `today`, the day the import registers the contract.
    private static func requireHandler(
        _ line: Line, entityID: Int64, today: CivilDate, in database: Database
    ) throws {
        let isPerson = try database.scalarInt(
            """
            SELECT count(*) FROM persons p JOIN accounts a ON a.id = p.account_id
            WHERE a.login_key = ?
            """, [AccountStore.key(line.handlerLogin)]) > 0
        guard isPerson else {
            throw RPCError(
                code: RPCErrorCode.notFound, reason: "person_not_found",
                message: "No natural person has the login \(line.handlerLogin)",
                messageZh: "没有该登录名的自然人", field: "handlerLogin")
        }
        guard try HandlerMethods.inForce(
            database, login: line.handlerLogin, entityID: entityID, today: today)
        else {
            throw RPCError(
                code: RPCErrorCode.forbidden, reason: "not_authorized",
                message: "\(line.registeringLogin) has no authorization of "
                    + "\(line.handlerLogin) as contract handler in force on \(today): none was "
                    + "granted, or it is revoked, expired or not yet valid",
                messageZh: "该单位在当日没有有效的办件人授权（未授权、已撤销、已过期或尚未生效）",
                field: "handlerLogin")
        }
    }

    private static func entity(_ login: String, field: String, in database: Database) throws
        -> Int64
    {
        guard let id = try AuthorizationStore.entityID(database, adminLogin: login) else {
            throw entityNotFound(login, field: field)
        }
        return id
    }

    private static func entityNotFound(_ login: String, field: String) -> RPCError {
        RPCError(
            code: RPCErrorCode.notFound, reason: "entity_not_found",
            message: "No legal entity has the login \(login)", messageZh: "没有该登录名的法人",
            field: field)
    }
}
