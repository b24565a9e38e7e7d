import Glibc
import TCMSJSON

/// The shell's connection to the daemon: calls methods, reconnects once per command when the
/// connection breaks, and keeps the daemon's method catalog and the caller's role.
final class ShellSession {
    /// The connection broke while a writing method was in flight and was re-established, but the
    /// call was not repeated because the daemon may already have applied it.
    struct WriteInterruptedError: Error, CustomStringConvertible {
        let method: String
        var description: String {
            "the connection was lost while \(method) was running, so it may or may not have "
                + "taken effect; check before running it again"
        }
    }

    let socketPath: String
    private(set) var catalog = MethodCatalog()
    /// The role the daemon gives this connection, such as "operator"; shown in the prompt.
    private(set) var role = "anonymous"
    /// The login of the session, when logged in; shown in the prompt.
    private(set) var login: String?
    /// A clerk's registration office, shown in the prompt.
    private(set) var officeName: String?
    /// The session token, kept in memory only, so a reconnection resumes the session.
    private var token: String?

    private var client: RPCClient? {
        didSet { client?.interruptDescriptor = interruptDescriptor }
    }
    private var reconnectUsed = false
    /// Set after a call was cancelled, so the reconnection that follows is not announced as if
    /// the daemon had gone away.
    private var reconnectIsExpected = false

    /// The descriptor that cancels a call in flight when it becomes readable, such as the
    /// shell's SIGINT self-pipe on a terminal. With nil, calls wait for their reply.
    var interruptDescriptor: Int32? {
        didSet { client?.interruptDescriptor = interruptDescriptor }
    }
    private let diagnose: (String) -> Void

    /// Creates a session that is not connected yet; `diagnose` writes a line to stderr.
    init(socketPath: String, diagnose: @escaping (String) -> Void) {
        self.socketPath = socketPath
        self.diagnose = diagnose
    }

    /// Connects and reads the method catalog and the caller's role.
    ///
    /// - Throws: `RPCClient.UnreachableError` when no daemon accepts connections on the socket.
    func connect() throws {
        client = try RPCClient(path: socketPath)
        try refresh()
    }

    /// Allows one reconnection again; called before each command.
    func beginCommand() {
        reconnectUsed = false
    }

    /// Calls `method`, reconnecting once per command if the connection was lost.
    ///
    /// A call that was in flight when the connection broke is sent again on the new connection
    /// only when the method does not write; otherwise `WriteInterruptedError` is thrown.
    func call(_ method: String, _ params: JSONObject = JSONObject()) throws -> JSON {
        if client == nil {
            try reconnect()
        }
        do {
            return try client!.call(method, params)
        } catch let cancelled as RPCClient.CancelledError {
            // The reply may still come; dropping the connection discards it, and the next
            // command resumes the session on a new one.
            client = nil
            reconnectIsExpected = true
            throw cancelled
        } catch is RPCClient.ConnectionLostError where !reconnectUsed {
            client = nil
            try reconnect()
            if catalog.method(named: method)?.writes ?? true {
                throw WriteInterruptedError(method: method)
            }
            return try client!.call(method, params)
        } catch let error as RPCClient.ConnectionLostError {
            client = nil
            throw error
        }
    }

    /// Opens a new connection and reports it on stderr.
    private func reconnect() throws {
        guard !reconnectUsed else {
            throw RPCClient.ConnectionLostError(
                detail: "the connection broke again after reconnecting for this command")
        }
        reconnectUsed = true
        let expected = reconnectIsExpected
        reconnectIsExpected = false
        client = try RPCClient(path: socketPath)
        if let token {
            if (try? client!.call("session.resume", ["token": .string(token)])) != nil {
                if !expected { diagnose("reconnected to the daemon and resumed the session") }
            } else {
                self.token = nil
                diagnose("reconnected to the daemon; the session had ended, log in again")
            }
        } else if !expected {
            diagnose("reconnected to the daemon")
        }
        try? refresh()
    }

    /// Logs in on the current connection and keeps the token for reconnections.
    func logIn(login: String, password: String) throws {
        let reply = try call(
            "session.login", ["login": .string(login), "password": .string(password)])
        token = reply["token"]?.stringValue
        try refresh()
    }

    /// Ends the session on the daemon and forgets the token.
    func logOut() throws {
        _ = try call("session.logout")
        token = nil
        try refresh()
    }

    /// Reads `rpc.discover` and the caller's role on the current connection.
    private func refresh() throws {
        catalog = MethodCatalog(discoverResult: try client!.call("rpc.discover"))
        role = try currentRole()
    }

    /// Asks `session.whoami` when the daemon has it. Older daemons have no sessions, and treat
    /// root and their own uid as operators; the owner of the socket file stands in for the
    /// daemon's uid there.
    private func currentRole() throws -> String {
        if catalog.method(named: "session.whoami") != nil {
            let reply = try client!.call("session.whoami")
            login = reply["login"]?.stringValue
            officeName = reply["officeName"]?.stringValue
            if let role = reply["role"]?.stringValue ?? reply.stringValue {
                return role
            }
        }

        var status = stat()
        let uid = getuid()
        if uid == 0 || (stat(socketPath, &status) == 0 && status.st_uid == uid) {
            return "operator"
        }
        return "anonymous"
    }
}
