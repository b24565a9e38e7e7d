import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// `contract.inbox`: the contracts an office still has to act on (未收文本, 已收文本 and
/// 待复核), oldest first, so a clerk works through them in the order they arrived.
enum ContractInbox {
    /// The statuses in which the office, not the handler, acts next.
    static let openStatuses: [ContractStatus] = [
        .submitted, .textReceived, .awaitingSecondApproval,
    ]

    static let listing = Listing(
        filters: [
            .init("status", column: "c.status", .custom { value in
                guard let status = ContractStatus(rawValue: value), openStatuses.contains(status)
                else {
                    throw RPCError.invalidParams(
                        "params.filter.status must be one of "
                            + openStatuses.map(\.rawValue).joined(separator: ", "),
                        field: "params.filter.status", reason: "invalid_code")
                }
                return ("c.status = ?", [value])
            }),
            .init("category", column: "c.category", .equals),
            .init("side", column: "c.registering_side", .equals),
            .init("title", column: "c.title", .contains),
            .init("party", column: "", .custom { value in
                ("(instr(c.seller_name, ?) > 0 OR instr(c.buyer_name, ?) > 0)", [value, value])
            }),
        ],
        order: .oldestFirst, idColumn: "c.id")

    static func specs(environment: ServiceEnvironment) -> [MethodSpec] {
        [
            MethodSpec(
                "contract.inbox",
                summary: "Lists the contracts the caller's office still has to act on, oldest "
                    + "first: waiting for the text (submitted), text received (text_received, "
                    + "with timeLimit.daysLeft) and waiting for the second approval. Operators "
                    + "see every office's. Filters status, category, side, title and party.",
                params: listing.params, result: "{items, total, page, pageSize, pages}",
                roles: [.clerk, .operator],
                errors: Listing.errors + ["invalid_code", "not_a_clerk"]
            ) { context, params in
                let today = environment.clock.today()
                let open = openStatuses.map { "'\($0.rawValue)'" }.joined(separator: ", ")
                return try environment.store.read { database in
                    let (visible, arguments) = try ContractVisibility.condition(
                        context, in: database)
                    let condition = "\(visible) AND c.status IN (\(open))"
                    return try listing.run(
                        database, params: params,
                        from: ContractStore.selectSQL + " WHERE \(condition)",
                        arguments: arguments,
                        countSQL: "SELECT count(*) FROM contracts c WHERE \(condition)"
                    ) { row in
                        ContractStore.json(row, today: today, calendar: environment.calendar)
                    }
                }
            },
        ]
    }
}
