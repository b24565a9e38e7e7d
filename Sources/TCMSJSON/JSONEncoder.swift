extension JSON {
    /// Compact UTF-8 JSON text, without a trailing newline. Non-finite doubles become `null`,
    /// because JSON has no spelling for them.
    public func encoded() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(128)
        write(to: &output)
        return output
    }

    /// The compact JSON text as a string.
    public func encodedString() -> String {
        String(decoding: encoded(), as: UTF8.self)
    }

    /// Appends the compact encoding to `output`.
    public func write(to output: inout [UInt8]) {
        switch self {
        case .null:
            output.append(contentsOf: "null".utf8)
        case .bool(let value):
            output.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value):
            output.append(contentsOf: String(value).utf8)
        case .double(let value):
            output.append(contentsOf: (value.isFinite ? "\(value)" : "null").utf8)
        case .string(let value):
            JSON.writeString(value, to: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                element.write(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            for (index, member) in object.members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                JSON.writeString(member.key, to: &output)
                output.append(UInt8(ascii: ":"))
                member.value.write(to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func writeString(_ value: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        // Most strings need no escape at all; they are copied in one step.
        let plain = value.utf8.allSatisfy { byte in
            byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0x7F && byte != 0xC2
                && byte != 0xE2
        }
        if plain {
            output.append(contentsOf: value.utf8)
            output.append(UInt8(ascii: "\""))
            return
        }
        let utf8 = Array(value.utf8)
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            switch byte {
            case UInt8(ascii: "\""):
                output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"):
                output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A:
                output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D:
                output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09:
                output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x00..<0x20, 0x7F:
                writeEscape(UInt32(byte), to: &output)
            case 0xC2, 0xE2:
                if let scalar = invisibleControl(in: utf8, at: index) {
                    writeEscape(scalar.value, to: &output)
                    index += scalar.utf8.count
                    continue
                }
                output.append(byte)
            default:
                output.append(byte)
            }
            index += 1
        }
        output.append(UInt8(ascii: "\""))
    }

    /// The C1 control, line or paragraph separator, or bidirectional override starting at
    /// `index`, if there is one. They are written as `\u` escapes: the value is the same, and a
    /// terminal that prints the JSON cannot be made to run a control sequence or reorder text.
    private static func invisibleControl(in utf8: [UInt8], at index: Int) -> Unicode.Scalar? {
        guard index + 1 < utf8.count else { return nil }
        let second = utf8[index + 1]
        if utf8[index] == 0xC2 {
            return (0x80...0x9F).contains(second) ? Unicode.Scalar(UInt32(second)) : nil
        }
        guard index + 2 < utf8.count else { return nil }
        let third = utf8[index + 2]
        let value = 0x2000 | UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F)
        switch value {
        case 0x2028...0x202E, 0x2066...0x2069: return Unicode.Scalar(value)
        default: return nil
        }
    }

    private static func writeEscape(_ value: UInt32, to output: inout [UInt8]) {
        output.append(contentsOf: Array("\\u".utf8))
        for shift in stride(from: 12, through: 0, by: -4) {
            output.append(hexDigits[Int((value >> UInt32(shift)) & 0xF)])
        }
    }
}

extension JSON {
    /// Indented JSON for people: two spaces per level, one member per line.
    public func prettyPrinted(indent: Int = 0) -> String {
        let padding = String(repeating: "  ", count: indent + 1)
        let closing = String(repeating: "  ", count: indent)
        switch self {
        case .array(let elements) where !elements.isEmpty:
            let lines = elements.map { padding + $0.prettyPrinted(indent: indent + 1) }
            return "[\n" + lines.joined(separator: ",\n") + "\n" + closing + "]"
        case .object(let object) where !object.isEmpty:
            let lines = object.members.map { member in
                padding + JSON.string(member.key).encodedString() + ": "
                    + member.value.prettyPrinted(indent: indent + 1)
            }
            return "{\n" + lines.joined(separator: ",\n") + "\n" + closing + "}"
        default:
            return encodedString()
        }
    }
}
