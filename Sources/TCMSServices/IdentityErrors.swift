import TCMSRPC

/// The errors of accounts, sessions, verification codes and registration, one wording each.
enum IdentityErrors {
    static let loginFailed = RPCError(
        code: RPCErrorCode.loginFailed, reason: "login_failed",
        message: "Login failed: the login name or the password is wrong",
        messageZh: "登录失败：登录名或密码错误")

    static func throttled(reason: String, until: String) -> RPCError {
        RPCError(
            code: RPCErrorCode.throttled, reason: reason,
            message: "Too many failed logins; try again after \(until), or ask an operator to "
                + "unlock the account",
            messageZh: "登录失败次数过多，请于 \(until) 后重试，或联系管理员解锁", retryable: true)
    }

    static let accountDisabled = RPCError(
        code: RPCErrorCode.forbidden, reason: "account_disabled",
        message: "The account is disabled; ask an operator to enable it",
        messageZh: "账号已停用，请联系管理员")

    static let passwordResetRequired = RPCError(
        code: RPCErrorCode.forbidden, reason: "password_reset_required",
        message: "The account must set a new password first; call account.changePassword",
        messageZh: "请先修改密码")

    static let sessionInvalid = RPCError(
        code: RPCErrorCode.sessionExpired, reason: "session_invalid",
        message: "The session token is unknown, expired or revoked; call session.login",
        messageZh: "会话无效或已过期，请重新登录")

    static let wrongPassword = RPCError(
        code: RPCErrorCode.validationFailed, reason: "wrong_password",
        message: "The current password is wrong", messageZh: "当前密码错误",
        field: "params.currentPassword")

    static func accountNotFound(_ login: String) -> RPCError {
        RPCError(
            code: RPCErrorCode.notFound, reason: "account_not_found",
            message: "No account has the login name \(login)", messageZh: "没有该登录名的账号",
            field: "params.login")
    }

    static func alreadyExists(_ reason: String, field: String, _ message: String, _ zh: String)
        -> RPCError
    {
        RPCError(
            code: RPCErrorCode.alreadyExists, reason: reason, message: message, messageZh: zh,
            field: field)
    }

    static func loginTaken(field: String) -> RPCError {
        alreadyExists(
            "login_taken", field: field, "The login name is already taken",
            "该登录名已被使用")
    }

    static func resendTooSoon(seconds: Int) -> RPCError {
        RPCError(
            code: RPCErrorCode.throttled, reason: "resend_too_soon",
            message: "A code was sent to this number less than a minute ago; retry in "
                + "\(seconds) s",
            messageZh: "验证码发送过于频繁，请 \(seconds) 秒后重试", field: "params.mobile",
            retryable: true)
    }

    static let noCodeSent = RPCError(
        code: RPCErrorCode.notFound, reason: "no_code_sent",
        message: "No verification code is waiting for this number and purpose; call sms.send",
        messageZh: "没有待验证的验证码，请先获取验证码", field: "params.mobile")

    static let codeExpired = RPCError(
        code: RPCErrorCode.invalidState, reason: "code_expired",
        message: "The verification code has expired; request a new one with sms.send",
        messageZh: "验证码已过期，请重新获取", field: "params.code")

    static let tooManyAttempts = RPCError(
        code: RPCErrorCode.throttled, reason: "too_many_attempts",
        message: "The verification code was entered wrongly too often; request a new one",
        messageZh: "验证码错误次数过多，请重新获取", field: "params.code")

    static func wrongCode(remaining: Int) -> RPCError {
        RPCError(
            code: RPCErrorCode.validationFailed, reason: "wrong_code",
            message: "The verification code is wrong; \(remaining) attempts left",
            messageZh: "验证码错误，还可尝试 \(remaining) 次", field: "params.code")
    }

    static let invalidMobileProof = RPCError(
        code: RPCErrorCode.validationFailed, reason: "invalid_mobile_proof",
        message: "The mobile proof is unknown, used, expired or for another number; verify the "
            + "number again with sms.send and sms.verify",
        messageZh: "手机验证凭证无效或已过期，请重新验证手机号码", field: "params.mobileProof")
}
