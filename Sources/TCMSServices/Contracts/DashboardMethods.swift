import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// `dashboard.get`: the six panes of an office's or an entity's contracts, each with its
/// count and its five newest items, computed from the data on every call.
///
/// Every count reads one index range of `contracts`: by office, entity or handler, then status,
/// or the partial indexes of approved contracts by validity end. Where a pane needs more, it
/// adds one indexed probe per row, so no call scans the whole table. A count still costs time
/// in proportion to the rows in its range, as every SQLite count does.
enum DashboardMethods {
    /// How many items each pane shows.
    static let newestCount = 5

    static func specs(environment: ServiceEnvironment) -> [MethodSpec] {
        [
            MethodSpec(
                "dashboard.get",
                summary: "Returns the dashboard of the caller's contracts: 未收文本, 已收文本, "
                    + "已经批准, 已退回, 执行提醒 and 变更提醒, each with its count, its five "
                    + "newest items and the contract.list filter that lists it. A clerk gets its "
                    + "office's, an entity admin or main agent the entity's, a handler its own "
                    + "contracts. An operator names officeId or entityId.",
                params: [
                    ParamSpec("officeId", .integer(min: 1, max: nil),
                              "the office, for operators (other roles may give only their own)"),
                    ParamSpec("entityId", .integer(min: 1, max: nil),
                              "the entity, for operators (other roles may give only their own)"),
                ],
                result: "{scope, officeId, entityId, name, today, executionReminderDays, "
                    + "executionDueBy, panes: [{key, label, count, newest: [{contractId, title, "
                    + "at, filingId}], listFilter}]}",
                roles: ContractMethods.readerRoles,
                errors: ["missing_param", "invalid_params", "office_not_found",
                         "entity_not_found", "not_own_office", "not_own_entity", "not_a_clerk",
                         "not_found"]
            ) { context, params in
                let today = environment.clock.today()
                let dueBy = today.adding(days: environment.executionReminderDays) ?? today
                return try environment.store.read { database in
                    let scope = try DashboardScope.resolve(context, params, in: database)
                    let panes = try DashboardPane.allCases.map { pane in
                        try paneJSON(pane, scope: scope, dueBy: dueBy, context, in: database)
                    }
                    return [
                        "scope": .string(scope.kind.rawValue),
                        "officeId": scope.officeID.map { .int($0) } ?? .null,
                        "entityId": scope.entityID.map { .int($0) } ?? .null,
                        "name": .string(scope.name), "today": .string(today.description),
                        "executionReminderDays": .int(Int64(environment.executionReminderDays)),
                        "executionDueBy": .string(dueBy.description), "panes": .array(panes),
                    ]
                }
            },
        ]
    }

    /// Builds one pane: the sum of its parts' counts and the newest items across them.
    static func paneJSON(
        _ pane: DashboardPane, scope: DashboardScope, dueBy: CivilDate, _ context: CallContext,
        in database: Database
    ) throws -> JSON {
        let (visible, visibleArguments) = try ContractVisibility.condition(context, in: database)
        let parts = pane.parts(reviewsFilings: scope.reviewsFilings, dueBy: dueBy)

        var count: Int64 = 0
        var items: [(contractID: Int64, json: JSON)] = []
        for part in parts {
            let query = queries(
                part, visible: visible, scope: scope, arguments: visibleArguments)
            count += try database.scalarInt(query.count, query.arguments)
            items += try database.query(query.items, query.arguments) { row in
                var item: JSONObject = [
                    "contractId": .int(row.int64(0)), "title": .string(row.string(1)),
                    "at": row.optionalString(2).map { .string($0) } ?? .null,
                ]
                if part.showsFiling {
                    item["filingId"] = row.optionalInt64(3).map { .int($0) } ?? .null
                }
                return (row.int64(0), .object(item))
            }
        }
        if parts.count > 1 {
            items.sort { $0.contractID > $1.contractID }
        }

        var listFilter = pane.listFilter(reviewsFilings: scope.reviewsFilings, dueBy: dueBy)
        for (key, value) in scope.listFilter.members { listFilter[key] = value }
        return [
            "key": .string(pane.rawValue), "label": .string(pane.label), "count": .int(count),
            "newest": .array(items.prefix(newestCount).map(\.json)),
            "listFilter": .object(listFilter),
        ]
    }

    /// Builds the count and newest-items queries of one part of a pane, with their shared
    /// arguments.
    static func queries(
        _ part: DashboardPane.Part, visible: String, scope: DashboardScope,
        arguments: [any SQLBindable]
    ) -> (count: String, items: String, arguments: [any SQLBindable]) {
        let condition = "\(visible) AND \(scope.condition.sql) AND \(part.condition.sql)"
        let filing = part.showsFiling ? ", " + DashboardPane.latestFiling("f.id") : ""
        return (
            "SELECT count(*) FROM contracts c WHERE \(condition)",
            "SELECT c.id, c.title, \(part.at)\(filing) FROM contracts c WHERE \(condition) "
                + "ORDER BY \(part.order) LIMIT \(newestCount)",
            arguments + scope.condition.arguments + part.condition.arguments
        )
    }
}
