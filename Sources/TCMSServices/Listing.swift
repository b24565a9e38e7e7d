import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// Paged, filtered listings shared by every `*.list` method: `filter`, `page` (1-based),
/// `pageSize` (default 10, at most 200) and the cursor form for tools that walk everything.
/// Rows come in a stable order (the row id, oldest or newest first), so a cursor walk never
/// repeats or skips a row while others are added.
public struct Listing: Sendable {
    public static let defaultPageSize: Int64 = 10
    public static let maxPageSize: Int64 = 200

    /// The params every listing accepts, after its own.
    public static let params: [ParamSpec] = [
        ParamSpec("filter", .object, "filter keys and values; the method lists the keys"),
        ParamSpec("page", .integer(min: 1, max: 1_000_000_000), "page number, from 1"),
        ParamSpec("pageSize", .integer(min: 1, max: maxPageSize), "rows per page, default 10"),
        ParamSpec("cursor", .string, "continue after the row a previous reply's nextCursor named"),
    ]

    /// The reasons every listing can return.
    public static let errors = [
        "unknown_filter", "invalid_date", "invalid_cursor", "cursor_with_page", "wrong_type",
    ]

    /// One filter key and how it narrows the rows.
    public struct Filter: Sendable {
        public enum Match: Sendable {
            /// The column equals the value.
            case equals
            /// The column contains the value as a substring.
            case contains
            /// The column (an RFC 3339 timestamp or a date) falls on or after this China date.
            case onOrAfterDate
            /// The column falls on or before this China date, inclusive of the whole day.
            case onOrBeforeDate
            /// A condition the listing builds from the value; `column` is unused.
            case custom(@Sendable (String) throws -> (sql: String, arguments: [any SQLBindable]))
        }

        public let key: String
        public let column: String
        public let match: Match

        public init(_ key: String, column: String, _ match: Match) {
            self.key = key
            self.column = column
            self.match = match
        }
    }

    /// The order of rows in a listing.
    public enum Order: Sendable {
        /// Oldest first (ascending row id).
        case oldestFirst
        /// Newest first (descending row id).
        case newestFirst
    }

    public let filters: [Filter]
    public let order: Order
    /// The row id column, qualified when the listing joins tables (`c.id`).
    public let idColumn: String

    public init(filters: [Filter], order: Order = .oldestFirst, idColumn: String = "id") {
        self.filters = filters
        self.order = order
        self.idColumn = idColumn
    }

    /// `Listing.params` with this listing's filter keys on the `filter` param.
    public var params: [ParamSpec] {
        Listing.params.map { param in
            guard param.name == "filter" else { return param }
            var described = param
            described.keys = filters.map(\.key)
            return described
        }
    }

    private var orderSQL: String {
        order == .oldestFirst ? " ORDER BY \(idColumn)" : " ORDER BY \(idColumn) DESC"
    }

    private var afterCursorSQL: String {
        order == .oldestFirst ? " AND \(idColumn) > ?" : " AND \(idColumn) < ?"
    }

    /// Builds the WHERE clause (starting with " AND ", or empty) and its arguments from the
    /// request's filter object. Unknown keys and malformed values are rejected, and the error
    /// names the valid keys.
    public func whereClause(_ params: Params)
        throws -> (sql: String, arguments: [any SQLBindable])
    {
        guard let filter = params["filter"]?.objectValue else { return ("", []) }
        var sql = ""
        var arguments: [any SQLBindable] = []

        for (key, value) in filter.members {
            guard let spec = filters.first(where: { $0.key == key }) else {
                let valid = filters.map(\.key).joined(separator: ", ")
                throw RPCError.invalidParams(
                    "unknown filter key \(key); valid keys: \(valid)", field: "params.filter.\(key)",
                    reason: "unknown_filter")
            }
            guard let text = value.stringValue else {
                throw RPCError.invalidParams(
                    "params.filter.\(key) must be a string", field: "params.filter.\(key)",
                    reason: "wrong_type")
            }
            switch spec.match {
            case .equals:
                sql += " AND \(spec.column) = ?"
                arguments.append(text)
            case .contains:
                sql += " AND instr(\(spec.column), ?) > 0"
                arguments.append(text)
            case .custom(let build):
                let condition = try build(text)
                sql += " AND " + condition.sql
                arguments += condition.arguments
            case .onOrAfterDate, .onOrBeforeDate:
                guard let date = CivilDate(text) else {
                    throw RPCError.invalidParams(
                        "params.filter.\(key) must be a date such as 2026-03-01",
                        field: "params.filter.\(key)", reason: "invalid_date")
                }
                let isFrom: Bool
                if case .onOrAfterDate = spec.match { isFrom = true } else { isFrom = false }
                sql += isFrom ? " AND \(spec.column) >= ?" : " AND \(spec.column) < ?"
                let bound = isFrom ? date.description : date.adding(days: 1)?.description
                // The day after 9999-12-31 does not exist; "9999-99" still sorts after every date.
                arguments.append(bound ?? "9999-99")
            }
        }
        return (sql, arguments)
    }

