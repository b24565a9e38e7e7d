import TCMSJSON
import TCMSRPC
import TCMSStorage

/// `stats.contracts`: counts, 成交额 and 技术交易额 of the contracts the caller may see, grouped
/// by any combination of dimensions. Sums are exact: SQLite adds the stored whole fen as
/// 64-bit integers, and the reply shows them as yuan strings.
enum ContractStatistics {
    static func specs(environment: ServiceEnvironment) -> [MethodSpec] {
        [
            MethodSpec(
                "stats.contracts",
                summary: "Counts contracts and sums their 成交额 and 技术交易额 (the verified "
                    + "amount once approved), grouped by any of office, province (of the "
                    + "registering party), category, techField, month (of approval, China "
                    + "time), outflow (技术输出, by seller region) and inflow (技术吸纳, by buyer "
                    + "region). Counts approved contracts unless statuses says otherwise. A "
                    + "clerk sees its office, an entity its own contracts, operators all.",
                params: [
                    ParamSpec(
                        "by", .array,
                        "dimension names: office, province, category, techField, month, "
                            + "outflow, inflow; none gives one total row"),
                    ParamSpec(
                        "statuses", .array,
                        "contract status codes to count, default [\"approved\"]"),
                    ParamSpec(
                        "from", .string,
                        "first statistics date, YYYY-MM-DD: the approval day, or the first "
                            + "submission day of a contract not approved"),
                    ParamSpec("until", .string, "last statistics date, inclusive"),
                    ParamSpec("officeId", .integer(min: 1, max: nil), "only this office"),
                ],
                result: "{by, statuses, from, until, officeId, groups: [{<dimension keys and "
                    + "labels>, count, amount, techAmount}], total: {count, amount, "
                    + "techAmount}}",
                roles: [.operator, .clerk, .entityAdmin, .mainAgent],
                errors: ["invalid_code", "invalid_date", "missing_param", "too_many_groups",
                         "not_a_clerk", "entity_not_found"]
            ) { context, params in
                let query = try StatisticsQuery(params)
                return try environment.store.read { database in
                    let (visible, arguments) = try ContractVisibility.condition(
                        context, in: database)
                    return try query.run(visible: visible, arguments: arguments, in: database)
                }
            },
        ]
    }
}
