import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// The checked params of one `stats.contracts` call and the SQL they make.
struct StatisticsQuery {
    /// Groups one reply may carry; a finer grouping must be narrowed by filters.
    static let maxGroups = 5000

    /// The statistics date of a contract as `YYYY-MM-DD` in China time: the day of its final
    /// approval, or for a contract without one the day it was first submitted (a draft: the
    /// day it was created). Stored timestamps are RFC 3339 in +08:00, so the first ten
    /// characters are the China date.
    static let daySQL = "substr(coalesce(c.approved_at, c.first_submitted_at, c.created_at), 1, 10)"

    /// 技术交易额: the clerk's verified amount for a contract that went through approval
    /// (approved, or cancelled afterwards), the declared amount for every other.
    static let techAmountSQL = """
        CASE WHEN c.status IN ('approved', 'cancelled')
            THEN coalesce(c.approved_tech_amount_fen, c.tech_amount_fen)
            ELSE c.tech_amount_fen END
        """

    let dimensions: [StatisticsDimension]
    let statuses: [ContractStatus]
    let from: CivilDate?
    let until: CivilDate?
    let officeID: Int64?

    /// Reads and checks the params; every problem is -32602 naming its param.
    init(_ params: Params) throws {
        var dimensions: [StatisticsDimension] = []
        for (index, value) in (params["by"]?.arrayValue ?? []).enumerated() {
            guard let name = value.stringValue,
                let dimension = StatisticsDimension(rawValue: name)
            else {
                throw Self.invalidCode(
                    "params.by[\(index)]", StatisticsDimension.allCases.map(\.rawValue))
            }
            if !dimensions.contains(dimension) { dimensions.append(dimension) }
        }

        var statuses: [ContractStatus] = []
        for (index, value) in (params["statuses"]?.arrayValue ?? [.string("approved")])
            .enumerated()
        {
            guard let name = value.stringValue, let status = ContractStatus(rawValue: name) else {
                throw Self.invalidCode(
                    "params.statuses[\(index)]", ContractStatus.allCases.map(\.rawValue))
            }
            if !statuses.contains(status) { statuses.append(status) }
        }
        guard !statuses.isEmpty else {
            throw RPCError.invalidParams(
                "params.statuses must name at least one status", field: "params.statuses",
                reason: "missing_param")
        }

        self.dimensions = dimensions
        self.statuses = statuses
        from = try Self.date(params, "from")
        until = try Self.date(params, "until")
        officeID = params.int("officeId")
    }

    /// The conditions every row must meet besides visibility, with their arguments.
    var conditions: (sql: String, arguments: [any SQLBindable]) {
        let marks = Array(repeating: "?", count: statuses.count).joined(separator: ", ")
        var sql = "c.status IN (\(marks))"
        var arguments: [any SQLBindable] = statuses.map(\.rawValue)
        if let officeID {
            sql += " AND c.office_id = ?"
            arguments.append(officeID)
        }
        if let from {
            sql += " AND \(Self.daySQL) >= ?"
            arguments.append(from.description)
        }
        if let until {
            sql += " AND \(Self.daySQL) <= ?"
            arguments.append(until.description)
        }
        return (sql, arguments)
    }

    /// Runs the grouped query and the total under `visible` (from `ContractVisibility`).
    func run(visible: String, arguments visibleArguments: [any SQLBindable], in database: Database)
        throws -> JSON
    {
        let (filterSQL, filterArguments) = conditions
        let arguments = visibleArguments + filterArguments
        let sums = "count(*), coalesce(sum(c.amount_fen), 0), "
            + "coalesce(sum(\(Self.techAmountSQL)), 0)"
        let source = "FROM contracts c LEFT JOIN offices o ON o.id = c.office_id "
            + "WHERE (\(visible)) AND \(filterSQL)"

        var groups: [JSON] = []
        if !dimensions.isEmpty {
            let keys = dimensions.map(\.keySQL).joined(separator: ", ")
            let columns = dimensions.map(\.selectSQL).joined(separator: ", ")
            let sql = "SELECT \(columns), \(sums) \(source) GROUP BY \(keys) ORDER BY \(keys) "
                + "LIMIT \(Self.maxGroups + 1)"
            groups = try database.query(sql, arguments) { row -> JSON in
                var group = JSONObject()
                var column = 0
                for dimension in dimensions {
                    dimension.describe(row, from: column, into: &group)
                    column += dimension.columnCount
                }
                Self.addSums(row, from: column, into: &group)
                return .object(group)
            }
            guard groups.count <= Self.maxGroups else {
                throw RPCError(
                    code: RPCErrorCode.invalidState, reason: "too_many_groups",
                    message: "The grouping makes more than \(Self.maxGroups) groups; group by "
                        + "fewer dimensions or narrow it with from, until or officeId",
                    messageZh: "分组过多，请减少分组维度或缩小统计范围")
            }
        }

        let total = try database.queryFirst("SELECT \(sums) \(source)", arguments) { row in
            var object = JSONObject()
            Self.addSums(row, from: 0, into: &object)
            return JSON.object(object)
        }
        return [
            "by": .array(dimensions.map { .string($0.rawValue) }),
            "statuses": .array(statuses.map { .string($0.rawValue) }),
            "from": from.map { .string($0.description) } ?? .null,
            "until": until.map { .string($0.description) } ?? .null,
            "officeId": officeID.map { .int($0) } ?? .null,
            "groups": .array(dimensions.isEmpty ? [total ?? .null] : groups),
            "total": total ?? .null,
        ]
    }

    /// Adds `count`, `amount` and `techAmount` (yuan strings of the exact fen sums).
    private static func addSums(_ row: Row, from first: Int, into object: inout JSONObject) {
        object["count"] = .int(row.int64(first))
        object["amount"] = .string(Money(fen: row.int64(first + 1)).description)
        object["techAmount"] = .string(Money(fen: row.int64(first + 2)).description)
    }

    private static func date(_ params: Params, _ name: String) throws -> CivilDate? {
        guard let text = params.string(name) else { return nil }
        guard let date = CivilDate(text) else {
            throw RPCError.invalidParams(
                "params.\(name) must be a date such as 2026-03-01", field: "params.\(name)",
                reason: "invalid_date")
        }
        return date
    }

    private static func invalidCode(_ field: String, _ codes: [String]) -> RPCError {
        RPCError.invalidParams(
            "\(field) must be one of " + codes.joined(separator: ", "), field: field,
            reason: "invalid_code")
    }
}
