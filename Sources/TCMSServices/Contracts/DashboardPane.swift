import TCMSDomain
import TCMSJSON
import TCMSStorage

/// One pane of the dashboard (工作台) and the contracts it counts.
enum DashboardPane: String, CaseIterable {
    /// 未收文本: submitted, waiting for the paper text.
    case unreceived
    /// 已收文本: the office has the text, including contracts awaiting a second approval.
    case received
    /// 已经批准.
    case approved
    /// 已退回.
    case returned
    /// 执行提醒: approved, validity ending within the reminder window or past, no execution
    /// record.
    case executionDue = "execution_due"
    /// 变更提醒: for an office, filings waiting for its clerk; for an entity or a handler,
    /// contracts whose latest filing was returned.
    case changeDue = "change_due"

    var label: String {
        switch self {
        case .unreceived: "未收文本"
        case .received: "已收文本"
        case .approved: "已经批准"
        case .returned: "已退回"
        case .executionDue: "执行提醒"
        case .changeDue: "变更提醒"
        }
    }

    /// One index range of a pane: its condition, the time its items show and their order.
    struct Part {
        let condition: ContractConditions.Condition
        /// The SQL expression of an item's `at`.
        let at: String
        /// The ORDER BY of the newest items; every part of one pane sorts by `c.id`, except
        /// the single part of the execution reminders.
        let order: String
        /// Whether items name the contract's latest filing.
        let showsFiling: Bool
    }

    /// Returns the parts whose counts add up to the pane's count. `reviewsFilings` is true for
    /// an office's dashboard, whose change reminders are the filings its clerks decide.
    /// Execution reminders count validity ends up to `dueBy`.
    func parts(reviewsFilings: Bool, dueBy: CivilDate) -> [Part] {
        func byStatus(_ status: ContractStatus, at column: String) -> Part {
            Part(
                condition: ContractConditions.status(status), at: column, order: "c.id DESC",
                showsFiling: false)
        }
        switch self {
        case .unreceived:
            return [byStatus(.submitted, at: "c.submitted_at")]
        case .received:
            // Two equality ranges, each read in index order, instead of one IN list that
            // SQLite would sort whole.
            return [
                byStatus(.textReceived, at: "c.text_received_at"),
                byStatus(.awaitingSecondApproval, at: "c.text_received_at"),
            ]
        case .approved:
            return [byStatus(.approved, at: "c.approved_at")]
        case .returned:
            return [byStatus(.returned, at: "c.returned_at")]
        case .executionDue:
            return [
                Part(
                    condition: ContractConditions.executionDue(by: dueBy), at: "c.valid_until",
                    order: "c.valid_until DESC, c.id DESC", showsFiling: false),
            ]
        case .changeDue:
            return [
                Part(
                    condition: reviewsFilings
                        ? ContractConditions.filingWaiting : ContractConditions.filingReturned,
                    at: Self.latestFiling(reviewsFilings ? "f.filed_at" : "f.decided_at"),
                    order: "c.id DESC", showsFiling: true),
            ]
        }
    }

    /// Returns a subquery on `contracts c` that selects `column` of the contract's latest
    /// filing.
    static func latestFiling(_ column: String) -> String {
        """
        (SELECT \(column) FROM contract_filings f WHERE f.contract_id = c.id
            ORDER BY f.id DESC LIMIT 1)
        """
    }

    /// Returns the `contract.list` filter that lists exactly the pane's contracts, besides the
    /// scope.
    func listFilter(reviewsFilings: Bool, dueBy: CivilDate) -> JSONObject {
        switch self {
        case .unreceived: ["status": "submitted"]
        case .received: ["statuses": "text_received,awaiting_second_approval"]
        case .approved: ["status": "approved"]
        case .returned: ["status": "returned"]
        case .executionDue: ["executionDueBy": .string(dueBy.description)]
        case .changeDue: ["filing": reviewsFilings ? "waiting" : "returned"]
        }
    }
}
