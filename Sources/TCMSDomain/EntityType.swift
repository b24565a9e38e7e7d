/// The type of a domestic legal entity.
public enum EntityType: String, Labelled {
    case enterprise
    case socialOrg = "social_org"
    case institution
    case other

    public var label: String {
        switch self {
        case .enterprise: "企业法人"
        case .socialOrg: "社会组织法人"
        case .institution: "事业单位法人"
        case .other: "其他"
        }
    }

    /// Whether the entity must give a unified social credit code and is verified online;
    /// true for enterprises, social organisations and public institutions.
    public var requiresUSCC: Bool {
        self != .other
    }
}
