import Foundation
import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// Reads and writes contract rows: the form's columns, the shown record and the history.
enum ContractStore {
    /// The columns a listing or `contract.get` shows, joined with the entity and office names.
    static let selectSQL = """
        SELECT c.id, c.status, c.round, c.regime, c.registering_side, c.title, c.category,
            c.subtype, c.signed_on, c.signed_place, c.valid_from, c.valid_until,
            c.seller_name, c.seller_country, c.seller_division, c.seller_nature,
            c.buyer_name, c.buyer_country, c.buyer_division, c.buyer_nature,
            c.tech_field, c.ip_type, c.plan_source, c.objective, c.payment_method,
            c.amount_fen, c.tech_amount_fen, c.expected_investment_fen, c.expected_output_fen,
            c.approved_tech_amount_fen, c.entity_id, e.name, c.handler_login, c.office_id, o.name,
            c.registration_number, c.first_submitted_at, c.submitted_at, c.text_received_at,
            c.text_received_on, c.first_approved_by, c.first_approved_at, c.approved_by,
            c.approved_at, c.returned_at, c.return_grounds, c.return_note, c.created_at,
            c.updated_at
        FROM contracts c JOIN entities e ON e.id = c.entity_id
        LEFT JOIN offices o ON o.id = c.office_id
        """

    /// The form's columns in the order `formValues` binds them.
    static let formColumns = [
        "title", "category", "subtype", "registering_side", "signed_on", "signed_place",
        "valid_from", "valid_until", "seller_name", "seller_country", "seller_division",
        "seller_nature", "buyer_name", "buyer_country", "buyer_division", "buyer_nature",
        "tech_field", "ip_type", "plan_source", "objective", "payment_method", "amount_fen",
        "tech_amount_fen", "expected_investment_fen", "expected_output_fen",
    ]

    static func formValues(_ form: ContractForm) -> [any SQLBindable] {
        [
            form.title, form.category, form.subtype, form.side.rawValue,
            form.signedOn.description, form.signedPlace, form.validFrom?.description,
            form.validUntil?.description, form.seller.name, form.seller.country,
            form.seller.division, form.seller.nature, form.buyer.name, form.buyer.country,
            form.buyer.division, form.buyer.nature, form.techField, form.ipType,
            form.planSource, form.objective, form.paymentMethod, form.amounts.amount.fen,
            form.amounts.techAmount.fen, form.amounts.expectedNewInvestment?.fen,
            form.amounts.expectedNewOutput?.fen,
        ]
    }

    /// Inserts a draft and returns its id.
    static func insertDraft(
        _ form: ContractForm, entityID: Int64, handlerLogin: String, imported: Bool,
        at now: String, in database: Database
    ) throws -> Int64 {
        let columns = formColumns + ["entity_id", "handler_login", "status", "imported",
                                     "created_at", "updated_at"]
        let values = formValues(form) + [entityID, handlerLogin, "draft", imported ? 1 : 0,
                                         now, now]
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        try database.run(
            "INSERT INTO contracts (\(columns.joined(separator: ", "))) VALUES (\(marks))",
            values)
        return database.lastInsertRowID
    }

    /// Replaces the form's columns of contract `id`, only while its status is still `status`.
    static func updateForm(
        _ form: ContractForm, id: Int64, status: ContractStatus, at now: String,
        in database: Database
    ) throws -> Bool {
        let assignments = formColumns.map { "\($0) = ?" }.joined(separator: ", ")
        try database.run(
            "UPDATE contracts SET \(assignments), updated_at = ? WHERE id = ? AND status = ?",
            formValues(form) + [now, id, status.rawValue])
        return database.changes == 1
    }

