import Foundation
import TCMSRPC
import TCMSSystem

/// The steps every chunked upload shares, for proof material and contract attachments alike:
/// the declared hash, one base64 chunk at the expected offset, and the final check of size and
/// SHA-256 before the file is sealed. The callers own their records; these steps own the file.
struct ChunkedUpload {
    let files: ChunkedFiles
    /// The id param of the upload methods, which the errors name (`params.materialId`).
    let idField: String

    /// Returns the params of an upload call: the upload's id, the offset and the base64 chunk.
    static func chunkParams(_ idParam: ParamSpec) -> [ParamSpec] {
        [
            idParam,
            ParamSpec(
                "offset", .integer(min: 0, max: nil), required: true, "bytes received so far"),
            ParamSpec("data", .string, required: true, "the chunk, base64"),
        ]
    }

    /// Reads `params.sha256`: 64 hexadecimal characters, returned in lower case.
    static func declaredSHA256(_ params: Params) throws -> String {
        let sha256 = try params.requiredString("sha256").lowercased()
        guard sha256.count == 64, sha256.allSatisfy(\.isHexDigit) else {
            throw RPCError.validationFailed(
                "invalid_sha256", field: "params.sha256",
                "Invalid sha256: expected 64 hexadecimal characters",
                "sha256 无效：应为 64 位十六进制字符")
        }
        return sha256
    }

    /// Decodes `params.data`, checks it against the bytes received so far and the declared
    /// size, writes it at `offset`, and returns the new count of bytes received.
    ///
    /// `commit` stores that count only while the record still has `received` bytes. It returns
    /// false when another call changed the record meanwhile, and the chunk then fails with
    /// `offset_mismatch`.
    func appendChunk(
        _ params: Params, id: Int64, offset: Int64, received: Int64, size: Int64,
        commit: (Int64) throws -> Bool
    ) throws -> Int64 {
        guard let bytes = Data(base64Encoded: try params.requiredString("data")) else {
            throw RPCError.validationFailed(
                "invalid_base64", field: "params.data", "Invalid data: expected base64",
                "数据无效：应为 base64 编码")
        }
        guard bytes.count <= ChunkedFiles.maxChunkBytes else {
            throw RPCError.validationFailed(
                "chunk_too_large", field: "params.data",
                "The chunk holds \(bytes.count) bytes; send at most "
                    + "\(ChunkedFiles.maxChunkBytes) per call", "分块过大")
        }
        guard offset == received else {
            throw UploadErrors.offsetMismatch(expected: received)
        }
        guard offset + Int64(bytes.count) <= size else {
            throw RPCError.validationFailed(
                "beyond_declared_size", field: "params.data",
                "The chunk ends past the declared size of \(size) bytes", "数据超出声明的文件大小")
        }

        try files.write(bytes, at: offset, id: id)
        let total = offset + Int64(bytes.count)
        guard try commit(total) else { throw UploadErrors.offsetMismatch(expected: offset) }
        return total
    }

    /// Checks the partial file against the declared `size` and `sha256` and moves it to its
    /// final name. On a mismatch it deletes the partial file, runs `reset` so the record
    /// starts again at 0, and throws `size_mismatch` or `hash_mismatch`.
    func seal(id: Int64, size: Int64, sha256: String, reset: () throws -> Void) throws {
        let contents = files.partContents(id) ?? Data()
        var problem: RPCError?
        if Int64(contents.count) != size {
            problem = RPCError.validationFailed(
                "size_mismatch", field: idField,
                "The file has \(contents.count) bytes, not the declared \(size); "
                    + "upload it again from offset 0", "文件大小与声明不符，请从头重新上传")
        } else if SHA256.hexDigest(of: [UInt8](contents)) != sha256 {
            problem = RPCError.validationFailed(
                "hash_mismatch", field: idField,
                "The file's SHA-256 differs from the declared one; upload it again from offset 0",
                "文件校验值与声明不符，请从头重新上传")
        }
        if let problem {
            files.discardPart(id)
            try reset()
            throw problem
        }
        try files.seal(id)
    }
}

/// The errors of a chunked upload that do not depend on what is uploaded.
enum UploadErrors {
    static func offsetMismatch(expected: Int64) -> RPCError {
        RPCError(
            code: RPCErrorCode.invalidState, reason: "offset_mismatch",
            message: "The chunk must start at offset \(expected), the bytes received so far",
            messageZh: "分块偏移量应为 \(expected)", field: "params.offset")
    }
}
