import Foundation
import TCMSJSON
import XCTest

/// Helpers for the contract race, crash, time-limit and visibility tests: JSON-RPC batches,
/// contracts seeded in bulk through the handler's and the clerk's own methods, and work
/// spread over threads that each own their connections.
extension RawClient {
    /// Sends one JSON-RPC batch that calls `method` once per element of `paramsList`, and
    /// returns the replies in the order of `paramsList`.
    func batch(_ method: String, _ paramsList: [JSON], timeout: TimeInterval = 60) throws
        -> [JSON]
    {
        let requests = paramsList.enumerated().map { index, params -> JSON in
            [
                "jsonrpc": "2.0", "id": .int(Int64(index)), "method": .string(method),
                "params": params,
            ]
        }
        try write(JSON.array(requests).encodedString() + "\n")
        let reply = try readReply(timeout: timeout)
        guard let replies = reply.arrayValue else {
            throw HarnessError("batch of \(method) failed: \(reply.encodedString())")
        }

        var ordered = Array(repeating: JSON.null, count: paramsList.count)
        for item in replies {
            if let id = item["id"]?.intValue, id >= 0, id < paramsList.count {
                ordered[Int(id)] = item
            }
        }
        return ordered
    }

    /// Logs in and returns the session token, for other connections to resume without paying
    /// for another password hash.
    func loginToken(_ login: String, password: String) throws -> String {
        let reply = try call(
            "session.login", ["login": .string(login), "password": .string(password)])
        guard let token = reply["result"]?["token"]?.stringValue else {
            throw HarnessError("login of \(login) failed: \(reply.encodedString())")
        }
        return token
    }

    /// Opens a connection to `path` that resumes the session of `token`.
    static func resumed(_ path: String, token: String) throws -> RawClient {
        let client = try RawClient(path: path)
        let reply = try client.call("session.resume", ["token": .string(token)])
        guard reply["result"] != nil else {
            throw HarnessError("session.resume failed: \(reply.encodedString())")
        }
        return client
    }
}

/// Runs `body` once per index on its own thread and waits for all; returns the errors thrown,
/// by index.
func runOnThreads(_ count: Int, _ body: @escaping @Sendable (Int) throws -> Void)
    -> [Int: any Error]
{
    let failures = ErrorBox()
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        Thread.detachNewThread {
            defer { group.leave() }
            do {
                try body(index)
            } catch {
                failures.add(index, error)
            }
        }
    }
    group.wait()
    return failures.all
}

/// Errors of `runOnThreads`, and any other values threads collect.
final class ErrorBox: @unchecked Sendable {
    // Unchecked because `errors` is guarded by `lock`.
    private var errors: [Int: any Error] = [:]
    private let lock = NSLock()

    func add(_ index: Int, _ error: any Error) {
        lock.withLock { errors[index] = error }
    }

    var all: [Int: any Error] { lock.withLock { errors } }
}

/// Values collected by several threads under one lock.
final class SharedList<Element>: @unchecked Sendable {
    // Unchecked because `elements` is guarded by `lock`.
    private var elements: [Element] = []
    private let lock = NSLock()

    func append(_ element: Element) {
        lock.withLock { elements.append(element) }
    }

    var all: [Element] { lock.withLock { elements } }
}

/// A queue of contract ids that threads take from until it is empty.
final class WorkQueue: @unchecked Sendable {
    // Unchecked because `items` and `next` are guarded by `lock`.
    private let items: [Int64]
    private var next = 0
    private let lock = NSLock()

    init(_ items: [Int64]) {
        self.items = items
    }

    func take() -> Int64? {
        lock.withLock {
            guard next < items.count else { return nil }
            next += 1
            return items[next - 1]
        }
    }
}

extension ContractWorld {
    /// Logs in the handler person and `clerk` and returns their session tokens, for threads
    /// that open connections of their own. Such a handler connection still picks its entity,
    /// as `handlerConnection` does.
    func tokens(clerk: String = "clerk_lin") throws -> (handler: String, clerk: String) {
        let handlerToken = try RawClient(path: daemon.socketPath).loginToken(
            ContractWorld.handlerLogin, password: AuthorizationFixtures.password)
        let clerkToken = try RawClient(path: daemon.socketPath).loginToken(
            clerk, password: AccessFixtures.password)
        return (handlerToken, clerkToken)
    }

