import Foundation
import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// The handler's steps on a contract, run inside a write job: create a draft, change it,
/// submit it to the office and take it back. `contract.*` calls and `import.contracts` share
/// them, so an imported contract passes every check a handler's does.
enum ContractRegistration {
    /// The acting handler: the entity it acts for and its login.
    struct Handler {
        let entityID: Int64
        let login: String

        /// Takes the handler of the calling connection. The method's roles reject every other
        /// role before this runs.
        init(_ context: CallContext) throws {
            guard let entityID = context.caller.entityID, let login = context.caller.login else {
                throw ContractErrors.notFound
            }
            self.init(entityID: entityID, login: login)
        }

        init(entityID: Int64, login: String) {
            self.entityID = entityID
            self.login = AccountStore.key(login)
        }
    }

    /// Creates a draft from `object` (the form's wire fields) and returns its id.
    static func create(
        _ object: JSONObject, prefix: String, handler: Handler, imported: Bool,
        context: CallContext, now: Date, in database: Database
    ) throws -> Int64 {
        let entity = try requireApprovedEntity(handler.entityID, in: database)
        let today = ChinaTime.date(of: now)
        let form = try ContractForm.parse(
            object, prefix: prefix, entity: entity, ruleSet: .inForce(on: today), today: today)
        let nowText = ChinaTime.timestamp(of: now)
        let id = try ContractStore.insertDraft(
            form, entityID: handler.entityID, handlerLogin: handler.login, imported: imported,
            at: nowText, in: database)
        try AuditLog.record(
            database, context: context, subject: "contract:\(id)", after: summary(form),
            at: now)
        return id
    }

    /// Applies the given fields of `changes` to an editable contract; a field given as null
    /// or an empty string is cleared.
    static func update(
        id: Int64, changes: JSONObject, handler: Handler, context: CallContext, now: Date,
        in database: Database
    ) throws {
        let record = try owned(id, by: handler, in: database)
        guard record.status.isEditableByHandler else {
            throw RPCError(
                code: RPCErrorCode.invalidState, reason: "invalid_state",
                message: "The contract is \(record.status.rawValue): only a draft, returned or "
                    + "withdrawn contract can be changed; withdraw a submitted one first",
                messageZh: "当前状态为“\(record.status.label)”的合同不能修改")
        }
        let entity = try requireApprovedEntity(handler.entityID, in: database)
        let today = ChinaTime.date(of: now)

        let stored = try ContractStore.wireForm(id: id, in: database)
        var merged = stored
        var before = JSONObject()
        var after = JSONObject()
        for (name, value) in changes.members {
            merged[name] = value.isNull || value.stringValue == "" ? nil : value
            before[name] = stored[name] ?? .null
            after[name] = merged[name] ?? .null
        }
        let form = try ContractForm.parse(
            merged, prefix: "params.", entity: entity, ruleSet: record.ruleSet(today: today),
            today: today)
        guard try ContractStore.updateForm(
            form, id: id, status: record.status, at: ChinaTime.timestamp(of: now), in: database)
        else {
            throw ContractErrors.notFound
        }
        try AuditLog.record(
            database, context: context, subject: "contract:\(id)",
            before: .object(before), after: .object(after), at: now)
    }

