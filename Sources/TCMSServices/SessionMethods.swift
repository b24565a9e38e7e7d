import TCMSSystem
import Foundation
import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// `session.login`, `session.resume`, `session.logout` and `session.whoami`.
enum SessionMethods {
    /// Every role that logs in with an account.
    static let accountRoles: Set<Role> = [
        .clerk, .reviewer, .entityAdmin, .mainAgent, .person, .handler,
    ]

    static func specs(environment: ServiceEnvironment) -> [MethodSpec] {
        [
            MethodSpec(
                "session.login",
                summary: "Logs in with a login name and password; the connection then acts with "
                    + "the account's role. Returns a token that session.resume accepts.",
                params: [
                    ParamSpec("login", .string, required: true, "login name, any letter case"),
                    ParamSpec("password", .string, required: true, "the account's password"),
                ],
                result: "{token, expiresAt, login, role, roleLabel, mustResetPassword}",
                roles: .everyone, writes: true,
                errors: ["login_failed", "login_locked", "peer_locked", "account_disabled"]
            ) { context, params in
                try login(environment, context, params)
            },

            MethodSpec(
                "session.resume",
                summary: "Takes up a session on this connection with the token session.login "
                    + "returned.",
                params: [ParamSpec("token", .string, required: true, "the session token")],
                result: "{expiresAt, login, role, roleLabel, mustResetPassword}",
                roles: .everyone, errors: ["session_invalid", "account_disabled"]
            ) { context, params in
                let token = try params.requiredString("token")
                let hash = SHA256.hex(token)
                let now = environment.clock.now()
                guard let live = try environment.store.read({ database in
                    try AccountStore.liveSession(database, hash: hash, now: now)
                }) else {
                    throw IdentityErrors.sessionInvalid
                }
                guard !live.account.isDisabled else { throw IdentityErrors.accountDisabled }
                adopt(live.account, session: hash, context: context)
                return sessionJSON(live.account, expiresAt: live.expiresAt, token: nil)
            },

            MethodSpec(
                "session.logout",
                summary: "Revokes the connection's session; the connection returns to the role "
                    + "it has without a session.",
                result: "{role, roleLabel}", roles: accountRoles, writes: true
            ) { context, _ in
                let caller = context.caller
                let now = ChinaTime.timestamp(of: environment.clock.now())
                try environment.store.write { database in
                    if let session = caller.session {
                        try database.run(
                            """
                            UPDATE sessions SET revoked_at = ?
                            WHERE token_hash = ? AND revoked_at IS NULL
                            """, [now, session])
                    }
                    try AuditLog.record(
                        database, context: context, subject: "account:\(caller.login ?? "")")
                }
                let role = caller.roleWithoutSession
                context.connection.caller = Caller(
                    role: role, peerUID: caller.peerUID, peerPID: caller.peerPID)
                return ["role": .string(role.rawValue), "roleLabel": .string(role.label)]
            },

            MethodSpec(
                "session.whoami",
                summary: "Reports who the connection acts as: role, login and the peer's uid and "
                    + "pid as the kernel reported them.",
                result: "{role, roleLabel, login, authenticated, peerUid, peerPid}; a clerk's "
                    + "also officeId and officeName",
                roles: .everyone
            ) { context, _ in
                let caller = context.caller
                var result: JSONObject = [
                    "role": .string(caller.role.rawValue),
                    "roleLabel": .string(caller.role.label),
                    "login": caller.login.map { .string($0) } ?? .null,
                    "authenticated": .bool(caller.session != nil),
                    "peerUid": .int(Int64(caller.peerUID)),
                    "peerPid": .int(Int64(caller.peerPID)),
                ]
                // A clerk's office, so the shell's prompt can show where the clerk works.
                if caller.role == .clerk, let login = caller.login,
                    let office = try environment.store.read({
                        try ClerkStore.office(ofLogin: login, in: $0)
                    })
                {
                    result["officeId"] = .int(office.officeID)
                    result["officeName"] = .string(office.officeName)
                }
                return .object(result)
            },
        ]
    }

