import Foundation
import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// Reads and writes `persons`.
enum PersonStore {
    static let columns = """
        a.login, p.name, p.gender, p.ethnicity, p.position, p.birth_date, p.email, p.mobile,
        p.phone, p.address, p.identity_type, p.document_type, p.document_number,
        p.document_valid_from, p.document_valid_until, p.verification_status, p.created_at,
        p.updated_at, p.id
        """

    /// The id of the person holding this document, if one is registered.
    static func holder(_ database: Database, document: DocumentNumber) throws -> (Int64, String)? {
        try database.queryFirst(
            """
            SELECT p.id, a.login FROM persons p JOIN accounts a ON a.id = p.account_id
            WHERE p.document_type = ? AND p.document_number = ?
            """, [document.type.rawValue, document.value]) { ($0.int64(0), $0.string(1)) }
    }

    /// Inserts the account and the person; throws `document_already_registered` or
    /// `login_taken` naming `prefix` fields. Returns the person's id and verification status.
    static func insert(
        _ database: Database, _ record: PersonRecord, passwordHash: String, now: Date,
        today: CivilDate, prefix: String, hasVerifyCommand: Bool
    ) throws -> (id: Int64, status: VerificationStatus) {
        if try holder(database, document: record.document) != nil {
            throw IdentityErrors.alreadyExists(
                "document_already_registered", field: prefix + "documentNumber",
                "A person with this document number is already registered",
                "该证件号码已注册")
        }
        let nowText = ChinaTime.timestamp(of: now)
        let status = try Verifier.status(
            database, formatStatus: record.verificationStatus(today: today),
            hasCommand: hasVerifyCommand, name: record.name, document: record.document)
        let accountID = try AccountStore.insert(
            database, login: record.login, passwordHash: passwordHash, role: .person,
            now: nowText, field: prefix + "login")
        try database.run(
            """
            INSERT INTO persons (
                account_id, name, gender, ethnicity, position, birth_date, email, mobile, phone,
                address, identity_type, document_type, document_number, document_valid_from,
                document_valid_until, verification_status, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                accountID, record.name, record.gender?.rawValue, record.ethnicity,
                record.position, record.birthDate?.description, record.email, record.mobile,
                record.phone, record.address, record.identityType.rawValue,
                record.document.type.rawValue, record.document.value,
                record.documentValidFrom?.description, record.documentValidUntil?.stored,
                status.rawValue, nowText, nowText,
            ])
        return (database.lastInsertRowID, status)
    }

    /// The profile of the person with login `login`, masked unless `masked` is false.
    static func profile(_ database: Database, login: String, masked: Bool) throws -> JSON? {
        try database.queryFirst(
            """
            SELECT \(columns) FROM persons p JOIN accounts a ON a.id = p.account_id
            WHERE a.login_key = ?
            """, [AccountStore.key(login)]) { row in profileJSON(row, masked: masked) }
    }

    /// One row selected with `columns` as the wire profile.
    static func profileJSON(_ row: Row, masked: Bool) -> JSON {
        func optional(_ index: Int) -> JSON {
            row.optionalString(index).map { .string($0) } ?? .null
        }
        let gender = row.optionalString(2).flatMap(Gender.init(rawValue:))
        let identity = IdentityType(rawValue: row.string(10))
        let document = DocumentType(rawValue: row.string(11))
        let status = VerificationStatus(rawValue: row.string(15))
        let number = row.string(12)
        let mobile = row.string(7)
        let until = row.optionalString(14)
        return [
            "login": .string(row.string(0)),
            "name": .string(row.string(1)),
            "gender": gender.map { .string($0.rawValue) } ?? .null,
            "genderLabel": gender.map { .string($0.label) } ?? .null,
            "ethnicity": optional(3),
            "position": optional(4),
            "birthDate": optional(5),
            "email": optional(6),
            "mobile": .string(masked ? Masking.maskMobile(mobile) : mobile),
            "phone": optional(8),
            "address": optional(9),
            "identityType": .string(row.string(10)),
            "identityTypeLabel": .string(identity?.label ?? ""),
            "documentType": .string(row.string(11)),
            "documentTypeLabel": .string(document?.label ?? ""),
            "documentNumber": .string(masked ? Masking.mask(number) : number),
            "documentValidFrom": optional(13),
            "documentValidUntil": until.map { .string($0) } ?? .null,
            "documentValidUntilLabel": until.map { .string($0 == "long_term" ? "长期" : $0) }
                ?? .null,
            "verificationStatus": .string(row.string(15)),
            "verificationStatusLabel": .string(status?.label ?? ""),
            "createdAt": .string(row.string(16)),
            "updatedAt": .string(row.string(17)),
        ]
    }

    /// The record the verification command gets for a person.
    static func verifyRequest(_ record: PersonRecord) -> JSON {
        [
            "kind": "person", "name": .string(record.name),
            "documentType": .string(record.document.type.rawValue),
            "documentNumber": .string(record.document.value),
        ]
    }

    /// The audit form of a new person: numbers masked.
    static func auditJSON(_ record: PersonRecord) -> JSON {
        [
            "login": .string(record.login), "name": .string(record.name),
            "documentType": .string(record.document.type.rawValue),
            "documentNumber": .string(record.document.masked),
            "mobile": .string(Masking.maskMobile(record.mobile)),
        ]
    }
}
