/// First-generation resident ID numbers: 15 digits, a two-digit birth year in the 1900s and no
/// check character. They are no longer accepted, but a well-formed one is converted to show
/// the holder their 18-digit number.
public enum FirstGenerationID {
    /// Converts a 15-digit number to the 18-character form: `19` goes before the two-digit
    /// year and the check character is appended, so `350102871123456` becomes
    /// `350102198711234562`. Returns nil unless `number` is 15 digits.
    public static func eighteenCharacterForm(of number: String) -> String? {
        guard number.count == 15, number.isASCIIDigits else {
            return nil
        }
        let first17 = number.prefix(6) + "19" + number.dropFirst(6)
        guard let check = ResidentID.checkCharacter(forFirst17: String(first17)) else {
            return nil
        }
        return String(first17) + String(check)
    }

    /// Always throws: `invalid_format` for anything but 15 digits, `invalid_birth_date` or an
    /// address-code reason when those parts are wrong, and otherwise `first_generation_id`
    /// with the 18-character form in the message.
    static func reject(_ input: String, today: CivilDate, divisions: Divisions)
        throws(DomainViolation) -> Never
    {
        guard input.isASCIIDigits, let converted = eighteenCharacterForm(of: input) else {
            throw ResidentIDViolation.format()
        }

        let digits = Array(converted)
        let birthDate = try ResidentID.checkedBirthDate(String(digits[6..<14]), today: today)
        try ResidentID.checkAddressCode(
            String(digits[0..<6]), birthYear: birthDate.year, divisions: divisions)

        throw DomainViolation(
            reason: "first_generation_id",
            message: "15-digit first-generation resident ID numbers are no longer accepted; "
                + "enter the 18-character number instead, which for this number is \(converted).",
            messageZh: "不再接受 15 位的第一代居民身份证号码，请填写 18 位号码，"
                + "此号码对应的 18 位号码为 \(converted)。")
    }
}
