import Foundation
import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// The handler's change (变更登记) and cancellation (注销登记) filings on an approved
/// contract, and `contract.filings`. The office decides them with `ContractFilingReview`.
enum ContractFilings {
    static let filingIDParam = ParamSpec(
        "filingId", .integer(min: 1, max: nil), required: true, "the change or cancellation filing")

    static let fileErrors = [
        "not_found", "invalid_transition", "filing_open", "missing_field", "too_long",
        "control_character", "wrong_type",
    ]

    static func specs(environment: ServiceEnvironment) -> [MethodSpec] {
        [
            MethodSpec(
                "contract.fileChange",
                summary: "Files a change registration (变更登记) of an approved contract with the "
                    + "office that registered it: the form fields to change (null or \"\" "
                    + "clears one) and the reason. The whole changed form is checked, and the "
                    + "contract changes when a clerk approves. One open filing per contract.",
                params: [
                    ContractMethods.contractIDParam,
                    ParamSpec("reason", .string, required: true, "why the contract changes"),
                ] + ContractForm.params.map { ParamSpec($0.name, .any, $0.summary) },
                result: "the contract, with the new filing last in filings",
                roles: [.handler], writes: true,
                errors: fileErrors + ContractMethods.formErrors + [
                    "no_change", "field_not_changeable", "access_not_approved",
                ]
            ) { context, params in
                var changes = params.object
                changes["contractId"] = nil
                changes["reason"] = nil
                return try file(.change, changes: changes, environment, context, params)
            },

            MethodSpec(
                "contract.fileCancellation",
                summary: "Files a cancellation (注销登记) of an approved contract with the office "
                    + "that registered it. The contract becomes cancelled when a clerk approves.",
                params: [
                    ContractMethods.contractIDParam,
                    ParamSpec("reason", .string, required: true, "why the registration ends"),
                ],
                result: "the contract, with the new filing last in filings",
                roles: [.handler], writes: true, errors: fileErrors
            ) { context, params in
                try file(.cancellation, changes: nil, environment, context, params)
            },

            MethodSpec(
                "contract.filings",
                summary: "Lists the change and cancellation filings of a contract, oldest first: "
                    + "the chain of its changes with each decision.",
                params: [ContractMethods.contractIDParam],
                result: "{items: [{id, kind, status, changes, reason, filedBy, filedAt, "
                    + "decidedBy, decidedAt, returnNote, ...}]}",
                roles: ContractMethods.readerRoles, errors: ["not_found", "not_a_clerk"]
            ) { context, params in
                let id = params.int("contractId")!
                return try environment.store.read { database in
                    try ContractVisibility.require(id, context, in: database)
                    let filings = try ContractFilingStore.list(contractID: id, in: database)
                    return ["items": .array(filings)]
                }
            },
        ]
    }

    /// Files a change (with `changes`, the wire fields given) or a cancellation of a contract
    /// the calling handler registered.
    private static func file(
        _ kind: FilingKind, changes: JSONObject?, _ environment: ServiceEnvironment,
        _ context: CallContext, _ params: Params
    ) throws -> JSON {
        let handler = try ContractRegistration.Handler(context)
        let id = params.int("contractId")!
        var reader = FieldReader(params.object, prefix: "params.")
        let reason = reader.required("reason", maxLength: 500)
        guard reader.problems.isEmpty, let reason else {
            throw RPCError.validation(reader.problems)
        }
        let now = environment.clock.now()
        let nowText = ChinaTime.timestamp(of: now)

        try environment.store.write { database in
            let record = try ContractRegistration.owned(id, by: handler, in: database)
            let openFiling = try ContractFilingStore.openKind(contractID: id, in: database)
            do throws(DomainViolation) {
                try FilingWorkflow.checkFiling(
                    kind, contractStatus: record.status, openFiling: openFiling)
            } catch {
                throw ContractErrors.workflow(error)
            }

            var difference: JSONObject?
            if let changes {
                let entity = try ContractRegistration.requireApprovedEntity(
                    handler.entityID, in: database)
                let today = ChinaTime.date(of: now)
                let (stored, form) = try ContractChange.merge(
                    changes, into: id, entity: entity, ruleSet: record.ruleSet(today: today),
                    today: today, prefix: "params.", in: database)
                let changed = ContractChange.difference(stored: stored, form: form)
                guard !changed.isEmpty else { throw ContractFilingErrors.noChange }
                difference = changed
            }

            let filingID = try ContractFilingStore.insert(
                contractID: id, officeID: record.officeID, kind: kind, changes: difference,
                reason: reason, filedBy: handler.login, at: nowText, in: database)
            var detail: JSONObject = [
                "filingId": .int(filingID), "kind": .string(kind.rawValue),
                "reason": .string(reason),
            ]
            if let difference { detail["changes"] = .object(difference) }
            try ContractStore.recordEvent(
                database, contractID: id, round: record.round, action: kind.fileAction,
                status: record.status, at: nowText, context: context, officeID: record.officeID,
                detail: detail)
            try AuditLog.record(
                database, context: context, subject: "contract:\(id)", after: .object(detail),
                at: now)
        }
        return try ContractMethods.shownAfterWrite(id, environment)
    }
}
