/// A strict RFC 8259 parser over UTF-8 bytes.
///
/// Beyond the RFC it rejects what a protocol peer should never send: invalid UTF-8 (overlong forms,
/// encoded surrogates), escaped lone surrogates, duplicate object keys and nesting deeper than
/// `maxDepth`, so no later layer has to handle them.
public struct JSONParser {
    /// Arrays and objects nested deeper than this are rejected, which bounds the parser's stack use.
    public static let maxDepth = 64

    /// Parses exactly one JSON value, with optional surrounding whitespace.
    public static func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSON {
        let array = Array(bytes)
        return try array.withUnsafeBufferPointer { (buffer) throws(JSONParseError) -> JSON in
            var parser = JSONParser(buffer)
            return try parser.parseDocument()
        }
    }

    /// Parses a Swift string as a JSON document.
    public static func parse(_ text: String) throws(JSONParseError) -> JSON {
        try parse(Array(text.utf8))
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    private var depth = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    private mutating func parseDocument() throws(JSONParseError) -> JSON {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        guard position == bytes.count else { throw JSONParseError(.trailingData, at: position) }
        return value
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    private func peek() throws(JSONParseError) -> UInt8 {
        guard position < bytes.count else { throw JSONParseError(.unexpectedEnd, at: position) }
        return bytes[position]
    }

    private mutating func parseValue() throws(JSONParseError) -> JSON {
        switch try peek() {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try parseLiteral("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        case 0x80...0xFF: throw JSONParseError(.invalidUTF8, at: position)
        default: throw JSONParseError(.unexpectedCharacter, at: position)
        }
    }

    private mutating func parseLiteral(_ word: String, _ value: JSON)
        throws(JSONParseError) -> JSON
    {
        for expected in word.utf8 {
            guard position < bytes.count else { throw JSONParseError(.unexpectedEnd, at: position) }
            guard bytes[position] == expected else {
                throw JSONParseError(.unexpectedCharacter, at: position)
            }
            position += 1
        }
        return value
    }

    private mutating func enterContainer() throws(JSONParseError) {
        depth += 1
        guard depth <= JSONParser.maxDepth else { throw JSONParseError(.tooDeep, at: position) }
        position += 1
    }

    private mutating func parseArray() throws(JSONParseError) -> JSON {
        try enterContainer()
        defer { depth -= 1 }

        var elements: [JSON] = []
        skipWhitespace()
        if try peek() == UInt8(ascii: "]") {
            position += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            let next = try peek()
            position += 1
            if next == UInt8(ascii: "]") { return .array(elements) }
            guard next == UInt8(ascii: ",") else {
                throw JSONParseError(.unexpectedCharacter, at: position - 1)
            }
        }
    }

    private mutating func parseObject() throws(JSONParseError) -> JSON {
        try enterContainer()
        defer { depth -= 1 }

        var object = JSONObject()
        // Keys are compared by their UTF-8 bytes: Swift's String equality treats canonically
        // equivalent spellings ("é" and "e" + U+0301) as equal, but JSON keys are distinct.
        var seen = Set<[UInt8]>()
        skipWhitespace()
        if try peek() == UInt8(ascii: "}") {
            position += 1
            return .object(object)
        }
        while true {
            skipWhitespace()
            let keyOffset = position
            guard try peek() == UInt8(ascii: "\"") else {
                throw JSONParseError(.unexpectedCharacter, at: position)
            }
            let key = try parseString()
            guard seen.insert(Array(key.utf8)).inserted else {
                throw JSONParseError(.duplicateKey, at: keyOffset)
            }
            skipWhitespace()
            guard try peek() == UInt8(ascii: ":") else {
                throw JSONParseError(.unexpectedCharacter, at: position)
            }
            position += 1
            skipWhitespace()
            object.appendUnchecked(key, try parseValue())
            skipWhitespace()
            let next = try peek()
            position += 1
            if next == UInt8(ascii: "}") { return .object(object) }
            guard next == UInt8(ascii: ",") else {
                throw JSONParseError(.unexpectedCharacter, at: position - 1)
            }
        }
    }

    private mutating func parseNumber() throws(JSONParseError) -> JSON {
        let start = position
        var isInteger = true

        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count else { throw JSONParseError(.invalidNumber, at: start) }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            try skipDigits(numberStart: start)
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            try skipDigits(numberStart: start)
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            position += 1
            if position < bytes.count,
                bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")
            {
                position += 1
            }
            try skipDigits(numberStart: start)
        }

        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]),
                          as: UTF8.self)
        if isInteger, let value = Int64(text) {
            return .int(value)
        }
        guard let value = Double(text) else { throw JSONParseError(.invalidNumber, at: start) }
        return .double(value)
    }

    private mutating func skipDigits(numberStart: Int) throws(JSONParseError) {
        let first = position
        while position < bytes.count, (0x30...0x39).contains(bytes[position]) {
            position += 1
        }
        guard position > first else { throw JSONParseError(.invalidNumber, at: numberStart) }
    }
}
