import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// The checked fields of an `office.create` or `office.update` call.
struct OfficeFields {
    var name: String?
    var divisionCodes: [String]?
    var address: String?
    var phone: String?
    var hours: String?

    init(params: Params, requireAll: Bool) throws {
        name = params.string("name")?.trimmingCharacters(in: .whitespaces)
        // Counted in code points, as the table's CHECK with SQLite's length() counts them.
        if let name, name.isEmpty || name.unicodeScalars.count > 100 {
            throw RPCError.invalidParams(
                "params.name must have 1 to 100 characters", field: "params.name",
                reason: "invalid_name")
        }
        address = params.string("address")
        phone = params.string("phone")
        hours = params.string("hours")

        if let list = params["divisionCodes"]?.arrayValue {
            var codes: [String] = []
            for (index, element) in list.enumerated() {
                let field = "params.divisionCodes[\(index)]"
                guard let code = element.stringValue else {
                    throw RPCError.invalidParams(
                        "\(field) must be a string", field: field, reason: "wrong_type")
                }
                guard Divisions.standard.isInUse(code) else {
                    throw OfficeMethods.unknownDivision(code, field: field)
                }
                if !codes.contains(code) { codes.append(code) }
            }
            guard !codes.isEmpty else {
                throw RPCError.invalidParams(
                    "params.divisionCodes must name at least one code",
                    field: "params.divisionCodes", reason: "missing_param")
            }
            divisionCodes = codes
        }
    }
}

extension OfficeMethods {
    static func unknownDivision(_ code: String, field: String) -> RPCError {
        RPCError(
            code: RPCErrorCode.validationFailed, reason: "unknown_division_code",
            message: "\(code) is not a GB/T 2260 division code in use",
            messageZh: "行政区划代码不存在或已停用", field: field)
    }

    static func notFound(_ id: Int64) -> RPCError {
        RPCError(
            code: RPCErrorCode.notFound, reason: "not_found", message: "No office with id \(id)",
            messageZh: "登记机构不存在", field: "params.id")
    }

    static func insert(_ fields: OfficeFields, at now: String, database: Database) throws -> Int64 {
        do {
            try database.run(
                """
                INSERT INTO offices (name, address, phone, hours, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
                [fields.name!, fields.address ?? "", fields.phone ?? "", fields.hours ?? "", now, now])
        } catch {
            throw error.isUniqueViolation ? nameTaken(fields.name!) : error
        }
        let id = database.lastInsertRowID
        try replaceRegions(of: id, with: fields.divisionCodes!, database: database)
        return id
    }

    static func update(_ id: Int64, _ fields: OfficeFields, at now: String, database: Database) throws {
        do {
            try database.run(
                """
                UPDATE offices SET name = coalesce(?, name), address = coalesce(?, address),
                    phone = coalesce(?, phone), hours = coalesce(?, hours), updated_at = ?
                WHERE id = ?
                """,
                [fields.name, fields.address, fields.phone, fields.hours, now, id])
        } catch {
            throw error.isUniqueViolation ? nameTaken(fields.name ?? "") : error
        }
        if let codes = fields.divisionCodes {
            try replaceRegions(of: id, with: codes, database: database)
        }
    }

    private static func nameTaken(_ name: String) -> RPCError {
        RPCError(
            code: RPCErrorCode.alreadyExists, reason: "already_exists",
            message: "An office named \(name) already exists", messageZh: "登记机构名称已存在",
            field: "params.name")
    }

    private static func replaceRegions(of id: Int64, with codes: [String], database: Database) throws {
        try database.run("DELETE FROM office_regions WHERE office_id = ?", [id])
        for (index, code) in codes.enumerated() {
            let holder = try database.queryFirst(
                "SELECT o.name FROM office_regions r JOIN offices o ON o.id = r.office_id "
                    + "WHERE r.division_code = ?", [code]
            ) { $0.string(0) }
            if let holder {
                throw RPCError(
                    code: RPCErrorCode.alreadyExists, reason: "region_taken",
                    message: "Division \(code) is already covered by \(holder)",
                    messageZh: "该行政区划已由其他登记机构负责",
                    field: "params.divisionCodes[\(index)]")
            }
            try database.run(
                "INSERT INTO office_regions (division_code, office_id) VALUES (?, ?)", [code, id])
        }
    }

    static func load(_ id: Int64, database: Database) throws -> JSON {
        let office = try database.queryFirst(
            "SELECT id, name, address, phone, hours FROM offices WHERE id = ?", [id]
        ) { try officeJSON($0, database: database) }
        guard let office else { throw notFound(id) }
        return office
    }

    static func officeJSON(_ row: Row, database: Database) throws -> JSON {
        let id = row.int64(0)
        let codes = try database.query(
            "SELECT division_code FROM office_regions WHERE office_id = ? ORDER BY division_code",
            [id]
        ) { $0.string(0) }
        let regions = codes.map { code -> JSON in
            ["code": .string(code), "name": .string(Divisions.standard.name(of: code) ?? "")]
        }
        return [
            "id": .int(id), "name": .string(row.string(1)),
            "divisionCodes": .array(codes.map { .string($0) }), "regions": .array(regions),
            "address": .string(row.string(2)), "phone": .string(row.string(3)),
            "hours": .string(row.string(4)),
        ]
    }

    static func list(params: Params, database: Database) throws -> JSON {
        try listing.run(
            database, params: params,
            from: "SELECT id, name, address, phone, hours FROM offices WHERE 1", arguments: [],
            countSQL: "SELECT count(*) FROM offices WHERE 1"
        ) { try officeJSON($0, database: database) }
    }
}
