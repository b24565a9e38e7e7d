extension JSONParser {
    /// Parses a string starting at its opening quote, validating UTF-8 as it goes.
    mutating func parseString() throws(JSONParseError) -> String {
        position += 1
        var utf8: [UInt8] = []

        while true {
            guard position < bytes.count else { throw JSONParseError(.unexpectedEnd, at: position) }
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try parseEscape(into: &utf8)
            case 0x00..<0x20:
                throw JSONParseError(.controlCharacterInString, at: position)
            case 0x20..<0x80:
                utf8.append(byte)
                position += 1
            default:
                try copyMultibyteScalar(into: &utf8)
            }
        }
    }

    /// Copies one multi-byte UTF-8 sequence after checking it per RFC 3629: no overlong forms,
    /// no encoded surrogates, nothing above U+10FFFF.
    private mutating func copyMultibyteScalar(into utf8: inout [UInt8]) throws(JSONParseError) {
        let start = position
        let lead = bytes[position]
        let length: Int
        var lowerBound: UInt8 = 0x80
        var upperBound: UInt8 = 0xBF

        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lowerBound = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upperBound = 0x9F
        case 0xF0: length = 4; lowerBound = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upperBound = 0x8F
        default: throw JSONParseError(.invalidUTF8, at: start)
        }
        guard start + length <= bytes.count else { throw JSONParseError(.invalidUTF8, at: start) }
        let second = bytes[start + 1]
        guard second >= lowerBound, second <= upperBound else {
            throw JSONParseError(.invalidUTF8, at: start)
        }
        for offset in 2..<max(2, length) where bytes[start + offset] & 0xC0 != 0x80 {
            throw JSONParseError(.invalidUTF8, at: start)
        }
        utf8.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<start + length]))
        position += length
    }

    private mutating func parseEscape(into utf8: inout [UInt8]) throws(JSONParseError) {
        let start = position
        position += 1
        guard position < bytes.count else { throw JSONParseError(.unexpectedEnd, at: position) }
        let letter = bytes[position]
        position += 1

        switch letter {
        case UInt8(ascii: "\""): utf8.append(0x22)
        case UInt8(ascii: "\\"): utf8.append(0x5C)
        case UInt8(ascii: "/"): utf8.append(0x2F)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
            let scalar = try parseUnicodeEscape(escapeStart: start)
            utf8.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
            throw JSONParseError(.invalidEscape, at: start)
        }
    }

    /// Reads the four hex digits after `\u`, joining a surrogate pair written as two escapes.
    private mutating func parseUnicodeEscape(escapeStart: Int)
        throws(JSONParseError) -> Unicode.Scalar
    {
        let high = try parseHex4(escapeStart: escapeStart)
        if (0xDC00...0xDFFF).contains(high) {
            throw JSONParseError(.loneSurrogate, at: escapeStart)
        }
        guard (0xD800...0xDBFF).contains(high) else {
            guard let scalar = Unicode.Scalar(high) else {
                throw JSONParseError(.invalidEscape, at: escapeStart)
            }
            return scalar
        }

        guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
            bytes[position + 1] == UInt8(ascii: "u")
        else {
            throw JSONParseError(.loneSurrogate, at: escapeStart)
        }
        position += 2
        let low = try parseHex4(escapeStart: escapeStart)
        guard (0xDC00...0xDFFF).contains(low) else {
            throw JSONParseError(.loneSurrogate, at: escapeStart)
        }
        let combined = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
        guard let scalar = Unicode.Scalar(combined) else {
            throw JSONParseError(.invalidEscape, at: escapeStart)
        }
        return scalar
    }

    private mutating func parseHex4(escapeStart: Int) throws(JSONParseError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw JSONParseError(.unexpectedEnd, at: position) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: throw JSONParseError(.invalidEscape, at: escapeStart)
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }
}
