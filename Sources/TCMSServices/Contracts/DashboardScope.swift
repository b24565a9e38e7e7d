import TCMSJSON
import TCMSRPC
import TCMSStorage

/// The contracts one dashboard covers: an office's (a clerk's own, or any for an operator),
/// an entity's (its admin's or main agent's, or any for an operator), or a handler's own
/// contracts for the entity it acts for. `ContractVisibility` still narrows every query.
struct DashboardScope {
    enum Kind: String {
        case office
        case entity
        case handler
    }

    let kind: Kind
    let officeID: Int64?
    let entityID: Int64?
    /// The office's or the entity's name.
    let name: String

    /// Whether the change reminders are the filings this office's clerks decide, rather than
    /// the filings returned to the entity.
    var reviewsFilings: Bool { kind == .office }

    var condition: ContractConditions.Condition {
        if let officeID { return ("c.office_id = ?", [officeID]) }
        return ("c.entity_id = ?", [entityID ?? 0])
    }

    /// The scope as `contract.list` filter members.
    var listFilter: JSONObject {
        if let officeID { return ["officeId": .string(String(officeID))] }
        return ["entityId": .string(String(entityID ?? 0))]
    }

    static let notOwnOffice = RPCError(
        code: RPCErrorCode.forbidden, reason: "not_own_office",
        message: "Only an operator may name an office other than the caller's own",
        messageZh: "只能查看本登记机构的工作台", field: "params.officeId")

    static let notOwnEntity = RPCError(
        code: RPCErrorCode.forbidden, reason: "not_own_entity",
        message: "Only an operator may name an entity other than the one the caller acts for",
        messageZh: "只能查看本单位的工作台", field: "params.entityId")

    /// Resolves the scope the caller requests with `officeId` or `entityId`. An operator names
    /// exactly one of them. Every other role gets its own office or entity and may name only
    /// that one.
    static func resolve(_ context: CallContext, _ params: Params, in database: Database) throws
        -> DashboardScope
    {
        let officeParam = params.int("officeId")
        let entityParam = params.int("entityId")

        switch context.caller.role {
        case .operator:
            switch (officeParam, entityParam) {
            case (let officeID?, nil):
                try ClerkStore.requireOffice(officeID, field: "params.officeId", in: database)
                return try office(officeID, in: database)
            case (nil, let entityID?):
                return try entity(entityID, kind: .entity, in: database)
            case (nil, nil):
                throw RPCError.invalidParams(
                    "an operator gives params.officeId or params.entityId",
                    field: "params.officeId", reason: "missing_param")
            default:
                throw RPCError.invalidParams(
                    "give params.officeId or params.entityId, not both", field: "params.entityId")
            }
        case .clerk:
            let own = try ClerkStore.callerOffice(context, in: database)
            if entityParam != nil { throw notOwnEntity }
            if let officeParam, officeParam != own.officeID { throw notOwnOffice }
            return DashboardScope(
                kind: .office, officeID: own.officeID, entityID: nil, name: own.officeName)
        default:
            let own: Int64
            if context.caller.role == .handler {
                guard let entityID = context.caller.entityID else { throw ContractErrors.notFound }
                own = entityID
            } else {
                own = try AccessStore.callerEntityID(context, in: database)
            }
            if officeParam != nil { throw notOwnOffice }
            if let entityParam, entityParam != own { throw notOwnEntity }
            let kind: Kind = context.caller.role == .handler ? .handler : .entity
            return try entity(own, kind: kind, in: database)
        }
    }

    private static func office(_ id: Int64, in database: Database) throws -> DashboardScope {
        let name = try database.queryFirst("SELECT name FROM offices WHERE id = ?", [id]) {
            $0.string(0)
        }
        return DashboardScope(kind: .office, officeID: id, entityID: nil, name: name ?? "")
    }

    private static func entity(_ id: Int64, kind: Kind, in database: Database) throws
        -> DashboardScope
    {
        guard let name = try database.queryFirst(
            "SELECT name FROM entities WHERE id = ?", [id], { $0.string(0) })
        else {
            throw RPCError(
                code: RPCErrorCode.notFound, reason: "entity_not_found",
                message: "No legal entity has the id \(id)", messageZh: "未找到对应的法人单位",
                field: "params.entityId")
        }
        return DashboardScope(kind: kind, officeID: nil, entityID: id, name: name)
    }
}
