import TCMSRPC

/// Errors of system-access applications.
enum AccessErrors {
    /// No such application, or one the caller may not see. A clerk asking for another office's
    /// application gets this same error, so ids do not reveal which applications exist.
    static let notFound = RPCError(
        code: RPCErrorCode.notFound, reason: "not_found",
        message: "No system-access application with this id is visible to the caller",
        messageZh: "系统授权申请不存在", field: "params.applicationId")

    static let noApplication = RPCError(
        code: RPCErrorCode.notFound, reason: "not_found",
        message: "The entity has no system-access application yet; access.saveDraft starts one",
        messageZh: "本单位尚未填写系统授权申请")

    static let alreadyDecided = RPCError(
        code: RPCErrorCode.alreadyDecided, reason: "already_decided",
        message: "The application was already approved or returned; access.get shows the decision",
        messageZh: "该申请已被处理")

    /// Builds the error for a call the status does not allow, such as editing a submitted
    /// application.
    static func invalidState(_ status: String, _ detail: String, _ detailZh: String) -> RPCError {
        RPCError(
            code: RPCErrorCode.invalidState, reason: "invalid_state",
            message: "The application is \(status): \(detail)", messageZh: detailZh)
    }

    static let missingReason = RPCError(
        code: RPCErrorCode.validationFailed, reason: "missing_field",
        message: "A returned application needs a reason", messageZh: "退回时须填写原因",
        field: "params.reason")
}
