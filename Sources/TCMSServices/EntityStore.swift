import Foundation
import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// Reads and writes `entities`.
enum EntityStore {
    static let columns = """
        a.login, e.name, e.english_name, e.short_name, e.homepage, e.region_type, e.entity_type,
        e.uscc, e.unique_id, e.country_code, e.nature, e.legal_rep_name,
        e.legal_rep_document_type, e.legal_rep_document_number, e.division_code, e.address,
        e.postcode, e.email, e.mobile, e.industry, e.size, e.verification_status, e.created_at,
        e.updated_at, e.id, e.other_info
        """

    // NOTE: names compare exactly, so 宁德青云（福建） with full-width brackets and 宁德青云(福建)
    // with ASCII ones count as two different units.
    /// True when an entity has this name (exactly) or this USCC.
    static func exists(_ database: Database, name: String?, uscc: String?) throws -> (Bool, Bool) {
        let byName = try name.map {
            try database.scalarInt("SELECT count(*) FROM entities WHERE name = ?", [$0]) > 0
        } ?? false
        let byUSCC = try uscc.map {
            try database.scalarInt("SELECT count(*) FROM entities WHERE uscc = ?", [$0]) > 0
        } ?? false
        return (byName, byUSCC)
    }

    /// Inserts the account and the entity; throws `name_taken`, `uscc_taken` or `login_taken`
    /// naming `prefix` fields. Returns the entity's id.
    static func insert(
        _ database: Database, _ record: EntityRecord, passwordHash: String, now: Date,
        prefix: String, hasVerifyCommand: Bool
    ) throws -> (id: Int64, status: VerificationStatus) {
        let (nameTaken, usccTaken) = try exists(
            database, name: record.name, uscc: record.uscc?.code)
        if nameTaken {
            throw IdentityErrors.alreadyExists(
                "name_taken", field: prefix + "name", "A unit with this name is already registered",
                "该单位名称已注册")
        }
        if usccTaken {
            throw IdentityErrors.alreadyExists(
                "uscc_taken", field: prefix + "uscc",
                "A unit with this unified social credit code is already registered",
                "该统一社会信用代码已注册")
        }
        let nowText = ChinaTime.timestamp(of: now)
        let status = try Verifier.status(
            database, formatStatus: record.verificationStatus, hasCommand: hasVerifyCommand,
            name: record.name, document: nil)
        let accountID = try AccountStore.insert(
            database, login: record.login, passwordHash: passwordHash, role: .entityAdmin,
            now: nowText, field: prefix + "login")
        try database.run(
            """
            INSERT INTO entities (
                account_id, name, english_name, short_name, homepage, region_type, entity_type,
                uscc, unique_id, country_code, nature, legal_rep_name, legal_rep_document_type,
                legal_rep_document_number, division_code, address, postcode, email, mobile,
                industry, size, verification_status, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                accountID, record.name, record.englishName, record.shortName, record.homepage,
                record.regionType.rawValue, record.entityType?.rawValue, record.uscc?.code,
                record.uniqueID, record.countryCode, record.nature, record.legalRepName,
                record.legalRepDocument.type.rawValue, record.legalRepDocument.value,
                record.divisionCode, record.address, record.postcode, record.email, record.mobile,
                record.industry, record.size, status.rawValue, nowText, nowText,
            ])
        return (database.lastInsertRowID, status)
    }

    /// Returns the profile of the entity whose admin account has `login`.
    static func profile(_ database: Database, login: String, masked: Bool) throws -> JSON? {
        try database.queryFirst(
            """
            SELECT \(columns) FROM entities e JOIN accounts a ON a.id = e.account_id
            WHERE a.login_key = ?
            """, [AccountStore.key(login)]) { row in profileJSON(row, masked: masked) }
    }

    static func profileJSON(_ row: Row, masked: Bool) -> JSON {
        func optional(_ index: Int) -> JSON {
            row.optionalString(index).map { .string($0) } ?? .null
        }
        let region = RegionType(rawValue: row.string(5))
        let type = row.optionalString(6).flatMap(EntityType.init(rawValue:))
        let nature = row.optionalString(10)
        let repType = DocumentType(rawValue: row.string(12))
        let repNumber = row.string(13)
        let mobile = row.optionalString(18)
        let status = VerificationStatus(rawValue: row.string(21))
        let codes = ContractCodes.standard
        return [
            "login": .string(row.string(0)),
            "name": .string(row.string(1)),
            "englishName": optional(2),
            "shortName": optional(3),
            "homepage": optional(4),
            "regionType": .string(row.string(5)),
            "regionTypeLabel": .string(region?.label ?? ""),
            "entityType": type.map { .string($0.rawValue) } ?? .null,
            "entityTypeLabel": type.map { .string($0.label) } ?? .null,
            "uscc": optional(7),
            "uniqueId": optional(8),
            "countryCode": optional(9),
            "nature": nature.map { .string($0) } ?? .null,
            "natureLabel": nature.flatMap { codes.label(of: $0, in: .partyNature) }
                .map { .string($0) } ?? .null,
            "legalRepName": .string(row.string(11)),
            "legalRepDocumentType": .string(row.string(12)),
            "legalRepDocumentTypeLabel": .string(repType?.label ?? ""),
            "legalRepDocumentNumber": .string(masked ? Masking.mask(repNumber) : repNumber),
            "divisionCode": optional(14),
            "address": optional(15),
            "postcode": optional(16),
            "email": optional(17),
            "mobile": mobile.map { .string(masked ? Masking.maskMobile($0) : $0) } ?? .null,
            "industry": optional(19),
            "size": optional(20),
            "verificationStatus": .string(row.string(21)),
            "verificationStatusLabel": .string(status?.label ?? ""),
            "createdAt": .string(row.string(22)),
            "updatedAt": .string(row.string(23)),
            "otherInfo": row.optionalString(25).flatMap { try? JSONParser.parse($0) } ?? .null,
        ]
    }

    /// The record the verification command gets for an entity.
    static func verifyRequest(_ record: EntityRecord) -> JSON {
        [
            "kind": "entity", "name": .string(record.name),
            "uscc": record.uscc.map { .string($0.code) } ?? .null,
            "legalRepName": .string(record.legalRepName),
            "legalRepDocumentType": .string(record.legalRepDocument.type.rawValue),
            "legalRepDocumentNumber": .string(record.legalRepDocument.value),
        ]
    }

    static func auditJSON(_ record: EntityRecord) -> JSON {
        [
            "login": .string(record.login), "name": .string(record.name),
            "regionType": .string(record.regionType.rawValue),
            "uscc": record.uscc.map { .string($0.code) } ?? .null,
            "legalRepDocumentNumber": .string(record.legalRepDocument.masked),
        ]
    }
}
