import TCMSJSON

/// Builds the `rpc.discover` answer: an OpenRPC-style document of every method, with the
/// extensions `x-roles` (who may call it) and `x-writes` (whether it changes stored state).
public enum OpenRPCDocument {
    /// Every error code of the registry, listed once in the document's components; each
    /// method's `errors` names the `data.reason` values it adds.
    static let commonErrors: [(Int, String)] = [
        (RPCErrorCode.parseError, "Parse error"),
        (RPCErrorCode.invalidRequest, "Invalid request"),
        (RPCErrorCode.methodNotFound, "Method not found"),
        (RPCErrorCode.invalidParams, "Invalid params"),
        (RPCErrorCode.internalError, "Internal error"),
        (RPCErrorCode.notAuthenticated, "Not authenticated"),
        (RPCErrorCode.forbidden, "Forbidden for this role"),
        (RPCErrorCode.loginFailed, "Login failed"),
        (RPCErrorCode.sessionExpired, "Session expired or revoked"),
        (RPCErrorCode.throttled, "Throttled, retry later"),
        (RPCErrorCode.validationFailed, "Validation failed"),
        (RPCErrorCode.notFound, "Not found"),
        (RPCErrorCode.alreadyExists, "Already exists"),
        (RPCErrorCode.alreadyDecided, "Already decided"),
        (RPCErrorCode.invalidState, "Invalid state"),
        (RPCErrorCode.busy, "Busy, retry"),
        (RPCErrorCode.tooManyConnections, "Too many connections, retry later"),
        (RPCErrorCode.requestTooLarge, "Request too large"),
        (RPCErrorCode.shuttingDown, "Shutting down, retry"),
        (RPCErrorCode.storageFailed, "Storage failed"),
    ]

    public static func build(table: MethodTable, version: String) -> JSON {
        let methods = table.sorted.map(describe)
        let errors = commonErrors.map { code, message -> JSON in
            ["code": .int(Int64(code)), "message": .string(message)]
        }
        return [
            "openrpc": "1.2.6",
            "info": ["title": "tcms", "version": .string(version)],
            "methods": .array(methods),
            "components": ["errors": .array(errors)],
        ]
    }

    static func describe(_ spec: MethodSpec) -> JSON {
        let params = spec.params.map { param -> JSON in
            var schema: JSONObject = ["type": .string(param.type.schemaType)]
            if case .integer(let min, let max) = param.type {
                if let min { schema["minimum"] = .int(min) }
                if let max { schema["maximum"] = .int(max) }
            }
            if !param.keys.isEmpty {
                schema["properties"] = .object(JSONObject(
                    param.keys.map { ($0, JSON.object(["type": "string"])) }))
            }
            return [
                "name": .string(param.name), "required": .bool(param.required),
                "description": .string(param.summary), "schema": .object(schema),
            ]
        }
        let roles = spec.roles.sorted().map { JSON.string($0.rawValue) }
        return [
            "name": .string(spec.name),
            "summary": .string(spec.summary),
            "paramStructure": "by-name",
            "params": .array(params),
            "result": ["name": "result", "description": .string(spec.result), "schema": [:]],
            "errors": .array(spec.errors.map { .string($0) }),
            "x-roles": .array(roles),
            "x-writes": .bool(spec.writes),
        ]
    }
}
