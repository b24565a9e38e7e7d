import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// The clerk's side of system access: `access.list`, `access.approve` and `access.return`.
/// A clerk sees and decides only applications routed to its own office. Operators see every
/// submitted application and decide any of them, the operators' queue included.
enum AccessReview {
    static let reviewRoles: Set<Role> = [.clerk, .operator]

    static let listing = Listing(filters: [
        .init("status", column: "status", .custom { status in
            guard AccessStore.statuses.contains(status), status != "draft" else {
                throw RPCError.invalidParams(
                    "params.filter.status must be submitted, returned, approved or withdrawn",
                    field: "params.filter.status", reason: "invalid_code")
            }
            return ("status = ?", [status])
        }),
        .init("entityName", column: "entity_name", .contains),
        .init("submittedFrom", column: "submitted_at", .onOrAfterDate),
        .init("submittedUntil", column: "submitted_at", .onOrBeforeDate),
        .init("queue", column: "", .custom { queue in
            switch queue {
            case "operators": return ("office_id IS NULL", [])
            case "office": return ("office_id IS NOT NULL", [])
            default:
                throw RPCError.invalidParams(
                    "params.filter.queue must be office or operators", field: "params.filter.queue",
                    reason: "invalid_code")
            }
        }),
    ])

    static func specs(environment: ServiceEnvironment) -> [MethodSpec] {
        [
            MethodSpec(
                "access.list",
                summary: "Lists system-access applications, oldest first: a clerk's office "
                    + "queue, or all for operators. Filters status, entityName (substring), "
                    + "submittedFrom, submittedUntil (inclusive dates), queue.",
                params: listing.params, result: "{items, total, page, pageSize, pages}",
                roles: reviewRoles, errors: Listing.errors + ["invalid_code", "not_a_clerk"]
            ) { context, params in
                try environment.store.read { database in
                    var condition = "status != 'draft'"
                    var arguments: [any SQLBindable] = []
                    if context.caller.role == .clerk {
                        let office = try ClerkStore.callerOffice(context, in: database)
                        condition += " AND office_id = ?"
                        arguments.append(office.officeID)
                    }
                    return try listing.run(
                        database, params: params,
                        from: "SELECT \(AccessStore.columns) FROM \(AccessStore.view) "
                            + "WHERE \(condition)",
                        arguments: arguments,
                        countSQL: "SELECT count(*) FROM \(AccessStore.view) WHERE \(condition)",
                        row: AccessStore.json)
                }
            },

            MethodSpec(
                "access.approve",
                summary: "Approves a submitted application; the entity is told through the "
                    + "notifier. Of concurrent decisions exactly one succeeds.",
                params: [
                    ParamSpec("applicationId", .integer(min: 1, max: nil), required: true,
                              "the application"),
                ],
                result: "the application", roles: reviewRoles, writes: true,
                errors: ["not_found", "already_decided", "invalid_state", "not_a_clerk"]
            ) { context, params in
                try decide(environment, context, params, approve: true)
            },

            MethodSpec(
                "access.return",
                summary: "Returns a submitted application with a reason, so the entity can "
                    + "correct and resubmit it; the entity is told the reason through the "
                    + "notifier.",
                params: [
                    ParamSpec("applicationId", .integer(min: 1, max: nil), required: true,
                              "the application"),
                    ParamSpec("reason", .string, required: true, "why, as the entity reads it"),
                ],
                result: "the application", roles: reviewRoles, writes: true,
                errors: ["not_found", "already_decided", "invalid_state", "missing_field",
                         "too_long", "not_a_clerk"]
            ) { context, params in
                try decide(environment, context, params, approve: false)
            },
        ]
    }

    private static func decide(
        _ environment: ServiceEnvironment, _ context: CallContext, _ params: Params,
        approve: Bool
    ) throws -> JSON {
        let id = params.int("applicationId")!
        let reason = try approve ? nil : checkedReason(params)
        let status = approve ? "approved" : "returned"
        let now = environment.clock.now()
        let nowText = ChinaTime.timestamp(of: now)

        let (shown, notice) = try environment.store.write { database -> (JSON, AccessNotice?) in
            guard let application = try AccessStore.find(id: id, in: database),
                application.status != "draft"
            else {
                throw AccessErrors.notFound
            }
            if context.caller.role == .clerk {
                let office = try ClerkStore.callerOffice(context, in: database)
                guard application.officeID == office.officeID else { throw AccessErrors.notFound }
            }

            // The status condition makes the decision atomic: of concurrent decisions only the
            // first changes the row, and every later one gets already_decided.
            try database.run(
                """
                UPDATE access_applications SET status = ?, decided_at = ?, decided_by = ?,
                    return_reason = ?, updated_at = ?
                WHERE id = ? AND status = 'submitted'
                """, [status, nowText, context.caller.login, reason, nowText, id])
            guard database.changes == 1 else {
                if application.status == "approved" || application.status == "returned" {
                    throw AccessErrors.alreadyDecided
                }
                throw AccessErrors.invalidState(
                    application.status, "the entity withdrew it; only a submitted application "
                        + "can be decided", "申请已撤回，不能审核")
            }
            try AccessStore.recordEvent(
                database, applicationID: id, round: application.round, action: status,
                at: nowText, context: context, officeID: application.officeID, reason: reason)
            try AuditLog.record(
                database, context: context, subject: "access:\(id)",
                before: ["status": "submitted", "round": .int(application.round)],
                after: ["status": .string(status), "reason": reason.map { .string($0) } ?? .null],
                at: now)
            let notice = try AccessNotice.decision(
                database, entityID: application.entityID, approved: approve, reason: reason)
            if let notice, environment.smsCommand == nil {
                try Notifier.keep(database, mobile: notice.mobile, text: notice.text, now: nowText)
            }
            return (try AccessStore.load(id: id, in: database), notice)
        }

        if let notice, let command = environment.smsCommand {
            notice.deliver(command: command, store: environment.store, now: nowText)
        }
        return shown
    }

    private static func checkedReason(_ params: Params) throws -> String {
        var reader = FieldReader(params.object, prefix: "params.")
        guard let reason = reader.text("reason", maxLength: 500) else {
            if !reader.problems.isEmpty { throw RPCError.validation(reader.problems) }
            throw AccessErrors.missingReason
        }
        return reason
    }
}
