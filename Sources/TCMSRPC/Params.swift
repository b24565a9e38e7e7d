import TCMSJSON

/// The checked params object of one call, with typed accessors. The dispatcher has already
/// verified names and types against the method's `ParamSpec`s, so accessors only read.
public struct Params: Sendable {
    public let object: JSONObject

    public init(_ object: JSONObject) {
        self.object = object
    }

    public subscript(name: String) -> JSON? {
        guard let value = object[name], !value.isNull else { return nil }
        return value
    }

    public func string(_ name: String) -> String? { self[name]?.stringValue }

    public func int(_ name: String) -> Int64? { self[name]?.intValue }

    public func bool(_ name: String) -> Bool? { self[name]?.boolValue }

    /// A string that must be present; throws the standard missing-parameter error otherwise.
    public func requiredString(_ name: String) throws(RPCError) -> String {
        guard let value = string(name) else {
            throw .invalidParams("params.\(name) is missing", field: "params.\(name)",
                                 reason: "missing_param")
        }
        return value
    }
}
