import Foundation
import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// The registration-office directory (登记机构查询): operators manage offices, everyone reads.
enum OfficeMethods {
    static let listing = Listing(filters: [
        .init("name", column: "name", .contains),
        .init("divisionCode", column: "", .custom { code in
            let candidates = OfficeRouting.coveringCandidates(of: code)
            guard !candidates.isEmpty, code.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                throw RPCError.invalidParams(
                    "params.filter.divisionCode must have six digits",
                    field: "params.filter.divisionCode", reason: "invalid_division_code")
            }
            let marks = Array(repeating: "?", count: candidates.count).joined(separator: ", ")
            return ("id IN (SELECT office_id FROM office_regions WHERE division_code IN (\(marks)))",
                    candidates)
        }),
    ])

    static let editableParams: [ParamSpec] = [
        ParamSpec("address", .string, "postal address"),
        ParamSpec("phone", .string, "telephone number"),
        ParamSpec("hours", .string, "office hours, as text"),
    ]

    static func specs(environment: ServiceEnvironment) -> [MethodSpec] {
        let store = environment.store
        return [
            MethodSpec(
                "office.create",
                summary: "Creates a registration office covering GB/T 2260 division codes.",
                params: [
                    ParamSpec("name", .string, required: true, "office name, unique"),
                    ParamSpec(
                        "divisionCodes", .array, required: true,
                        "GB/T 2260 codes in use: a province, a prefecture or a county each"),
                ] + editableParams,
                result: "the office", roles: [.operator], writes: true,
                errors: ["already_exists", "region_taken", "unknown_division_code"]
            ) { context, params in
                let fields = try OfficeFields(params: params, requireAll: true)
                let now = ChinaTime.timestamp(of: environment.clock.now())
                return try store.write { database in
                    let id = try insert(fields, at: now, database: database)
                    let office = try load(id, database: database)
                    try AuditLog.record(
                        database, context: context, subject: "office:\(id)", after: office)
                    return office
                }
            },

            MethodSpec(
                "office.update",
                summary: "Changes an office's name, regions, address, phone or hours.",
                params: [
                    ParamSpec("id", .integer(min: 1, max: nil), required: true, "office id"),
                    ParamSpec("name", .string, "new name"),
                    ParamSpec("divisionCodes", .array, "new list of covered codes, replacing the old"),
                ] + editableParams,
                result: "the office", roles: [.operator], writes: true,
                errors: ["not_found", "already_exists", "region_taken", "unknown_division_code"]
            ) { context, params in
                let id = params.int("id")!
                let fields = try OfficeFields(params: params, requireAll: false)
                let now = ChinaTime.timestamp(of: environment.clock.now())
                return try store.write { database in
                    let before = try load(id, database: database)
                    try update(id, fields, at: now, database: database)
                    let after = try load(id, database: database)
                    try AuditLog.record(
                        database, context: context, subject: "office:\(id)", before: before,
                        after: after)
                    return after
                }
            },

            MethodSpec(
                "office.get", summary: "Returns one office.",
                params: [ParamSpec("id", .integer(min: 1, max: nil), required: true, "office id")],
                result: "{id, name, divisionCodes, regions, address, phone, hours}",
                roles: .everyone, errors: ["not_found"]
            ) { _, params in
                try store.read { try load(params.int("id")!, database: $0) }
            },

            MethodSpec(
                "office.list",
                summary: "Lists offices; filter name (substring) or divisionCode (covering office).",
                params: listing.params, result: "{items, total, page, pageSize, pages}",
                roles: .everyone, errors: Listing.errors + ["invalid_division_code"]
            ) { _, params in
                try store.read { database in try list(params: params, database: database) }
            },

            MethodSpec(
                "office.search",
                summary: "Finds the office responsible for a division code (most specific region).",
                params: [
                    ParamSpec("divisionCode", .string, required: true, "a GB/T 2260 code"),
                ],
                result: "the office, or null when no office covers the code", roles: .everyone,
                errors: ["unknown_division_code"]
            ) { _, params in
                let code = try params.requiredString("divisionCode")
                guard Divisions.standard.isKnown(code) else {
                    throw unknownDivision(code, field: "params.divisionCode")
                }
                return try store.read { database in
                    guard let id = try OfficeRouting.officeID(covering: code, in: database) else {
                        return .null
                    }
                    return try load(id, database: database)
                }
            },
        ]
    }
}
