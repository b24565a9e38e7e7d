import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// `contract.list`: the contracts the caller may see, newest first, with the filters clerks
/// and entities search by.
enum ContractListing {
    static let listing = makeListing(textIndex: true)
    /// The same listing with substring filters answered by `instr` alone, for terms that
    /// match so many contracts that reading them from the index costs more than a scan.
    static let scanListing = makeListing(textIndex: false)

    static func makeListing(textIndex: Bool) -> Listing {
        Listing(filters: [
            .init("status", column: "c.status", .custom { value in
                guard ContractStatus(rawValue: value) != nil else {
                    throw invalidCode("status", ContractStatus.allCases.map(\.rawValue))
                }
                return ("c.status = ?", [value])
            }),
            .init("category", column: "c.category", .equals),
            .init("subtype", column: "c.subtype", .equals),
            .init("side", column: "c.registering_side", .custom { value in
                guard RegisteringSide(rawValue: value) != nil else {
                    throw invalidCode("side", ["seller", "buyer"])
                }
                return ("c.registering_side = ?", [value])
            }),
            .init("officeId", column: "", .custom { value in
                ("c.office_id = ?", [try integer("officeId", value)])
            }),
            .init("entityId", column: "", .custom { value in
                ("c.entity_id = ?", [try integer("entityId", value)])
            }),
            .init("techField", column: "c.tech_field", .equals),
            .init("signedFrom", column: "c.signed_on", .onOrAfterDate),
            .init("signedUntil", column: "c.signed_on", .onOrBeforeDate),
            .init("submittedFrom", column: "c.first_submitted_at", .onOrAfterDate),
            .init("submittedUntil", column: "c.first_submitted_at", .onOrBeforeDate),
            .init("amountMin", column: "", .custom { value in
                ("c.amount_fen >= ?", [try fen("amountMin", value)])
            }),
            .init("amountMax", column: "", .custom { value in
                ("c.amount_fen <= ?", [try fen("amountMax", value)])
            }),
            .init("registrationNumber", column: "c.registration_number", .equals),
            // Substring filters read the bigram index for terms of two or more characters;
            // `instr` on the row decides which field matched.
            .init("title", column: "", .custom { value in
                indexed(value, "instr(c.title, ?) > 0", [value], exact: false, textIndex)
            }),
            .init("party", column: "", .custom { value in
                indexed(
                    value, "(instr(c.seller_name, ?) > 0 OR instr(c.buyer_name, ?) > 0)",
                    [value, value], exact: false, textIndex)
            }),
            .init("text", column: "", .custom { value in
                indexed(
                    value, "(instr(c.title, ?) > 0 OR instr(c.seller_name, ?) > 0 "
                        + "OR instr(c.buyer_name, ?) > 0)", [value, value, value], exact: true,
                    textIndex)
            }),
            .init("statuses", column: "", .custom(ContractConditions.statuses)),
            .init("filing", column: "", .custom(ContractConditions.filing)),
            .init("executionDueBy", column: "", .custom(ContractConditions.executionDue)),
        ],
        order: .newestFirst, idColumn: "c.id")
    }

    static func specs(environment: ServiceEnvironment) -> [MethodSpec] {
        [
            MethodSpec(
                "contract.list",
                summary: "Lists the contracts the caller may see, newest first: a handler its "
                    + "own, an entity admin the entity's, a clerk the office's, operators all. "
                    + "Filters status, category, subtype, side, officeId, entityId, techField, "
                    + "signedFrom, signedUntil, submittedFrom, submittedUntil, amountMin, "
                    + "amountMax (yuan), registrationNumber, title, party and text (substrings "
                    + "of the title or a party's name), statuses (comma-separated), filing "
                    + "(waiting or returned) and executionDueBy (a date: approved, valid until "
                    + "then, no execution record); dashboard.get gives each pane's filter.",
                params: listing.params, result: "{items, total, page, pageSize, pages}",
                roles: ContractMethods.readerRoles,
                errors: Listing.errors + ["invalid_code", "invalid_money", "not_a_clerk"]
            ) { context, params in
                let today = environment.clock.today()
                return try environment.store.read { database in
                    let (visible, arguments) = try ContractVisibility.condition(
                        context, in: database)
                    // Totals come from the count tables where the filters allow.
                    let keys = params["filter"]?.objectValue?.members.map(\.0) ?? []
                    let countSQL = ContractCounts.countSQL(
                        role: context.caller.role, filterKeys: keys, visible: visible)
                    let terms = ["text", "title", "party"].compactMap {
                        params["filter"]?.objectValue?[$0]?.stringValue
                    }
                    let chosen = try ContractTextIndex.areSelective(terms, in: database)
                        ? listing : scanListing
                    return try chosen.run(
                        database, params: params,
                        from: ContractStore.selectSQL + " WHERE \(visible)",
                        arguments: arguments,
                        countSQL: countSQL ?? "SELECT count(*) FROM contracts c WHERE \(visible)",
                        idSQL: "SELECT c.id FROM contracts c WHERE \(visible)"
                    ) { row in
                        ContractStore.json(row, today: today, calendar: environment.calendar)
                    }
                }
            },
        ]
    }

    /// `condition` on the contract's text, answered from the bigram index when the term is
    /// long enough. The index finds the contracts with the term in any of the three fields,
    /// so it alone decides when `exact` (the condition covers all three) and `condition`
    /// still picks the field otherwise.
    private static func indexed(
        _ term: String, _ condition: String, _ arguments: [any SQLBindable], exact: Bool,
        _ textIndex: Bool
    ) -> (sql: String, arguments: [any SQLBindable]) {
        guard textIndex, let ids = ContractTextIndex.contractIDs(containing: term) else {
            return (condition, arguments)
        }
        let indexed = "c.id IN (\(ids.sql))"
        return exact
            ? (indexed, ids.arguments)
            : (indexed + " AND " + condition, ids.arguments + arguments)
    }

    private static func invalidCode(_ key: String, _ codes: [String]) -> RPCError {
        RPCError.invalidParams(
            "params.filter.\(key) must be one of " + codes.joined(separator: ", "),
            field: "params.filter.\(key)", reason: "invalid_code")
    }

    private static func integer(_ key: String, _ value: String) throws -> Int64 {
        guard value.isASCIIDigitString, let number = Int64(value) else {
            throw RPCError.invalidParams(
                "params.filter.\(key) must be a whole number", field: "params.filter.\(key)",
                reason: "wrong_type")
        }
        return number
    }

    private static func fen(_ key: String, _ value: String) throws -> Int64 {
        do throws(DomainViolation) {
            return try Money.parse(value).fen
        } catch {
            throw RPCError(error, field: "params.filter.\(key)")
        }
    }
}
