import TCMSRPC

/// Re-checks, before each call of a connection acting as handler, that the entity's
/// authorization is still in force. A revoked or expired grant ends the handler role at the
/// next call, with no background job: that call fails with `authorization_ended` and the
/// connection acts with the account's own role from then on.
///
/// NOTE: the check runs only for methods that `Services.methodTable` wraps with
/// `SessionGuard.guarded`. A method that a handler may call must be registered there, or a
/// revoked handler can still call it until the session ends.
enum HandlerGuard {
    static func check(
        _ context: CallContext, account: AccountRecord, environment: ServiceEnvironment
    ) throws {
        let caller = context.caller
        let today = environment.clock.today()
        let inForce = try environment.store.read { database in
            guard let login = caller.login, let entityID = caller.entityID else { return false }
            return try HandlerMethods.inForce(
                database, login: login, entityID: entityID, today: today)
        }
        guard !inForce else { return }

        context.connection.caller = Caller(
            role: account.role, login: account.login, peerUID: caller.peerUID,
            peerPID: caller.peerPID, session: caller.session)
        throw AuthorizationErrors.authorizationEnded
    }
}
