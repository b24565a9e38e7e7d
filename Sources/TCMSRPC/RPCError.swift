import TCMSJSON

/// The one error type of the protocol: a stable numeric code, a stable `reason`, messages in
/// English and Chinese, and where the fault lies. It maps one to one onto a JSON-RPC error object.
///
/// Codes are grouped by class (see `RPCErrorCode`); reasons refine a code and never change
/// meaning once released. Every code and reason is listed in docs/PROTOCOL.md.
public struct RPCError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: Int
    public var reason: String
    public var message: String
    public var messageZh: String
    /// The one parameter at fault, as a path such as `params.pageSize`.
    public var field: String?
    /// Several faults at once, each with its own reason, field and messages.
    public var errors: [RPCError]
    /// True when the same call may succeed if sent again later.
    public var retryable: Bool

    public init(
        code: Int, reason: String, message: String, messageZh: String, field: String? = nil,
        errors: [RPCError] = [], retryable: Bool = false
    ) {
        self.code = code
        self.reason = reason
        self.message = message
        self.messageZh = messageZh
        self.field = field
        self.errors = errors
        self.retryable = retryable
    }

    public var description: String {
        "\(code) \(reason): \(message)" + (field.map { " (\($0))" } ?? "")
    }

    /// The `error` member of a JSON-RPC response.
    public var json: JSON {
        var data: JSONObject = ["reason": .string(reason), "messageZh": .string(messageZh)]
        if let field { data["field"] = .string(field) }
        if !errors.isEmpty { data["errors"] = .array(errors.map(\.detailJSON)) }
        if retryable { data["retryable"] = true }
        return ["code": .int(Int64(code)), "message": .string(message), "data": .object(data)]
    }

    private var detailJSON: JSON {
        var detail: JSONObject = [
            "reason": .string(reason), "message": .string(message), "messageZh": .string(messageZh),
        ]
        if let field { detail["field"] = .string(field) }
        return .object(detail)
    }
}
