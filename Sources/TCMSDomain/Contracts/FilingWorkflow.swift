/// The rules of change and cancellation filings (变更登记, 注销登记) on top of the contract's
/// own workflow. An approved contract takes a new filing only while none is open, and a
/// filing is decided only while it is `submitted`.
public enum FilingWorkflow {
    /// Checks that the handler may file `kind` now: the contract is approved (otherwise
    /// `ContractWorkflow` throws `invalid_transition`) and no other filing is open
    /// (`filing_open`).
    public static func checkFiling(
        _ kind: FilingKind, contractStatus: ContractStatus, openFiling: FilingKind?
    ) throws(DomainViolation) {
        _ = try ContractWorkflow.next(from: contractStatus, action: kind.fileAction)
        if let openFiling {
            throw DomainViolation(
                reason: "filing_open",
                message: "The contract already has an open \(openFiling.rawValue) filing. Wait "
                    + "for the office's decision before filing again.",
                messageZh: "该合同已有待审核的\(openFiling.label)申请，请等待登记机构处理后再申请。")
        }
    }

    /// Returns the status a decision leads to: `approved` or `returned`. Throws
    /// `already_decided` when the filing is no longer waiting, which is how the loser of two
    /// clerks deciding at once learns of it.
    public static func decide(_ status: FilingStatus, approve: Bool) throws(DomainViolation)
        -> FilingStatus
    {
        guard status == .submitted else {
            throw DomainViolation(
                reason: "already_decided",
                message: "The filing is already decided: it is \(status.rawValue).",
                messageZh: "该申请已处理，当前状态为“\(status.label)”。")
        }
        return approve ? .approved : .returned
    }

    /// Returns the actions allowed on a contract in `status` whose open filing, if any, is
    /// `openFiling`: filing only without an open filing, and only the decisions that fit the
    /// open one.
    public static func allowedActions(from status: ContractStatus, openFiling: FilingKind?)
        -> [ContractAction]
    {
        ContractWorkflow.allowedActions(from: status).filter { action in
            switch action {
            case .fileChange, .fileCancellation: openFiling == nil
            case .registerChange: openFiling == .change
            case .cancel: openFiling == .cancellation
            case .returnFiling: openFiling != nil
            default: true
            }
        }
    }
}
