/// The login-name rule: 4 to 32 ASCII letters, digits and underscores.
public enum LoginName {
    /// Allowed lengths in characters.
    public static let lengths = 4...32

    /// Tells whether `name` follows the rule.
    public static func isValid(_ name: String) -> Bool {
        lengths.contains(name.count)
            && name.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == "_" }
    }

    /// Throws `invalid_login_name` unless `name` follows the rule.
    public static func validate(_ name: String) throws(DomainViolation) {
        guard isValid(name) else {
            throw DomainViolation(
                reason: "invalid_login_name",
                message: "Invalid login name: use 4 to 32 ASCII letters, digits and underscores.",
                messageZh: "登录名无效：应为 4 至 32 位英文字母、数字或下划线。")
        }
    }
}
