import Foundation
import TCMSStorage

/// The directories of files uploaded in chunks, beside the database, with the table whose row
/// ids name the files. `tcms check` walks them to find files without a record.
public enum UploadDirectory: String, CaseIterable, Sendable {
    /// Proof material for manual review.
    case materials
    /// Contract texts and scans attached to contracts.
    case contractAttachments = "contract-attachments"

    /// The table whose row id names each file of the directory.
    public var table: String {
        switch self {
        case .materials: "materials"
        case .contractAttachments: "contract_attachments"
        }
    }

    /// The kind of file, as `tcms check`'s report names it.
    public var label: String {
        switch self {
        case .materials: "material"
        case .contractAttachments: "contract attachment"
        }
    }
}

/// Files uploaded in chunks, in one of the `UploadDirectory` directories. A file is named by
/// its record's id only, never by anything the client sent. It is `<id>.part` while it is
/// being uploaded and `<id>` once its size and hash were checked. Files are mode 0600 in a
/// 0700 directory.
final class ChunkedFiles: Sendable {
    /// Largest file accepted.
    static let maxFileBytes = 10 << 20
    /// Largest decoded chunk per upload call; its base64 form stays well under the daemon's
    /// default line limit of 1 MiB.
    static let maxChunkBytes = 512 << 10

    let directory: String
    // Serialises chunk writes, so two calls for one file cannot interleave their bytes.
    private let lock = NSLock()

    init(store: Store, _ kind: UploadDirectory) {
        directory = URL(fileURLWithPath: store.path).deletingLastPathComponent()
            .appendingPathComponent(kind.rawValue).path
    }

    func partPath(_ id: Int64) -> String { directory + "/\(id).part" }

    func finalPath(_ id: Int64) -> String { directory + "/\(id)" }

    /// Writes `bytes` at `offset` of the partial file, cutting off anything after them.
    func write(_ bytes: Data, at offset: Int64, id: Int64) throws {
        try lock.withLock {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
            let path = partPath(id)
            if !FileManager.default.fileExists(atPath: path) {
                _ = FileManager.default.createFile(
                    atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            try handle.truncate(atOffset: UInt64(offset))
            try handle.seek(toOffset: UInt64(offset))
            try handle.write(contentsOf: bytes)
        }
    }

    /// The partial file's bytes, or nil when it is missing.
    func partContents(_ id: Int64) -> Data? {
        FileManager.default.contents(atPath: partPath(id))
    }

    /// Moves the checked partial file to its final name.
    func seal(_ id: Int64) throws {
        try lock.withLock {
            try? FileManager.default.removeItem(atPath: finalPath(id))
            try FileManager.default.moveItem(atPath: partPath(id), toPath: finalPath(id))
        }
    }

    /// Deletes the partial file, so an upload that failed its checks starts again at 0.
    func discardPart(_ id: Int64) {
        lock.withLock { try? FileManager.default.removeItem(atPath: partPath(id)) }
    }

    /// Up to `length` bytes of a sealed file from `offset`.
    func read(_ id: Int64, offset: Int64, length: Int) throws -> Data {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: finalPath(id)))
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64(offset))
        return try handle.read(upToCount: length) ?? Data()
    }
}
