import Foundation
import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// The clerk's workflow: `contract.receiveText`, `contract.approve` and `contract.return`.
///
/// Each decision reads the contract, asks `ContractWorkflow` for the next status and writes it
/// only where the stored status is still the one read, in one write job. Of two clerks acting
/// at once exactly one succeeds; the other gets `already_decided`.
enum ContractReview {
    static let decisionErrors = ["not_found", "already_decided", "invalid_transition",
                                 "not_a_clerk"]

    static func specs(environment: ServiceEnvironment) -> [MethodSpec] {
        [
            MethodSpec(
                "contract.receiveText",
                summary: "Records that the office has the signed paper text (已收文本); the "
                    + "statutory time limit runs from this day.",
                params: [ContractMethods.contractIDParam], result: "the contract",
                roles: [.clerk], writes: true, errors: decisionErrors
            ) { context, params in
                try decide(environment, context, params, action: .receiveText)
            },

            MethodSpec(
                "contract.approve",
                summary: "Approves a contract whose text was received, with the verified "
                    + "技术交易额. The final approval assigns the registration number. Under the "
                    + "2026 rules a 技术交易额 of 5,000,000.00 yuan or more waits for a second "
                    + "approval by another clerk of the office with the large-amount flag.",
                params: [
                    ContractMethods.contractIDParam,
                    ParamSpec("techAmount", .string,
                              "the verified 技术交易额 in yuan; required for the first "
                                + "approval, and when given to the second it must match"),
                    ParamSpec("stage", .string,
                              "first or second: the approval the clerk means; a call for the "
                                + "first approval of a contract already approved once fails "
                                + "with already_decided instead of giving the second"),
                ],
                result: "the contract, with registrationNumber once approved",
                roles: [.clerk], writes: true,
                errors: decisionErrors + [
                    "invalid_code", "missing_param", "invalid_money", "negative_money", "money_out_of_range",
                    "tech_amount_exceeds_amount", "tech_amount_mismatch", "same_approver",
                    "large_amount_approver_required", "sequence_exhausted", "no_office",
                ]
            ) { context, params in
                try decide(environment, context, params, action: .approve)
            },

            MethodSpec(
                "contract.return",
                summary: "Returns a contract whose text was received, with one or more grounds "
                    + "(codes of contract.returnGrounds) and a note; the handler corrects and "
                    + "resubmits it.",
                params: [
                    ContractMethods.contractIDParam,
                    ParamSpec("reasons", .array, required: true,
                              "ground codes, e.g. [\"seal_mismatch\"]"),
                    ParamSpec("note", .string, "free text; required with the ground other"),
                ],
                result: "the contract", roles: [.clerk], writes: true,
                errors: decisionErrors + [
                    "missing_param", "unknown_return_ground", "duplicate_return_ground",
                    "missing_note", "too_long", "wrong_type",
                ]
            ) { context, params in
                try decide(environment, context, params, action: .return)
            },

            MethodSpec(
                "contract.returnGrounds",
                summary: "Lists the published grounds for not registering a contract.",
                result: "[{code, label}]", roles: ContractMethods.readerRoles
            ) { _, _ in
                .array(ReturnGround.allCases.map {
                    ["code": .string($0.rawValue), "label": .string($0.label)]
                })
            },
        ]
    }

    /// The columns and audit detail a decision writes besides the status.
    private struct Decision {
        var assignments: [String] = []
        var arguments: [any SQLBindable] = []
        var detail: JSONObject = [:]

        mutating func set(_ column: String, _ value: any SQLBindable) {
            assignments.append("\(column) = ?")
            arguments.append(value)
        }
    }

    private static func decide(
        _ environment: ServiceEnvironment, _ context: CallContext, _ params: Params,
        action requested: ContractAction
    ) throws -> JSON {
        let id = params.int("contractId")!
        let grounds = try requested == .return ? parseGrounds(params) : nil
        let verified = try requested == .approve ? parseTechAmount(params) : nil
        let stage = params.string("stage")
        if let stage, stage != "first" && stage != "second" {
            throw RPCError.invalidParams(
                "params.stage must be first or second", field: "params.stage",
                reason: "invalid_code")
        }
        let now = environment.clock.now()
        let nowText = ChinaTime.timestamp(of: now)

        let notice = try environment.store.write { database -> ContractNotice? in
            let office = try ClerkStore.callerOffice(context, in: database)
            guard let record = try ContractRecord.find(id: id, in: database),
                record.officeID == office.officeID, record.status != .draft
            else {
                throw ContractErrors.notFound
            }
            // Without `stage` the call gives whichever approval is due. With it, a clerk who
            // meant the first approval and lost the race does not give the second one by
            // accident: the call fails as already decided.
            let action: ContractAction =
                requested == .approve && record.status == .awaitingSecondApproval
                ? .approveSecond : requested
            if requested == .approve, let stage, stage != (action == .approve ? "first" : "second")
            {
                throw stage == "first" && action == .approveSecond
                    ? ContractErrors.alreadyDecided
                    : ContractErrors.workflow(
                        DomainViolation(
                            reason: "invalid_transition",
                            message: "The contract has no first approval yet; send stage first",
                            messageZh: "该合同尚未首次批准，不能复核批准"))
            }

            var decision = Decision()
            let next = try plan(
                action, record: record, office: office, context: context, verified: verified,
                grounds: grounds, now: now, into: &decision, in: database)

            decision.set("status", next.rawValue)
            decision.set("updated_at", nowText)
            try database.run(
                "UPDATE contracts SET \(decision.assignments.joined(separator: ", ")) "
                    + "WHERE id = ? AND status = ?",
                decision.arguments + [id, record.status.rawValue])
            // The write job runs alone on the writer connection, so this guard does not fail
            // today. If it ever does, another decision came first, and the caller learns that.
            guard database.changes == 1 else { throw ContractErrors.alreadyDecided }

            try ContractStore.recordEvent(
                database, contractID: id, round: record.round, action: action, status: next,
                at: nowText, context: context, officeID: office.officeID,
                detail: decision.detail.isEmpty ? nil : decision.detail)
            var after = decision.detail
            after["status"] = .string(next.rawValue)
            try AuditLog.record(
                database, context: context, subject: "contract:\(id)",
                before: ["status": .string(record.status.rawValue)], after: .object(after),
                at: now)

            var notice: ContractNotice?
            if next != .awaitingSecondApproval {
                notice = try ContractNotice.after(action, contractID: id, in: database)
                if environment.smsCommand == nil { try notice?.keep(database, now: nowText) }
            }
            return notice
        }

        if let notice, let command = environment.smsCommand {
            notice.deliver(command: command, store: environment.store, now: nowText)
        }
        return try ContractMethods.shownAfterWrite(id, environment)
    }

