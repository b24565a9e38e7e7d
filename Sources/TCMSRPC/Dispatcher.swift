import Foundation
import TCMSJSON

/// Turns one request line into at most one response line, per JSON-RPC 2.0: single requests,
/// notifications and batches, with the standard error codes, the role check and the params
/// check done here for every method so that no handler can forget them.
public final class Dispatcher: Sendable {
    /// Limits the dispatcher enforces.
    public struct Limits: Sendable {
        public var maxBatchSize = 100

        public init() {}
    }

    /// Converts errors that are not `RPCError` (storage failures and the like) into one; it is
    /// also where such errors are logged, once.
    public typealias ErrorTranslator = @Sendable (any Error, CallContext) -> RPCError

    public let table: MethodTable
    private let limits: Limits
    private let translate: ErrorTranslator
    private let counters = DispatchCounters()

    public init(table: MethodTable, limits: Limits = Limits(), translate: @escaping ErrorTranslator) {
        self.table = table
        self.limits = limits
        self.translate = translate
    }

    /// Requests handled so far, batch members counted one by one.
    public var requestsServed: UInt64 { counters.requests }

    /// Handles one line; returns the response line without its `\n`, or nil when the line held
    /// only notifications.
    public func handle(line: [UInt8], connection: ConnectionState) -> [UInt8]? {
        let document: JSON
        do {
            document = try JSONParser.parse(line)
        } catch {
            counters.count(1)
            return Dispatcher.response(id: .null, error: .parseError(error.description))
        }

        switch document {
        case .array(let members):
            guard !members.isEmpty else {
                counters.count(1)
                return Dispatcher.response(id: .null, error: .invalidRequest("empty batch"))
            }
            guard members.count <= limits.maxBatchSize else {
                counters.count(1)
                let detail = "batch of \(members.count) exceeds the limit of \(limits.maxBatchSize)"
                return Dispatcher.response(
                    id: .null, error: .invalidRequest(detail, reason: "batch_too_large"))
            }
            counters.count(UInt64(members.count))
            let responses = members.compactMap { handleSingle($0, connection: connection) }
            guard !responses.isEmpty else { return nil }
            return JSON.array(responses).encoded()
        default:
            counters.count(1)
            return handleSingle(document, connection: connection)?.encoded()
        }
    }

    /// A complete response line for an error that arises before any request is parsed, such
    /// as an oversize line.
    public static func response(id: JSON, error: RPCError) -> [UInt8] {
        errorResponse(id: id, error: error).encoded()
    }

    static func errorResponse(id: JSON, error: RPCError) -> JSON {
        ["jsonrpc": "2.0", "error": error.json, "id": id]
    }

    private func handleSingle(_ value: JSON, connection: ConnectionState) -> JSON? {
        let request: RPCRequest
        switch RPCRequest.parse(value) {
        case .failure(let failure):
            if failure.isNotification { return nil }
            return Dispatcher.errorResponse(id: failure.id, error: failure.error)
        case .success(let parsed):
            request = parsed
        }

        let outcome = execute(request, connection: connection)
        guard let id = request.id else { return nil }
        switch outcome {
        case .success(let result):
            return ["jsonrpc": "2.0", "result": result, "id": id]
        case .failure(let error):
            return Dispatcher.errorResponse(id: id, error: error)
        }
    }

    private func execute(_ request: RPCRequest, connection: ConnectionState)
        -> Result<JSON, RPCError>
    {
        guard let spec = table[request.method] else {
            return .failure(.methodNotFound(request.method))
        }
        let caller = connection.caller
        guard spec.roles.contains(caller.role) else {
            if caller.role == .anonymous {
                return .failure(
                    RPCError(
                        code: RPCErrorCode.notAuthenticated, reason: "not_authenticated",
                        message: "\(spec.name) needs a session; call session.login first",
                        messageZh: "请先登录"))
            }
            return .failure(.forbidden(method: spec.name, role: caller.role.rawValue))
        }
        if let problem = spec.check(request.params) {
            return .failure(problem)
        }

        let context = CallContext(caller: caller, method: spec.name, connection: connection)
        do {
            return .success(try spec.handler(context, Params(request.params)))
        } catch let error as RPCError {
            return .failure(error)
        } catch {
            return .failure(translate(error, context))
        }
    }
}

/// Counters shared by every connection thread.
private final class DispatchCounters: @unchecked Sendable {
    // Unchecked because `served` is guarded by `lock`.
    private var served: UInt64 = 0
    private let lock = NSLock()

    var requests: UInt64 { lock.withLock { served } }

    func count(_ amount: UInt64) {
        lock.withLock { served += amount }
    }
}
