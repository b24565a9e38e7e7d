import Foundation
import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage
import TCMSSystem

/// Online backups: `backup.create` writes a checked snapshot into `backups/` under the state
/// directory; `backup.read` streams it to a client (`tcms backup DEST` writes DEST itself, so the
/// daemon's sandbox never decides where a backup may go); `backup.delete` removes it.
enum BackupMethods {
    /// Bytes per `backup.read` reply; base64 makes the line about 700 KiB.
    static let chunkBytes = 512 * 1024

    static func specs(environment: ServiceEnvironment) -> [MethodSpec] {
        let directory = environment.stateDirectory + "/backups"
        return [
            MethodSpec(
                "backup.create",
                summary: "Writes a consistent, integrity-checked snapshot of the database.",
                result: "{id, sizeBytes, sha256, schemaVersion, createdAt}", roles: [.operator],
                errors: ["backup_failed"]
            ) { _, _ in
                try create(environment: environment, directory: directory)
            },
            MethodSpec(
                "backup.read", summary: "Returns one chunk of a snapshot, base64-encoded.",
                params: [
                    ParamSpec("id", .string, required: true, "the id backup.create returned"),
                    ParamSpec("offset", .integer(min: 0, max: nil), required: true, "byte offset"),
                ],
                result: "{data, offset, eof}", roles: [.operator],
                errors: ["not_found", "invalid_backup_id"]
            ) { _, params in
                try read(directory: directory, params: params)
            },
            MethodSpec(
                "backup.delete", summary: "Removes a snapshot from the backup directory.",
                params: [ParamSpec("id", .string, required: true, "the id backup.create returned")],
                result: "{deleted: true}", roles: [.operator],
                errors: ["not_found", "invalid_backup_id"]
            ) { _, params in
                let path = try snapshotPath(directory: directory, id: params.requiredString("id"))
                guard FileManager.default.fileExists(atPath: path) else {
                    throw RPCError(
                        code: RPCErrorCode.notFound, reason: "not_found",
                        message: "No backup with this id", messageZh: "没有这个备份",
                        field: "params.id")
                }
                try? FileManager.default.removeItem(atPath: path)
                try? FileManager.default.removeItem(atPath: path + ".manifest.json")
                return ["deleted": true]
            },
        ]
    }

    private static func create(environment: ServiceEnvironment, directory: String) throws -> JSON {
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        let now = environment.clock.now()
        let stamp = ChinaTime.timestamp(of: now).prefix(19).filter { $0 != "-" && $0 != ":" }
        let id = "tcms-\(stamp)-\(UUID().uuidString.prefix(8).lowercased()).sqlite"
        let path = directory + "/" + id

        do {
            try environment.store.snapshot(to: path)
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw RPCError(
                code: RPCErrorCode.storageFailed, reason: "backup_failed",
                message: "Backup failed: \(error)", messageZh: "备份失败")
        }

        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let manifest: JSON = [
            "id": .string(id),
            "sizeBytes": .int(Int64(bytes.count)),
            "sha256": .string(SHA256.hexDigest(of: bytes)),
            "schemaVersion": .int(Int64(environment.store.schemaVersion)),
            "createdAt": .string(ChinaTime.timestamp(of: now)),
        ]
        try Data(manifest.prettyPrinted().utf8).write(
            to: URL(fileURLWithPath: path + ".manifest.json"))
        return manifest
    }

    private static func read(directory: String, params: Params) throws -> JSON {
        let path = try snapshotPath(directory: directory, id: params.requiredString("id"))
        let offset = params.int("offset") ?? 0
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw RPCError(
                code: RPCErrorCode.notFound, reason: "not_found",
                message: "No backup with this id", messageZh: "没有这个备份", field: "params.id")
        }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        var chunk = Data()
        if UInt64(offset) < size {
            try handle.seek(toOffset: UInt64(offset))
            chunk = try handle.read(upToCount: chunkBytes) ?? Data()
        }
        return [
            "data": .string(chunk.base64EncodedString()),
            "offset": .int(offset),
            "eof": .bool(chunk.count < chunkBytes),
        ]
    }

    /// The file of a backup id; ids are file names this daemon generated, so anything with a
    /// path separator or another shape is rejected before touching the file system.
    private static func snapshotPath(directory: String, id: String) throws -> String {
        let allowed = id.hasPrefix("tcms-") && id.hasSuffix(".sqlite")
            && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }
            && !id.contains("..")
        guard allowed else {
            throw RPCError.invalidParams(
                "params.id is not a backup id", field: "params.id", reason: "invalid_backup_id")
        }
        return directory + "/" + id
    }
}