    /// Checks the decision against the workflow and the approver rules and fills in what it
    /// writes; returns the status it leads to.
    private static func plan(
        _ action: ContractAction, record: ContractRecord, office: ClerkOffice,
        context: CallContext, verified: Money?, grounds: (codes: [ReturnGround], note: String?)?,
        now: Date, into decision: inout Decision, in database: Database
    ) throws -> ContractStatus {
        let rules = record.ruleSet(today: ChinaTime.date(of: now))
        let login = context.caller.login ?? ""
        let nowText = ChinaTime.timestamp(of: now)

        var needsSecond = false
        if action == .approve, record.status == .textReceived {
            guard let verified else {
                throw RPCError(
                    code: RPCErrorCode.validationFailed, reason: "missing_param",
                    message: "params.techAmount is missing: the first approval states the "
                        + "verified 技术交易额 in yuan",
                    messageZh: "批准时须填写核定的技术交易额", field: "params.techAmount")
            }
            guard verified <= record.amount else {
                throw RPCError(
                    code: RPCErrorCode.validationFailed, reason: "tech_amount_exceeds_amount",
                    message: "The verified 技术交易额 \(verified) is more than the contract "
                        + "amount \(record.amount)",
                    messageZh: "核定技术交易额不能超过合同成交额", field: "params.techAmount")
            }
            needsSecond = rules.needsSecondApproval(techAmount: verified)
        }

        let next: ContractStatus
        do throws(DomainViolation) {
            next = try ContractWorkflow.next(
                from: record.status, action: action, needsSecondApproval: needsSecond)
            if action == .approveSecond {
                try ContractWorkflow.checkSecondApprover(
                    firstApprover: record.firstApprovedBy ?? "", secondApprover: login,
                    hasLargeAmountFlag: office.largeAmountApprover)
            }
        } catch {
            throw error.reason == "same_approver" || error.reason == "large_amount_approver_required"
                ? ContractErrors.secondApprover(error) : ContractErrors.workflow(error)
        }

        switch action {
        case .receiveText:
            decision.set("text_received_at", nowText)
            decision.set("text_received_on", ChinaTime.date(of: now).description)
        case .approve:
            let fen = verified?.fen ?? 0
            decision.set("approved_tech_amount_fen", fen)
            decision.set("first_approved_by", login)
            decision.set("first_approved_at", nowText)
            decision.detail["techAmount"] = .string(Money(fen: fen).description)
        case .approveSecond:
            let stored = record.approvedTechAmount
            if let verified, verified != stored {
                throw RPCError(
                    code: RPCErrorCode.validationFailed, reason: "tech_amount_mismatch",
                    message: "The second approval confirms the first one's 技术交易额 "
                        + "\(stored ?? .zero); return the contract to change it",
                    messageZh: "复核批准须确认首次核定的技术交易额", field: "params.techAmount")
            }
        case .return:
            let codes = grounds?.codes ?? []
            decision.set(
                "return_grounds",
                JSON.array(codes.map { .string($0.rawValue) }).encodedString())
            decision.set("return_note", grounds?.note)
            decision.set("returned_at", nowText)
            decision.detail["reasons"] = .array(codes.map { .string($0.rawValue) })
            decision.detail["note"] = grounds?.note.map { .string($0) } ?? .null
        default:
            break
        }

        if next == .approved {
            let number = try RegistrationSequence.next(
                officeID: office.officeID, approvedAt: now, in: database)
            decision.set("registration_number", number.description)
            decision.set("approved_by", login)
            decision.set("approved_at", nowText)
            decision.detail["registrationNumber"] = .string(number.description)
        }
        return next
    }

    private static func parseTechAmount(_ params: Params) throws -> Money? {
        guard let text = params.string("techAmount") else { return nil }
        do throws(DomainViolation) {
            return try Money.parse(text)
        } catch {
            throw RPCError(error, field: "params.techAmount")
        }
    }

    private static func parseGrounds(_ params: Params) throws
        -> (codes: [ReturnGround], note: String?)
    {
        var reader = FieldReader(params.object, prefix: "params.")
        let note = reader.text("note", maxLength: 500)
        if !reader.problems.isEmpty { throw RPCError.validation(reader.problems) }
        let values = params["reasons"]?.arrayValue ?? []
        var codes: [String] = []
        for (index, value) in values.enumerated() {
            guard let code = value.stringValue else {
                throw RPCError.invalidParams(
                    "params.reasons[\(index)] must be a string", field: "params.reasons",
                    reason: "wrong_type")
            }
            codes.append(code)
        }
        do throws(DomainViolations) {
            return (try ReturnGround.parse(codes: codes, note: note), note)
        } catch {
            throw RPCError.validation(error.all.map { ($0, $0.field ?? "params.reasons") })
        }
    }
}
