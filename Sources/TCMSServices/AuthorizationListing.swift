import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// `authorization.list` (已授权用户管理): one entity's authorizations, oldest first, so rows
/// granted while someone pages never shift the pages already shown.
enum AuthorizationListing {
    static func specs(environment: ServiceEnvironment) -> [MethodSpec] {
        [
            MethodSpec(
                "authorization.list",
                summary: "Lists the entity's authorizations, oldest first; filters name "
                    + "(substring), documentType, documentNumber, login, createdFrom, "
                    + "createdUntil (inclusive dates), matter, status.",
                params: [
                    ParamSpec("entityLogin", .string, "operators: the entity's admin login"),
                    // The filter keys are the same whatever the day the listing is built for.
                ] + listing(today: CivilDate(year: 2026, month: 1, day: 1)!).params,
                result: "{items: [{rowNumber, id, login, name, documentType, documentNumber "
                    + "(masked), matter, createdAt, createdOn, validFrom, validUntil, status, "
                    + "statusLabel, ...}], total, page, pageSize, pages}",
                roles: AuthorizationMethods.entityRoles.union([.operator]),
                errors: Listing.errors + [
                    "entity_not_found", "not_own_entity", "invalid_code",
                ]
            ) { context, params in
                let today = environment.clock.today()
                return try environment.store.read { database in
                    let entityID = try AuthorizationStore.entityID(database, context, params)
                    let result = try listing(today: today).run(
                        database, params: params,
                        from: "SELECT \(AuthorizationStore.rowColumns) FROM "
                            + "(\(AuthorizationStore.rowsSQL)) WHERE entity_id = ?",
                        arguments: [entityID],
                        countSQL: "SELECT count(*) FROM (\(AuthorizationStore.rowsSQL)) "
                            + "WHERE entity_id = ?"
                    ) { AuthorizationStore.rowJSON($0, today: today) }
                    return numbered(result)
                }
            }
        ]
    }

    /// Builds the filters. The `status` filter compares each period with `today`, the day of
    /// the read.
    static func listing(today: CivilDate) -> Listing {
        let day = today.description
        return Listing(filters: [
            .init("name", column: "name", .contains),
            .init("documentType", column: "", .custom { value in
                guard let type = DocumentType(rawValue: value) ?? DocumentType(label: value) else {
                    throw invalidCode("documentType", value, DocumentType.self)
                }
                return ("document_type = ?", [type.rawValue])
            }),
            // Stored numbers have their ASCII letters upper-cased, so a typed `x` still matches.
            .init("documentNumber", column: "", .custom { value in
                ("document_number = ?", [value.trimmingCharacters(in: .whitespaces).uppercased()])
            }),
            .init("login", column: "", .custom { value in
                ("login_key = ?", [AccountStore.key(value.trimmingCharacters(in: .whitespaces))])
            }),
            .init("createdFrom", column: "created_at", .onOrAfterDate),
            .init("createdUntil", column: "created_at", .onOrBeforeDate),
            .init("matter", column: "", .custom { value in
                guard let matter = AuthorizationMatter(rawValue: value)
                    ?? AuthorizationMatter(label: value)
                else {
                    throw invalidCode("matter", value, AuthorizationMatter.self)
                }
                return ("matter = ?", [matter.rawValue])
            }),
            .init("status", column: "", .custom { value in
                guard let status = AuthorizationStatus(rawValue: value)
                    ?? AuthorizationStatus(label: value)
                else {
                    throw invalidCode("status", value, AuthorizationStatus.self)
                }
                return statusCondition(status, today: day)
            }),
        ])
    }

    /// Returns the SQL condition of the rows whose computed status on `today` is `status`.
    private static func statusCondition(_ status: AuthorizationStatus, today: String)
        -> (sql: String, arguments: [any SQLBindable])
    {
        switch status {
        case .revoked:
            return ("revoked_at IS NOT NULL", [])
        case .expired:
            return ("(revoked_at IS NULL AND valid_until < ?)", [today])
        case .notYetValid:
            return (
                """
                (revoked_at IS NULL AND valid_from > ?
                    AND (valid_until IS NULL OR valid_until >= ?))
                """, [today, today])
        case .active:
            return (
                """
                (revoked_at IS NULL AND (valid_from IS NULL OR valid_from <= ?)
                    AND (valid_until IS NULL OR valid_until >= ?))
                """, [today, today])
        }
    }

    private static func invalidCode<E: Labelled>(_ key: String, _ value: String, _ type: E.Type)
        -> RPCError
    {
        let codes = E.allCases.map(\.rawValue).joined(separator: ", ")
        return RPCError.invalidParams(
            "params.filter.\(key) \(value) is not valid; expected one of \(codes)",
            field: "params.filter.\(key)", reason: "invalid_code")
    }

    /// Adds `rowNumber` (序号), counted across pages from 1, to each item of a paged reply.
    /// A cursor reply has no page and gets no row numbers.
    private static func numbered(_ result: JSON) -> JSON {
        guard var object = result.objectValue, let page = result["page"]?.intValue,
            let pageSize = result["pageSize"]?.intValue,
            let items = result["items"]?.arrayValue
        else { return result }
        let first = (page - 1) * pageSize + 1
        object["items"] = .array(items.enumerated().map { offset, item in
            // The row number comes first, as the portal's first column shows it.
            let members = item.objectValue?.members.map { ($0.key, $0.value) } ?? []
            return .object(JSONObject([("rowNumber", .int(first + Int64(offset)))] + members))
        })
        return .object(object)
    }
}
