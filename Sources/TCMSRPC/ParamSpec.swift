import TCMSJSON

/// The type a parameter must have on the wire. Booleans, integers and strings are never
/// converted into one another.
public enum ParamType: Sendable, Equatable {
    case string
    /// A whole number; `2.0` is taken as 2, `2.5` is rejected.
    case integer(min: Int64?, max: Int64?)
    case boolean
    case object
    case array
    /// Any JSON value.
    case any

    public var schemaType: String {
        switch self {
        case .string: return "string"
        case .integer: return "integer"
        case .boolean: return "boolean"
        case .object: return "object"
        case .array: return "array"
        case .any: return "any"
        }
    }
}

/// One named parameter of a method.
public struct ParamSpec: Sendable {
    public let name: String
    public let type: ParamType
    public let required: Bool
    public let summary: String
    /// For an object param such as a listing's `filter`, the keys it accepts. `rpc.discover`
    /// lists them as the schema's properties, so clients can complete them.
    public var keys: [String] = []

    public init(_ name: String, _ type: ParamType, required: Bool = false, _ summary: String) {
        self.name = name
        self.type = type
        self.required = required
        self.summary = summary
    }

    /// Checks `value` against the type; returns the error naming `params.<name>` on mismatch.
    func check(_ value: JSON) -> RPCError? {
        let field = "params.\(name)"
        func mismatch(_ expected: String) -> RPCError {
            .invalidParams(
                "\(field) must be \(expected), not \(value.typeName)", field: field,
                reason: "wrong_type")
        }
        switch type {
        case .any:
            return nil
        case .string:
            guard let text = value.stringValue else { return mismatch("a string") }
            // U+0000 is never meaningful in a registration record, and C-based tools that read
            // the database would see the text end there.
            if text.unicodeScalars.contains("\u{0}") {
                return .invalidParams(
                    "\(field) must not contain U+0000", field: field, reason: "invalid_character")
            }
            return nil
        case .boolean:
            return value.boolValue == nil ? mismatch("a boolean") : nil
        case .object:
            return value.objectValue == nil ? mismatch("an object") : nil
        case .array:
            return value.arrayValue == nil ? mismatch("an array") : nil
        case .integer(let min, let max):
            guard let number = value.intValue else {
                if case .double(let huge) = value, huge.rounded() == huge {
                    return .invalidParams(
                        "\(field) is too large", field: field, reason: "out_of_range")
                }
                return mismatch("an integer")
            }
            if let min, number < min {
                return .invalidParams(
                    "\(field) must be at least \(min)", field: field, reason: "out_of_range")
            }
            if let max, number > max {
                return .invalidParams(
                    "\(field) must be at most \(max)", field: field, reason: "out_of_range")
            }
            return nil
        }
    }
}
