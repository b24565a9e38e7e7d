/// Mainland China mobile numbers: 11 digits starting with 1 and a second digit 3 to 9.
public enum MobileNumber {
    /// Tells whether `value` is a mainland mobile number.
    public static func isValid(_ value: String) -> Bool {
        let characters = Array(value)
        guard characters.count == 11, value.isASCIIDigits, characters[0] == "1" else {
            return false
        }
        return ("3"..."9").contains(characters[1])
    }

    /// Throws `invalid_mobile` unless `value` is a mainland mobile number.
    public static func validate(_ value: String) throws(DomainViolation) {
        guard isValid(value) else {
            throw DomainViolation(
                reason: "invalid_mobile",
                message: "Invalid mobile number: expected 11 digits starting with 13 to 19.",
                messageZh: "手机号码无效：应为以 13 至 19 开头的 11 位数字。")
        }
    }
}
