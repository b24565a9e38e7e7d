import TCMSJSON
import TCMSRPC
import TCMSStorage

/// `audit.list`: the audit log, newest first. Records can be read and never changed; the table's
/// triggers reject UPDATE and DELETE, and no method writes to it except through `AuditLog`.
enum AuditMethods {
    static let listing = Listing(
        filters: [
            .init("method", column: "method", .equals),
            .init("login", column: "login", .equals),
            .init("role", column: "role", .equals),
            .init("subject", column: "subject", .equals),
            .init("from", column: "at", .onOrAfterDate),
            .init("until", column: "at", .onOrBeforeDate),
        ], order: .newestFirst)

    static func specs(environment: ServiceEnvironment) -> [MethodSpec] {
        [
            MethodSpec(
                "audit.list",
                summary: "Lists audit records, newest first; filters method, login, role, subject, "
                    + "from, until. A clerk sees its own office's records: those its clerks made "
                    + "and those on the office's contracts and access applications.",
                params: listing.params,
                result: "{items: [{id, at, role, login, peerUid, peerPid, method, subject, before, "
                    + "after}], total, page, pageSize, pages}",
                roles: [.operator, .clerk], errors: Listing.errors + ["not_a_clerk"]
            ) { context, params in
                try environment.store.read { database in
                    var condition = "1"
                    var arguments: [any SQLBindable] = []
                    if context.caller.role == .clerk {
                        let office = try ClerkStore.callerOffice(context, in: database).officeID
                        condition = officeCondition
                        arguments = [office, office, office]
                    }
                    return try listing.run(
                        database, params: params,
                        from: """
                            SELECT id, at, role, login, peer_uid, peer_pid, method, subject, before,
                                after
                            FROM audit_log WHERE \(condition)
                            """,
                        arguments: arguments,
                        countSQL: "SELECT count(*) FROM audit_log WHERE \(condition)",
                        row: record)
                }
            }
        ]
    }

    /// The records of one office, its id bound three times: made by a clerk of the office, or
    /// about one of its contracts or access applications.
    private static let officeCondition = """
        (login IN (SELECT a.login FROM clerks c JOIN accounts a ON a.id = c.account_id
                   WHERE c.office_id = ?)
         OR subject IN (SELECT 'contract:' || id FROM contracts WHERE office_id = ?)
         OR subject IN (SELECT 'access:' || id FROM access_applications WHERE office_id = ?))
        """

    private static func record(_ row: Row) throws -> JSON {
        func embedded(_ index: Int) throws -> JSON {
            guard let text = row.optionalString(index) else { return .null }
            return (try? JSONParser.parse(text)) ?? .string(text)
        }
        return [
            "id": .int(row.int64(0)), "at": .string(row.string(1)), "role": .string(row.string(2)),
            "login": row.optionalString(3).map(JSON.string) ?? .null,
            "peerUid": .int(row.int64(4)), "peerPid": .int(row.int64(5)),
            "method": .string(row.string(6)),
            "subject": row.optionalString(7).map(JSON.string) ?? .null,
            "before": try embedded(8), "after": try embedded(9),
        ]
    }
}
