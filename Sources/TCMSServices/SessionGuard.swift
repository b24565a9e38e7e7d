import TCMSDomain
import TCMSRPC

/// Re-checks the session of a logged-in connection before each call, so that logout elsewhere,
/// a disabled account, a forced password reset and expiry take effect on connections that are
/// already open. It costs one indexed read per call of a connection with a session.
enum SessionGuard {
    /// The methods an account that must reset its password may still call.
    static let allowedBeforeReset: Set<String> = [
        "account.changePassword", "account.passwordStrength", "session.whoami",
        "session.logout",
    ]

    /// Wraps `spec` so its handler runs only while the caller's session is live. A connection
    /// whose session ended returns to the role it has without one and gets `session_invalid`.
    static func guarded(_ spec: MethodSpec, environment: ServiceEnvironment) -> MethodSpec {
        let handler = spec.handler
        return MethodSpec(
            spec.name, summary: spec.summary, params: spec.params, result: spec.result,
            roles: spec.roles, writes: spec.writes, errors: spec.errors
        ) { context, params in
            let caller = context.caller
            if let session = caller.session {
                let now = environment.clock.now()
                let live = try environment.store.read { database in
                    try AccountStore.liveSession(database, hash: session, now: now)
                }
                guard let live, !live.account.isDisabled else {
                    context.connection.caller = Caller(
                        role: caller.roleWithoutSession, peerUID: caller.peerUID,
                        peerPID: caller.peerPID)
                    throw IdentityErrors.sessionInvalid
                }
                if live.account.mustResetPassword && !allowedBeforeReset.contains(spec.name) {
                    throw IdentityErrors.passwordResetRequired
                }
                if caller.role == .handler {
                    try HandlerGuard.check(context, account: live.account, environment: environment)
                }
            }
            return try handler(context, params)
        }
    }
}
