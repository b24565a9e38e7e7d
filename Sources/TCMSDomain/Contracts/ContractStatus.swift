/// The state of a registered contract in the office's workflow.
///
/// A contract moves draft → submitted (未收文本) → text received (已收文本) → approved
/// (已经批准) or returned (已退回). Large amounts under the 2026 rules pass through
/// `awaitingSecondApproval` before they are approved. `ContractWorkflow` defines the moves.
public enum ContractStatus: String, Labelled {
    /// Entered by the handler and not yet sent to the office.
    case draft
    /// Sent to the office, which is waiting for the signed paper text.
    case submitted
    /// The office has the signed text; the statutory time limit runs from this day.
    case textReceived = "text_received"
    /// Approved once; a second clerk with the large-amount flag must approve it too.
    case awaitingSecondApproval = "awaiting_second_approval"
    /// Registered, with a registration number and the verified 技术交易额.
    case approved
    /// Not registered, with grounds; the handler may correct and resubmit it.
    case returned
    /// Taken back by the handler before the office received the text.
    case withdrawn
    /// Registration cancelled (注销登记) after approval.
    case cancelled

    public var label: String {
        switch self {
        case .draft: "草稿"
        case .submitted: "未收文本"
        case .textReceived: "已收文本"
        case .awaitingSecondApproval: "待复核"
        case .approved: "已经批准"
        case .returned: "已退回"
        case .withdrawn: "已撤回"
        case .cancelled: "已注销"
        }
    }

    /// Whether the handler may edit the contract's fields in this state: only while the
    /// office does not hold it (draft, returned, withdrawn).
    public var isEditableByHandler: Bool {
        switch self {
        case .draft, .returned, .withdrawn: true
        default: false
        }
    }

    /// Whether the office has decided this round: approved, returned or, after approval,
    /// cancelled.
    public var isDecided: Bool {
        switch self {
        case .approved, .returned, .cancelled: true
        default: false
        }
    }
}