    /// Opens a connection that resumes the handler's session and acts for `entityID`.
    static func handlerConnection(_ socket: String, token: String, entityID: Int64) throws
        -> RawClient
    {
        let client = try RawClient.resumed(socket, token: token)
        let reply = try client.call("handler.select", ["entityId": .int(entityID)])
        guard reply["result"] != nil else {
            throw HarnessError("handler.select failed: \(reply.encodedString())")
        }
        return client
    }

    /// Registers `count` contracts through the product as fast as an honest client can:
    /// JSON-RPC batches of 100 `contract.create`, then `contract.submit` as the handler, then
    /// (when `receive` is set) `contract.receiveText` as `clerk_lin`, spread over `connections`
    /// connections of each. Returns the contract ids in creation order.
    func seed(
        _ count: Int, receive: Bool = true, changes: [String: JSON] = [:], connections: Int = 16
    ) throws -> [Int64] {
        let tokens = try tokens()
        let socket = daemon.socketPath
        let entityID = try XCTUnwrap(entityIDs["seller_1"])
        let form = ContractWorld.form.with(changes)
        let created = SharedList<Int64>()
        let perConnection = (count + connections - 1) / connections

        let failures = runOnThreads(connections) { index in
            let share = max(0, min(perConnection, count - index * perConnection))
            guard share > 0 else { return }
            let handler = try ContractWorld.handlerConnection(
                socket, token: tokens.handler, entityID: entityID)
            let clerk = try RawClient.resumed(socket, token: tokens.clerk)
            for start in stride(from: 0, to: share, by: 100) {
                let size = min(100, share - start)
                let replies = try handler.batch(
                    "contract.create", Array(repeating: form, count: size))
                let ids = try replies.map { reply -> Int64 in
                    guard let id = reply["result"]?["id"]?.intValue else {
                        throw HarnessError("contract.create failed: \(reply.encodedString())")
                    }
                    return id
                }
                let byID = ids.map { JSON.object(["contractId": .int($0)]) }
                for reply in try handler.batch("contract.submit", byID)
                where reply["result"] == nil {
                    throw HarnessError("contract.submit failed: \(reply.encodedString())")
                }
                if receive {
                    for reply in try clerk.batch("contract.receiveText", byID)
                    where reply["result"] == nil {
                        throw HarnessError("receiveText failed: \(reply.encodedString())")
                    }
                }
                ids.forEach(created.append)
            }
        }
        if let failure = failures.values.first { throw failure }
        return created.all.sorted()
    }
}

extension ContractWorld {
    /// Imports the entity `login` in `division`, has `clerk` approve its system access and has
    /// it authorize the handler person; returns the entity's id for `handler(entityID:)`.
    func addEntity(_ login: String, division: String, approvedBy clerk: String) throws -> Int64 {
        try daemon.importEntities([login], divisionCode: division)
        let application = try daemon.submitApplication(
            login, ["divisionCode": .string(division)])
        _ = try daemon.loggedIn(clerk).result(
            "access.approve", ["applicationId": .int(application)])
        let grant = try XCTUnwrap(
            try AuthorizationFixtures.grants(of: "unit000001").first {
                $0["personLogin"]?.stringValue == ContractWorld.handlerLogin
            })
        _ = try daemon.loggedIn(login).result("authorization.grant", grantParams(grant))

        let context = try daemon.session(ContractWorld.handlerLogin).result("handler.context")
        let entry = context["entities"]?.arrayValue?.first {
            $0["entityLogin"]?.stringValue == login
        }
        return try XCTUnwrap(entry?["entityId"]?.intValue, "no grant from \(login)")
    }

    /// Opens a connection of the handler acting for the entity with `entityID`.
    func handler(entityID: Int64) throws -> RawClient {
        let client = try daemon.session(ContractWorld.handlerLogin)
        _ = try client.result("handler.select", ["entityId": .int(entityID)])
        return client
    }
}
