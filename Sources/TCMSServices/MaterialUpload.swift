import Foundation
import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// The uploader's side of proof material: start, chunks, finish.
enum MaterialUpload {
    static func start(
        _ environment: ServiceEnvironment, _ context: CallContext, _ params: Params
    ) throws -> JSON {
        let description = try params.requiredString("description")
        let size = params.int("size") ?? 0
        let sha256 = try ChunkedUpload.declaredSHA256(params)
        let now = environment.clock.now()
        let nowText = ChinaTime.timestamp(of: now)

        let id: Int64 = try environment.store.write { database in
            let (kind, subjectID, status) = try subject(database, context)
            guard status != VerificationStatus.verified.rawValue else {
                throw MaterialErrors.alreadyVerified
            }
            guard let login = context.caller.login,
                let account = try AccountStore.find(database, login: login)
            else {
                throw IdentityErrors.sessionInvalid
            }
            try database.run(
                """
                INSERT INTO materials (
                    subject_kind, subject_id, uploaded_by, description, declared_size,
                    declared_sha256, status, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, 'uploading', ?, ?)
                """,
                [kind.rawValue, subjectID, account.id, description, size, sha256, nowText,
                 nowText])
            let id = database.lastInsertRowID
            try AuditLog.record(
                database, context: context, subject: "material:\(id)",
                after: ["size": .int(size), "sha256": .string(sha256)], at: now)
            return id
        }
        return ["materialId": .int(id), "maxChunkBytes": .int(Int64(ChunkedFiles.maxChunkBytes))]
    }

    static func chunk(
        _ environment: ServiceEnvironment, _ upload: ChunkedUpload, _ context: CallContext,
        _ params: Params
    ) throws -> JSON {
        let id = params.int("materialId") ?? 0
        let offset = params.int("offset") ?? 0
        let material = try environment.store.read { try own($0, id: id, context) }
        guard material.status == "uploading" else { throw MaterialErrors.notOpen }

        let now = ChinaTime.timestamp(of: environment.clock.now())
        let received = try upload.appendChunk(
            params, id: id, offset: offset, received: material.received, size: material.size
        ) { total in
            try environment.store.write { database in
                try database.run(
                    """
                    UPDATE materials SET received_bytes = ?, updated_at = ?
                    WHERE id = ? AND received_bytes = ? AND status = 'uploading'
                    """, [total, now, id, offset])
                return database.changes == 1
            }
        }
        return ["materialId": .int(id), "receivedBytes": .int(received)]
    }

    static func finish(
        _ environment: ServiceEnvironment, _ upload: ChunkedUpload, _ context: CallContext,
        _ params: Params
    ) throws -> JSON {
        let id = params.int("materialId") ?? 0
        let material = try environment.store.read { try own($0, id: id, context) }
        guard material.status == "uploading" else { throw MaterialErrors.notOpen }

        let now = environment.clock.now()
        let nowText = ChinaTime.timestamp(of: now)
        try upload.seal(id: id, size: material.size, sha256: material.sha256) {
            try environment.store.write { database in
                try database.run(
                    """
                    UPDATE materials SET received_bytes = 0, updated_at = ?
                    WHERE id = ? AND status = 'uploading'
                    """, [nowText, id])
            }
        }
        try environment.store.write { database in
            try database.run(
                """
                UPDATE materials SET status = 'submitted', updated_at = ?
                WHERE id = ? AND status = 'uploading'
                """, [nowText, id])
            try AuditLog.record(
                database, context: context, subject: "material:\(id)",
                after: ["status": "submitted"], at: now)
        }
        return [
            "materialId": .int(id), "status": "submitted",
            "statusLabel": .string(MaterialMethods.label("submitted")),
        ]
    }

    /// The upload state of one material row.
    struct Material {
        let size: Int64
        let sha256: String
        let received: Int64
        let status: String
    }

    /// Returns the material `id` if the caller uploaded it. Other users' material gets
    /// `material_not_found`, so its ids are not revealed.
    private static func own(_ database: Database, id: Int64, _ context: CallContext) throws
        -> Material
    {
        let material = try database.queryFirst(
            """
            SELECT m.declared_size, m.declared_sha256, m.received_bytes, m.status
            FROM materials m JOIN accounts a ON a.id = m.uploaded_by
            WHERE m.id = ? AND a.login_key = ?
            """, [id, AccountStore.key(context.caller.login ?? "")]
        ) { Material(size: $0.int64(0), sha256: $0.string(1), received: $0.int64(2),
                     status: $0.string(3)) }
        guard let material else { throw MaterialErrors.notFound }
        return material
    }

    /// Returns the person or entity the caller uploads for, with its verification status.
    private static func subject(_ database: Database, _ context: CallContext) throws
        -> (ProfileUpdates.Kind, Int64, String)
    {
        let caller = context.caller
        let kind: ProfileUpdates.Kind = caller.role == .entityAdmin || caller.role == .mainAgent
            ? .entity : .person
        let login = kind == .entity
            ? try ProfileUpdates.entityLogin(database, context, Params([:]))
            : caller.login ?? ""
        let row = try database.queryFirst(
            """
            SELECT s.id, s.verification_status FROM \(kind.table) s
            JOIN accounts a ON a.id = s.account_id WHERE a.login_key = ?
            """, [AccountStore.key(login)]) { ($0.int64(0), $0.string(1)) }
        guard let row else { throw MaterialErrors.noSubject }
        return (kind, row.0, row.1)
    }
}
