import XCTest

@testable import TCMSDomain

final class ContractWorkflowTests: XCTestCase {
    /// Every allowed move, written out independently of the implementation.
    private let allowed: [ContractStatus: [ContractAction: ContractStatus]] = [
        .draft: [.submit: .submitted],
        .submitted: [.withdraw: .withdrawn, .receiveText: .textReceived],
        .textReceived: [.approve: .approved, .return: .returned],
        .awaitingSecondApproval: [.approveSecond: .approved, .return: .returned],
        .approved: [
            .cancel: .cancelled, .registerChange: .approved, .recordExecution: .approved,
            .fileChange: .approved, .fileCancellation: .approved, .returnFiling: .approved,
        ],
        .returned: [.resubmit: .submitted, .withdraw: .withdrawn],
        .withdrawn: [.resubmit: .submitted],
        .cancelled: [:],
    ]

    /// The refused pairs that are a lost race on an office decision.
    private let alreadyDecided: [ContractStatus: Set<ContractAction>] = [
        .textReceived: [.receiveText],
        .awaitingSecondApproval: [.receiveText, .approve],
        .approved: [.receiveText, .approve, .approveSecond, .return],
        .returned: [.receiveText, .approve, .approveSecond, .return],
        .cancelled: [.receiveText, .approve, .approveSecond, .return, .cancel],
    ]

    func testEveryStatusActionPair() {
        var checked = 0

        for status in ContractStatus.allCases {
            for action in ContractAction.allCases {
                checked += 1
                let context = "\(action.rawValue) on \(status.rawValue)"
                let result = Result { () throws(DomainViolation) -> ContractStatus in
                    try ContractWorkflow.next(from: status, action: action)
                }

                if let expected = allowed[status]?[action] {
                    XCTAssertEqual(try? result.get(), expected, context)
                    continue
                }
                guard case .failure(let error) = result else {
                    XCTFail("\(context) should be refused")
                    continue
                }
                let decided = alreadyDecided[status]?.contains(action) ?? false
                XCTAssertEqual(
                    error.reason, decided ? "already_decided" : "invalid_transition", context)
            }
        }

        XCTAssertEqual(checked, 104)
    }

    func testAllowedActionsMatchTable() {
        for status in ContractStatus.allCases {
            let expected = Set(allowed[status, default: [:]].keys)
            let actions = Set(ContractWorkflow.allowedActions(from: status))
            XCTAssertEqual(actions, expected, "\(status)")
        }
    }

    func testLargeApprovalAwaitsSecond() throws {
        let first = try ContractWorkflow.next(
            from: .textReceived, action: .approve, needsSecondApproval: true)
        XCTAssertEqual(first, .awaitingSecondApproval)

        let second = try ContractWorkflow.next(
            from: first, action: .approveSecond, needsSecondApproval: true)
        XCTAssertEqual(second, .approved)
    }

    func testSecondApprovalFlagIgnoredOnReceive() throws {
        let status = try ContractWorkflow.next(
            from: .submitted, action: .receiveText, needsSecondApproval: true)
        XCTAssertEqual(status, .textReceived)
    }

    func testApproveDraftNamesStatusAndAction() {
        let error = violation { () throws(DomainViolation) in
            try ContractWorkflow.next(from: .draft, action: .approve)
        }

        XCTAssertEqual(error?.reason, "invalid_transition")
        XCTAssertTrue(error?.message.contains("draft") ?? false)
        XCTAssertTrue(error?.message.contains("approve") ?? false)
        XCTAssertTrue(error?.messageZh.contains("草稿") ?? false)
        XCTAssertTrue(error?.messageZh.contains("批准") ?? false)
    }

    func testReceiveTextTwiceIsAlreadyDecided() {
        let error = violation { () throws(DomainViolation) in
            try ContractWorkflow.next(from: .textReceived, action: .receiveText)
        }

        XCTAssertEqual(error?.reason, "already_decided")
        XCTAssertTrue(error?.message.contains("text_received") ?? false)
        XCTAssertTrue(error?.messageZh.contains("已收文本") ?? false)
    }

    func testLostFirstApprovalAlreadyDecided() {
        // Two first approvals read text_received; the loser finds the winner's status.
        let error = violation { () throws(DomainViolation) in
            try ContractWorkflow.next(from: .awaitingSecondApproval, action: .approve)
        }

        XCTAssertEqual(error?.reason, "already_decided")
    }

    func testChangeOfUnapprovedRejected() {
        for status in ContractStatus.allCases where status != .approved {
            let error = violation { () throws(DomainViolation) in
                try ContractWorkflow.next(from: status, action: .registerChange)
            }
            XCTAssertEqual(error?.reason, "invalid_transition", "\(status)")
        }
    }

    func testSecondApproverMustDiffer() {
        let error = violation { () throws(DomainViolation) in
            try ContractWorkflow.checkSecondApprover(
                firstApprover: "clerk_lin", secondApprover: "clerk_lin", hasLargeAmountFlag: true)
        }

        XCTAssertEqual(error?.reason, "same_approver")
    }

    func testSecondApproverNeedsLargeAmountFlag() {
        let error = violation { () throws(DomainViolation) in
            try ContractWorkflow.checkSecondApprover(
                firstApprover: "clerk_lin", secondApprover: "clerk_zheng",
                hasLargeAmountFlag: false)
        }

        XCTAssertEqual(error?.reason, "large_amount_approver_required")
    }

    func testSecondApproverAccepted() throws {
        try ContractWorkflow.checkSecondApprover(
            firstApprover: "clerk_lin", secondApprover: "clerk_zheng", hasLargeAmountFlag: true)
    }

    func testStatusCodesAndLabels() {
        let expected: [(ContractStatus, String, String)] = [
            (.draft, "draft", "草稿"),
            (.submitted, "submitted", "未收文本"),
            (.textReceived, "text_received", "已收文本"),
            (.awaitingSecondApproval, "awaiting_second_approval", "待复核"),
            (.approved, "approved", "已经批准"),
            (.returned, "returned", "已退回"),
            (.withdrawn, "withdrawn", "已撤回"),
            (.cancelled, "cancelled", "已注销"),
        ]

        XCTAssertEqual(expected.count, ContractStatus.allCases.count)
        for (status, code, label) in expected {
            XCTAssertEqual(status.rawValue, code)
            XCTAssertEqual(status.label, label)
            XCTAssertEqual(ContractStatus(label: label), status)
        }
    }

    func testEditableStatuses() {
        let editable = ContractStatus.allCases.filter(\.isEditableByHandler)

        XCTAssertEqual(Set(editable), [.draft, .returned, .withdrawn])
    }
}
