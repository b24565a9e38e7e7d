import TCMSSystem
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
        let sha256 = try params.requiredString("sha256").lowercased()
        guard sha256.count == 64, sha256.allSatisfy(\.isHexDigit) else {
            throw MaterialErrors.invalid(
                "invalid_sha256", field: "params.sha256",
                "Invalid sha256: expected 64 hexadecimal characters",
                "sha256 无效：应为 64 位十六进制字符")
        }
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
        return ["materialId": .int(id), "maxChunkBytes": .int(Int64(MaterialFiles.maxChunkBytes))]
    }

    static func chunk(
        _ environment: ServiceEnvironment, _ files: MaterialFiles, _ context: CallContext,
        _ params: Params
    ) throws -> JSON {
        let id = params.int("materialId") ?? 0
        let offset = params.int("offset") ?? 0
        guard let bytes = Data(base64Encoded: try params.requiredString("data")) else {
            throw MaterialErrors.invalid(
                "invalid_base64", field: "params.data", "Invalid data: expected base64",
                "数据无效：应为 base64 编码")
        }
        guard bytes.count <= MaterialFiles.maxChunkBytes else {
            throw MaterialErrors.invalid(
                "chunk_too_large", field: "params.data",
                "The chunk holds \(bytes.count) bytes; send at most "
                    + "\(MaterialFiles.maxChunkBytes) per call", "分块过大")
        }
        let material = try environment.store.read { try own($0, id: id, context) }
        guard material.status == "uploading" else { throw MaterialErrors.notOpen }
        guard offset == material.received else {
            throw MaterialErrors.offsetMismatch(expected: material.received)
        }
        guard offset + Int64(bytes.count) <= material.size else {
            throw MaterialErrors.invalid(
                "beyond_declared_size", field: "params.data",
                "The chunk ends past the declared size of \(material.size) bytes",
                "数据超出声明的文件大小")
        }

        try files.write(bytes, at: offset, id: id)
        let received = offset + Int64(bytes.count)
        let now = ChinaTime.timestamp(of: environment.clock.now())
        try environment.store.write { database in
            try database.run(
                """
                UPDATE materials SET received_bytes = ?, updated_at = ?
                WHERE id = ? AND received_bytes = ? AND status = 'uploading'
                """, [received, now, id, offset])
            guard database.changes == 1 else {
                throw MaterialErrors.offsetMismatch(expected: offset)
            }
        }
        return ["materialId": .int(id), "receivedBytes": .int(received)]
    }

    static func finish(
        _ environment: ServiceEnvironment, _ files: MaterialFiles, _ context: CallContext,
        _ params: Params
    ) throws -> JSON {
        let id = params.int("materialId") ?? 0
        let material = try environment.store.read { try own($0, id: id, context) }
        guard material.status == "uploading" else { throw MaterialErrors.notOpen }

        let contents = files.partContents(id) ?? Data()
        var problem: RPCError?
        if Int64(contents.count) != material.size {
            problem = MaterialErrors.invalid(
                "size_mismatch", field: "params.materialId",
                "The file has \(contents.count) bytes, not the declared \(material.size); "
                    + "upload it again from offset 0", "文件大小与声明不符，请从头重新上传")
        } else if SHA256.hexDigest(of: [UInt8](contents)) != material.sha256 {
            problem = MaterialErrors.invalid(
                "hash_mismatch", field: "params.materialId",
                "The file's SHA-256 differs from the declared one; upload it again from offset 0",
                "文件校验值与声明不符，请从头重新上传")
        }

        let now = environment.clock.now()
        let nowText = ChinaTime.timestamp(of: now)
        if let problem {
            files.discardPart(id)
            try environment.store.write { database in
                try database.run(
                    "UPDATE materials SET received_bytes = 0, updated_at = ? WHERE id = ?",
                    [nowText, id])
            }
            throw problem
        }
        try files.seal(id)
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
