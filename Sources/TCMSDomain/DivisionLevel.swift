/// The level of a GB/T 2260 administrative division.
public enum DivisionLevel: String, Labelled {
    /// Province, autonomous region, municipality or special administrative region (省级).
    case province
    /// Prefecture-level city, prefecture or league, and the 市辖区/县 grouping codes (地级).
    case prefecture
    /// County, county-level city or district (县级).
    case county

    public var label: String {
        switch self {
        case .province: "省级"
        case .prefecture: "地级"
        case .county: "县级"
        }
    }
}
