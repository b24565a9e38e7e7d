import Foundation
import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// The reviewer's side of proof material: listing, reading and deciding, and the operator's
/// creation of reviewer accounts.
enum MaterialReview {
    static let statuses = ["uploading", "submitted", "approved", "rejected"]

    static func list(_ environment: ServiceEnvironment, _ params: Params) throws -> JSON {
        let status = params.string("status")
        if let status, !statuses.contains(status) {
            throw RPCError.validationFailed(
                "invalid_code", field: "params.status",
                "Invalid status \(status): expected uploading, submitted, approved or rejected",
                "材料状态无效")
        }
        let page = params.int("page") ?? 1
        let pageSize = params.int("pageSize") ?? 10

        return try environment.store.read { database in
            let total = try database.scalarInt(
                "SELECT count(*) FROM materials WHERE ? IS NULL OR status = ?", [status, status])
            let items = try database.query(
                """
                SELECT m.id, m.subject_kind, coalesce(p.name, e.name),
                       coalesce(p.document_type, e.legal_rep_document_type),
                       coalesce(p.document_number, e.legal_rep_document_number),
                       m.description, m.declared_size, m.status, m.review_reason, m.created_at
                FROM materials m
                LEFT JOIN persons p ON m.subject_kind = 'person' AND p.id = m.subject_id
                LEFT JOIN entities e ON m.subject_kind = 'entity' AND e.id = m.subject_id
                WHERE ? IS NULL OR m.status = ?
                ORDER BY m.id LIMIT ? OFFSET ?
                """, [status, status, pageSize, (page - 1) * pageSize]
            ) { row -> JSON in
                let type = DocumentType(rawValue: row.string(3))
                return [
                    "materialId": .int(row.int64(0)), "subjectKind": .string(row.string(1)),
                    "subjectName": .string(row.string(2)),
                    "documentType": .string(row.string(3)),
                    "documentTypeLabel": .string(type?.label ?? ""),
                    "documentNumber": .string(Masking.mask(row.string(4))),
                    "description": .string(row.string(5)), "size": .int(row.int64(6)),
                    "status": .string(row.string(7)),
                    "statusLabel": .string(MaterialMethods.label(row.string(7))),
                    "reason": row.optionalString(8).map { .string($0) } ?? .null,
                    "createdAt": .string(row.string(9)),
                ]
            }
            let pages = total == 0 ? 0 : (total + pageSize - 1) / pageSize
            return [
                "items": .array(items), "total": .int(total), "page": .int(page),
                "pages": .int(pages),
            ]
        }
    }

    static func read(
        _ environment: ServiceEnvironment, _ files: ChunkedFiles, _ params: Params
    ) throws -> JSON {
        let id = params.int("materialId") ?? 0
        let offset = params.int("offset") ?? 0
        let size = try environment.store.read { database in
            try database.queryFirst(
                """
                SELECT declared_size FROM materials
                WHERE id = ? AND status IN ('submitted', 'approved', 'rejected')
                """, [id]) { $0.int64(0) }
        }
        guard let size else { throw MaterialErrors.notFound }
        let data = try files.read(id, offset: offset, length: ChunkedFiles.maxChunkBytes)
        return [
            "materialId": .int(id), "offset": .int(offset),
            "data": .string(data.base64EncodedString()), "size": .int(size),
        ]
    }

    static func review(
        _ environment: ServiceEnvironment, _ context: CallContext, _ params: Params
    ) throws -> JSON {
        let id = params.int("materialId") ?? 0
        let decision = try params.requiredString("decision")
        let reason = params.string("reason")?.trimmingCharacters(in: .whitespaces)
        guard decision == "approve" || decision == "reject" else {
            throw RPCError.validationFailed(
                "invalid_decision", field: "params.decision",
                "Invalid decision \(decision): expected approve or reject", "审核结论无效")
        }
        if decision == "reject", reason?.isEmpty ?? true {
            throw RPCError.validationFailed(
                "missing_field", field: "params.reason", "A rejection needs a reason",
                "驳回时须填写原因")
        }
        let status = decision == "approve" ? "approved" : "rejected"
        let verification: VerificationStatus = decision == "approve" ? .verified : .unverified
        let now = environment.clock.now()
        let nowText = ChinaTime.timestamp(of: now)

        try environment.store.write { database in
            guard let (kind, subjectID) = try database.queryFirst(
                "SELECT subject_kind, subject_id FROM materials WHERE id = ?", [id],
                { ($0.string(0), $0.int64(1)) })
            else {
                throw MaterialErrors.notFound
            }
            // The status condition makes the decision atomic. Of two reviewers deciding at
            // once, only the first changes the row, and the other gets already_decided.
            try database.run(
                """
                UPDATE materials SET status = ?, review_reason = ?, reviewed_by = ?,
                    reviewed_at = ?, updated_at = ?
                WHERE id = ? AND status = 'submitted'
                """, [status, reason, context.caller.login, nowText, nowText, id])
            guard database.changes == 1 else { throw MaterialErrors.alreadyDecided }
            let table = kind == "person" ? "persons" : "entities"
            try database.run(
                "UPDATE \(table) SET verification_status = ?, updated_at = ? WHERE id = ?",
                [verification.rawValue, nowText, subjectID])
            try AuditLog.record(
                database, context: context, subject: "material:\(id)",
                before: ["status": "submitted"],
                after: ["status": .string(status), "reason": reason.map { .string($0) } ?? .null],
                at: now)
        }
        return [
            "materialId": .int(id), "status": .string(status),
            "statusLabel": .string(MaterialMethods.label(status)),
        ]
    }

    static func createReviewer(
        _ environment: ServiceEnvironment, _ context: CallContext, _ params: Params
    ) throws -> JSON {
        var reader = FieldReader(params.object, prefix: "params.")
        let login = reader.check("login", reader.required("login", maxLength: 64)) {
            (value) throws(DomainViolation) in
            try LoginName.validate(value)
            return value
        }
        let credential = AccountFields.credential(&reader, source: .registration)
        guard reader.problems.isEmpty, let login, case .password(let password)? = credential
        else {
            throw RPCError.validation(reader.problems)
        }
        let hash = try PasswordHasher.hash(password)
        let now = environment.clock.now()
        try environment.store.write { database in
            _ = try AccountStore.insert(
                database, login: login, passwordHash: hash, role: .reviewer,
                now: ChinaTime.timestamp(of: now), field: "params.login")
            try AuditLog.record(
                database, context: context, subject: "account:\(login)",
                after: ["role": "reviewer"], at: now)
        }
        return [
            "login": .string(login), "role": .string(Role.reviewer.rawValue),
            "roleLabel": .string(Role.reviewer.label),
        ]
    }
}
