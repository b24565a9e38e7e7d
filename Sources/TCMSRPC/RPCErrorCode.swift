/// The registry of error codes. JSON-RPC 2.0 reserves -32768 to -32000; tcms's own codes are
/// positive and grouped by class in blocks of a thousand, with room to grow inside each block.
public enum RPCErrorCode {
    // JSON-RPC 2.0 standard codes.
    public static let parseError = -32700
    public static let invalidRequest = -32600
    public static let methodNotFound = -32601
    public static let invalidParams = -32602
    public static let internalError = -32603

    // 1000–1999: who is calling.
    public static let notAuthenticated = 1001
    public static let forbidden = 1003
    public static let loginFailed = 1005
    public static let sessionExpired = 1006
    public static let throttled = 1029

    // 2000–2999: the input breaks a domain rule.
    public static let validationFailed = 2001

    // 3000–3999: the subject does not exist.
    public static let notFound = 3004

    // 4000–4999: the subject's state does not allow the call.
    public static let alreadyExists = 4009
    public static let alreadyDecided = 4010
    public static let invalidState = 4022

    // 5000–5999: the service or its limits.
    public static let busy = 5003
    public static let tooManyConnections = 5004
    public static let requestTooLarge = 5013
    public static let shuttingDown = 5030
    public static let storageFailed = 5500
}

extension RPCError {
    public static func parseError(_ detail: String) -> RPCError {
        RPCError(
            code: RPCErrorCode.parseError, reason: "parse_error", message: detail,
            messageZh: "请求不是有效的 JSON")
    }

    public static func invalidRequest(_ detail: String, reason: String = "invalid_request")
        -> RPCError
    {
        RPCError(
            code: RPCErrorCode.invalidRequest, reason: reason, message: "Invalid request: \(detail)",
            messageZh: "请求格式无效")
    }

    public static func methodNotFound(_ method: String) -> RPCError {
        RPCError(
            code: RPCErrorCode.methodNotFound, reason: "method_not_found",
            message: "Method not found: \(method); rpc.discover lists the methods",
            messageZh: "没有这个方法")
    }

    public static func invalidParams(
        _ detail: String, field: String? = nil, reason: String = "invalid_params"
    ) -> RPCError {
        RPCError(
            code: RPCErrorCode.invalidParams, reason: reason, message: "Invalid params: \(detail)",
            messageZh: "参数无效", field: field)
    }

    public static func internalError(_ detail: String = "internal error") -> RPCError {
        RPCError(
            code: RPCErrorCode.internalError, reason: "internal_error",
            message: "Internal error: \(detail); the daemon log has the details",
            messageZh: "服务内部错误")
    }

    public static func forbidden(method: String, role: String) -> RPCError {
        RPCError(
            code: RPCErrorCode.forbidden, reason: "forbidden",
            message: "The role \(role) may not call \(method)", messageZh: "当前角色无权执行此操作")
    }

    public static func requestTooLarge(limit: Int) -> RPCError {
        RPCError(
            code: RPCErrorCode.requestTooLarge, reason: "line_too_long",
            message: "Request line exceeds the limit of \(limit) bytes and was discarded",
            messageZh: "请求过大，已丢弃")
    }

    public static let shuttingDown = RPCError(
        code: RPCErrorCode.shuttingDown, reason: "shutting_down",
        message: "The daemon is stopping; retry after it restarts", messageZh: "服务正在停止",
        retryable: true)
}
