/// Who a caller acts as. Codes are stable on the wire; labels are for people.
public enum Role: String, Sendable, CaseIterable, Comparable {
    /// Root or the daemon's own uid, identified by SO_PEERCRED.
    case `operator`
    /// A registration-office clerk, bound to one office.
    case clerk
    /// A material reviewer.
    case reviewer
    /// The administrator account of a legal entity.
    case entityAdmin = "entity_admin"
    /// A legal entity's main agent (主代办人).
    case mainAgent = "main_agent"
    /// A natural person.
    case person
    /// A natural person acting as a handler for an entity that authorized them.
    case handler
    /// No session.
    case anonymous

    public var label: String {
        switch self {
        case .operator: return "运维管理员"
        case .clerk: return "登记处审核员"
        case .reviewer: return "材料审核员"
        case .entityAdmin: return "法人管理员"
        case .mainAgent: return "主代办人"
        case .person: return "自然人"
        case .handler: return "办件人"
        case .anonymous: return "匿名"
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

extension Set where Element == Role {
    /// Every role, anonymous included.
    public static var everyone: Set<Role> { Set(Role.allCases) }
}
