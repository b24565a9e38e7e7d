import TCMSJSON

/// The caller's identity for one request: what the kernel said about the peer and what the
/// session (if any) established. Nothing in the request's params can change it.
public struct Caller: Sendable, Equatable {
    public var role: Role
    public var login: String?
    public var peerUID: UInt32
    public var peerPID: Int32
    /// The SHA-256 hex digest of the session token the connection logged in with; nil without
    /// a session. `session.logout` revokes this session.
    public var session: String?
    /// The entity a `handler` acts for, chosen with `handler.select`; nil for every other role.
    public var entityID: Int64? = nil

    public init(
        role: Role, login: String? = nil, peerUID: UInt32, peerPID: Int32, session: String? = nil
    ) {
        self.role = role
        self.login = login
        self.peerUID = peerUID
        self.peerPID = peerPID
        self.session = session
    }
}

/// Everything a method handler gets besides its params.
public struct CallContext: Sendable {
    /// The caller as the request started; a login during the request changes `connection`.
    public let caller: Caller
    public let method: String
    public let connection: ConnectionState

    public init(caller: Caller, method: String, connection: ConnectionState) {
        self.caller = caller
        self.method = method
        self.connection = connection
    }
}
