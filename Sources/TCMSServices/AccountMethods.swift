import Foundation
import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// `account.checkLoginName`, `account.passwordStrength`, `account.changePassword` and the
/// operator's `account.disable`, `account.enable` and `account.unlock`.
enum AccountMethods {
    static func specs(environment: ServiceEnvironment) -> [MethodSpec] {
        let store = environment.store
        let loginParam = ParamSpec("login", .string, required: true, "login name, any letter case")
        return [
            MethodSpec(
                "account.checkLoginName",
                summary: "Tells whether a login name follows the rule and whether it is free, "
                    + "regardless of letter case.",
                params: [ParamSpec("login", .string, required: true, "the login name to check")],
                result: "{login, allowed, available, reason?, message?, messageZh?}",
                roles: .everyone
            ) { _, params in
                let login = try params.requiredString("login")
                var result: JSONObject = ["login": .string(login)]
                do throws(DomainViolation) {
                    try LoginName.validate(login)
                } catch {
                    result["allowed"] = false
                    result["available"] = false
                    result["reason"] = .string(error.reason)
                    result["message"] = .string(error.message)
                    result["messageZh"] = .string(error.messageZh)
                    return .object(result)
                }
                let taken = try store.read { try AccountStore.find($0, login: login) } != nil
                result["allowed"] = true
                result["available"] = .bool(!taken)
                if taken { result["reason"] = "login_taken" }
                return .object(result)
            },

            MethodSpec(
                "account.passwordStrength",
                summary: "Rates a password weak (fails the rule), medium (meets it) or strong "
                    + "(12 characters or more of all four classes), for a strength meter.",
                params: [ParamSpec("password", .string, required: true, "the password to rate")],
                result: "{strength, strengthLabel, meetsRule, problems: [{reason, message, "
                    + "messageZh}]}",
                roles: .everyone
            ) { _, params in
                let password = try params.requiredString("password")
                let strength = PasswordRule.strength(of: password)
                let problems = PasswordRule.violations(of: password).map { violation -> JSON in
                    [
                        "reason": .string(violation.reason), "message": .string(violation.message),
                        "messageZh": .string(violation.messageZh),
                    ]
                }
                return [
                    "strength": .string(strength.rawValue),
                    "strengthLabel": .string(strength.label),
                    "meetsRule": .bool(problems.isEmpty),
                    "problems": .array(problems),
                ]
            },

            MethodSpec(
                "account.changePassword",
                summary: "Changes the caller's own password; the caller's other sessions are "
                    + "revoked.",
                params: [
                    ParamSpec("currentPassword", .string, required: true, "the password in use"),
                    ParamSpec("newPassword", .string, required: true, "the new password"),
                ],
                result: "{changed: true}", roles: SessionMethods.accountRoles, writes: true,
                errors: ["wrong_password", "password_too_short", "password_too_few_classes",
                         "password_unchanged"]
            ) { context, params in
                try changePassword(environment, context, params)
            },

            operatorSwitch(
                "account.disable", environment: environment, loginParam: loginParam,
                summary: "Disables an account: it can no longer log in, and its sessions are "
                    + "revoked.",
                status: "disabled"),
            operatorSwitch(
                "account.enable", environment: environment, loginParam: loginParam,
                summary: "Enables a disabled account again.", status: "active"),

            MethodSpec(
                "account.unlock",
                summary: "Lifts the lock-out of a login name after too many failed logins.",
                params: [loginParam], result: "{login, unlocked: true}", roles: [.operator],
                writes: true
            ) { context, params in
                let login = try params.requiredString("login")
                let now = environment.clock.now()
                try store.write { database in
                    try LoginThrottle.clear(database, .login, AccountStore.key(login))
                    try AuditLog.record(
                        database, context: context, subject: "login:\(AccountStore.key(login))",
                        after: ["locked": false], at: now)
                }
                return ["login": .string(login), "unlocked": true]
            },
        ]
    }

    private static func operatorSwitch(
        _ name: String, environment: ServiceEnvironment, loginParam: ParamSpec, summary: String,
        status: String
    ) -> MethodSpec {
        MethodSpec(
            name, summary: summary, params: [loginParam], result: "{login, status}",
            roles: [.operator], writes: true, errors: ["account_not_found"]
        ) { context, params in
            let login = try params.requiredString("login")
            let now = environment.clock.now()
            let nowText = ChinaTime.timestamp(of: now)
            let stored: String = try environment.store.write { database in
                guard let account = try AccountStore.find(database, login: login) else {
                    throw IdentityErrors.accountNotFound(login)
                }
                let before = account.isDisabled ? "disabled" : "active"
                try database.run(
                    "UPDATE accounts SET status = ?, updated_at = ? WHERE id = ?",
                    [status, nowText, account.id])
                if status == "disabled" {
                    try AccountStore.revokeSessions(database, accountID: account.id, now: nowText)
                }
                try AuditLog.record(
                    database, context: context, subject: "account:\(account.login)",
                    before: ["status": .string(before)], after: ["status": .string(status)],
                    at: now)
                return account.login
            }
            return ["login": .string(stored), "status": .string(status)]
        }
    }

    private static func changePassword(
        _ environment: ServiceEnvironment, _ context: CallContext, _ params: Params
    ) throws -> JSON {
        let current = try params.requiredString("currentPassword")
        let new = try params.requiredString("newPassword")
        let violations = PasswordRule.violations(of: new)
        guard violations.isEmpty else {
            throw RPCError.validation(violations.map { ($0, "params.newPassword") })
        }
        guard new != current else {
            throw RPCError(
                code: RPCErrorCode.validationFailed, reason: "password_unchanged",
                message: "The new password is the same as the current one",
                messageZh: "新密码不能与当前密码相同", field: "params.newPassword")
        }
        guard let login = context.caller.login,
            let account = try environment.store.read({
                try AccountStore.find($0, login: login)
            })
        else {
            throw IdentityErrors.sessionInvalid
        }
        guard PasswordHasher.verify(current, against: account.passwordHash) else {
            throw IdentityErrors.wrongPassword
        }

        let hash = try PasswordHasher.hash(new)
        let now = environment.clock.now()
        let nowText = ChinaTime.timestamp(of: now)
        try environment.store.write { database in
            try database.run(
                """
                UPDATE accounts SET password_hash = ?, must_reset_password = 0, updated_at = ?
                WHERE id = ?
                """, [hash, nowText, account.id])
            try AccountStore.revokeSessions(
                database, accountID: account.id, now: nowText, keeping: context.caller.session)
            try AuditLog.record(
                database, context: context, subject: "account:\(account.login)",
                after: ["passwordChanged": true], at: now)
        }
        return ["changed": true]
    }
}
