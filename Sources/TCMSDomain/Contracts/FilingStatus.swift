/// The state of one change or cancellation filing. A filing is decided once: a returned one
/// stays returned, and the handler files a new one.
public enum FilingStatus: String, Labelled {
    /// Filed by the handler and waiting for a clerk of the contract's office.
    case submitted
    /// Approved by the clerk and applied to the contract.
    case approved
    /// Returned by the clerk with a note; the contract is unchanged.
    case returned

    public var label: String {
        switch self {
        case .submitted: "待审核"
        case .approved: "已批准"
        case .returned: "已退回"
        }
    }
}
