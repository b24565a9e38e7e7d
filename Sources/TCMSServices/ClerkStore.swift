import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// The office a clerk works for, as `ClerkStore.office` reads it.
struct ClerkOffice {
    let officeID: Int64
    let officeName: String
    let largeAmountApprover: Bool
}

/// Reads and writes `clerks`, the link between a clerk account and its office.
enum ClerkStore {
    /// Clerks with their login and office, one row each, as a subquery that listings filter.
    static let view = """
        (SELECT c.id AS id, a.login AS login, c.name AS name, c.office_id AS office_id,
            o.name AS office_name, c.large_amount_approver AS large_amount_approver,
            a.status AS status, c.created_at AS created_at, c.updated_at AS updated_at,
            a.login_key AS login_key
        FROM clerks c JOIN accounts a ON a.id = c.account_id JOIN offices o ON o.id = c.office_id)
        """

    static let columns = """
        id, login, name, office_id, office_name, large_amount_approver, status, created_at,
        updated_at
        """

    /// Returns the office of the clerk with `login`, or nil when no clerk has that login.
    /// Every clerk call reads it inside its own transaction, so a move to another office
    /// takes effect on the next call.
    static func office(ofLogin login: String, in database: Database) throws -> ClerkOffice? {
        try database.queryFirst(
            "SELECT office_id, office_name, large_amount_approver FROM \(view) WHERE login_key = ?",
            [AccountStore.key(login)]
        ) { ClerkOffice(officeID: $0.int64(0), officeName: $0.string(1),
                        largeAmountApprover: $0.bool(2)) }
    }

    /// Returns the office of the calling clerk; a clerk account without a clerks row (which
    /// only a hand-edited database has) is rejected as forbidden.
    static func callerOffice(_ context: CallContext, in database: Database) throws -> ClerkOffice {
        guard let login = context.caller.login,
            let office = try office(ofLogin: login, in: database)
        else {
            throw RPCError(
                code: RPCErrorCode.forbidden, reason: "not_a_clerk",
                message: "The account is not bound to a registration office",
                messageZh: "该账号未绑定登记机构")
        }
        return office
    }

    /// Returns the clerk with `login` as JSON, or nil.
    static func load(login: String, in database: Database) throws -> JSON? {
        try database.queryFirst(
            "SELECT \(columns) FROM \(view) WHERE login_key = ?", [AccountStore.key(login)], json)
    }

    static func json(_ row: Row) -> JSON {
        [
            "id": .int(row.int64(0)), "login": .string(row.string(1)),
            "name": .string(row.string(2)), "officeId": .int(row.int64(3)),
            "officeName": .string(row.string(4)),
            "largeAmountApprover": .bool(row.bool(5)), "status": .string(row.string(6)),
            "createdAt": .string(row.string(7)), "updatedAt": .string(row.string(8)),
        ]
    }

    /// Throws `not_found` naming `field` unless an office with `id` exists.
    static func requireOffice(_ id: Int64, field: String, in database: Database) throws {
        let count = try database.scalarInt("SELECT count(*) FROM offices WHERE id = ?", [id])
        guard count == 1 else {
            throw RPCError(
                code: RPCErrorCode.notFound, reason: "office_not_found",
                message: "No office with id \(id); office.list shows the offices",
                messageZh: "登记机构不存在", field: field)
        }
    }

    static func clerkNotFound(_ login: String) -> RPCError {
        RPCError(
            code: RPCErrorCode.notFound, reason: "clerk_not_found",
            message: "No clerk has the login \(login)", messageZh: "没有该登录名的审核员",
            field: "params.login")
    }
}
