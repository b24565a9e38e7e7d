import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// The entity's side of system access (系统授权) for 技术合同管理与服务: `access.saveDraft`,
/// `access.submit`, `access.withdraw`, and `access.get` / `access.history`, which clerks and
/// operators share.
enum AccessMethods {
    static let entityRoles: Set<Role> = [.entityAdmin, .mainAgent]

    /// Statuses in which the entity may edit and submit the form.
    static let editable: Set<String> = ["draft", "returned", "withdrawn"]

    static let applicationIDParam = ParamSpec(
        "applicationId", .integer(min: 1, max: nil),
        "the application; clerks and operators must give it, entities default to their own")

    static func specs(environment: ServiceEnvironment) -> [MethodSpec] {
        [
            MethodSpec(
                "access.saveDraft",
                summary: "Saves fields of the entity's system-access form; the draft may be "
                    + "incomplete. Given fields replace stored ones, an empty string clears one.",
                params: AccessForm.params,
                result: "the application, as access.get returns it",
                roles: entityRoles, writes: true,
                errors: ["invalid_state", "invalid_code", "invalid_postcode", "invalid_phone",
                         "invalid_email", "invalid_stock_code", "too_long", "control_character",
                         "wrong_type", "several_problems"]
            ) { context, params in
                try saveDraft(environment, context, params)
            },

            MethodSpec(
                "access.submit",
                summary: "Checks the whole form and sends it to the office covering the "
                    + "entity's division code, or to the operators' queue when none does.",
                result: "the application with officeId and queue (office or operators)",
                roles: entityRoles, writes: true,
                errors: ["not_found", "invalid_state", "missing_field", "not_applicable",
                         "invalid_code", "several_problems"]
            ) { context, _ in
                try submit(environment, context)
            },

            MethodSpec(
                "access.withdraw",
                summary: "Takes back a submitted application before it is decided, so it can be "
                    + "edited and submitted again.",
                result: "the application", roles: entityRoles, writes: true,
                errors: ["not_found", "invalid_state", "already_decided"]
            ) { context, _ in
                try withdraw(environment, context)
            },

            MethodSpec(
                "access.get",
                summary: "Returns a system-access application: the entity's own, or one in the "
                    + "clerk's office; operators see all.",
                params: [applicationIDParam],
                result: "{id, entityName, status, statusLabel, round, officeId, officeName, "
                    + "queue, submittedAt, decidedAt, returnReason, form, missingFields}",
                roles: entityRoles.union([.clerk, .operator]), errors: ["not_found"]
            ) { context, params in
                try environment.store.read { database in
                    let id = try visibleApplicationID(context, params, in: database)
                    return try AccessStore.load(id: id, in: database)
                }
            },

            MethodSpec(
                "access.history",
                summary: "Lists every submission, withdrawal and decision of an application, "
                    + "oldest first, each submission with the form as submitted.",
                params: [applicationIDParam],
                result: "{application, events: [{round, action, at, role, login, officeId, "
                    + "officeName, reason, form}]}",
                roles: entityRoles.union([.clerk, .operator]), errors: ["not_found"]
            ) { context, params in
                try environment.store.read { database in
                    let id = try visibleApplicationID(context, params, in: database)
                    return [
                        "application": try AccessStore.load(id: id, in: database),
                        "events": .array(try AccessStore.history(applicationID: id, in: database)),
                    ]
                }
            },
        ]
    }

    /// Returns the id of the application the caller means and may see. Entities see only
    /// their own, clerks only their office's submitted ones, operators every submitted one.
    /// Anything else is `not_found`, the same as an id that does not exist.
    static func visibleApplicationID(
        _ context: CallContext, _ params: Params, in database: Database
    ) throws -> Int64 {
        let requested = params.int("applicationId")
        switch context.caller.role {
        case .entityAdmin, .mainAgent:
            let entityID = try AccessStore.callerEntityID(context, in: database)
            guard let application = try AccessStore.find(entityID: entityID, in: database) else {
                throw AccessErrors.noApplication
            }
            guard requested == nil || requested == application.id else {
                throw AccessErrors.notFound
            }
            return application.id
        default:
            guard let requested else {
                throw RPCError.invalidParams(
                    "params.applicationId is missing", field: "params.applicationId",
                    reason: "missing_param")
            }
            guard let application = try AccessStore.find(id: requested, in: database),
                application.status != "draft"
            else {
                throw AccessErrors.notFound
            }
            if context.caller.role == .clerk {
                let office = try ClerkStore.callerOffice(context, in: database)
                guard application.officeID == office.officeID else {
                    throw AccessErrors.notFound
                }
            }
            return application.id
        }
    }

