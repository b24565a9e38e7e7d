extension Character {
    /// Tells whether the character is one of the ASCII digits 0-9 (and not, for example, a
    /// full-width or Arabic-Indic digit, which `isNumber` also accepts).
    var isASCIIDigit: Bool {
        guard let ascii = asciiValue else {
            return false
        }
        return ascii >= 0x30 && ascii <= 0x39
    }

    /// Tells whether the character is an ASCII upper-case letter A-Z.
    var isASCIIUppercase: Bool {
        guard let ascii = asciiValue else {
            return false
        }
        return ascii >= 0x41 && ascii <= 0x5A
    }

    /// Tells whether the character is an ASCII letter.
    var isASCIILetter: Bool {
        guard let ascii = asciiValue else {
            return false
        }
        return (ascii | 0x20) >= 0x61 && (ascii | 0x20) <= 0x7A
    }

    /// Numeric value of an ASCII digit; nil for anything else.
    var asciiDigitValue: Int? {
        isASCIIDigit ? Int(asciiValue! - 0x30) : nil
    }
}

extension String {
    /// Tells whether the string is non-empty and made of ASCII digits only.
    var isASCIIDigits: Bool {
        !isEmpty && allSatisfy(\.isASCIIDigit)
    }

    /// Upper-cases ASCII letters only, leaving every other character as it is, so that no
    /// locale rule or non-ASCII case mapping changes the input.
    var asciiUppercased: String {
        String(map { character in
            guard let ascii = character.asciiValue, ascii >= 0x61, ascii <= 0x7A else {
                return character
            }
            return Character(Unicode.Scalar(ascii - 0x20))
        })
    }
}
