import Foundation
import Glibc
import TCMSJSON
import TCMSSystem

/// `tcms backup DEST`: asks the daemon for a checked snapshot, streams it into DEST (which must
/// not exist), verifies size and SHA-256 against the daemon's manifest, and writes the manifest
/// beside it as DEST.manifest.json.
public enum BackupCommand {
    public static func run(socketPath: String, destination: String) -> Int32 {
        if FileManager.default.fileExists(atPath: destination) {
            printError("tcms backup: \(destination) already exists; choose a new file name")
            return ExitCode.failure
        }

        let client: RPCClient
        do {
            client = try RPCClient(path: socketPath)
        } catch {
            printError("tcms backup: \(error)")
            return ExitCode.unavailable
        }

        do {
            let manifest = try client.call("backup.create")
            guard let id = manifest["id"]?.stringValue,
                let expectedHash = manifest["sha256"]?.stringValue,
                let expectedSize = manifest["sizeBytes"]?.intValue
            else {
                printError("tcms backup: the daemon returned an incomplete manifest")
                return ExitCode.failure
            }
            defer { _ = try? client.call("backup.delete", ["id": .string(id)]) }

            try copy(id: id, client: client, destination: destination,
                     expectedSize: expectedSize, expectedHash: expectedHash)
            try Data(manifest.prettyPrinted().utf8).write(
                to: URL(fileURLWithPath: destination + ".manifest.json"), options: .withoutOverwriting)
            print("backup written to \(destination) (\(expectedSize) bytes, sha256 \(expectedHash))")
            return ExitCode.success
        } catch let reply as RPCClient.ErrorReply {
            printError("tcms backup: \(reply.message)")
            return ExitCode.failure
        } catch let error as RPCClient.ConnectionLostError {
            printError("tcms backup: \(error)")
            return ExitCode.unavailable
        } catch {
            printError("tcms backup: \(error)")
            return ExitCode.failure
        }
    }

    private static func copy(
        id: String, client: RPCClient, destination: String, expectedSize: Int64,
        expectedHash: String
    ) throws {
        let raw = open(destination, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard raw >= 0 else {
            throw BackupError("cannot create \(destination): \(SystemError("open", errno: errno))"
                              + "; DEST must not exist yet")
        }
        let file = FileDescriptor(rawValue: raw)
        var complete = false
        defer {
            file.close()
            if !complete { unlink(destination) }
        }

        var hasher = SHA256()
        var offset: Int64 = 0
        while true {
            let chunk = try client.call(
                "backup.read", ["id": .string(id), "offset": .int(offset)])
            guard let text = chunk["data"]?.stringValue, let data = Data(base64Encoded: text) else {
                throw BackupError("the daemon sent a malformed chunk at offset \(offset)")
            }
            let bytes = [UInt8](data)
            try writeFully(file, bytes)
            hasher.update(bytes)
            offset += Int64(bytes.count)
            if chunk["eof"]?.boolValue ?? true { break }
        }

        guard fsync(file.rawValue) == 0 else { throw SystemError("fsync", errno: errno) }
        let actualHash = hasher.finalizeHex()
        guard offset == expectedSize, actualHash == expectedHash else {
            throw BackupError(
                "the copy does not match the manifest (\(offset) of \(expectedSize) bytes); "
                    + "DEST was removed, run the backup again")
        }
        complete = true
    }

    private static func writeFully(_ file: FileDescriptor, _ bytes: [UInt8]) throws {
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(file.rawValue, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw SystemError("write", errno: errno)
            }
            written += count
        }
    }
}

struct BackupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
