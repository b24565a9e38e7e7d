/// The seven identity documents a natural person can register with.
public enum DocumentType: String, Labelled {
    /// Resident identity card, number per GB 11643 (居民身份证).
    case residentID = "resident_id"
    /// Foreign permanent resident ID card (外国人永久居留证).
    case foreignPermanentResidentCard = "foreign_permanent_resident_card"
    /// Mainland residents' travel permit to Hong Kong and Macau (往来港澳通行证).
    case hkMacauTravelPermit = "hk_macau_travel_permit"
    /// Mainland residents' travel permit to Taiwan (往来台湾通行证).
    case taiwanTravelPermit = "taiwan_travel_permit"
    /// Hong Kong and Macau residents' permit to the mainland (港澳居民往来内地通行证).
    case hkMacauResidentPermit = "hk_macau_resident_permit"
    /// Taiwan residents' permit to the mainland (台湾居民来往大陆通行证).
    case taiwanResidentPermit = "taiwan_resident_permit"
    /// Passport issued outside the mainland (境外护照).
    case foreignPassport = "foreign_passport"

    public var label: String {
        switch self {
        case .residentID: "居民身份证"
        case .foreignPermanentResidentCard: "外国人永久居留证"
        case .hkMacauTravelPermit: "往来港澳通行证"
        case .taiwanTravelPermit: "往来台湾通行证"
        case .hkMacauResidentPermit: "港澳居民往来内地通行证"
        case .taiwanResidentPermit: "台湾居民来往大陆通行证"
        case .foreignPassport: "境外护照"
        }
    }

    /// The verification method for holders of this document.
    public var verification: VerificationMethod {
        switch self {
        case .foreignPermanentResidentCard, .foreignPassport: .manual
        default: .online
        }
    }
}
