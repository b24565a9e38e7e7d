import TCMSDomain
import TCMSRPC
import TCMSStorage

/// SQL conditions on `contracts c` that `contract.list` filters by and `dashboard.get` counts,
/// written once so a dashboard pane and the listing that opens it select the same contracts.
enum ContractConditions {
    typealias Condition = (sql: String, arguments: [any SQLBindable])

    static func status(_ status: ContractStatus) -> Condition {
        ("c.status = ?", [status.rawValue])
    }

    /// Approved contracts whose validity ends on or before `date` and that have no execution
    /// record yet: the execution reminders (执行提醒) when `date` is today plus the window.
    static func executionDue(by date: CivilDate) -> Condition {
        (
            """
            c.status = 'approved' AND c.valid_until <= ? AND NOT EXISTS (
                SELECT 1 FROM contract_executions x WHERE x.contract_id = c.id)
            """,
            [date.description]
        )
    }

    /// Contracts with a change or cancellation filing waiting for a clerk. Only approved
    /// contracts have open filings. Naming the status lets SQLite probe the (office or entity,
    /// status, id) index once per open filing instead of reading every contract in scope.
    static let filingWaiting: Condition = (
        """
        c.status = 'approved' AND c.id IN (
            SELECT f.contract_id FROM contract_filings f WHERE f.status = 'submitted')
        """,
        []
    )

    /// Approved contracts whose latest filing was returned, so the handler may file again.
    static let filingReturned: Condition = (
        """
        c.status = 'approved' AND (
            SELECT f.status FROM contract_filings f WHERE f.contract_id = c.id
            ORDER BY f.id DESC LIMIT 1) = 'returned'
        """,
        []
    )

    /// Builds the `statuses` filter from comma-separated status codes.
    static func statuses(_ value: String) throws -> Condition {
        var codes: [String] = []
        for part in value.split(separator: ",", omittingEmptySubsequences: false) {
            let code = part.trimmingCharacters(in: .whitespaces)
            guard ContractStatus(rawValue: code) != nil else {
                throw invalidCode(
                    "statuses", "a comma-separated list of "
                        + ContractStatus.allCases.map(\.rawValue).joined(separator: ", "))
            }
            codes.append(code)
        }
        let marks = Array(repeating: "?", count: codes.count).joined(separator: ", ")
        return ("c.status IN (\(marks))", codes)
    }

    /// Builds the `filing` filter from `waiting` or `returned`.
    static func filing(_ value: String) throws -> Condition {
        switch value {
        case "waiting": return filingWaiting
        case "returned": return filingReturned
        default: throw invalidCode("filing", "waiting or returned")
        }
    }

    /// Builds the `executionDueBy` filter from a date.
    static func executionDue(_ value: String) throws -> Condition {
        guard let date = CivilDate(value) else {
            throw RPCError.invalidParams(
                "params.filter.executionDueBy must be a date such as 2026-03-01",
                field: "params.filter.executionDueBy", reason: "invalid_date")
        }
        return executionDue(by: date)
    }

    private static func invalidCode(_ key: String, _ expected: String) -> RPCError {
        RPCError.invalidParams(
            "params.filter.\(key) must be \(expected)", field: "params.filter.\(key)",
            reason: "invalid_code")
    }
}
