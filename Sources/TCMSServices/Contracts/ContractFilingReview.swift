import Foundation
import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// The clerk's decisions on change and cancellation filings: `contract.approveFiling` and
/// `contract.returnFiling`, by a clerk of the office that registered the contract.
///
/// A decision is written only where the filing is still `submitted`, in one write job with the
/// change it makes to the contract, so of two clerks deciding at once exactly one succeeds and
/// the other gets `already_decided`.
enum ContractFilingReview {
    static let decisionErrors = ["not_found", "already_decided", "invalid_transition",
                                 "not_a_clerk"]

    static func specs(environment: ServiceEnvironment) -> [MethodSpec] {
        [
            MethodSpec(
                "contract.approveFiling",
                summary: "Approves a change or cancellation filing. A change applies its fields "
                    + "to the contract, which keeps its registration number. A change of the "
                    + "amounts takes the newly verified 技术交易额. A cancellation moves the "
                    + "contract to cancelled (已注销).",
                params: [
                    ContractFilings.filingIDParam,
                    ParamSpec("techAmount", .string,
                              "the verified 技术交易额 in yuan, required exactly when the change "
                                + "alters amount or techAmount"),
                ],
                result: "the contract", roles: [.clerk], writes: true,
                errors: decisionErrors + ContractMethods.formErrors + [
                    "missing_param", "not_applicable",
                ]
            ) { context, params in
                try decide(environment, context, params, approve: true)
            },

            MethodSpec(
                "contract.returnFiling",
                summary: "Returns a change or cancellation filing with a note. The contract stays "
                    + "as registered, and the handler may file again.",
                params: [
                    ContractFilings.filingIDParam,
                    ParamSpec("note", .string, required: true, "why, as the handler reads it"),
                ],
                result: "the contract", roles: [.clerk], writes: true,
                errors: decisionErrors + ["missing_field", "too_long", "control_character"]
            ) { context, params in
                try decide(environment, context, params, approve: false)
            },
        ]
    }

    private static func decide(
        _ environment: ServiceEnvironment, _ context: CallContext, _ params: Params,
        approve: Bool
    ) throws -> JSON {
        let filingID = params.int("filingId")!
        let verified = approve ? try parseTechAmount(params) : nil
        let note = approve ? nil : try parseNote(params)
        let now = environment.clock.now()
        let nowText = ChinaTime.timestamp(of: now)
        let login = context.caller.login ?? ""

        let (contractID, notice) = try environment.store.write {
            database -> (Int64, ContractNotice) in
            let office = try ClerkStore.callerOffice(context, in: database)
            guard let filing = try ContractFilingStore.find(id: filingID, in: database),
                filing.officeID == office.officeID,
                let record = try ContractRecord.find(id: filing.contractID, in: database)
            else {
                throw ContractFilingErrors.notFound
            }
            let action = approve ? filing.kind.approveAction : .returnFiling
            let next: FilingStatus
            let contractNext: ContractStatus
            do throws(DomainViolation) {
                next = try FilingWorkflow.decide(filing.status, approve: approve)
                contractNext = try ContractWorkflow.next(from: record.status, action: action)
            } catch {
                throw ContractErrors.workflow(error)
            }
            guard try ContractFilingStore.decide(
                id: filing.id, to: next, by: login, note: note, at: nowText, in: database)
            else {
                throw alreadyDecided
            }

            let (detail, before) = try carryOut(
                filing, on: record, approve: approve, verified: verified, note: note, now: now,
                in: database)
            try ContractStore.recordEvent(
                database, contractID: record.id, round: record.round, action: action,
                status: contractNext, at: nowText, context: context, officeID: office.officeID,
                detail: detail)
            var after = detail
            after["status"] = .string(contractNext.rawValue)
            try AuditLog.record(
                database, context: context, subject: "contract:\(record.id)",
                before: .object(before), after: .object(after), at: now)

            let notice = try ContractNotice.about(contractID: record.id, in: database) {
                text(for: filing.kind, approved: approve, note: note, subject: $0)
            }
            if environment.smsCommand == nil { try notice.keep(database, now: nowText) }
            return (record.id, notice)
        }

        if let command = environment.smsCommand {
            notice.deliver(command: command, store: environment.store, now: nowText)
        }
        return try ContractMethods.shownAfterWrite(contractID, environment)
    }

    /// Changes the contract as the decision requires and returns what the history and the
    /// audit log record of it: the event's detail and the fields as they were before.
    private static func carryOut(
        _ filing: FilingRecord, on record: ContractRecord, approve: Bool, verified: Money?,
        note: String?, now: Date, in database: Database
    ) throws -> (detail: JSONObject, before: JSONObject) {
        var detail: JSONObject = [
            "filingId": .int(filing.id), "kind": .string(filing.kind.rawValue),
        ]
        var before: JSONObject = ["status": .string(record.status.rawValue)]
        if !approve {
            detail["note"] = note.map { .string($0) } ?? .null
        } else if filing.kind == .change {
            let applied = try applyChange(
                filing, to: record, verified: verified, now: now, in: database)
            detail["changes"] = .object(applied)
            for (name, change) in applied.members { before[name] = change["before"] }
            if let verified { detail["approvedTechAmount"] = .string(verified.description) }
        } else {
            try cancel(
                record, verified: verified, at: ChinaTime.timestamp(of: now), in: database)
        }
        return (detail, before)
    }

