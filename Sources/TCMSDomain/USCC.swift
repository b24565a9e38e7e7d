/// A valid unified social credit code (统一社会信用代码, GB 32100-2015), split into its parts.
///
/// Layout: registration authority (1 character), organization category (1), division code
/// (6 digits), organization code (9 characters, GB 11714, with its own check character) and
/// the check character of the whole code. The alphabet is 0-9 and the capital letters except
/// I, O, Z, S and V.
public struct USCC: Sendable, Hashable, CustomStringConvertible {
    /// The 31 characters of the code alphabet, in the order of their values 0-30.
    public static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")

    /// The code, upper case.
    public let code: String
    /// Registration authority, the first character (`9` for market regulation).
    public let registrationAuthority: Character
    /// Organization category within the authority, the second character.
    public let category: Character
    /// Division code, characters 3 to 8.
    public let divisionCode: String
    /// Organization code, characters 9 to 17, including its check character.
    public let organizationCode: String

    /// Chinese name of the registration authority.
    public var authorityLabel: String {
        RegistrationAuthority.authorities[registrationAuthority] ?? ""
    }

    /// Chinese name of the organization category.
    public var categoryLabel: String {
        RegistrationAuthority.categories[registrationAuthority]?[category] ?? ""
    }

    public var description: String {
        code
    }

    /// Validates `input` and splits it into its parts; lower-case letters are accepted and
    /// upper-cased. Checks run in this order and the first failure is thrown:
    /// 1. 18 characters of the code alphabet (`invalid_format`);
    /// 2. a known registration authority and category
    ///    (`unknown_registration_authority`, `unknown_organization_category`);
    /// 3. a division code whose first two digits name a province in `divisions`, or `100000`
    ///    for units registered nationally (`unknown_division_code`);
    /// 4. the check character of the organization code (`invalid_organization_code`);
    /// 5. the check character of the whole code (`invalid_check_character`).
    ///
    /// The full division code is not required to be in the GB/T 2260 list, because market
    /// regulators also issue codes of development zones that the list lacks (320571, for the
    /// Suzhou Industrial Park).
    public static func parse(_ input: String, divisions: Divisions = .standard)
        throws(DomainViolation) -> USCC
    {
        let code = input.asciiUppercased
        let characters = Array(code)
        let values = characters.compactMap { alphabet.firstIndex(of: $0) }
        guard characters.count == 18, values.count == 18 else {
            throw USCCViolation.format()
        }

        let authority = characters[0]
        let category = characters[1]
        guard let categories = RegistrationAuthority.categories[authority] else {
            throw USCCViolation.authority(authority)
        }
        guard categories[category] != nil else {
            throw USCCViolation.category(authority, category)
        }

        let divisionCode = String(characters[2..<8])
        let provinceCode = divisionCode.prefix(2) + "0000"
        let isNational = divisionCode == "100000"
        guard divisionCode.isASCIIDigits, isNational || divisions.isKnown(String(provinceCode))
        else {
            throw USCCViolation.division(divisionCode)
        }

        let organizationCode = String(characters[8..<17])
        guard organizationCheckCharacter(forFirst8: String(organizationCode.prefix(8)))
            == organizationCode.last
        else {
            throw USCCViolation.organizationCode(organizationCode)
        }

        guard checkCharacter(forFirst17: String(code.prefix(17))) == characters[17] else {
            throw USCCViolation.checkCharacter(characters[17])
        }

        return USCC(
            code: code, registrationAuthority: authority, category: category,
            divisionCode: divisionCode, organizationCode: organizationCode)
    }

    /// Computes the check character of the first 17 characters: weights 3^i mod 31, check
    /// value 31 - (sum mod 31), where 31 becomes 0. Nil if a character is outside the alphabet.
    public static func checkCharacter(forFirst17 first17: String) -> Character? {
        let values = first17.compactMap { alphabet.firstIndex(of: $0) }
        guard first17.count == 17, values.count == 17 else {
            return nil
        }
        let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
        let sum = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return alphabet[(31 - sum % 31) % 31]
    }

    /// Computes the GB 11714 check character of an 8-character organization code body.
    /// Digits count their value and letters A-Z count 10-35, with weights 3 7 9 10 5 8 4 2.
    /// The check value is 11 - (sum mod 11), written `X` for 10 and `0` for 11. Returns nil
    /// for any other character.
    public static func organizationCheckCharacter(forFirst8 first8: String) -> Character? {
        let values: [Int] = first8.compactMap { character in
            if let digit = character.asciiDigitValue {
                return digit
            }
            guard character.isASCIIUppercase else {
                return nil
            }
            return Int(character.asciiValue! - 0x41) + 10
        }
        guard first8.count == 8, values.count == 8 else {
            return nil
        }
        let weights = [3, 7, 9, 10, 5, 8, 4, 2]
        let check = 11 - zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 } % 11
        switch check {
        case 10: return "X"
        case 11: return "0"
        default: return Character(String(check))
        }
    }
}
