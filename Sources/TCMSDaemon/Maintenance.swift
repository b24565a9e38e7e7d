import Foundation
import TCMSServices
import TCMSStorage
import TCMSSystem

/// Offline maintenance of a state directory: `tcms check` and `tcms restore`, both run while
/// the daemon is stopped (the state lock proves it).
public enum Maintenance {
    /// A maintenance step that cannot go on, with what to do about it.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    /// The result of `tcms check`.
    public struct Report {
        public var lines: [String] = []
        public var healthy = true
    }

    /// Checks the database of `stateDirectory`: integrity, schema version against this build,
    /// and that its journal mode is WAL.
    public static func check(stateDirectory: String) throws -> Report {
        let path = stateDirectory + "/tcms.sqlite"
        guard FileManager.default.fileExists(atPath: path) else {
            throw Failure("no database at \(path); is --state-dir right?")
        }
        var report = Report()
        let database = try Database(path: path, mode: .readOnly)
        defer { try? database.close() }

        let integrity = try database.query("PRAGMA integrity_check") { $0.string(0) }
        let intact = integrity == ["ok"]
        report.healthy = report.healthy && intact
        report.lines.append("integrity: " + (intact ? "ok" : integrity.joined(separator: "; ")))

        let version = try Migrator.currentVersion(of: database)
        let supported = Schema.latestVersion
        let schemaText: String
        if version > supported {
            report.healthy = false
            schemaText = "\(version), newer than this build supports (\(supported))"
        } else if version < supported {
            schemaText = "\(version), the daemon migrates it to \(supported) at start-up"
        } else {
            schemaText = "\(version), current"
        }
        report.lines.append("schema version: \(schemaText)")

        let mode = try database.queryFirst("PRAGMA journal_mode") { $0.string(0) } ?? "?"
        report.lines.append("journal mode: \(mode)")
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?
            .int64Value ?? 0
        report.lines.append("database bytes: \(size)")

        for kind in UploadDirectory.allCases {
            let orphans = try orphanFiles(kind, stateDirectory: stateDirectory, database: database)
            if orphans.isEmpty {
                report.lines.append(
                    "\(kind.label) files: every file belongs to a \(kind.label) record")
            } else {
                report.healthy = false
                report.lines.append(
                    "\(kind.label) files without a record (\(orphans.count)): "
                        + orphans.joined(separator: ", "))
            }
        }
        return report
    }

    /// Files of an upload directory whose name is no row id of its table: left by a crash
    /// between writing a file and committing its record, or put there by hand.
    static func orphanFiles(
        _ kind: UploadDirectory, stateDirectory: String, database: Database
    ) throws -> [String] {
        let directory = stateDirectory + "/" + kind.rawValue
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            return []
        }
        let hasTable = try database.scalarInt(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?",
            [kind.table]) > 0
        let known = hasTable
            ? Set(try database.query("SELECT id FROM \(kind.table)") { String($0.int64(0)) })
            : []
        return names.filter { name in
            let id = name.hasSuffix(".part") ? String(name.dropLast(5)) : name
            return !known.contains(id)
        }.sorted()
    }

    /// Restores `backup` as the database of `stateDirectory`: the backup is checked first, the
    /// state directory must not be in use and must not hold a database already.
    public static func restore(backup: String, stateDirectory: String) throws {
        let target = stateDirectory + "/tcms.sqlite"
        try FileManager.default.createDirectory(
            atPath: stateDirectory, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        let lock: StateLock
        do {
            lock = try StateLock.acquire(path: stateDirectory + "/tcms.lock")
        } catch let held as StateLock.HeldError {
            throw Failure("\(held.description); stop the daemon before restoring")
        }
        defer { lock.release() }

        guard !FileManager.default.fileExists(atPath: target) else {
            throw Failure(
                "\(target) already exists; restore into an empty state directory, or move the "
                    + "current database away first")
        }

        let source = try Database(path: backup, mode: .readOnly)
        let integrity = try source.query("PRAGMA integrity_check") { $0.string(0) }
        let version = try Migrator.currentVersion(of: source)
        try source.close()
        guard integrity == ["ok"] else {
            throw Failure("\(backup) fails the integrity check: \(integrity.joined(separator: "; "))")
        }
        guard version <= Schema.latestVersion else {
            throw Failure(
                "\(backup) has schema version \(version), newer than this build "
                    + "(\(Schema.latestVersion)); restore it with the release that wrote it")
        }

        let temporary = target + ".restoring"
        try? FileManager.default.removeItem(atPath: temporary)
        try FileManager.default.copyItem(atPath: backup, toPath: temporary)
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o600], ofItemAtPath: temporary)
        try FileManager.default.moveItem(atPath: temporary, toPath: target)
    }
}
