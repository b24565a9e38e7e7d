import Foundation
import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// The registering handler's side of contract attachments: begin, chunks, complete. The file
/// steps are those of proof material (`ChunkedUpload`); the rows are `contract_attachments`.
enum ContractAttachmentUpload {
    static func begin(
        _ environment: ServiceEnvironment, _ context: CallContext, _ params: Params
    ) throws -> JSON {
        let handler = try ContractRegistration.Handler(context)
        let contractID = params.int("contractId") ?? 0
        let size = params.int("size") ?? 0
        let (kind, fileName, contentType) = try describedFile(params)
        let sha256 = try ChunkedUpload.declaredSHA256(params)
        let now = environment.clock.now()
        let nowText = ChinaTime.timestamp(of: now)

        let id: Int64 = try environment.store.write { database in
            let record = try ContractRegistration.owned(contractID, by: handler, in: database)
            try ContractAttachmentStore.requireOpen(record.status)
            let count = try database.scalarInt(
                "SELECT count(*) FROM contract_attachments WHERE contract_id = ?", [contractID])
            guard count < ContractAttachmentStore.maxPerContract else {
                throw ContractAttachmentErrors.tooMany
            }
            try database.run(
                """
                INSERT INTO contract_attachments (
                    contract_id, kind, file_name, content_type, size, sha256, received, status,
                    uploaded_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, 0, 'uploading', ?, ?)
                """,
                [contractID, kind.rawValue, fileName, contentType, size, sha256, handler.login,
                 nowText])
            let id = database.lastInsertRowID
            try AuditLog.record(
                database, context: context, subject: "contract:\(contractID)",
                after: ["attachmentId": .int(id), "kind": .string(kind.rawValue),
                        "fileName": .string(fileName), "size": .int(size),
                        "sha256": .string(sha256)],
                at: now)
            return id
        }
        return ["attachmentId": .int(id), "maxChunkBytes": .int(Int64(ChunkedFiles.maxChunkBytes))]
    }

    static func chunk(
        _ environment: ServiceEnvironment, _ upload: ChunkedUpload, _ context: CallContext,
        _ params: Params
    ) throws -> JSON {
        let (id, row) = try openUpload(environment, context, params)
        let offset = params.int("offset") ?? 0
        let received = try upload.appendChunk(
            params, id: id, offset: offset, received: row.received, size: row.size
        ) { total in
            try environment.store.write { database in
                try database.run(
                    """
                    UPDATE contract_attachments SET received = ?
                    WHERE id = ? AND received = ? AND status = 'uploading'
                    """, [total, id, offset])
                return database.changes == 1
            }
        }
        return ["attachmentId": .int(id), "receivedBytes": .int(received)]
    }

    static func complete(
        _ environment: ServiceEnvironment, _ upload: ChunkedUpload, _ context: CallContext,
        _ params: Params
    ) throws -> JSON {
        let (id, row) = try openUpload(environment, context, params)
        try upload.seal(id: id, size: row.size, sha256: row.sha256) {
            try environment.store.write { database in
                try database.run(
                    """
                    UPDATE contract_attachments SET received = 0
                    WHERE id = ? AND status = 'uploading'
                    """, [id])
            }
        }
        let now = environment.clock.now()
        let nowText = ChinaTime.timestamp(of: now)
        return try environment.store.write { database in
            try database.run(
                """
                UPDATE contract_attachments SET status = 'complete', completed_at = ?
                WHERE id = ? AND status = 'uploading'
                """, [nowText, id])
            guard database.changes == 1 else { throw ContractAttachmentErrors.notOpen }
            try AuditLog.record(
                database, context: context, subject: "contract:\(row.contractID)",
                after: ["attachmentId": .int(id), "status": "complete"], at: now)
            let shown = try database.queryFirst(
                "SELECT \(ContractAttachmentStore.columns) FROM contract_attachments a "
                    + "WHERE a.id = ?", [id], ContractAttachmentStore.json)
            return shown ?? .null
        }
    }

    /// Returns the attachment of `params.attachmentId` when the calling handler uploads it,
    /// the upload is still open and its contract still takes attachments.
    private static func openUpload(
        _ environment: ServiceEnvironment, _ context: CallContext, _ params: Params
    ) throws -> (Int64, ContractAttachmentStore.Upload) {
        let handler = try ContractRegistration.Handler(context)
        let id = params.int("attachmentId") ?? 0
        let row = try environment.store.read {
            try ContractAttachmentStore.ownUpload(id, handler: handler, in: $0)
        }
        guard row.status == "uploading" else { throw ContractAttachmentErrors.notOpen }
        try ContractAttachmentStore.requireOpen(row.contractStatus)
        return (id, row)
    }

    /// Reads the kind, file name and content type of `contract.attachment.begin`, reporting
    /// every problem at once. The file name is kept as the handler's label of the file and is
    /// never part of a path.
    private static func describedFile(_ params: Params) throws
        -> (AttachmentKind, String, String)
    {
        var reader = FieldReader(params.object, prefix: "params.")
        let kind = reader.enumeration("kind", AttachmentKind.self, required: true)
        let fileName = reader.required("fileName", maxLength: 200)
        if let fileName, fileName.contains(where: { $0 == "/" || $0 == "\\" }) {
            reader.report(
                DomainViolation(
                    reason: "invalid_file_name",
                    message: "fileName \(fileName) must be a name without / or \\.",
                    messageZh: "文件名不能包含 / 或 \\。"), "fileName")
        }
        let contentType = reader.text("contentType", maxLength: 100)?.lowercased()
            ?? "application/octet-stream"
        if !isMediaType(contentType) {
            reader.report(
                DomainViolation(
                    reason: "invalid_content_type",
                    message: "contentType \(contentType) is not a media type such as "
                        + "application/pdf.",
                    messageZh: "contentType 应为 application/pdf 这样的媒体类型。"), "contentType")
        }
        guard reader.problems.isEmpty, let kind, let fileName else {
            throw RPCError.validation(reader.problems)
        }
        return (kind, fileName, contentType)
    }

    /// Tells whether `text` is `type/subtype` made of the token characters of RFC 6838, without
    /// parameters.
    private static func isMediaType(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789!#$&^_.+-")
        return parts.count == 2
            && parts.allSatisfy { !$0.isEmpty && $0.count <= 64 && $0.allSatisfy(allowed.contains) }
    }
}
