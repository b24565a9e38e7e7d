import Foundation
import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// `entity.setMainAgent` and `entity.getMainAgent`: the natural person (主代办人) who acts for
/// an entity where its admin may. The agent is a registered person. Naming them switches their
/// account to the `main_agent` role and revokes their sessions, so their next login carries it.
enum MainAgentMethods {
    static let fields: Set<String> = [
        "login", "agentLogin", "name", "gender", "mobile", "phone", "fax", "email", "agentType",
        "documentType", "documentNumber", "documentValidFrom", "documentValidUntil",
    ]

    static func specs(environment: ServiceEnvironment) -> [MethodSpec] {
        [
            MethodSpec(
                "entity.setMainAgent",
                summary: "Names or replaces the entity's main agent: a registered natural person "
                    + "whose name and document must match their registration.",
                params: [
                    ParamSpec("login", .string, "the entity admin's login; operators only"),
                    ParamSpec("agentLogin", .string, required: true, "the person's login"),
                    ParamSpec("name", .string, required: true, "name as registered"),
                    ParamSpec("gender", .string, "male or female"),
                    ParamSpec("mobile", .string, required: true, "mobile number"),
                    ParamSpec("phone", .string, "landline"),
                    ParamSpec("fax", .string, "fax"),
                    ParamSpec("email", .string, "e-mail address"),
                    ParamSpec("agentType", .string, "kind of agent, free text"),
                    ParamSpec("documentType", .string, required: true, "document type"),
                    ParamSpec("documentNumber", .string, required: true, "document number"),
                    ParamSpec("documentValidFrom", .string, "YYYY-MM-DD"),
                    ParamSpec("documentValidUntil", .string, "YYYY-MM-DD or long_term"),
                ],
                result: "the main agent's details with verificationStatus",
                roles: [.entityAdmin, .operator], writes: true,
                errors: ["not_own_profile", "entity_not_found", "agent_not_found",
                         "agent_mismatch", "agent_of_other_entity", "several_problems"]
            ) { context, params in
                try setMainAgent(environment, context, params)
            },

            MethodSpec(
                "entity.getMainAgent",
                summary: "Returns the entity's main agent, or null when none is named.",
                params: [ParamSpec("login", .string, "the entity admin's login; operators only")],
                result: "the main agent's details, or null",
                roles: [.entityAdmin, .mainAgent, .operator],
                errors: ["not_own_profile", "entity_not_found"]
            ) { context, params in
                try environment.store.read { database in
                    let login = try ProfileUpdates.entityLogin(database, context, params)
                    guard let id = try ProfileUpdates.subjectID(
                        database, kind: .entity, login: login)
                    else {
                        throw ProfileMethods.notFound(.entity, login)
                    }
                    return try agentJSON(database, entityID: id) ?? .null
                }
            },
        ]
    }

