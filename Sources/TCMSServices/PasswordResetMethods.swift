import Foundation
import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// `account.resetPassword` (a forgotten password, proven with a mobile verification code) and
/// the operator's `account.forcePasswordReset`.
enum PasswordResetMethods {
    static let resetFailed = RPCError(
        code: RPCErrorCode.validationFailed, reason: "reset_failed",
        message: "The password cannot be reset: the login name, the mobile number or the proof "
            + "does not match", messageZh: "无法重置密码：登录名、手机号码或验证凭证不符")

    static func specs(environment: ServiceEnvironment) -> [MethodSpec] {
        [
            MethodSpec(
                "account.resetPassword",
                summary: "Sets a new password for a forgotten one, with a mobile proof from "
                    + "sms.verify (purpose reset_password) for the account's registered number. "
                    + "Every session of the account is revoked.",
                params: [
                    ParamSpec("login", .string, required: true, "login name"),
                    ParamSpec("mobile", .string, required: true, "the account's mobile number"),
                    ParamSpec("mobileProof", .string, required: true, "proof from sms.verify"),
                    ParamSpec("newPassword", .string, required: true, "the new password"),
                ],
                result: "{login, reset: true}", roles: .everyone, writes: true,
                errors: ["reset_failed", "password_too_short", "password_too_few_classes"]
            ) { context, params in
                try reset(environment, context, params)
            },

            MethodSpec(
                "account.forcePasswordReset",
                summary: "Revokes an account's sessions and marks it so that session.login "
                    + "reports mustResetPassword until the password is changed.",
                params: [ParamSpec("login", .string, required: true, "login name")],
                result: "{login, mustResetPassword: true}", roles: [.operator], writes: true,
                errors: ["account_not_found"]
            ) { context, params in
                let login = try params.requiredString("login")
                let now = environment.clock.now()
                let nowText = ChinaTime.timestamp(of: now)
                let stored: String = try environment.store.write { database in
                    guard let account = try AccountStore.find(database, login: login) else {
                        throw IdentityErrors.accountNotFound(login)
                    }
                    try database.run(
                        """
                        UPDATE accounts SET must_reset_password = 1, updated_at = ? WHERE id = ?
                        """, [nowText, account.id])
                    try AccountStore.revokeSessions(database, accountID: account.id, now: nowText)
                    try AuditLog.record(
                        database, context: context, subject: "account:\(account.login)",
                        after: ["mustResetPassword": true], at: now)
                    return account.login
                }
                return ["login": .string(stored), "mustResetPassword": true]
            },
        ]
    }

    private static func reset(
        _ environment: ServiceEnvironment, _ context: CallContext, _ params: Params
    ) throws -> JSON {
        let login = try params.requiredString("login")
        let mobile = try params.requiredString("mobile")
        let proof = try params.requiredString("mobileProof")
        let newPassword = try params.requiredString("newPassword")
        let violations = PasswordRule.violations(of: newPassword)
        guard violations.isEmpty else {
            throw RPCError.validation(violations.map { ($0, "params.newPassword") })
        }
        let hash = try PasswordHasher.hash(newPassword)
        let now = environment.clock.now()
        let nowText = ChinaTime.timestamp(of: now)

        return try environment.store.write { database in
            // One error for an unknown login, another number and a bad proof, so the reply
            // does not reveal whether a login exists or which number it has.
            guard let account = try AccountStore.find(database, login: login),
                try registeredMobile(database, accountID: account.id) == mobile
            else {
                throw resetFailed
            }
            do {
                try SMSMethods.consumeProof(
                    database, proof: proof, mobile: mobile, purpose: "reset_password", now: now)
            } catch {
                throw resetFailed
            }
            try database.run(
                """
                UPDATE accounts SET password_hash = ?, must_reset_password = 0, updated_at = ?
                WHERE id = ?
                """, [hash, nowText, account.id])
            try AccountStore.revokeSessions(database, accountID: account.id, now: nowText)
            try LoginThrottle.clear(database, .login, AccountStore.key(login))
            try AuditLog.record(
                database, context: context, subject: "account:\(account.login)",
                after: ["passwordReset": true], at: now)
            return ["login": .string(account.login), "reset": true]
        }
    }

    /// Returns the mobile number registered with the account's person or entity.
    private static func registeredMobile(_ database: Database, accountID: Int64) throws
        -> String?
    {
        try database.queryFirst(
            """
            SELECT mobile FROM persons WHERE account_id = ?
            UNION ALL SELECT mobile FROM entities WHERE account_id = ?
            """, [accountID, accountID]) { $0.optionalString(0) } ?? nil
    }
}
