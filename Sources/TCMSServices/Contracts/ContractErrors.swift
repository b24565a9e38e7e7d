import TCMSDomain
import TCMSRPC

/// Errors of contract registration and the office's workflow.
enum ContractErrors {
    /// No such contract, or one the caller may not see: a handler asking for another
    /// handler's contract, or a clerk for another office's, gets this same error.
    static let notFound = RPCError(
        code: RPCErrorCode.notFound, reason: "not_found",
        message: "No contract with this id is visible to the caller", messageZh: "合同不存在",
        field: "params.contractId")

    static let accessNotApproved = RPCError(
        code: RPCErrorCode.invalidState, reason: "access_not_approved",
        message: "The entity's access to 技术合同管理与服务 is not approved; apply with "
            + "access.submit first",
        messageZh: "本单位尚未获准使用技术合同管理与服务，请先申请系统授权")

    static let noOffice = RPCError(
        code: RPCErrorCode.invalidState, reason: "no_office",
        message: "No registration office covers the registering party's division code; an "
            + "operator must create one first",
        messageZh: "登记方所在地区尚无技术合同登记机构")

    static let missingDivision = RPCError(
        code: RPCErrorCode.invalidState, reason: "no_division",
        message: "The registering entity has no division code, so no office can be found; "
            + "update the entity's profile first",
        messageZh: "本单位档案中没有行政区划代码，无法确定登记机构")

    static let sequenceExhausted = RPCError(
        code: RPCErrorCode.invalidState, reason: "sequence_exhausted",
        message: "The office has issued 999999 registration numbers this year",
        messageZh: "本登记机构本年度的登记编号已用完")

    /// Another decision changed the contract between the read and the conditional update.
    static let alreadyDecided = RPCError(
        code: RPCErrorCode.alreadyDecided, reason: "already_decided",
        message: "Another decision on this contract came first; reload it with contract.get",
        messageZh: "该合同已由他人处理，请刷新后查看")

    /// Converts the workflow's refusal of a move, or of a decision already taken, into a
    /// protocol error.
    static func workflow(_ violation: DomainViolation) -> RPCError {
        let code = violation.reason == "already_decided"
            ? RPCErrorCode.alreadyDecided : RPCErrorCode.invalidState
        return RPCError(
            code: code, reason: violation.reason, message: violation.message,
            messageZh: violation.messageZh)
    }

    /// Converts the refusal of a second approval the clerk may not give into 1003.
    static func secondApprover(_ violation: DomainViolation) -> RPCError {
        RPCError(
            code: RPCErrorCode.forbidden, reason: violation.reason, message: violation.message,
            messageZh: violation.messageZh)
    }
}
