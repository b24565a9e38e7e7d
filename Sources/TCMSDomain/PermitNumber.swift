// NOTE: no register of issued numbers was checked against these patterns. A real number of a
// series not listed here is rejected until its pattern is added.
/// Format checks for the six identity documents other than the resident ID. None of them is
/// checked with the GB 11643 check character, and ASCII letters are upper-cased first, so
/// `h03920417` is stored as `H03920417`. Surrounding spaces are not removed.
///
/// Accepted formats:
/// - 往来港澳通行证: one letter and 8 digits (`C` on the card, other letters on the older
///   booklets).
/// - 往来台湾通行证: 8 digits (older booklets), or one letter and 8 digits (`L` on the card).
/// - 港澳居民往来内地通行证: `H` (Hong Kong) or `M` (Macau) and 8 digits, or 10 digits
///   whose last two count the issues.
/// - 台湾居民来往大陆通行证: 8 digits (the card), or the older 10 characters: 10 digits, or
///   9 digits and a letter that marks a reissue.
/// - 外国人永久居留证: a three-letter country code and 12 digits (older card), or 18
///   characters: `9`, 16 digits and a digit or `X` (newer card).
/// - 境外护照: 5 to 20 ASCII letters and digits.
public enum PermitNumber {
    /// Checks `input` against the format of `type` and returns it with ASCII letters upper-cased;
    /// throws `invalid_format` naming the expected format. `type` must not be `.residentID`,
    /// which `ResidentID.parse` checks.
    public static func normalise(_ input: String, type: DocumentType) throws(DomainViolation)
        -> String
    {
        precondition(type != .residentID, "Resident IDs are checked by ResidentID.parse")
        let value = input.asciiUppercased

        guard matches(Array(value), type: type) else {
            let format = PermitFormat(type)
            throw DomainViolation(
                reason: "invalid_format",
                message: "Invalid \(type.rawValue) number: expected \(format.english).",
                messageZh: "\(type.label)号码格式无效：应为\(format.chinese)。")
        }
        return value
    }

    private static func matches(_ value: [Character], type: DocumentType) -> Bool {
        let digits = { (slice: ArraySlice<Character>) in slice.allSatisfy(\.isASCIIDigit) }
        let letter = { (character: Character) in character.isASCIIUppercase }

        switch type {
        case .hkMacauTravelPermit:
            return value.count == 9 && letter(value[0]) && digits(value[1...])
        case .taiwanTravelPermit:
            return (value.count == 8 && digits(value[...]))
                || (value.count == 9 && letter(value[0]) && digits(value[1...]))
        case .hkMacauResidentPermit:
            return (value.count == 9 || value.count == 11)
                && (value[0] == "H" || value[0] == "M") && digits(value[1...])
        case .taiwanResidentPermit:
            return (value.count == 8 && digits(value[...]))
                || (value.count == 10 && digits(value[..<9])
                    && (value[9].isASCIIDigit || letter(value[9])))
        case .foreignPermanentResidentCard:
            return (value.count == 15 && value[..<3].allSatisfy(letter) && digits(value[3...]))
                || (value.count == 18 && value[0] == "9" && digits(value[1..<17])
                    && (value[17].isASCIIDigit || value[17] == "X"))
        case .foreignPassport:
            return (5...20).contains(value.count)
                && value.allSatisfy { $0.isASCIIDigit || letter($0) }
        case .residentID:
            return false
        }
    }
}
