/// Strength of a password under the registration rule.
public enum PasswordStrength: String, Labelled, Comparable {
    /// Fails the rule: fewer than 8 characters or fewer than 3 character classes.
    case weak
    /// Meets the rule: at least 8 characters and 3 of the 4 classes.
    case medium
    /// At least 12 characters and all 4 classes.
    case strong

    public var label: String {
        switch self {
        case .weak: "弱"
        case .medium: "中"
        case .strong: "强"
        }
    }

    public static func < (lhs: PasswordStrength, rhs: PasswordStrength) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
