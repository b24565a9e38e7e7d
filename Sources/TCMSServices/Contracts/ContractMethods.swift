import Foundation
import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// The handler's contract methods (`contract.create`, `update`, `submit`, `withdraw`) and
/// `contract.get`, which every role that sees contracts shares.
enum ContractMethods {
    static let contractIDParam = ParamSpec(
        "contractId", .integer(min: 1, max: nil), required: true, "the contract")

    /// Roles that see contracts, each through `ContractVisibility`.
    static let readerRoles: Set<Role> = [.handler, .entityAdmin, .mainAgent, .clerk, .operator]

    static let formErrors = [
        "missing_field", "missing_param", "unknown_code", "category_not_in_rules",
        "subtype_category_mismatch", "subtype_not_allowed", "invalid_money", "negative_money",
        "money_out_of_range", "tech_amount_exceeds_amount", "field_not_applicable",
        "registering_party_mismatch", "import_registered_by_buyer", "date_in_future",
        "invalid_period", "invalid_date", "too_long", "control_character", "wrong_type",
        "not_applicable", "several_problems",
    ]

    static func specs(environment: ServiceEnvironment) -> [MethodSpec] {
        [
            MethodSpec(
                "contract.create",
                summary: "Registers a contract for the handler's entity as a draft. The "
                    + "registering side's party is the entity itself; the other party is "
                    + "given. Amounts are decimal strings in yuan.",
                params: ContractForm.params,
                result: "the contract, as contract.get returns it",
                roles: [.handler], writes: true,
                errors: formErrors + ["access_not_approved", "authorization_ended"]
            ) { context, params in
                let handler = try ContractRegistration.Handler(context)
                let now = environment.clock.now()
                let id = try environment.store.write { database in
                    try ContractRegistration.create(
                        params.object, prefix: "params.", handler: handler, imported: false,
                        context: context, now: now, in: database)
                }
                return try shownAfterWrite(id, environment)
            },

            MethodSpec(
                "contract.update",
                summary: "Changes fields of a draft, returned or withdrawn contract; a field "
                    + "given as null or \"\" is cleared. The whole form is checked again.",
                params: [contractIDParam] + ContractForm.params.map {
                    ParamSpec($0.name, .any, $0.summary)
                },
                result: "the contract", roles: [.handler], writes: true,
                errors: formErrors + ["not_found", "invalid_state", "access_not_approved"]
            ) { context, params in
                let handler = try ContractRegistration.Handler(context)
                let id = params.int("contractId")!
                var changes = params.object
                changes["contractId"] = nil
                let now = environment.clock.now()
                try environment.store.write { database in
                    try ContractRegistration.update(
                        id: id, changes: changes, handler: handler, context: context, now: now,
                        in: database)
                }
                return try shownAfterWrite(id, environment)
            },

            MethodSpec(
                "contract.submit",
                summary: "Sends a draft, or a corrected returned or withdrawn contract, to the "
                    + "office covering the entity's division code; it then waits for its paper "
                    + "text (未收文本). The first submission fixes the rules it falls under.",
                params: [contractIDParam], result: "the contract", roles: [.handler],
                writes: true,
                errors: formErrors + ["not_found", "invalid_transition", "access_not_approved",
                                      "no_office", "no_division"]
            ) { context, params in
                try handlerStep(environment, context, params, ContractRegistration.submit)
            },

            MethodSpec(
                "contract.withdraw",
                summary: "Takes a submitted or returned contract back, so it can be changed and "
                    + "submitted again. Once the office has the text it can no longer be "
                    + "withdrawn.",
                params: [contractIDParam], result: "the contract", roles: [.handler],
                writes: true, errors: ["not_found", "invalid_transition", "already_decided"]
            ) { context, params in
                try handlerStep(environment, context, params, ContractRegistration.withdraw)
            },

            MethodSpec(
                "contract.get",
                summary: "Returns a contract with every field, its time limit while the office "
                    + "holds the text, the actions allowed now, its history of every round, its "
                    + "change and cancellation filings, and its execution totals.",
                params: [contractIDParam],
                result: "{id, status, statusLabel, round, regime, title, category, seller, "
                    + "buyer, amount, techAmount, approvedTechAmount, registrationNumber, "
                    + "officeId, officeName, timeLimit, allowedActions, history, attachments, "
                    + "filings, execution: {received, techReceived, records}, ...}",
                roles: readerRoles, errors: ["not_found", "not_a_clerk"]
            ) { context, params in
                let id = params.int("contractId")!
                return try environment.store.read { database in
                    try ContractVisibility.require(id, context, in: database)
                    return try shown(id, environment, in: database)
                }
            },
        ]
    }

    /// Runs one of the handler's workflow steps and returns the contract after it.
    private static func handlerStep(
        _ environment: ServiceEnvironment, _ context: CallContext, _ params: Params,
        _ step: @escaping (Int64, ContractRegistration.Handler, CallContext, Date, Database)
            throws -> Void
    ) throws -> JSON {
        let handler = try ContractRegistration.Handler(context)
        let id = params.int("contractId")!
        let now = environment.clock.now()
        try environment.store.write { database in
            try step(id, handler, context, now, database)
        }
        return try shownAfterWrite(id, environment)
    }

    /// Reads the contract for the reply of a write, after the write committed. Building the
    /// reply on a reader keeps the one writer connection free for the next write.
    static func shownAfterWrite(_ id: Int64, _ environment: ServiceEnvironment) throws -> JSON {
        try environment.store.read { database in try shown(id, environment, in: database) }
    }

    /// The contract as `contract.get` returns it, with its allowed actions, history, complete
    /// attachments, filings and execution totals.
    static func shown(_ id: Int64, _ environment: ServiceEnvironment, in database: Database)
        throws -> JSON
    {
        guard case .object(var object) = try ContractStore.load(
            id: id, today: environment.clock.today(), calendar: environment.calendar,
            in: database)
        else {
            throw ContractErrors.notFound
        }
        let status = ContractStatus(rawValue: object["status"]?.stringValue ?? "") ?? .draft
        let openFiling = try ContractFilingStore.openKind(contractID: id, in: database)
        object["allowedActions"] = .array(
            FilingWorkflow.allowedActions(from: status, openFiling: openFiling)
                .map { .string($0.rawValue) })
        object["history"] = .array(try ContractStore.history(contractID: id, in: database))
        object["attachments"] = .array(
            try ContractAttachmentStore.complete(contractID: id, in: database))
        object["filings"] = .array(try ContractFilingStore.list(contractID: id, in: database))
        object["execution"] = .object(
            try ContractExecutionStore.totals(contractID: id, in: database))
        return .object(object)
    }
}