    /// Sends a draft, or a returned or withdrawn contract, to the office covering the
    /// registering entity. The first submission fixes the rules the contract falls under.
    static func submit(
        id: Int64, handler: Handler, context: CallContext, now: Date, in database: Database
    ) throws {
        let record = try owned(id, by: handler, in: database)
        let entity = try requireApprovedEntity(handler.entityID, in: database)
        let action: ContractAction = record.status == .draft ? .submit : .resubmit
        let next: ContractStatus
        do throws(DomainViolation) {
            next = try ContractWorkflow.next(from: record.status, action: action)
        } catch {
            throw ContractErrors.workflow(error)
        }

        let today = ChinaTime.date(of: now)
        let rules = record.ruleSet(today: today)
        // A contract drafted under one regime and first sent under another is checked again.
        _ = try ContractForm.parse(
            try ContractStore.wireForm(id: id, in: database), prefix: "params.", entity: entity,
            ruleSet: rules, today: today)
        guard let division = entity.division else { throw ContractErrors.missingDivision }
        guard let officeID = try OfficeRouting.officeID(covering: division, in: database) else {
            throw ContractErrors.noOffice
        }

        let nowText = ChinaTime.timestamp(of: now)
        try database.run(
            """
            UPDATE contracts SET status = ?, round = round + 1, office_id = ?,
                regime = coalesce(regime, ?), first_submitted_at = coalesce(first_submitted_at, ?),
                submitted_at = ?, text_received_at = NULL, text_received_on = NULL,
                first_approved_by = NULL, first_approved_at = NULL,
                approved_tech_amount_fen = NULL, returned_at = NULL, return_grounds = NULL,
                return_note = NULL, updated_at = ?
            WHERE id = ? AND status = ?
            """,
            [next.rawValue, officeID, rules.regime.rawValue, nowText, nowText, nowText, id,
             record.status.rawValue])
        try ContractStore.recordEvent(
            database, contractID: id, round: record.round + 1, action: action, status: next,
            at: nowText, context: context, officeID: officeID)
        try AuditLog.record(
            database, context: context, subject: "contract:\(id)",
            before: ["status": .string(record.status.rawValue)],
            after: ["status": .string(next.rawValue), "officeId": .int(officeID),
                    "regime": .string(rules.regime.rawValue)],
            at: now)
    }

    /// Takes a submitted or returned contract back from the office. Of a withdrawal and the
    /// clerk's receipt of the text, whichever commits first wins.
    static func withdraw(
        id: Int64, handler: Handler, context: CallContext, now: Date, in database: Database
    ) throws {
        let record = try owned(id, by: handler, in: database)
        let next: ContractStatus
        do throws(DomainViolation) {
            next = try ContractWorkflow.next(from: record.status, action: .withdraw)
        } catch {
            throw ContractErrors.workflow(error)
        }
        let nowText = ChinaTime.timestamp(of: now)
        try database.run(
            "UPDATE contracts SET status = ?, updated_at = ? WHERE id = ? AND status = ?",
            [next.rawValue, nowText, id, record.status.rawValue])
        try ContractStore.recordEvent(
            database, contractID: id, round: record.round, action: .withdraw, status: next,
            at: nowText, context: context, officeID: record.officeID)
        try AuditLog.record(
            database, context: context, subject: "contract:\(id)",
            before: ["status": .string(record.status.rawValue)],
            after: ["status": .string(next.rawValue)], at: now)
    }

    /// Returns the contract when `handler` registered it, else `not_found`.
    static func owned(_ id: Int64, by handler: Handler, in database: Database) throws
        -> ContractRecord
    {
        guard let record = try ContractRecord.find(id: id, in: database),
            record.entityID == handler.entityID, record.handlerLogin == handler.login
        else {
            throw ContractErrors.notFound
        }
        return record
    }

    /// Returns the entity as a party, after checking that its access is approved.
    static func requireApprovedEntity(_ entityID: Int64, in database: Database) throws
        -> ContractParty
    {
        guard try AccessStore.isApproved(entityID: entityID, in: database),
            let entity = try ContractParty.entity(entityID, in: database)
        else {
            throw ContractErrors.accessNotApproved
        }
        return entity
    }

    /// The fields an audit record keeps of a form: enough to tell what was registered.
    private static func summary(_ form: ContractForm) -> JSON {
        [
            "title": .string(form.title), "category": .string(form.category),
            "registeringSide": .string(form.side.rawValue),
            "amount": .string(form.amounts.amount.description),
            "techAmount": .string(form.amounts.techAmount.description),
        ]
    }
}
