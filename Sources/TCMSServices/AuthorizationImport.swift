import Foundation
import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// `import.authorizations`: the operator's migration of existing grants, one batch of lines
/// per call. Each grant keeps its original date as its creation date (00:00 China time of
/// `grantedOn`). A line whose grant is already live counts as `unchanged`, so importing a
/// file twice changes nothing. Each line succeeds or fails alone.
enum AuthorizationImport {
    static let fields: Set<String> = [
        "entityLogin", "personLogin", "personName", "documentType", "documentNumber", "matter",
        "grantedOn", "validFrom", "validUntil",
    ]

    /// One checked line.
    private struct Line {
        let number: Int64
        let entityLogin: String
        let personLogin: String
        let personName: String
        let document: DocumentNumber
        let matter: AuthorizationMatter
        let grantedOn: CivilDate
        let period: AuthorizationPeriod
    }

    static func specs(environment: ServiceEnvironment) -> [MethodSpec] {
        [
            MethodSpec(
                "import.authorizations",
                summary: "Imports a batch of existing handler authorizations as JSON lines, "
                    + "each keeping its original grant date.",
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
                    "too_many_lines", "invalid_line_item", "entity_not_found",
                    "person_not_found", "person_mismatch",
                ]
            ) { context, params in
                try run(environment, context, params)
            }
        ]
    }

    private static func run(
        _ environment: ServiceEnvironment, _ context: CallContext, _ params: Params
    ) throws -> JSON {
        let now = environment.clock.now()
        let today = ChinaTime.date(of: now)
        let (valid, rejected) = try ImportBatch.read(params) { object, number in
            read(object, number: number, today: today)
        }

        let nowText = ChinaTime.timestamp(of: now)
        let stored = try environment.store.write { database in
            try ImportBatch.storeEach(valid, number: \.number, in: database) { line in
                try store(database, line, context: context, now: now, nowText: nowText)
            }
        }
        return ImportBatch.reply(
            accepted: stored.accepted, unchanged: stored.unchanged,
            rejected: rejected + stored.rejected)
    }

    private static func read(_ object: JSONObject, number: Int64, today: CivilDate)
        -> Result<Line, RPCError>
    {
        var reader = FieldReader(object, prefix: "")
        reader.rejectUnknown(fields)
        let entityLogin = reader.required("entityLogin", maxLength: 64)
        let personLogin = reader.required("personLogin", maxLength: 64)
        let person = AuthorizationInput.person(&reader, today: today, nameField: "personName")
        let matter = AuthorizationInput.matter(&reader)
        let grantedOn = reader.date("grantedOn", required: true)
        let period = AuthorizationPeriod.read(&reader)
        guard reader.problems.isEmpty, let entityLogin, let personLogin, let person, let matter,
            let grantedOn, let period
        else {
            return .failure(RPCError.validation(reader.problems))
        }
        return .success(
            Line(
                number: number, entityLogin: entityLogin, personLogin: personLogin,
                personName: person.name, document: person.document, matter: matter,
                grantedOn: grantedOn, period: period))
    }

    /// Stores one line; returns false when the same grant is already live.
    private static func store(
        _ database: Database, _ line: Line, context: CallContext, now: Date, nowText: String
    ) throws -> Bool {
        guard let entityID = try AuthorizationStore.entityID(database, adminLogin: line.entityLogin)
        else {
            throw RPCError(
                code: RPCErrorCode.notFound, reason: "entity_not_found",
                message: "No legal entity has the login \(line.entityLogin)",
                messageZh: "没有该登录名的法人", field: "entityLogin")
        }
        let person = try database.queryFirst(
            """
            SELECT p.id, p.name, p.document_type, p.document_number FROM persons p
            JOIN accounts a ON a.id = p.account_id WHERE a.login_key = ?
            """, [AccountStore.key(line.personLogin)]
        ) { ($0.int64(0), $0.string(1), $0.string(2), $0.string(3)) }
        guard let (personID, name, documentType, documentNumber) = person else {
            throw RPCError(
                code: RPCErrorCode.notFound, reason: "person_not_found",
                message: "No natural person has the login \(line.personLogin)",
                messageZh: "没有该登录名的自然人", field: "personLogin")
        }
        guard name == line.personName, documentType == line.document.type.rawValue,
            documentNumber == line.document.value
        else {
            throw RPCError(
                code: RPCErrorCode.validationFailed, reason: "person_mismatch",
                message: "personName, documentType and documentNumber do not match the "
                    + "registration of \(line.personLogin)",
                messageZh: "姓名、证件类型和证件号码与该自然人的注册信息不符",
                field: "documentNumber")
        }
        if try AuthorizationStore.liveGrantID(
            database, entityID: entityID, personID: personID, matter: line.matter) != nil
        {
            return false
        }
        let id = try AuthorizationStore.insert(
            database, entityID: entityID, personID: personID, matter: line.matter,
            period: line.period, source: "imported", grantedBy: nil,
            createdAt: "\(line.grantedOn)T00:00:00+08:00", now: nowText)
        try AuditLog.record(
            database, context: context, subject: "authorization:\(id)",
            after: [
                "entityLogin": .string(line.entityLogin), "personLogin": .string(line.personLogin),
                "documentNumber": .string(line.document.masked),
                "matter": .string(line.matter.rawValue),
                "grantedOn": .string(line.grantedOn.description),
            ], at: now)
        return true
    }
}
