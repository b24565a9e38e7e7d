import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// One row of `access_applications`.
struct AccessApplication {
    let id: Int64
    let entityID: Int64
    let status: String
    let round: Int64
    let form: JSONObject
    let officeID: Int64?
}

/// Reads and writes `access_applications` and `access_events`.
public enum AccessStore {
    /// The service whose access these applications grant: 技术合同管理与服务.
    public static let serviceCode = "000706007000"
    static let serviceName = "技术合同管理与服务"

    /// True when the entity's access to 技术合同管理与服务 is approved. Contract registration
    /// calls this inside its own transaction before it accepts a contract for the entity.
    public static func isApproved(entityID: Int64, in database: Database) throws -> Bool {
        try database.scalarInt(
            """
            SELECT count(*) FROM access_applications
            WHERE entity_id = ? AND service_code = ? AND status = 'approved'
            """, [entityID, serviceCode]) > 0
    }

    /// Returns the id of the entity the caller acts for: an entity admin's own, or the entity
    /// that named the caller its main agent.
    static func callerEntityID(_ context: CallContext, in database: Database) throws -> Int64 {
        let login = try ProfileUpdates.entityLogin(database, context, Params(JSONObject()))
        guard let id = try ProfileUpdates.subjectID(database, kind: .entity, login: login) else {
            throw ProfileMethods.notFound(.entity, login)
        }
        return id
    }

    static func find(entityID: Int64, in database: Database) throws -> AccessApplication? {
        try database.queryFirst(
            """
            SELECT id, entity_id, status, round, form, office_id FROM access_applications
            WHERE entity_id = ? AND service_code = ?
            """, [entityID, serviceCode], record)
    }

    static func find(id: Int64, in database: Database) throws -> AccessApplication? {
        try database.queryFirst(
            """
            SELECT id, entity_id, status, round, form, office_id FROM access_applications
            WHERE id = ?
            """, [id], record)
    }

    private static func record(_ row: Row) -> AccessApplication {
        AccessApplication(
            id: row.int64(0), entityID: row.int64(1), status: row.string(2),
            round: row.int64(3),
            form: (try? JSONParser.parse(row.string(4)))?.objectValue ?? JSONObject(),
            officeID: row.optionalInt64(5))
    }

    /// Applications with their entity and office, one row each, as a subquery that listings
    /// filter.
    static let view = """
        (SELECT x.id AS id, x.entity_id AS entity_id, e.name AS entity_name, x.status AS status,
            x.round AS round, x.form AS form, x.office_id AS office_id, o.name AS office_name,
            x.submitted_at AS submitted_at, x.decided_at AS decided_at,
            x.decided_by AS decided_by, x.return_reason AS return_reason,
            x.created_at AS created_at, x.updated_at AS updated_at
        FROM access_applications x JOIN entities e ON e.id = x.entity_id
        LEFT JOIN offices o ON o.id = x.office_id)
        """

    static let columns = """
        id, entity_id, entity_name, status, round, form, office_id, office_name, submitted_at,
        decided_at, decided_by, return_reason, created_at, updated_at
        """

    /// Returns the application with `id` as callers see it.
    static func load(id: Int64, in database: Database) throws -> JSON {
        let shown = try database.queryFirst(
            "SELECT \(columns) FROM \(view) WHERE id = ?", [id], json)
        guard let shown else { throw AccessErrors.notFound }
        return shown
    }

    static func json(_ row: Row) -> JSON {
        let form = (try? JSONParser.parse(row.string(5)))?.objectValue ?? JSONObject()
        let status = row.string(3)
        let officeID = row.optionalInt64(6)
        func optional(_ index: Int) -> JSON {
            row.optionalString(index).map { .string($0) } ?? .null
        }
        let queue: JSON
        if status == "draft" {
            queue = .null
        } else {
            queue = officeID == nil ? "operators" : "office"
        }
        return [
            "id": .int(row.int64(0)), "serviceCode": .string(serviceCode),
            "serviceName": .string(serviceName), "entityId": .int(row.int64(1)),
            "entityName": .string(row.string(2)), "status": .string(status),
            "statusLabel": .string(statusLabel(status)), "round": .int(row.int64(4)),
            "officeId": officeID.map { .int($0) } ?? .null, "officeName": optional(7),
            "queue": queue, "submittedAt": optional(8), "decidedAt": optional(9),
            "decidedBy": optional(10), "returnReason": optional(11),
            "form": AccessForm.display(form),
            "missingFields": .array(AccessForm.missingFields(form).map { .string($0) }),
            "createdAt": .string(row.string(12)), "updatedAt": .string(row.string(13)),
        ]
    }

    static func statusLabel(_ status: String) -> String {
        switch status {
        case "draft": "草稿"
        case "submitted": "待审核"
        case "returned": "已退回"
        case "approved": "已经批准"
        case "withdrawn": "已撤回"
        default: status
        }
    }

    static let statuses = ["draft", "submitted", "returned", "approved", "withdrawn"]

    /// Appends one event of the application's history.
    static func recordEvent(
        _ database: Database, applicationID: Int64, round: Int64, action: String, at: String,
        context: CallContext, officeID: Int64? = nil, reason: String? = nil,
        form: JSONObject? = nil
    ) throws {
        try database.run(
            """
            INSERT INTO access_events (application_id, round, action, at, role, login, office_id,
                reason, form)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [applicationID, round, action, at, context.caller.role.rawValue, context.caller.login,
             officeID, reason, form.map { JSON.object($0).encodedString() }])
    }

    /// Returns every event of the application, oldest first; each submission carries the form
    /// as it was submitted, with the ID number masked.
    static func history(applicationID: Int64, in database: Database) throws -> [JSON] {
        try database.query(
            """
            SELECT ev.round, ev.action, ev.at, ev.role, ev.login, ev.office_id, o.name,
                ev.reason, ev.form
            FROM access_events ev LEFT JOIN offices o ON o.id = ev.office_id
            WHERE ev.application_id = ? ORDER BY ev.id
            """, [applicationID]
        ) { row -> JSON in
            let role = Role(rawValue: row.string(3))
            let form = row.optionalString(8).flatMap { try? JSONParser.parse($0) }?.objectValue
            return [
                "round": .int(row.int64(0)), "action": .string(row.string(1)),
                "actionLabel": .string(actionLabel(row.string(1))),
                "at": .string(row.string(2)), "role": .string(row.string(3)),
                "roleLabel": .string(role?.label ?? ""),
                "login": row.optionalString(4).map { .string($0) } ?? .null,
                "officeId": row.optionalInt64(5).map { .int($0) } ?? .null,
                "officeName": row.optionalString(6).map { .string($0) } ?? .null,
                "reason": row.optionalString(7).map { .string($0) } ?? .null,
                "form": form.map(AccessForm.display) ?? .null,
            ]
        }
    }

    private static func actionLabel(_ action: String) -> String {
        switch action {
        case "submitted": "提交"
        case "withdrawn": "撤回"
        case "returned": "退回"
        case "approved": "批准"
        default: action
        }
    }
}
