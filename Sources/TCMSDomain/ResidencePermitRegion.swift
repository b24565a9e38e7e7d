/// The region of a residence permit for Hong Kong, Macau or Taiwan residents, whose number has
/// the resident-ID layout with the address code 810000, 820000 or 830000.
public enum ResidencePermitRegion: String, Labelled {
    case hongKong = "hong_kong"
    case macau
    case taiwan

    public var label: String {
        switch self {
        case .hongKong: "香港居民居住证"
        case .macau: "澳门居民居住证"
        case .taiwan: "台湾居民居住证"
        }
    }

    /// Address code the permit numbers carry.
    public var addressCode: String {
        switch self {
        case .hongKong: "810000"
        case .macau: "820000"
        case .taiwan: "830000"
        }
    }

    /// Finds the region whose permits carry `addressCode`.
    public init?(addressCode: String) {
        guard let region = Self.allCases.first(where: { $0.addressCode == addressCode }) else {
            return nil
        }
        self = region
    }
}
