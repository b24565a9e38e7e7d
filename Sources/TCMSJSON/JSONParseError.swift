/// Why a byte sequence is not one acceptable JSON value, and the byte offset where parsing stopped.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case invalidUTF8 = "invalid_utf8"
        case unexpectedCharacter = "unexpected_character"
        case unexpectedEnd = "unexpected_end"
        case invalidNumber = "invalid_number"
        case invalidEscape = "invalid_escape"
        case loneSurrogate = "lone_surrogate"
        case controlCharacterInString = "control_character_in_string"
        case duplicateKey = "duplicate_key"
        case tooDeep = "too_deep"
        case trailingData = "trailing_data"
    }

    public let kind: Kind
    public let offset: Int

    public init(_ kind: Kind, at offset: Int) {
        self.kind = kind
        self.offset = offset
    }

    /// A message that names the fault and the offset but never echoes the input bytes.
    public var description: String {
        let what: String
        switch kind {
        case .invalidUTF8: what = "bytes that are not valid UTF-8"
        case .unexpectedCharacter: what = "an unexpected character"
        case .unexpectedEnd: what = "the end of the input inside a value"
        case .invalidNumber: what = "a malformed number"
        case .invalidEscape: what = "an invalid escape sequence"
        case .loneSurrogate: what = "an escaped UTF-16 surrogate without its pair"
        case .controlCharacterInString: what = "an unescaped control character in a string"
        case .duplicateKey: what = "a key that appears twice in one object"
        case .tooDeep: what = "nesting deeper than \(JSONParser.maxDepth) levels"
        case .trailingData: what = "data after the end of the value"
        }
        return "JSON parse error: \(what) at byte \(offset)"
    }
}