    private static func setMainAgent(
        _ environment: ServiceEnvironment, _ context: CallContext, _ params: Params
    ) throws -> JSON {
        let now = environment.clock.now()
        let today = ChinaTime.date(of: now)
        var reader = FieldReader(params.object, prefix: "params.")
        let agentLogin = reader.required("agentLogin", maxLength: 64)
        let name = reader.required("name", maxLength: 100)
        let gender = reader.enumeration("gender", Gender.self, required: false)
        let mobile = reader.check("mobile", reader.required("mobile", maxLength: 20)) {
            (value) throws(DomainViolation) in
            try MobileNumber.validate(value)
            return value
        }
        let phone = reader.text("phone", maxLength: 30)
        let fax = reader.text("fax", maxLength: 30)
        let email = reader.email("email")
        let agentType = reader.text("agentType", maxLength: 50)
        let documentType = reader.enumeration("documentType", DocumentType.self, required: true)
        let numberText = reader.required("documentNumber", maxLength: 40)
        let validFrom = reader.date("documentValidFrom")
        let validUntil = PersonValidation.validity(&reader, "documentValidUntil")
        var document: DocumentNumber?
        if let documentType {
            document = reader.check("documentNumber", numberText) {
                (value) throws(DomainViolation) in
                try DocumentNumber(type: documentType, input: value, today: today)
            }
        }
        guard reader.problems.isEmpty, let agentLogin, let name, let mobile, let document else {
            throw RPCError.validation(reader.problems)
        }
        var status = document.type.verification == .online
            ? VerificationStatus.verified : .pendingReview
        if case .date(let until) = validUntil, until < today, status == .verified {
            status = .unverified
        }

        return try environment.store.write { database in
            let login = try ProfileUpdates.entityLogin(database, context, params)
            guard let entityID = try ProfileUpdates.subjectID(
                database, kind: .entity, login: login)
            else {
                throw ProfileMethods.notFound(.entity, login)
            }
            let agent = try checkedAgent(
                database, login: agentLogin, name: name, document: document, entityID: entityID)
            let previous = try database.queryFirst(
                "SELECT person_account_id FROM main_agents WHERE entity_id = ?", [entityID]
            ) { $0.int64(0) }
            let nowText = ChinaTime.timestamp(of: now)
            if let previous, previous != agent.id {
                try switchRole(database, accountID: previous, to: .person, now: nowText)
            }
            try database.run(
                """
                INSERT OR REPLACE INTO main_agents (
                    entity_id, person_account_id, name, gender, mobile, phone, fax, email,
                    agent_type, document_type, document_number, document_valid_from,
                    document_valid_until, verification_status, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    entityID, agent.id, name, gender?.rawValue, mobile, phone, fax, email,
                    agentType, document.type.rawValue, document.value, validFrom?.description,
                    validUntil?.stored, status.rawValue, nowText,
                ])
            if agent.role != .mainAgent {
                try switchRole(database, accountID: agent.id, to: .mainAgent, now: nowText)
            }
            try AuditLog.record(
                database, context: context, subject: "entity:\(entityID)",
                after: [
                    "mainAgent": .string(agent.login),
                    "documentNumber": .string(document.masked),
                    "mobile": .string(Masking.maskMobile(mobile)),
                ], at: now)
            return try agentJSON(database, entityID: entityID) ?? .null
        }
    }

    /// Returns the agent's account after checking that the name and document match the
    /// person's registration and that the person is no other entity's agent.
    private static func checkedAgent(
        _ database: Database, login: String, name: String, document: DocumentNumber,
        entityID: Int64
    ) throws -> AccountRecord {
        guard let account = try AccountStore.find(database, login: login),
            account.role == .person || account.role == .mainAgent
        else {
            throw RPCError(
                code: RPCErrorCode.notFound, reason: "agent_not_found",
                message: "No natural person has the login \(login)",
                messageZh: "没有该登录名的自然人", field: "params.agentLogin")
        }
        let matches = try database.scalarInt(
            """
            SELECT count(*) FROM persons WHERE account_id = ? AND name = ?
              AND document_type = ? AND document_number = ?
            """, [account.id, name, document.type.rawValue, document.value])
        guard matches == 1 else {
            throw RPCError(
                code: RPCErrorCode.validationFailed, reason: "agent_mismatch",
                message: "The name, document type and number do not match the person's "
                    + "registration", messageZh: "姓名、证件类型和号码与该自然人的注册信息不符",
                field: "params.documentNumber")
        }
        let elsewhere = try database.scalarInt(
            "SELECT count(*) FROM main_agents WHERE person_account_id = ? AND entity_id != ?",
            [account.id, entityID])
        guard elsewhere == 0 else {
            throw IdentityErrors.alreadyExists(
                "agent_of_other_entity", field: "params.agentLogin",
                "This person is already the main agent of another entity",
                "该自然人已是其他单位的主代办人")
        }
        return account
    }

    private static func switchRole(
        _ database: Database, accountID: Int64, to role: Role, now: String
    ) throws {
        try database.run(
            "UPDATE accounts SET role = ?, updated_at = ? WHERE id = ?",
            [role.rawValue, now, accountID])
        try AccountStore.revokeSessions(database, accountID: accountID, now: now)
    }

    private static func agentJSON(_ database: Database, entityID: Int64) throws -> JSON? {
        try database.queryFirst(
            """
            SELECT a.login, m.name, m.gender, m.mobile, m.phone, m.fax, m.email, m.agent_type,
                   m.document_type, m.document_number, m.document_valid_from,
                   m.document_valid_until, m.verification_status, m.updated_at
            FROM main_agents m JOIN accounts a ON a.id = m.person_account_id
            WHERE m.entity_id = ?
            """, [entityID]
        ) { row -> JSON in
            func optional(_ index: Int) -> JSON {
                row.optionalString(index).map { .string($0) } ?? .null
            }
            let gender = row.optionalString(2).flatMap(Gender.init(rawValue:))
            let status = VerificationStatus(rawValue: row.string(12))
            return [
                "login": .string(row.string(0)), "name": .string(row.string(1)),
                "gender": gender.map { .string($0.rawValue) } ?? .null,
                "genderLabel": gender.map { .string($0.label) } ?? .null,
                "mobile": .string(row.string(3)), "phone": optional(4), "fax": optional(5),
                "email": optional(6), "agentType": optional(7),
                "documentType": .string(row.string(8)),
                "documentTypeLabel": .string(DocumentType(rawValue: row.string(8))?.label ?? ""),
                "documentNumber": .string(row.string(9)), "documentValidFrom": optional(10),
                "documentValidUntil": optional(11),
                "verificationStatus": .string(row.string(12)),
                "verificationStatusLabel": .string(status?.label ?? ""),
                "updatedAt": .string(row.string(13)),
            ]
        }
    }
}