    /// Reads the stored form as the wire fields of `contract.create`, to merge an update into.
    static func wireForm(id: Int64, in database: Database) throws -> JSONObject {
        let columns = formColumns.joined(separator: ", ")
        let found = try database.queryFirst(
            "SELECT \(columns) FROM contracts WHERE id = ?", [id]
        ) { row -> JSONObject in
            var object = JSONObject()
            for (index, name) in ContractForm.fieldNames.enumerated() where !row.isNull(index) {
                let isMoney = formColumns[index].hasSuffix("_fen")
                object[name] = .string(
                    isMoney ? Money(fen: row.int64(index)).description : row.string(index))
            }
            return object
        }
        return found ?? JSONObject()
    }

    /// Loads the contract as `contract.get` shows it; `today` and `calendar` give the time
    /// limit.
    static func load(
        id: Int64, today: CivilDate, calendar: WorkingDayCalendar, in database: Database
    ) throws -> JSON {
        let found = try database.queryFirst(selectSQL + " WHERE c.id = ?", [id]) {
            json($0, today: today, calendar: calendar)
        }
        guard let found else { throw ContractErrors.notFound }
        return found
    }

    /// Builds the contract of the current row of `selectSQL`.
    static func json(_ row: Row, today: CivilDate, calendar: WorkingDayCalendar) -> JSON {
        func text(_ index: Int) -> JSON { row.optionalString(index).map { .string($0) } ?? .null }
        func money(_ index: Int) -> JSON {
            row.optionalInt64(index).map { .string(Money(fen: $0).description) } ?? .null
        }
        func party(_ first: Int) -> JSON {
            [
                "name": text(first), "country": text(first + 1), "division": text(first + 2),
                "nature": text(first + 3),
                "natureLabel": row.optionalString(first + 3)
                    .flatMap { ContractCodes.standard.label(of: $0, in: .partyNature) }
                    .map { .string($0) } ?? .null,
            ]
        }
        let status = ContractStatus(rawValue: row.string(1)) ?? .draft
        let codes = ContractCodes.standard
        let regime = row.optionalString(3).flatMap(ContractRegime.init(rawValue:))
        let side = RegisteringSide(rawValue: row.string(4))
        var object: JSONObject = [
            "id": .int(row.int64(0)), "status": .string(status.rawValue),
            "statusLabel": .string(status.label), "round": .int(row.int64(2)),
            "regime": text(3), "regimeLabel": regime.map { .string($0.label) } ?? .null,
            "registeringSide": text(4), "registeringSideLabel": .string(side?.label ?? ""),
            "title": text(5), "category": text(6),
            "categoryLabel": .string(codes.label(of: row.string(6), in: .contractCategory) ?? ""),
            "subtype": text(7),
            "subtypeLabel": row.optionalString(7)
                .flatMap { codes.label(of: $0, in: .contractSubtype) }.map { .string($0) } ?? .null,
            "signedOn": text(8), "signedPlace": text(9), "validFrom": text(10),
            "validUntil": text(11), "seller": party(12), "buyer": party(16),
            "techField": text(20),
            "techFieldLabel": .string(codes.label(of: row.string(20), in: .techField) ?? ""),
            "ipType": text(21),
            "ipTypeLabel": .string(codes.label(of: row.string(21), in: .ipType) ?? ""),
            "planSource": text(22), "objective": text(23), "paymentMethod": text(24),
            "paymentMethodLabel": .string(
                codes.label(of: row.string(24), in: .paymentMethod) ?? ""),
            "amount": money(25), "techAmount": money(26), "expectedNewInvestment": money(27),
            "expectedNewOutput": money(28), "approvedTechAmount": money(29),
            "entityId": .int(row.int64(30)), "entityName": text(31), "handlerLogin": text(32),
            "officeId": row.optionalInt64(33).map { .int($0) } ?? .null, "officeName": text(34),
            "registrationNumber": text(35), "firstSubmittedAt": text(36), "submittedAt": text(37),
            "textReceivedAt": text(38), "textReceivedOn": text(39), "firstApprovedBy": text(40),
            "firstApprovedAt": text(41), "approvedBy": text(42), "approvedAt": text(43),
            "returnedAt": text(44), "returnGrounds": grounds(row.optionalString(45)),
            "returnNote": text(46), "createdAt": text(47), "updatedAt": text(48),
        ]
        // Once the first approval has stated the verified 技术交易额, that amount decides
        // whether the contract is a large amount. Before, only the declared one is known.
        let techAmount = Money(fen: row.optionalInt64(29) ?? row.int64(26))
        object["timeLimit"] = timeLimit(
            status: status, regime: regime, techAmount: techAmount,
            receivedOn: row.optionalString(39).flatMap(CivilDate.init), today: today,
            calendar: calendar)
        return .object(object)
    }

