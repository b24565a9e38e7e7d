import TCMSRPC
import TCMSStorage

/// Who sees which contracts, as an SQL condition on `contracts c` that every read adds to its
/// query: a handler sees the contracts it registered for the entity it acts for, an entity
/// admin or main agent the entity's, a clerk the office's (never a draft), operators all.
enum ContractVisibility {
    static func condition(_ context: CallContext, in database: Database) throws
        -> (sql: String, arguments: [any SQLBindable])
    {
        let caller = context.caller
        switch caller.role {
        case .handler:
            guard let entityID = caller.entityID, let login = caller.login else {
                throw ContractErrors.notFound
            }
            return ("c.entity_id = ? AND c.handler_login = ?", [entityID, AccountStore.key(login)])
        case .entityAdmin, .mainAgent:
            return ("c.entity_id = ?", [try AccessStore.callerEntityID(context, in: database)])
        case .clerk:
            let office = try ClerkStore.callerOffice(context, in: database)
            return ("c.office_id = ? AND c.status != 'draft'", [office.officeID])
        case .operator:
            return ("1", [])
        default:
            return ("0", [])
        }
    }

    /// Checks that the caller may see contract `id`, and throws `not_found` otherwise.
    static func require(_ id: Int64, _ context: CallContext, in database: Database) throws {
        let (sql, arguments) = try condition(context, in: database)
        let visible = try database.scalarInt(
            "SELECT count(*) FROM contracts c WHERE c.id = ? AND \(sql)", [id] + arguments)
        guard visible == 1 else { throw ContractErrors.notFound }
    }
}
