/// The region in which a legal entity is registered.
public enum RegionType: String, Labelled {
    case domestic
    /// Hong Kong, Macau or Taiwan.
    case hmt
    case foreign

    public var label: String {
        switch self {
        case .domestic: "境内单位"
        case .hmt: "港澳台地区单位"
        case .foreign: "境外单位"
        }
    }
}
