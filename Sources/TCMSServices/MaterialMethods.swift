import Foundation
import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// Proof material for manual review: `material.start`, `material.upload` (base64 chunks under
/// the line limit), `material.finish` (size and SHA-256 checked), and for reviewers
/// `material.list`, `material.read` and `material.review`.
///
/// Approving a person's or entity's material marks it `verified`; rejecting it marks it
/// `unverified` and keeps the reviewer's reason.
enum MaterialMethods {
    static let uploaderRoles: Set<Role> = [.person, .handler, .entityAdmin, .mainAgent]

    static func specs(environment: ServiceEnvironment) -> [MethodSpec] {
        let files = ChunkedFiles(store: environment.store, .materials)
        let upload = ChunkedUpload(files: files, idField: "params.materialId")
        let idParam = ParamSpec(
            "materialId", .integer(min: 1, max: nil), required: true, "the material's id")
        return [
            MethodSpec(
                "material.start",
                summary: "Opens an upload of proof material for the caller's person or entity "
                    + "profile, declaring the file's size and SHA-256.",
                params: [
                    ParamSpec("description", .string, required: true, "what the file shows"),
                    ParamSpec(
                        "size", .integer(min: 1, max: Int64(ChunkedFiles.maxFileBytes)),
                        required: true, "file size in bytes, at most 10 MiB"),
                    ParamSpec("sha256", .string, required: true, "the file's SHA-256, hex"),
                ],
                result: "{materialId, maxChunkBytes}", roles: uploaderRoles, writes: true,
                errors: ["invalid_sha256", "already_verified", "subject_not_found"]
            ) { context, params in
                try MaterialUpload.start(environment, context, params)
            },

            MethodSpec(
                "material.upload",
                summary: "Appends one base64 chunk of at most 512 KiB at the given offset.",
                params: ChunkedUpload.chunkParams(idParam),
                result: "{materialId, receivedBytes}", roles: uploaderRoles, writes: true,
                errors: ["material_not_found", "upload_not_open", "offset_mismatch",
                         "invalid_base64", "chunk_too_large", "beyond_declared_size"]
            ) { context, params in
                try MaterialUpload.chunk(environment, upload, context, params)
            },

            MethodSpec(
                "material.finish",
                summary: "Checks the whole file against the declared size and SHA-256 and "
                    + "submits it for review; on a mismatch the upload starts again at 0.",
                params: [idParam], result: "{materialId, status, statusLabel}",
                roles: uploaderRoles, writes: true,
                errors: ["material_not_found", "upload_not_open", "size_mismatch",
                         "hash_mismatch"]
            ) { context, params in
                try MaterialUpload.finish(environment, upload, context, params)
            },

            MethodSpec(
                "material.list",
                summary: "Lists material by status, oldest first, with the subject's name and "
                    + "masked document number.",
                params: [
                    ParamSpec("status", .string, "uploading, submitted, approved or rejected"),
                ] + ProfileUpdates.pageParams,
                result: "{items: [{materialId, subjectKind, subjectName, documentType, "
                    + "documentNumber, description, size, status, statusLabel, createdAt}], "
                    + "total, page, pages}",
                roles: [.reviewer, .operator]
            ) { _, params in
                try MaterialReview.list(environment, params)
            },

            MethodSpec(
                "material.read",
                summary: "Returns up to 512 KiB of a submitted file as base64, for review.",
                params: [
                    idParam,
                    ParamSpec("offset", .integer(min: 0, max: nil), "byte offset, default 0"),
                ],
                result: "{materialId, offset, data, size}", roles: [.reviewer, .operator],
                errors: ["material_not_found"]
            ) { _, params in
                try MaterialReview.read(environment, files, params)
            },

            MethodSpec(
                "material.review",
                summary: "Approves submitted material, which verifies its person or entity, or "
                    + "rejects it with a reason. Only the first decision counts.",
                params: [
                    idParam,
                    ParamSpec("decision", .string, required: true, "approve or reject"),
                    ParamSpec("reason", .string, "why; required to reject"),
                ],
                result: "{materialId, status, statusLabel}", roles: [.reviewer], writes: true,
                errors: ["material_not_found", "already_decided", "invalid_decision",
                         "missing_field"]
            ) { context, params in
                try MaterialReview.review(environment, context, params)
            },

            MethodSpec(
                "account.createReviewer",
                summary: "Creates a material reviewer's account.",
                params: [
                    ParamSpec("login", .string, required: true, "login name"),
                    ParamSpec("password", .string, required: true, "initial password"),
                ],
                result: "{login, role, roleLabel}", roles: [.operator], writes: true,
                errors: ["invalid_login_name", "password_too_short", "password_too_few_classes",
                         "login_taken"]
            ) { context, params in
                try MaterialReview.createReviewer(environment, context, params)
            },
        ]
    }

    /// Returns the Chinese label of a material status.
    static func label(_ status: String) -> String {
        switch status {
        case "uploading": "上传中"
        case "submitted": "待审核"
        case "approved": "审核通过"
        case "rejected": "审核未通过"
        default: status
        }
    }
}