    /// Returns the statutory time limit while the office has the text: the limit, its last day and
    /// the days left (negative when overdue). Null in every other status.
    static func timeLimit(
        status: ContractStatus, regime: ContractRegime?, techAmount: Money,
        receivedOn: CivilDate?, today: CivilDate, calendar: WorkingDayCalendar
    ) -> JSON {
        guard status == .textReceived || status == .awaitingSecondApproval,
            let regime, let receivedOn
        else {
            return .null
        }
        let rules = ContractRuleSet.rules(of: regime)
        let deadline = calendar.deadline(
            textReceivedOn: receivedOn, ruleSet: rules, techAmount: techAmount)
        return [
            "limit": .string(deadline.limit.label), "days": .int(Int64(deadline.limit.days)),
            "lastDay": .string(deadline.lastDay.description),
            "daysLeft": .int(Int64(calendar.daysLeft(until: deadline, today: today))),
            "isEstimate": .bool(deadline.isEstimate),
        ]
    }

    /// The stored grounds of a return (a JSON array of codes) with their labels.
    static func grounds(_ stored: String?) -> JSON {
        guard let stored, let codes = try? JSONParser.parse(stored).arrayValue else { return .null }
        return .array(codes.compactMap { code in
            guard let text = code.stringValue else { return nil }
            return ["code": .string(text),
                    "label": .string(ReturnGround(rawValue: text)?.label ?? text)]
        })
    }

    /// Appends one step to the contract's history.
    static func recordEvent(
        _ database: Database, contractID: Int64, round: Int64, action: ContractAction,
        status: ContractStatus, at: String, context: CallContext, officeID: Int64?,
        detail: JSONObject? = nil
    ) throws {
        try database.run(
            """
            INSERT INTO contract_events (contract_id, round, action, status, at, role, login,
                office_id, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [contractID, round, action.rawValue, status.rawValue, at,
             context.caller.role.rawValue, context.caller.login, officeID,
             detail.map { JSON.object($0).encodedString() }])
    }

    /// Lists every step of the contract, oldest first.
    static func history(contractID: Int64, in database: Database) throws -> [JSON] {
        try database.query(
            """
            SELECT ev.round, ev.action, ev.status, ev.at, ev.role, ev.login, ev.office_id,
                o.name, ev.detail
            FROM contract_events ev LEFT JOIN offices o ON o.id = ev.office_id
            WHERE ev.contract_id = ? ORDER BY ev.id
            """, [contractID]
        ) { row -> JSON in
            let action = ContractAction(rawValue: row.string(1))
            let status = ContractStatus(rawValue: row.string(2))
            let detail = row.optionalString(8).flatMap { try? JSONParser.parse($0) } ?? .null
            return [
                "round": .int(row.int64(0)), "action": .string(row.string(1)),
                "actionLabel": .string(action?.label ?? row.string(1)),
                "status": .string(row.string(2)), "statusLabel": .string(status?.label ?? ""),
                "at": .string(row.string(3)), "role": .string(row.string(4)),
                "login": row.optionalString(5).map { .string($0) } ?? .null,
                "officeId": row.optionalInt64(6).map { .int($0) } ?? .null,
                "officeName": row.optionalString(7).map { .string($0) } ?? .null,
                "detail": detail,
            ]
        }
    }
}