    private enum Outcome {
        case success(AccountRecord, token: String, hash: String, expiresAt: String)
        case failure(RPCError)
    }

    private static func login(
        _ environment: ServiceEnvironment, _ context: CallContext, _ params: Params
    ) throws -> JSON {
        let login = try params.requiredString("login")
        let password = try params.requiredString("password")
        let loginKey = AccountStore.key(login)
        let peerKey = String(context.caller.peerUID)
        let now = environment.clock.now()

        let (account, lock) = try environment.store.read { database in
            let account = LoginName.isValid(login)
                ? try AccountStore.find(database, login: login) : nil
            let peerLock = try LoginThrottle.lockedUntil(database, .peerUID, peerKey, now: now)
                .map { ("peer_locked", $0) }
            let loginLock = try LoginThrottle.lockedUntil(database, .login, loginKey, now: now)
                .map { ("login_locked", $0) }
            return (account, peerLock ?? loginLock)
        }

        // The hash runs whether or not the account exists, so both failures cost the same time.
        let matches = PasswordHasher.verify(
            password, against: account?.passwordHash ?? PasswordHasher.dummyHash)

        let outcome: Outcome = try environment.store.write { database in
            // The lock is read again inside the transaction, because failures of concurrent
            // attempts may have locked the name or peer while this one was hashing.
            let peerLock = try LoginThrottle.lockedUntil(database, .peerUID, peerKey, now: now)
                .map { ("peer_locked", $0) }
            let loginLock = try LoginThrottle.lockedUntil(database, .login, loginKey, now: now)
                .map { ("login_locked", $0) }
            if let (reason, until) = lock ?? peerLock ?? loginLock {
                try AuditLog.record(
                    database, context: context, subject: "login:\(loginKey)",
                    after: ["result": .string(reason)], at: now)
                return .failure(IdentityErrors.throttled(reason: reason, until: until))
            }
            guard matches, let account else {
                try LoginThrottle.recordFailure(database, .login, loginKey, now: now)
                try LoginThrottle.recordFailure(database, .peerUID, peerKey, now: now)
                try AuditLog.record(
                    database, context: context, subject: "login:\(loginKey)",
                    after: ["result": "login_failed"], at: now)
                return .failure(IdentityErrors.loginFailed)
            }
            guard !account.isDisabled else {
                try AuditLog.record(
                    database, context: context, subject: "login:\(loginKey)",
                    after: ["result": "account_disabled"], at: now)
                return .failure(IdentityErrors.accountDisabled)
            }
            try LoginThrottle.clear(database, .login, loginKey)
            let session = try AccountStore.createSession(database, accountID: account.id, now: now)
            try AuditLog.record(
                database, context: context, subject: "account:\(account.login)",
                after: ["result": "logged_in", "role": .string(account.role.rawValue)], at: now)
            return .success(
                account, token: session.token, hash: session.hash, expiresAt: session.expiresAt)
        }

        switch outcome {
        case .failure(let error):
            throw error
        case .success(let account, let token, let hash, let expiresAt):
            adopt(account, session: hash, context: context)
            return sessionJSON(account, expiresAt: expiresAt, token: token)
        }
    }

    /// Makes the connection act as `account` from the next request on.
    private static func adopt(_ account: AccountRecord, session: String, context: CallContext) {
        let caller = context.caller
        context.connection.caller = Caller(
            role: account.role, login: account.login, peerUID: caller.peerUID,
            peerPID: caller.peerPID, session: session)
    }

    private static func sessionJSON(_ account: AccountRecord, expiresAt: String, token: String?)
        -> JSON
    {
        var object: JSONObject = [
            "expiresAt": .string(expiresAt),
            "login": .string(account.login),
            "role": .string(account.role.rawValue),
            "roleLabel": .string(account.role.label),
            "mustResetPassword": .bool(account.mustResetPassword),
        ]
        if let token { object["token"] = .string(token) }
        return .object(object)
    }
}
