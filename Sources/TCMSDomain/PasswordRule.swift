/// The password rule: at least 8 characters and at least 3 of the 4 classes upper-case letter,
/// lower-case letter, digit and special character, where special means printable ASCII that
/// is neither a letter nor a digit (space included). Non-ASCII characters count toward the
/// length but toward no class.
public enum PasswordRule {
    /// Minimum length in characters.
    public static let minimumLength = 8
    /// Minimum length in characters for `strong`.
    public static let strongLength = 12

    /// Number of the four character classes that `password` uses.
    public static func classCount(of password: String) -> Int {
        var upper = false
        var lower = false
        var digit = false
        var special = false
        for character in password {
            guard let ascii = character.asciiValue, (0x20...0x7E).contains(ascii) else {
                continue
            }
            if character.isASCIIUppercase {
                upper = true
            } else if character.isASCIILetter {
                lower = true
            } else if character.isASCIIDigit {
                digit = true
            } else {
                special = true
            }
        }
        return [upper, lower, digit, special].filter { $0 }.count
    }

    /// Rates `password` as weak, medium or strong.
    public static func strength(of password: String) -> PasswordStrength {
        let classes = classCount(of: password)
        if password.count >= strongLength && classes == 4 {
            return .strong
        }
        if password.count >= minimumLength && classes >= 3 {
            return .medium
        }
        return .weak
    }

    /// Lists every way `password` fails the rule (`password_too_short`,
    /// `password_too_few_classes`); empty when it passes.
    public static func violations(of password: String) -> [DomainViolation] {
        var violations: [DomainViolation] = []
        if password.count < minimumLength {
            violations.append(
                DomainViolation(
                    reason: "password_too_short",
                    message: "The password is too short: use at least 8 characters.",
                    messageZh: "密码过短：至少应为 8 位。"))
        }
        if classCount(of: password) < 3 {
            violations.append(
                DomainViolation(
                    reason: "password_too_few_classes",
                    message: "The password must use at least 3 of: upper-case letters, "
                        + "lower-case letters, digits, special characters.",
                    messageZh: "密码应至少包含大写字母、小写字母、数字、特殊字符中的 3 类。"))
        }
        return violations
    }
}
