/// The identity type of a natural person.
public enum IdentityType: String, Labelled {
    /// Mainland resident (内地居民).
    case mainland
    /// Resident of Hong Kong, Macau or Taiwan (港澳台居民).
    case hmt
    /// Anyone else, mainly foreign nationals (其他).
    case other

    public var label: String {
        switch self {
        case .mainland: "内地居民"
        case .hmt: "港澳台居民"
        case .other: "其他"
        }
    }
}
