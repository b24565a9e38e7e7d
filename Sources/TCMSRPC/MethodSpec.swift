import Foundation
import TCMSJSON

/// A method's handler: takes the context and checked params, returns the result value.
public typealias MethodHandler = @Sendable (CallContext, Params) throws -> JSON

/// One RPC method, declared once as data. The dispatcher, `rpc.discover`, the shell's help and
/// completion, and docs/PROTOCOL.md all read this declaration.
public struct MethodSpec: Sendable {
    public let name: String
    public let summary: String
    public let params: [ParamSpec]
    /// A short description of the result, for `rpc.discover` and the docs.
    public let result: String
    public let roles: Set<Role>
    public let writes: Bool
    /// The `data.reason` values this method can return besides the standard ones.
    public let errors: [String]
    public let handler: MethodHandler

    public init(
        _ name: String, summary: String, params: [ParamSpec] = [], result: String,
        roles: Set<Role>, writes: Bool = false, errors: [String] = [],
        handler: @escaping MethodHandler
    ) {
        self.name = name
        self.summary = summary
        self.params = params
        self.result = result
        self.roles = roles
        self.writes = writes
        self.errors = errors
        self.handler = handler
    }

    /// Checks `params` against the declared parameters: unknown names, wrong types and missing
    /// required ones are all reported in one error.
    func check(_ params: JSONObject) -> RPCError? {
        var problems: [RPCError] = []
        let known = Set(self.params.map(\.name))
        for key in params.keys where !known.contains(key) {
            problems.append(
                .invalidParams(
                    "params.\(key) is not a parameter of \(name)", field: "params.\(key)",
                    reason: "unknown_param"))
        }
        for spec in self.params {
            guard let value = params[spec.name], !value.isNull else {
                if spec.required {
                    problems.append(
                        .invalidParams(
                            "params.\(spec.name) is missing", field: "params.\(spec.name)",
                            reason: "missing_param"))
                }
                continue
            }
            if let problem = spec.check(value) { problems.append(problem) }
        }
        guard let first = problems.first else { return nil }
        if problems.count == 1 { return first }
        let details = problems.map { $0.message.replacingOccurrences(of: "Invalid params: ", with: "") }
        var combined = RPCError.invalidParams(
            details.joined(separator: "; "), reason: "several_problems")
        combined.errors = problems
        return combined
    }
}
