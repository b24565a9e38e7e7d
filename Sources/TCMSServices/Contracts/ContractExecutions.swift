import Foundation
import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// Execution records (执行) of approved contracts: `contract.recordExecution` by the handler
/// who registered the contract, and `contract.executions` for every role that may read it.
enum ContractExecutions {
    static func specs(environment: ServiceEnvironment) -> [MethodSpec] {
        [
            MethodSpec(
                "contract.recordExecution",
                summary: "Records a payment received (amount and the part of it that is "
                    + "技术交易额) or a milestone reached on an approved contract. A record "
                    + "clears the contract's execution reminder (执行提醒).",
                params: [
                    ContractMethods.contractIDParam,
                    ParamSpec("kind", .string, required: true, "payment (收款) or milestone (履行节点)"),
                    ParamSpec("occurredOn", .string, required: true,
                              "date YYYY-MM-DD of the payment or milestone, not after today"),
                    ParamSpec("amount", .string, "payment: yuan received, e.g. \"300000.00\""),
                    ParamSpec("techAmount", .string,
                              "payment: the part of amount that is 技术交易额, in yuan"),
                    ParamSpec("note", .string, "free text, required for a milestone"),
                ],
                result: "the contract, with the new totals in execution",
                roles: [.handler], writes: true,
                errors: [
                    "not_found", "invalid_transition", "missing_field", "invalid_code",
                    "invalid_date", "date_in_future", "invalid_money", "negative_money",
                    "money_out_of_range", "tech_amount_exceeds_amount", "not_applicable",
                    "too_long", "control_character", "several_problems",
                ]
            ) { context, params in
                try record(environment, context, params)
            },

            MethodSpec(
                "contract.executions",
                summary: "Lists the execution records of a contract, oldest first, with the "
                    + "money received and the part of it that is 技术交易额.",
                params: [ContractMethods.contractIDParam],
                result: "{items: [{id, kind, occurredOn, amount, techAmount, note, recordedBy, "
                    + "recordedAt}], received, techReceived, records}",
                roles: ContractMethods.readerRoles, errors: ["not_found", "not_a_clerk"]
            ) { context, params in
                let id = params.int("contractId")!
                return try environment.store.read { database in
                    try ContractVisibility.require(id, context, in: database)
                    var result = try ContractExecutionStore.totals(contractID: id, in: database)
                    result["items"] = .array(
                        try ContractExecutionStore.list(contractID: id, in: database))
                    return .object(result)
                }
            },
        ]
    }

    private static func record(
        _ environment: ServiceEnvironment, _ context: CallContext, _ params: Params
    ) throws -> JSON {
        let handler = try ContractRegistration.Handler(context)
        let id = params.int("contractId")!
        let now = environment.clock.now()
        let entry = try parse(params, today: ChinaTime.date(of: now))
        let nowText = ChinaTime.timestamp(of: now)

        try environment.store.write { database in
            let record = try ContractRegistration.owned(id, by: handler, in: database)
            do throws(DomainViolation) {
                _ = try ContractWorkflow.next(from: record.status, action: .recordExecution)
            } catch {
                throw ContractErrors.workflow(error)
            }
            let executionID = try ContractExecutionStore.insert(
                entry, contractID: id, recordedBy: handler.login, at: nowText, in: database)

            var detail: JSONObject = [
                "executionId": .int(executionID), "kind": .string(entry.kind.rawValue),
                "occurredOn": .string(entry.occurredOn.description),
            ]
            if let amount = entry.amount { detail["amount"] = .string(amount.description) }
            if let techAmount = entry.techAmount {
                detail["techAmount"] = .string(techAmount.description)
            }
            try ContractStore.recordEvent(
                database, contractID: id, round: record.round, action: .recordExecution,
                status: record.status, at: nowText, context: context, officeID: record.officeID,
                detail: detail)
            try AuditLog.record(
                database, context: context, subject: "contract:\(id)", after: .object(detail),
                at: now)
        }
        return try ContractMethods.shownAfterWrite(id, environment)
    }

    /// Reads the record from `params`, reporting every problem at once: a payment has an
    /// amount above zero and a 技术交易额 part of at most that amount, a milestone has a note
    /// and no amounts, and neither lies after `today`.
    static func parse(_ params: Params, today: CivilDate) throws -> ContractExecutionStore.Entry {
        var reader = FieldReader(params.object, prefix: "params.")
        let kind = reader.enumeration("kind", ExecutionKind.self, required: true)
        let occurredOn = reader.date("occurredOn", required: true)
        if let occurredOn, occurredOn > today {
            reader.report(
                DomainViolation(
                    reason: "date_in_future",
                    message: "occurredOn \(occurredOn) is after today (\(today)).",
                    messageZh: "执行日期不能晚于今天。"), "occurredOn")
        }

        var amount: Money?
        var techAmount: Money?
        let note: String?
        switch kind {
        case .milestone:
            note = reader.required("note", maxLength: 500)
            reader.forbid("amount", because: "a milestone")
            reader.forbid("techAmount", because: "a milestone")
        case .payment:
            note = reader.text("note", maxLength: 500)
            amount = money(&reader, "amount")
            techAmount = money(&reader, "techAmount")
            if let paid = amount, paid == .zero {
                reader.report(
                    DomainViolation(
                        reason: "invalid_money", message: "A payment must be more than 0.00.",
                        messageZh: "收款金额必须大于零。"), "amount")
            }
            if let paid = amount, let part = techAmount, part > paid {
                reader.report(
                    DomainViolation(
                        reason: "tech_amount_exceeds_amount",
                        message: "techAmount \(part) is more than the amount received \(paid).",
                        messageZh: "技术交易额部分不能超过收款金额。"), "techAmount")
            }
        case nil:
            note = reader.text("note", maxLength: 500)
        }

        guard reader.problems.isEmpty, let kind, let occurredOn else {
            throw RPCError.validation(reader.problems)
        }
        return ContractExecutionStore.Entry(
            kind: kind, occurredOn: occurredOn, amount: amount, techAmount: techAmount,
            note: note)
    }

    /// Reads a required amount in yuan.
    private static func money(_ reader: inout FieldReader, _ name: String) -> Money? {
        let text = reader.required(name, maxLength: 30)
        return reader.check(name, text) { value throws(DomainViolation) in
            try Money.parse(value)
        }
    }
}
