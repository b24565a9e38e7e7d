import TCMSRPC

/// The login whose profile a `*.get` call reads, and whether its numbers are masked: the owner
/// and operators see them whole, everyone else masked.
struct ProfileView {
    let login: String
    let masked: Bool

    /// Resolves `requested` (or, when absent, `ownLogin`) for `caller`; throws the standard
    /// missing-parameter error when neither is known.
    init(requested: String?, ownLogin: String?, caller: Caller) throws {
        guard let login = requested ?? ownLogin else {
            throw RPCError.invalidParams(
                "params.login is missing", field: "params.login", reason: "missing_param")
        }
        let own = ownLogin.map { AccountStore.key($0) == AccountStore.key(login) } ?? false
        self.login = login
        masked = !(own || caller.role == .operator)
    }
}
