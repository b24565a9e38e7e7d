import TCMSJSON
import TCMSRPC
import TCMSStorage

/// `account.list`: the operators' view of every account, oldest first.
enum AccountListing {
    static let listing = Listing(filters: [
        .init("login", column: "login", .contains),
        .init("role", column: "role", .equals),
        .init("status", column: "status", .equals),
        .init("createdFrom", column: "created_at", .onOrAfterDate),
        .init("createdUntil", column: "created_at", .onOrBeforeDate),
    ])

    static func specs(environment: ServiceEnvironment) -> [MethodSpec] {
        [
            MethodSpec(
                "account.list",
                summary: "Lists accounts; filters login (substring), role, status, createdFrom, "
                    + "createdUntil.",
                params: listing.params,
                result: "{items: [{id, login, role, roleLabel, status, statusLabel, "
                    + "mustResetPassword, createdAt}], total, page, pageSize, pages}",
                roles: [.operator], errors: Listing.errors
            ) { _, params in
                try environment.store.read { database in
                    try listing.run(
                        database, params: params,
                        from: """
                            SELECT id, login, role, status, must_reset_password, created_at
                            FROM accounts WHERE 1
                            """,
                        arguments: [], countSQL: "SELECT count(*) FROM accounts WHERE 1",
                        row: account)
                }
            }
        ]
    }

    private static func account(_ row: Row) throws -> JSON {
        let role = row.string(2)
        let status = row.string(3)
        return [
            "id": .int(row.int64(0)), "login": .string(row.string(1)),
            "role": .string(role), "roleLabel": .string(Role(rawValue: role)?.label ?? role),
            "status": .string(status), "statusLabel": .string(status == "active" ? "正常" : "已停用"),
            "mustResetPassword": .bool(row.bool(4)), "createdAt": .string(row.string(5)),
        ]
    }
}