    private static func saveDraft(
        _ environment: ServiceEnvironment, _ context: CallContext, _ params: Params
    ) throws -> JSON {
        let now = environment.clock.now()
        let changes = try AccessForm.changes(params, today: ChinaTime.date(of: now))
        let nowText = ChinaTime.timestamp(of: now)

        return try environment.store.write { database in
            let entityID = try AccessStore.callerEntityID(context, in: database)
            let existing = try AccessStore.find(entityID: entityID, in: database)
            if let existing, !editable.contains(existing.status) {
                throw AccessErrors.invalidState(
                    existing.status,
                    existing.status == "submitted"
                        ? "withdraw it with access.withdraw before editing"
                        : "an approved application cannot be changed",
                    existing.status == "submitted" ? "申请审核中，请先撤回再修改" : "申请已批准，不能修改")
            }
            // A new form starts with the country code CN, the default of the form.
            var form = existing?.form ?? ["countryCode": "CN"]
            for (name, value) in changes { form[name] = value }
            let formText = JSON.object(form).encodedString()

            let id: Int64
            if let existing {
                try database.run(
                    "UPDATE access_applications SET form = ?, updated_at = ? WHERE id = ?",
                    [formText, nowText, existing.id])
                id = existing.id
            } else {
                try database.run(
                    """
                    INSERT INTO access_applications (entity_id, service_code, status, form,
                        created_at, updated_at)
                    VALUES (?, ?, 'draft', ?, ?, ?)
                    """, [entityID, AccessStore.serviceCode, formText, nowText, nowText])
                id = database.lastInsertRowID
            }
            try AuditLog.record(
                database, context: context, subject: "access:\(id)",
                before: existing.map { AccessForm.masked($0.form) },
                after: AccessForm.masked(form), at: now)
            return try AccessStore.load(id: id, in: database)
        }
    }

    private static func submit(_ environment: ServiceEnvironment, _ context: CallContext) throws
        -> JSON
    {
        let now = environment.clock.now()
        let nowText = ChinaTime.timestamp(of: now)
        let today = ChinaTime.date(of: now)

        return try environment.store.write { database in
            let entityID = try AccessStore.callerEntityID(context, in: database)
            guard let application = try AccessStore.find(entityID: entityID, in: database) else {
                throw AccessErrors.noApplication
            }
            guard editable.contains(application.status) else {
                throw AccessErrors.invalidState(
                    application.status, "only a draft, returned or withdrawn application can be "
                        + "submitted", "该申请当前状态不能提交")
            }
            let problems = AccessForm.submissionProblems(application.form, today: today)
            guard problems.isEmpty else { throw RPCError.validation(problems) }

            // NOTE: routing happens at submission only. An application already in the operators'
            // queue stays there when an office covering its division is created later.
            let division = application.form["divisionCode"]?.stringValue ?? ""
            let officeID = try OfficeRouting.officeID(covering: division, in: database)
            let round = application.round + 1
            try database.run(
                """
                UPDATE access_applications SET status = 'submitted', round = ?, office_id = ?,
                    submitted_at = ?, decided_at = NULL, decided_by = NULL, return_reason = NULL,
                    updated_at = ?
                WHERE id = ? AND status = ?
                """, [round, officeID, nowText, nowText, application.id, application.status])
            try AccessStore.recordEvent(
                database, applicationID: application.id, round: round, action: "submitted",
                at: nowText, context: context, officeID: officeID, form: application.form)
            try AuditLog.record(
                database, context: context, subject: "access:\(application.id)",
                before: ["status": .string(application.status)],
                after: ["status": "submitted", "round": .int(round),
                        "officeId": officeID.map { .int($0) } ?? .null],
                at: now)
            return try AccessStore.load(id: application.id, in: database)
        }
    }

    private static func withdraw(_ environment: ServiceEnvironment, _ context: CallContext) throws
        -> JSON
    {
        let now = environment.clock.now()
        let nowText = ChinaTime.timestamp(of: now)

        return try environment.store.write { database in
            let entityID = try AccessStore.callerEntityID(context, in: database)
            guard let application = try AccessStore.find(entityID: entityID, in: database) else {
                throw AccessErrors.noApplication
            }
            // The status condition keeps a withdrawal and a clerk's decision from both
            // succeeding: whichever commits first wins.
            try database.run(
                """
                UPDATE access_applications SET status = 'withdrawn', updated_at = ?
                WHERE id = ? AND status = 'submitted'
                """, [nowText, application.id])
            guard database.changes == 1 else {
                if application.status == "approved" || application.status == "returned" {
                    throw AccessErrors.alreadyDecided
                }
                throw AccessErrors.invalidState(
                    application.status, "only a submitted application can be withdrawn",
                    "只有待审核的申请可以撤回")
            }
            try AccessStore.recordEvent(
                database, applicationID: application.id, round: application.round,
                action: "withdrawn", at: nowText, context: context,
                officeID: application.officeID)
            try AuditLog.record(
                database, context: context, subject: "access:\(application.id)",
                before: ["status": "submitted"], after: ["status": "withdrawn"], at: now)
            return try AccessStore.load(id: application.id, in: database)
        }
    }
}
