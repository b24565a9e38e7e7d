import TCMSJSON

/// One validated JSON-RPC 2.0 request object.
struct RPCRequest {
    /// nil for a notification; `.null`, a string or a number otherwise, echoed unchanged.
    let id: JSON?
    let method: String
    let params: JSONObject

    /// A request that cannot be processed, with the id to answer under.
    struct Failure: Error {
        let id: JSON
        let error: RPCError
        /// True for a well-formed notification whose params are at fault: JSON-RPC 2.0 forbids
        /// any reply to a notification, so the failure is dropped.
        var isNotification = false
    }

    /// Numeric ids beyond ±2^53 cannot be echoed exactly by every JSON peer, and a double that
    /// is not finite cannot be written back at all.
    static let maxExactInteger = 9_007_199_254_740_992.0

    private static let members: Set<String> = ["jsonrpc", "id", "method", "params"]

    static func parse(_ value: JSON) -> Result<RPCRequest, Failure> {
        guard let object = value.objectValue else {
            return .failure(Failure(id: .null, error: .invalidRequest("a request must be an object")))
        }

        // The id is read first, so later faults can be answered under it when it is usable.
        var id: JSON? = nil
        if let rawID = object["id"] {
            switch rawID {
            case .null, .string, .int:
                id = rawID
            case .double(let value) where value.isFinite && abs(value) <= maxExactInteger:
                id = rawID
            case .double:
                let detail = "a numeric id must be a finite number within ±2^53"
                return .failure(Failure(id: .null, error: .invalidRequest(detail)))
            default:
                let detail = "id must be a string, a number or null"
                return .failure(Failure(id: .null, error: .invalidRequest(detail)))
            }
        }
        let replyID = id ?? .null

        guard object["jsonrpc"] == .string("2.0") else {
            let detail = "jsonrpc must be \"2.0\""
            return .failure(Failure(id: replyID, error: .invalidRequest(detail)))
        }
        guard let method = object["method"]?.stringValue else {
            let detail = "method must be a string"
            return .failure(Failure(id: replyID, error: .invalidRequest(detail)))
        }
        if let unknown = object.keys.first(where: { !members.contains($0) }) {
            let detail = "unknown member \"\(unknown)\" in the request object"
            return .failure(Failure(id: replyID, error: .invalidRequest(detail)))
        }

        switch object["params"] {
        case nil:
            return .success(RPCRequest(id: id, method: method, params: JSONObject()))
        case .object(let params)?:
            return .success(RPCRequest(id: id, method: method, params: params))
        case .array?:
            let error = RPCError.invalidParams(
                "params must be an object with named members; positional params are not accepted",
                field: "params", reason: "positional_params")
            return .failure(Failure(id: replyID, error: error, isNotification: id == nil))
        default:
            let detail = "params must be an object"
            return .failure(Failure(id: replyID, error: .invalidRequest(detail)))
        }
    }
}
