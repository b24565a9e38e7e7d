/// A step that the handler or the clerk takes on a contract.
///
/// The raw values are the stable codes recorded in the history and audit log.
public enum ContractAction: String, Labelled {
    /// The handler sends a draft to the office.
    case submit
    /// The handler takes a submitted or returned contract back.
    case withdraw
    /// The clerk records that the signed paper text has arrived.
    case receiveText = "receive_text"
    /// The clerk gives the first (for most contracts the only) approval.
    case approve
    /// A second clerk with the large-amount flag approves a contract approved once.
    case approveSecond = "approve_second"
    /// The clerk returns the contract with grounds for not registering it.
    case `return`
    /// The handler sends a corrected returned or withdrawn contract again.
    case resubmit
    /// The clerk approves a cancellation filing (注销登记) of an approved contract.
    case cancel
    /// The clerk approves a change filing (变更登记) of an approved contract.
    case registerChange = "register_change"
    /// The handler records a payment or milestone (执行) of an approved contract.
    case recordExecution = "record_execution"
    /// The handler files a change (变更登记) of an approved contract for the office to decide.
    case fileChange = "file_change"
    /// The handler files a cancellation (注销登记) of an approved contract.
    case fileCancellation = "file_cancellation"
    /// The clerk returns a change or cancellation filing, and the contract stays as it was.
    case returnFiling = "return_filing"

    public var label: String {
        switch self {
        case .submit: "提交"
        case .withdraw: "撤回"
        case .receiveText: "收文本"
        case .approve: "批准"
        case .approveSecond: "复核批准"
        case .return: "退回"
        case .resubmit: "重新提交"
        case .cancel: "注销登记"
        case .registerChange: "变更登记"
        case .recordExecution: "执行登记"
        case .fileChange: "申请变更登记"
        case .fileCancellation: "申请注销登记"
        case .returnFiling: "退回变更或注销申请"
        }
    }

    /// Whether the action is an office decision, which two clerks may race to take.
    public var isOfficeDecision: Bool {
        switch self {
        case .receiveText, .approve, .approveSecond, .return, .cancel, .registerChange,
            .returnFiling:
            true
        default: false
        }
    }
}
