import Foundation
import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// One changed field of a profile edit, with its stored values before and after.
struct FieldChange {
    let field: String
    let column: String
    let before: String?
    let after: String?

    var json: JSON {
        [
            "field": .string(field), "before": before.map { .string($0) } ?? .null,
            "after": after.map { .string($0) } ?? .null,
        ]
    }
}

/// Profile edits of persons and entities and their update records (信息更新记录). Each edit
/// updates the row, keeps one record with who, when and the fields changed, and writes one
/// audit record, all in one transaction.
enum ProfileUpdates {
    enum Kind: String {
        case person
        case entity

        var table: String { self == .person ? "persons" : "entities" }
    }

    /// Compares `requested` (wire field to new value, nil to clear) with the stored row and
    /// returns the fields that really change.
    static func changes(
        _ database: Database, kind: Kind, id: Int64, requested: [(field: String, column: String,
        value: String?)]
    ) throws -> [FieldChange] {
        try requested.compactMap { entry in
            let before = try database.queryFirst(
                "SELECT \(entry.column) FROM \(kind.table) WHERE id = ?", [id]
            ) { $0.optionalString(0) } ?? nil
            guard before != entry.value else { return nil }
            return FieldChange(
                field: entry.field, column: entry.column, before: before, after: entry.value)
        }
    }

    /// Stores `changes` and their update record, or does nothing when there are none.
    static func apply(
        _ database: Database, kind: Kind, id: Int64, changes: [FieldChange], context: CallContext,
        now: Date
    ) throws {
        guard !changes.isEmpty else { return }
        let nowText = ChinaTime.timestamp(of: now)
        let assignments = changes.map { "\($0.column) = ?" }.joined(separator: ", ")
        try database.run(
            "UPDATE \(kind.table) SET \(assignments), updated_at = ? WHERE id = ?",
            changes.map { $0.after } + [nowText, id])
        let record = JSON.array(changes.map(\.json))
        try database.run(
            """
            INSERT INTO profile_updates (subject_kind, subject_id, at, role, login, changes)
            VALUES (?, ?, ?, ?, ?, ?)
            """,
            [kind.rawValue, id, nowText, context.caller.role.rawValue, context.caller.login,
             record.encodedString()])
        try AuditLog.record(
            database, context: context, subject: "\(kind.rawValue):\(id)",
            before: .object(JSONObject(changes.map { ($0.field, $0.json["before"]!) })),
            after: .object(JSONObject(changes.map { ($0.field, $0.json["after"]!) })), at: now)
    }

    /// Returns one page of the update records of a subject, newest first.
    static func history(
        _ database: Database, kind: Kind, id: Int64, page: Int64, pageSize: Int64
    ) throws -> JSON {
        let total = try database.scalarInt(
            "SELECT count(*) FROM profile_updates WHERE subject_kind = ? AND subject_id = ?",
            [kind.rawValue, id])
        let items = try database.query(
            """
            SELECT at, role, login, changes FROM profile_updates
            WHERE subject_kind = ? AND subject_id = ? ORDER BY id DESC LIMIT ? OFFSET ?
            """, [kind.rawValue, id, pageSize, (page - 1) * pageSize]
        ) { row -> JSON in
            let role = Role(rawValue: row.string(1))
            return [
                "at": .string(row.string(0)), "role": .string(row.string(1)),
                "roleLabel": .string(role?.label ?? ""),
                "login": row.optionalString(2).map { .string($0) } ?? .null,
                "changes": (try? JSONParser.parse(row.string(3))) ?? .array([]),
            ]
        }
        let pages = total == 0 ? 0 : (total + pageSize - 1) / pageSize
        return [
            "items": .array(items), "total": .int(total), "page": .int(page),
            "pages": .int(pages),
        ]
    }

    /// Returns the id of the person or entity whose account has `login`.
    static func subjectID(_ database: Database, kind: Kind, login: String) throws -> Int64? {
        try database.queryFirst(
            """
            SELECT s.id FROM \(kind.table) s JOIN accounts a ON a.id = s.account_id
            WHERE a.login_key = ?
            """, [AccountStore.key(login)]) { $0.int64(0) }
    }

    /// Returns the login whose profile the caller means: `params.login` for operators, the
    /// caller's own otherwise. Another user's login is rejected with `not_own_profile`.
    static func targetLogin(_ context: CallContext, _ params: Params) throws -> String {
        let caller = context.caller
        if let requested = params.string("login") {
            let own = caller.login.map { AccountStore.key($0) == AccountStore.key(requested) }
            guard caller.role == .operator || own == true else {
                throw RPCError(
                    code: RPCErrorCode.forbidden, reason: "not_own_profile",
                    message: "Only the owner and operators may change or read this profile's "
                        + "history", messageZh: "只能修改或查看本人的信息", field: "params.login")
            }
            return requested
        }
        guard let login = caller.login else {
            throw RPCError.invalidParams(
                "params.login is missing", field: "params.login", reason: "missing_param")
        }
        return login
    }

    /// Returns the admin login of the entity the caller acts for: the caller's own entity for
    /// an entity admin, the entity that named the caller for a main agent, and `params.login`
    /// for operators.
    static func entityLogin(_ database: Database, _ context: CallContext, _ params: Params)
        throws -> String
    {
        let caller = context.caller
        guard caller.role == .mainAgent, let agent = caller.login else {
            return try targetLogin(context, params)
        }
        let login = try database.queryFirst(
            """
            SELECT admin.login FROM main_agents m
            JOIN accounts agent ON agent.id = m.person_account_id
            JOIN entities e ON e.id = m.entity_id
            JOIN accounts admin ON admin.id = e.account_id
            WHERE agent.login_key = ?
            """, [AccountStore.key(agent)]) { $0.string(0) }
        guard let login else {
            throw RPCError(
                code: RPCErrorCode.notFound, reason: "entity_not_found",
                message: "The caller is no entity's main agent",
                messageZh: "当前用户不是任何单位的主代办人")
        }
        if let requested = params.string("login"),
            AccountStore.key(requested) != AccountStore.key(login)
        {
            throw RPCError(
                code: RPCErrorCode.forbidden, reason: "not_own_profile",
                message: "A main agent acts only for the entity that named them",
                messageZh: "主代办人只能代表本单位", field: "params.login")
        }
        return login
    }

    static let pageParams = [
        ParamSpec("page", .integer(min: 1, max: nil), "1-based page, default 1"),
        ParamSpec("pageSize", .integer(min: 1, max: 200), "rows per page, default 10"),
    ]
}