    /// Applies an approved change filing to the contract and returns the difference applied.
    private static func applyChange(
        _ filing: FilingRecord, to record: ContractRecord, verified: Money?, now: Date,
        in database: Database
    ) throws -> JSONObject {
        guard let entity = try ContractParty.entity(record.entityID, in: database) else {
            throw ContractErrors.notFound
        }
        let today = ChinaTime.date(of: now)
        let (stored, form) = try ContractChange.merge(
            ContractChange.afterValues(filing.changes), into: record.id, entity: entity,
            ruleSet: record.ruleSet(today: today), today: today, prefix: "changes.",
            in: database)

        // NOTE: one clerk approves every change. A change that lifts the verified 技术交易额
        // to the large-amount threshold of the 2026 rules gets no second approval here,
        // although a first registration of that amount needs one.
        if ContractChange.changesAmounts(filing.changes) {
            guard let verified else {
                throw RPCError(
                    code: RPCErrorCode.validationFailed, reason: "missing_param",
                    message: "params.techAmount is missing: the change alters the amounts, so "
                        + "the approval states the verified 技术交易额 in yuan",
                    messageZh: "变更涉及成交额或技术交易额，批准时须填写核定的技术交易额",
                    field: "params.techAmount")
            }
            guard verified <= form.amounts.amount else {
                throw RPCError(
                    code: RPCErrorCode.validationFailed, reason: "tech_amount_exceeds_amount",
                    message: "The verified 技术交易额 \(verified) is more than the changed "
                        + "contract amount \(form.amounts.amount)",
                    messageZh: "核定技术交易额不能超过变更后的合同成交额", field: "params.techAmount")
            }
        } else if verified != nil {
            throw RPCError(
                code: RPCErrorCode.validationFailed, reason: "not_applicable",
                message: "params.techAmount applies only to a change of the amounts, and this "
                    + "change keeps the verified 技术交易额",
                messageZh: "本次变更不涉及金额，无需核定技术交易额", field: "params.techAmount")
        }

        // One statement, so the table's check that the verified 技术交易额 is at most the
        // amount compares the new amount with the new verified value.
        let assignments = ContractStore.formColumns.map { "\($0) = ?" }.joined(separator: ", ")
        try database.run(
            """
            UPDATE contracts SET \(assignments),
                approved_tech_amount_fen = coalesce(?, approved_tech_amount_fen), updated_at = ?
            WHERE id = ? AND status = 'approved'
            """,
            ContractStore.formValues(form)
                + [verified?.fen, ChinaTime.timestamp(of: now), record.id])
        guard database.changes == 1 else { throw alreadyDecided }
        return ContractChange.difference(stored: stored, form: form)
    }

    private static func cancel(
        _ record: ContractRecord, verified: Money?, at now: String, in database: Database
    ) throws {
        guard verified == nil else {
            throw RPCError(
                code: RPCErrorCode.validationFailed, reason: "not_applicable",
                message: "params.techAmount does not apply to a cancellation",
                messageZh: "注销登记无需核定技术交易额", field: "params.techAmount")
        }
        try database.run(
            """
            UPDATE contracts SET status = 'cancelled', updated_at = ?
            WHERE id = ? AND status = 'approved'
            """, [now, record.id])
        guard database.changes == 1 else { throw alreadyDecided }
    }

    private static func text(
        for kind: FilingKind, approved: Bool, note: String?, subject: ContractNotice.Subject
    ) -> String {
        let number = subject.registrationNumber ?? ""
        guard approved else {
            return "【技术合同登记】合同“\(subject.title)”的\(kind.label)申请已被退回："
                + "\(note ?? "")。可修改后重新申请。"
        }
        switch kind {
        case .change:
            return "【技术合同登记】合同“\(subject.title)”的变更登记已批准，登记编号 \(number) 不变。"
        case .cancellation:
            return "【技术合同登记】合同“\(subject.title)”（登记编号 \(number)）已注销登记。"
        }
    }

    private static let alreadyDecided = RPCError(
        code: RPCErrorCode.alreadyDecided, reason: "already_decided",
        message: "The filing or its contract was decided by another call first",
        messageZh: "该申请已处理")

    private static func parseTechAmount(_ params: Params) throws -> Money? {
        guard let text = params.string("techAmount") else { return nil }
        do throws(DomainViolation) {
            return try Money.parse(text)
        } catch {
            throw RPCError(error, field: "params.techAmount")
        }
    }

    private static func parseNote(_ params: Params) throws -> String {
        var reader = FieldReader(params.object, prefix: "params.")
        let note = reader.required("note", maxLength: 500)
        guard reader.problems.isEmpty, let note else { throw RPCError.validation(reader.problems) }
        return note
    }
}
