import XCTest

@testable import TCMSDomain

final class FilingWorkflowTests: XCTestCase {
    func testFilingOnApprovedWithoutOpenAccepted() throws {
        for kind in FilingKind.allCases {
            try FilingWorkflow.checkFiling(kind, contractStatus: .approved, openFiling: nil)
        }
    }

    func testFilingOnUnapprovedIsInvalidTransition() {
        for kind in FilingKind.allCases {
            for status in ContractStatus.allCases where status != .approved {
                let error = violation { () throws(DomainViolation) in
                    try FilingWorkflow.checkFiling(kind, contractStatus: status, openFiling: nil)
                }
                XCTAssertEqual(error?.reason, "invalid_transition", "\(kind) on \(status)")
            }
        }
    }

    func testSecondOpenFilingRejected() {
        for kind in FilingKind.allCases {
            for open in FilingKind.allCases {
                let error = violation { () throws(DomainViolation) in
                    try FilingWorkflow.checkFiling(
                        kind, contractStatus: .approved, openFiling: open)
                }
                XCTAssertEqual(error?.reason, "filing_open", "\(kind) with \(open) open")
                XCTAssertTrue(error?.messageZh.contains(open.label) ?? false)
            }
        }
    }

    func testDecisionsFromSubmitted() throws {
        XCTAssertEqual(try FilingWorkflow.decide(.submitted, approve: true), .approved)
        XCTAssertEqual(try FilingWorkflow.decide(.submitted, approve: false), .returned)
    }

    func testDecidedFilingIsAlreadyDecided() {
        for status in [FilingStatus.approved, .returned] {
            for approve in [true, false] {
                let error = violation { () throws(DomainViolation) in
                    try FilingWorkflow.decide(status, approve: approve)
                }
                XCTAssertEqual(error?.reason, "already_decided", "\(status) approve=\(approve)")
            }
        }
    }

    func testAllowedActionsFollowOpenFiling() {
        let none = Set(FilingWorkflow.allowedActions(from: .approved, openFiling: nil))
        XCTAssertEqual(none, [.recordExecution, .fileChange, .fileCancellation])

        let change = Set(FilingWorkflow.allowedActions(from: .approved, openFiling: .change))
        XCTAssertEqual(change, [.recordExecution, .registerChange, .returnFiling])

        let cancellation = Set(
            FilingWorkflow.allowedActions(from: .approved, openFiling: .cancellation))
        XCTAssertEqual(cancellation, [.recordExecution, .cancel, .returnFiling])

        XCTAssertEqual(FilingWorkflow.allowedActions(from: .cancelled, openFiling: nil), [])
        XCTAssertEqual(
            FilingWorkflow.allowedActions(from: .submitted, openFiling: nil),
            ContractWorkflow.allowedActions(from: .submitted))
    }

    func testKindActionsAndLabels() {
        XCTAssertEqual(FilingKind.change.fileAction, .fileChange)
        XCTAssertEqual(FilingKind.change.approveAction, .registerChange)
        XCTAssertEqual(FilingKind.cancellation.fileAction, .fileCancellation)
        XCTAssertEqual(FilingKind.cancellation.approveAction, .cancel)
        XCTAssertEqual(FilingKind(label: "注销登记"), .cancellation)
        XCTAssertEqual(FilingStatus.returned.label, "已退回")
        XCTAssertEqual(ExecutionKind(label: "收款"), .payment)
    }
}
