/// The state of one handler authorization on a given day. It is computed from the validity
/// period and the revocation whenever it is read, so no background job has to update it.
public enum AuthorizationStatus: String, Labelled {
    /// In force today.
    case active
    /// The validity period starts after today.
    case notYetValid = "not_yet_valid"
    /// The validity period ended before today.
    case expired
    /// The entity revoked it.
    case revoked

    public var label: String {
        switch self {
        case .active: "正常"
        case .notYetValid: "未生效"
        case .expired: "已过期"
        case .revoked: "已撤销"
        }
    }

    /// Computes the status on `today`. Both ends of the period are inclusive China dates, and a
    /// missing end is open.
    public init(
        validFrom: CivilDate?, validUntil: CivilDate?, isRevoked: Bool, today: CivilDate
    ) {
        if isRevoked {
            self = .revoked
        } else if let validUntil, validUntil < today {
            self = .expired
        } else if let validFrom, validFrom > today {
            self = .notYetValid
        } else {
            self = .active
        }
    }
}
