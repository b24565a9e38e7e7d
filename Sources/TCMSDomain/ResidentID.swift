/// A valid 18-character resident identity number (GB 11643-1999), split into its parts.
///
/// Layout: six-digit address code (GB/T 2260), birth date `YYYYMMDD`, three-digit sequence
/// code whose last digit gives the gender, and a check character (ISO 7064 MOD 11-2).
///
/// Residence permits for Hong Kong, Macau and Taiwan residents use the same layout with the
/// address codes 810000, 820000 and 830000. They are accepted as `resident_id` numbers under
/// every rule above, except that their address code is valid for any birth year. Their
/// `residencePermitRegion` is set; an ordinary resident ID has none.
public struct ResidentID: Sendable, Hashable, CustomStringConvertible {
    /// The number with an upper-case check character.
    public let number: String
    /// Address code, the first six digits.
    public let addressCode: String
    /// Birth date, digits 7 to 14.
    public let birthDate: CivilDate
    /// Sequence code, digits 15 to 17.
    public let sequenceCode: String
    /// Gender from the 17th digit: odd for men, even for women.
    public let gender: Gender

    /// Region of a residence-permit number; nil for an ordinary resident ID.
    public var residencePermitRegion: ResidencePermitRegion? {
        ResidencePermitRegion(addressCode: addressCode)
    }

    /// Masked form for display and logs, as `Masking.mask` produces it.
    public var description: String {
        Masking.mask(number)
    }

    /// Validates `input` and splits it into its parts.
    ///
    /// A lower-case `x` check character is accepted and stored as `X`. The checks run in a
    /// fixed order and the first failure is thrown, so a bad date is never reported as a bad
    /// check character:
    /// 1. format (`invalid_format`); a well-formed 15-digit first-generation number is
    ///    rejected with `first_generation_id` once its date and address code pass;
    /// 2. birth date: it must exist and not be after `today` (`invalid_birth_date`);
    /// 3. address code: known to GB/T 2260 (`unknown_address_code`), below province level
    ///    (`invalid_address_code`), and valid in the birth year or later
    ///    (`address_code_abolished`);
    /// 4. check character (`invalid_check_character`).
    public static func parse(
        _ input: String, today: CivilDate, divisions: Divisions = .standard
    ) throws(DomainViolation) -> ResidentID {
        let characters = Array(input)
        if characters.count == 15 {
            try FirstGenerationID.reject(input, today: today, divisions: divisions)
        }
        guard characters.count == 18, characters[0..<17].allSatisfy(\.isASCIIDigit),
            characters[17].isASCIIDigit || characters[17] == "X" || characters[17] == "x"
        else {
            throw ResidentIDViolation.format()
        }
        let number = String(characters[0..<17]) + String(characters[17]).asciiUppercased

        let birthDate = try checkedBirthDate(String(characters[6..<14]), today: today)

        let addressCode = String(characters[0..<6])
        try checkAddressCode(addressCode, birthYear: birthDate.year, divisions: divisions)

        let expected = checkCharacter(forFirst17: String(number.prefix(17)))
        guard expected == number.last else {
            throw ResidentIDViolation.checkCharacter(number.last!)
        }

        let genderDigit = characters[16].asciiDigitValue!
        return ResidentID(
            number: number, addressCode: addressCode, birthDate: birthDate,
            sequenceCode: String(characters[14..<17]),
            gender: genderDigit % 2 == 1 ? .male : .female)
    }

    /// Computes the check character for the first 17 digits by ISO 7064 MOD 11-2; nil unless
    /// `first17` is exactly 17 ASCII digits.
    public static func checkCharacter(forFirst17 first17: String) -> Character? {
        let digits = first17.compactMap(\.asciiDigitValue)
        guard first17.count == 17, digits.count == 17 else {
            return nil
        }
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let values: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return values[sum % 11]
    }

    /// Checks that this number agrees with a birth date and gender given beside it, and
    /// returns one `birth_date_mismatch` or `gender_mismatch` violation for each that does not.
    public func disagreements(birthDate: CivilDate?, gender: Gender?) -> [DomainViolation] {
        var violations: [DomainViolation] = []
        if let birthDate, birthDate != self.birthDate {
            violations.append(ResidentIDViolation.birthDateMismatch(birthDate, self.birthDate))
        }
        if let gender, gender != self.gender {
            violations.append(ResidentIDViolation.genderMismatch(gender, self.gender))
        }
        return violations
    }

    /// Reads the eight birth-date digits and checks the date exists and is not after `today`.
    static func checkedBirthDate(_ digits: String, today: CivilDate) throws(DomainViolation)
        -> CivilDate
    {
        let text = digits.prefix(4) + "-" + digits.dropFirst(4).prefix(2) + "-" + digits.suffix(2)
        guard let date = CivilDate(String(text)) else {
            throw ResidentIDViolation.birthDateNotReal(String(text))
        }
        guard date <= today else {
            throw ResidentIDViolation.birthDateInFuture(date, today: today)
        }
        return date
    }

    /// Checks the address code of a number whose holder was born in `birthYear`.
    static func checkAddressCode(_ code: String, birthYear: Int, divisions: Divisions)
        throws(DomainViolation)
    {
        if Divisions.residencePermitCodes.contains(code) {
            return
        }
        guard let level = divisions.level(of: code) else {
            throw ResidentIDViolation.unknownAddressCode(code)
        }
        guard level != .province else {
            throw ResidentIDViolation.provinceAddressCode(code)
        }
        guard divisions.isValidAddressCode(code, birthYear: birthYear) else {
            let lastYear = divisions.periods(of: code).compactMap(\.validUntilYear).max() ?? 0
            throw ResidentIDViolation.abolishedAddressCode(code, lastYear, birthYear)
        }
    }
}
