/// A request that a handler files with the office about an approved contract.
public enum FilingKind: String, Labelled {
    /// Change registration (变更登记): new values for fields of the registered form.
    case change
    /// Cancellation (注销登记): the registration ends and the contract becomes `cancelled`.
    case cancellation

    public var label: String {
        switch self {
        case .change: "变更登记"
        case .cancellation: "注销登记"
        }
    }

    /// The handler's action that files this kind.
    public var fileAction: ContractAction {
        switch self {
        case .change: .fileChange
        case .cancellation: .fileCancellation
        }
    }

    /// The clerk's action that approves this kind.
    public var approveAction: ContractAction {
        switch self {
        case .change: .registerChange
        case .cancellation: .cancel
        }
    }
}
