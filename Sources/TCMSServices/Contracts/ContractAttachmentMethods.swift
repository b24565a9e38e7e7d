import Foundation
import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// Contract attachments (the electronic contract text and scans): the registering handler
/// uploads them in chunks like proof material, and every caller who may read the contract
/// lists and fetches them. Files live under `contract-attachments/` beside the database.
enum ContractAttachmentMethods {
    static let listing = Listing(
        filters: [
            .init("kind", column: "a.kind", .equals),
            .init("status", column: "a.status", .equals),
        ],
        idColumn: "a.id")

    static func specs(environment: ServiceEnvironment) -> [MethodSpec] {
        let files = ChunkedFiles(store: environment.store, .contractAttachments)
        let upload = ChunkedUpload(files: files, idField: "params.attachmentId")
        let idParam = ParamSpec(
            "attachmentId", .integer(min: 1, max: nil), required: true, "the attachment")
        let uploadErrors = ["not_found", "upload_not_open", "attachments_closed"]
        return [
            MethodSpec(
                "contract.attachment.begin",
                summary: "Opens an upload of a file attached to a contract the handler "
                    + "registered, declaring its size and SHA-256. Allowed while the contract "
                    + "is draft, submitted, returned or withdrawn.",
                params: [
                    ContractMethods.contractIDParam,
                    ParamSpec("kind", .string, required: true, "contract_text, scan or other"),
                    ParamSpec("fileName", .string, required: true, "the file's name, as a label"),
                    ParamSpec("contentType", .string, "media type, default "
                        + "application/octet-stream"),
                    ParamSpec(
                        "size", .integer(min: 1, max: Int64(ChunkedFiles.maxFileBytes)),
                        required: true, "file size in bytes, at most 10 MiB"),
                    ParamSpec("sha256", .string, required: true, "the file's SHA-256, hex"),
                ],
                result: "{attachmentId, maxChunkBytes}", roles: [.handler], writes: true,
                errors: ["not_found", "attachments_closed", "too_many_attachments",
                         "invalid_sha256", "invalid_code", "missing_field", "too_long",
                         "control_character", "invalid_file_name", "invalid_content_type",
                         "several_problems"]
            ) { context, params in
                try ContractAttachmentUpload.begin(environment, context, params)
            },

            MethodSpec(
                "contract.attachment.upload",
                summary: "Appends one base64 chunk of at most 512 KiB at the given offset.",
                params: ChunkedUpload.chunkParams(idParam),
                result: "{attachmentId, receivedBytes}", roles: [.handler], writes: true,
                errors: uploadErrors + ["offset_mismatch", "invalid_base64", "chunk_too_large",
                                        "beyond_declared_size"]
            ) { context, params in
                try ContractAttachmentUpload.chunk(environment, upload, context, params)
            },

            MethodSpec(
                "contract.attachment.complete",
                summary: "Checks the whole file against the declared size and SHA-256 and "
                    + "attaches it to the contract; on a mismatch the upload starts again at 0.",
                params: [idParam], result: "the attachment", roles: [.handler], writes: true,
                errors: uploadErrors + ["size_mismatch", "hash_mismatch"]
            ) { context, params in
                try ContractAttachmentUpload.complete(environment, upload, context, params)
            },

            MethodSpec(
                "contract.attachment.list",
                summary: "Lists a contract's attachments, oldest first: the complete ones, and "
                    + "for the handler uploading them the unfinished ones. Filters kind, status.",
                params: [ContractMethods.contractIDParam] + Listing.params,
                result: "{items: [{id, contractId, kind, kindLabel, fileName, contentType, size, "
                    + "sha256, receivedBytes, status, statusLabel, uploadedBy, createdAt, "
                    + "completedAt}], total, page, pageSize, pages}",
                roles: ContractMethods.readerRoles,
                errors: Listing.errors + ["not_found", "not_a_clerk"]
            ) { context, params in
                try list(environment, context, params)
            },

            MethodSpec(
                "contract.attachment.fetch",
                summary: "Returns up to 512 KiB of a complete attachment from the given offset, "
                    + "as base64, to every caller who may read its contract.",
                params: [
                    idParam,
                    ParamSpec("offset", .integer(min: 0, max: nil), "byte offset, default 0"),
                ],
                result: "{attachmentId, offset, data, size, eof}",
                roles: ContractMethods.readerRoles, errors: ["not_found", "not_a_clerk"]
            ) { context, params in
                try fetch(environment, files, context, params)
            },
        ]
    }

    private static func list(
        _ environment: ServiceEnvironment, _ context: CallContext, _ params: Params
    ) throws -> JSON {
        let contractID = params.int("contractId") ?? 0
        let login = AccountStore.key(context.caller.login ?? "")
        return try environment.store.read { database in
            try ContractVisibility.require(contractID, context, in: database)
            let condition = "a.contract_id = ? AND (a.status = 'complete' OR a.uploaded_by = ?)"
            return try listing.run(
                database, params: params,
                from: "SELECT \(ContractAttachmentStore.columns) FROM contract_attachments a "
                    + "WHERE \(condition)",
                arguments: [contractID, login],
                countSQL: "SELECT count(*) FROM contract_attachments a WHERE \(condition)",
                row: ContractAttachmentStore.json)
        }
    }

    private static func fetch(
        _ environment: ServiceEnvironment, _ files: ChunkedFiles, _ context: CallContext,
        _ params: Params
    ) throws -> JSON {
        let id = params.int("attachmentId") ?? 0
        let offset = params.int("offset") ?? 0
        let size = try environment.store.read { database -> Int64 in
            let found = try database.queryFirst(
                """
                SELECT contract_id, size FROM contract_attachments
                WHERE id = ? AND status = 'complete'
                """, [id]) { ($0.int64(0), $0.int64(1)) }
            guard let (contractID, size) = found else { throw ContractAttachmentErrors.notFound }
            do {
                try ContractVisibility.require(contractID, context, in: database)
            } catch let error as RPCError where error.reason == "not_found" {
                throw ContractAttachmentErrors.notFound
            }
            return size
        }
        guard offset <= size else {
            throw RPCError.invalidParams(
                "params.offset \(offset) is past the end of the file (\(size) bytes)",
                field: "params.offset", reason: "out_of_range")
        }
        let data = try files.read(id, offset: offset, length: ChunkedFiles.maxChunkBytes)
        return [
            "attachmentId": .int(id), "offset": .int(offset),
            "data": .string(data.base64EncodedString()), "size": .int(size),
            "eof": .bool(offset + Int64(data.count) >= size),
        ]
    }
}
