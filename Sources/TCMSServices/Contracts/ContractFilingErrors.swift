import TCMSDomain
import TCMSRPC

/// Errors of change and cancellation filings.
enum ContractFilingErrors {
    /// No such filing, or one of a contract the caller may not see or of another office.
    static let notFound = RPCError(
        code: RPCErrorCode.notFound, reason: "not_found",
        message: "No filing with this id is visible to the caller", messageZh: "申请不存在",
        field: "params.filingId")

    static let noChange = RPCError(
        code: RPCErrorCode.validationFailed, reason: "no_change",
        message: "The filing changes no field of the registered contract. Give at least one "
            + "field with a new value",
        messageZh: "变更申请未改变任何登记内容")
}
