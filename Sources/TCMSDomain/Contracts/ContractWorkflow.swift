/// The moves between contract states, as pure functions the services layer applies inside
/// one conditional update.
///
/// The services read the status, pick the action from it (for example `approveSecond` for a
/// contract awaiting its second approval), call `next`, and write the new status only where
/// the stored status still equals the one read. A call that loses that race reads the status
/// again and gets `already_decided` from `next`, never "not found".
public enum ContractWorkflow {
    /// Returns the status after `action` on a contract in `status`.
    ///
    /// `needsSecondApproval` matters only for `approve` on a text-received contract, which then
    /// waits for a second approval instead of being approved; `ContractRuleSet` decides it.
    /// Throws `already_decided` when the office already took this decision or a later one in
    /// the current round (a second `receiveText`, an `approve` after a `return`), and
    /// `invalid_transition` for every other action the status does not allow.
    public static func next(
        from status: ContractStatus, action: ContractAction, needsSecondApproval: Bool = false
    ) throws(DomainViolation) -> ContractStatus {
        let allowed = target(
            from: status, action: action, needsSecondApproval: needsSecondApproval)
        if let allowed {
            return allowed
        }

        if decidedStatuses(for: action).contains(status) {
            throw alreadyDecided(status: status, action: action)
        }
        throw invalidTransition(status: status, action: action)
    }

    /// Returns the actions allowed on a contract in `status`, in declaration order.
    public static func allowedActions(from status: ContractStatus) -> [ContractAction] {
        ContractAction.allCases.filter {
            target(from: status, action: $0, needsSecondApproval: false) != nil
        }
    }

    /// Checks that the clerk giving the second approval may give it: a different clerk from
    /// the one who gave the first approval, carrying the large-amount approver flag.
    ///
    /// Throws `same_approver` or `large_amount_approver_required`. The caller checks that the
    /// clerk belongs to the contract's office, because only the caller has the offices.
    public static func checkSecondApprover(
        firstApprover: String, secondApprover: String, hasLargeAmountFlag: Bool
    ) throws(DomainViolation) {
        guard firstApprover != secondApprover else {
            throw DomainViolation(
                reason: "same_approver",
                message: "The second approval must come from a different clerk than the first "
                    + "approval (\(firstApprover)).",
                messageZh: "复核批准须由首次批准人（\(firstApprover)）以外的登记员进行。")
        }
        guard hasLargeAmountFlag else {
            throw DomainViolation(
                reason: "large_amount_approver_required",
                message: "Clerk \(secondApprover) lacks the large-amount approver flag that a "
                    + "second approval requires.",
                messageZh: "登记员 \(secondApprover) 没有大额合同复核权限，不能进行复核批准。")
        }
    }

    /// Returns the status an allowed move leads to, or nil where `status` forbids `action`.
    private static func target(
        from status: ContractStatus, action: ContractAction, needsSecondApproval: Bool
    ) -> ContractStatus? {
        switch (status, action) {
        case (.draft, .submit):
            .submitted
        case (.submitted, .withdraw), (.returned, .withdraw):
            .withdrawn
        case (.submitted, .receiveText):
            .textReceived
        case (.textReceived, .approve):
            needsSecondApproval ? .awaitingSecondApproval : .approved
        case (.awaitingSecondApproval, .approveSecond):
            .approved
        case (.textReceived, .return), (.awaitingSecondApproval, .return):
            .returned
        case (.returned, .resubmit), (.withdrawn, .resubmit):
            .submitted
        case (.approved, .cancel):
            .cancelled
        case (.approved, .registerChange), (.approved, .recordExecution),
            (.approved, .fileChange), (.approved, .fileCancellation), (.approved, .returnFiling):
            // Filings and execution records hang off an approved contract without moving it.
            // `FilingWorkflow` decides which of them an open filing allows.
            .approved
        default:
            nil
        }
    }

    /// Returns the statuses in which the office decision `action` was already taken, or was
    /// passed by a later decision of the same round.
    private static func decidedStatuses(for action: ContractAction) -> Set<ContractStatus> {
        switch action {
        case .receiveText:
            [.textReceived, .awaitingSecondApproval, .approved, .returned, .cancelled]
        case .approve:
            [.awaitingSecondApproval, .approved, .returned, .cancelled]
        case .approveSecond, .return:
            [.approved, .returned, .cancelled]
        case .cancel:
            [.cancelled]
        case .submit, .withdraw, .resubmit, .registerChange, .recordExecution, .fileChange,
            .fileCancellation, .returnFiling:
            []
        }
    }

    private static func alreadyDecided(status: ContractStatus, action: ContractAction)
        -> DomainViolation
    {
        DomainViolation(
            reason: "already_decided",
            message: "The contract is already decided: it is \(status.rawValue), so "
                + "\(action.rawValue) is no longer possible.",
            messageZh: "该合同已处理，当前状态为“\(status.label)”，不能再执行“\(action.label)”。")
    }

    private static func invalidTransition(status: ContractStatus, action: ContractAction)
        -> DomainViolation
    {
        DomainViolation(
            reason: "invalid_transition",
            message: "Invalid transition: \(action.rawValue) is not allowed on a contract that "
                + "is \(status.rawValue).",
            messageZh: "当前状态为“\(status.label)”的合同不能执行“\(action.label)”。")
    }
}