    /// Runs a listing: `baseSQL` selects rows with `id` first and must end in a WHERE clause the
    /// filters can extend (`WHERE 1` when it has no condition of its own).
    ///
    /// `idSQL`, when given, selects only the row id under the same condition (`SELECT c.id
    /// FROM contracts c WHERE …`). A numbered page then finds its ids on the index alone, from
    /// the nearer end of the listing, and reads the full rows of those ids only, so a deep or
    /// last page does not build every row it skips.
    public func run(
        _ database: Database, params: Params, from baseSQL: String, arguments: [any SQLBindable],
        countSQL: String, idSQL: String? = nil, row: (Row) throws -> JSON
    ) throws -> JSON {
        let (filterSQL, filterArguments) = try whereClause(params)
        let pageSize = params.int("pageSize") ?? Listing.defaultPageSize
        let total = try database.scalarInt(countSQL + filterSQL, arguments + filterArguments)
        let pages = max(1, (total + pageSize - 1) / pageSize)

        if let cursor = params.string("cursor") {
            if params["page"] != nil {
                throw RPCError.invalidParams(
                    "give either params.cursor or params.page, not both", field: "params.page",
                    reason: "cursor_with_page")
            }
            // "0" starts a walk in either order; a cursor is the row id a reply named.
            guard cursor.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), var after = Int64(cursor)
            else {
                throw RPCError.invalidParams(
                    "params.cursor is not a cursor from a previous reply", field: "params.cursor",
                    reason: "invalid_cursor")
            }
            if order == .newestFirst && after == 0 { after = Int64.max }
            // Fetching one row more than a page shows whether another page follows.
            let sql = baseSQL + filterSQL + afterCursorSQL + orderSQL + " LIMIT ?"
            let rows = try database.query(
                sql, arguments + filterArguments + [after, pageSize + 1]
            ) { current in (current.int64(0), try row(current)) }
            let shown = rows.prefix(Int(pageSize))
            var result: JSONObject = ["items": .array(shown.map(\.1)), "total": .int(total)]
            if rows.count > shown.count, let last = shown.last {
                result["nextCursor"] = .string(String(last.0))
            }
            return .object(result)
        }

        let page = params.int("page") ?? 1
        let items: [JSON]
        if let idSQL, page > 1 {
            let ids = try pageIDs(
                database, idSQL: idSQL + filterSQL, arguments: arguments + filterArguments,
                offset: (page - 1) * pageSize, pageSize: pageSize, total: total)
            let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
            items = ids.isEmpty ? [] : try database.query(
                baseSQL + " AND \(idColumn) IN (\(marks))" + orderSQL, arguments + ids, row)
        } else {
            let sql = baseSQL + filterSQL + orderSQL + " LIMIT ? OFFSET ?"
            items = try database.query(
                sql, arguments + filterArguments + [pageSize, (page - 1) * pageSize], row)
        }
        return [
            "items": .array(items), "total": .int(total), "page": .int(page),
            "pageSize": .int(pageSize), "pages": .int(pages),
        ]
    }

    /// The ids of the rows at `offset` ..< `offset + pageSize` in the listing's order. Past the
    /// middle of `total` rows the ids are read in the opposite order from the other end, so
    /// the last page skips nothing.
    private func pageIDs(
        _ database: Database, idSQL: String, arguments: [any SQLBindable], offset: Int64,
        pageSize: Int64, total: Int64
    ) throws -> [Int64] {
        guard offset < total else { return [] }
        guard offset > total / 2 else {
            return try database.query(
                idSQL + orderSQL + " LIMIT ? OFFSET ?", arguments + [pageSize, offset]
            ) { $0.int64(0) }
        }
        let count = min(pageSize, total - offset)
        let reversed = order == .oldestFirst
            ? " ORDER BY \(idColumn) DESC" : " ORDER BY \(idColumn)"
        let ids = try database.query(
            idSQL + reversed + " LIMIT ? OFFSET ?",
            arguments + [count, total - offset - count]
        ) { $0.int64(0) }
        return ids.reversed()
    }
}
