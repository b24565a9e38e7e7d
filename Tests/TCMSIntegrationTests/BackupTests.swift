import Foundation
import TCMSJSON
import XCTest

/// `tcms backup` against a running daemon.
final class BackupTests: XCTestCase {
    func testBackupWritesCheckedCopyAndManifest() throws {
        let daemon = try DaemonProcess(self)
        let destination = daemon.directory + "/copy.sqlite"
        let result = try runTCMS(["backup", "--socket", daemon.socketPath, destination])
        XCTAssertEqual(result.status, 0, result.stderr)

        let copy = try Data(contentsOf: URL(fileURLWithPath: destination))
        XCTAssertTrue(copy.starts(with: Array("SQLite format 3\u{0}".utf8)))
        let manifestData = try Data(contentsOf: URL(fileURLWithPath: destination + ".manifest.json"))
        let manifest = try JSONParser.parse([UInt8](manifestData))
        XCTAssertEqual(manifest["sizeBytes"]?.intValue, Int64(copy.count))
        let version = try RawClient(path: daemon.socketPath).request(
            #"{"jsonrpc":"2.0","id":1,"method":"system.version"}"#)
        XCTAssertEqual(manifest["schemaVersion"], version["result"]?["schemaVersion"])
        XCTAssertEqual(manifest["sha256"]?.stringValue?.count, 64)

        let leftovers = try FileManager.default.contentsOfDirectory(
            atPath: daemon.stateDirectory + "/backups")
        XCTAssertEqual(leftovers, [], "the daemon's temporary snapshot is removed")
    }

    func testBackupRefusesExistingDestination() throws {
        let daemon = try DaemonProcess(self)
        let destination = daemon.directory + "/existing.sqlite"
        try "keep".write(toFile: destination, atomically: true, encoding: .utf8)
        let result = try runTCMS(["backup", "--socket", daemon.socketPath, destination])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(try String(contentsOfFile: destination, encoding: .utf8), "keep")
    }

    func testBackupIdWithPathIsRejected() throws {
        let daemon = try DaemonProcess(self)
        let client = try RawClient(path: daemon.socketPath)
        let reply = try client.request(
            #"{"jsonrpc":"2.0","id":1,"method":"backup.read","params":{"id":"tcms-../../tcms.sqlite","offset":0}}"#)
        XCTAssertEqual(reply.errorCode, -32602)
        XCTAssertEqual(reply.errorReason, "invalid_backup_id")
    }

    func testClientExitCodes() throws {
        let daemon = try DaemonProcess(self)
        let ok = try runTCMS(["call", "--socket", daemon.socketPath, "system.ping"])
        XCTAssertEqual(ok.status, 0)
        XCTAssertEqual(ok.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "\"pong\"")

        let failed = try runTCMS(["call", "--socket", daemon.socketPath, "no.such.method"])
        XCTAssertEqual(failed.status, 1)
        XCTAssertTrue(failed.stderr.contains("Method not found"), failed.stderr)

        let usage = try runTCMS(["call", "--socket", daemon.socketPath])
        XCTAssertEqual(usage.status, 64)
        let badParams = try runTCMS(["call", "--socket", daemon.socketPath, "system.ping", "[1]"])
        XCTAssertEqual(badParams.status, 64)

        let unreachable = try runTCMS(["call", "--socket", daemon.directory + "/none.sock", "system.ping"])
        XCTAssertEqual(unreachable.status, 69)
        XCTAssertTrue(unreachable.stderr.contains("none.sock"), unreachable.stderr)

        let viaEnvironment = try runTCMS(
            ["call", "system.ping"], environment: ["TCMS_SOCKET": daemon.socketPath])
        XCTAssertEqual(viaEnvironment.status, 0)

        let typo = try runTCMS(["deamon"])
        XCTAssertEqual(typo.status, 64)
        XCTAssertTrue(typo.stderr.contains("did you mean daemon?"), typo.stderr)
    }
}

/// `tcms restore` and `tcms check` on stopped state directories.
final class RestoreTests: XCTestCase {
    func testRestoredBackupServesSameSchema() throws {
        let daemon = try DaemonProcess(self)
        let backup = daemon.directory + "/copy.sqlite"
        let version = try RawClient(path: daemon.socketPath).request(
            #"{"jsonrpc":"2.0","id":1,"method":"system.version"}"#)["result"]?["schemaVersion"]
        let schema = try XCTUnwrap(version?.intValue)
        let office = try RawClient(path: daemon.socketPath).request(
            #"{"jsonrpc":"2.0","id":2,"method":"office.create","params":{"name":"福州技术市场","divisionCodes":["350100"]}}"#)
        XCTAssertNotNil(office["result"]?["id"])
        XCTAssertEqual(try runTCMS(["backup", "--socket", daemon.socketPath, backup]).status, 0)
        daemon.terminate()

        let fresh = makeTemporaryDirectory(self)
        let restore = try runTCMS(["restore", backup, "--state-dir", fresh + "/state"])
        XCTAssertEqual(restore.status, 0, restore.stderr)

        let check = try runTCMS(["check", "--state-dir", fresh + "/state"])
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.stdout.contains("integrity: ok"), check.stdout)
        XCTAssertTrue(check.stdout.contains("schema version: \(schema), current"), check.stdout)

        let restored = try DaemonProcess(self, directory: fresh)
        let restoredVersion = try RawClient(path: restored.socketPath).request(
            #"{"jsonrpc":"2.0","id":1,"method":"system.version"}"#)
        XCTAssertEqual(restoredVersion["result"]?["schemaVersion"]?.intValue, schema)
        let offices = try RawClient(path: restored.socketPath).request(
            #"{"jsonrpc":"2.0","id":2,"method":"office.search","params":{"divisionCode":"350102"}}"#)
        XCTAssertEqual(offices["result"], office["result"])
    }

    func testRestoreRefusesRunningDaemonAndExistingDatabase() throws {
        let daemon = try DaemonProcess(self)
        let backup = daemon.directory + "/copy.sqlite"
        XCTAssertEqual(try runTCMS(["backup", "--socket", daemon.socketPath, backup]).status, 0)

        let whileRunning = try runTCMS(["restore", backup, "--state-dir", daemon.stateDirectory])
        XCTAssertEqual(whileRunning.status, 1)
        XCTAssertTrue(whileRunning.stderr.contains("stop the daemon"), whileRunning.stderr)

        daemon.terminate()
        let overExisting = try runTCMS(["restore", backup, "--state-dir", daemon.stateDirectory])
        XCTAssertEqual(overExisting.status, 1)
        XCTAssertTrue(overExisting.stderr.contains("already exists"), overExisting.stderr)
    }

    func testCheckReportsOrphanMaterialFiles() throws {
        let daemon = try DaemonProcess(self)
        daemon.terminate()
        let materials = daemon.stateDirectory + "/materials"
        try FileManager.default.createDirectory(atPath: materials, withIntermediateDirectories: true)
        try "stray".write(toFile: materials + "/4242", atomically: true, encoding: .utf8)
        let check = try runTCMS(["check", "--state-dir", daemon.stateDirectory])
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stdout.contains("material files without a record (1): 4242"), check.stdout)
    }

    func testRestoreRefusesDamagedFile() throws {
        let directory = makeTemporaryDirectory(self)
        let bogus = directory + "/bogus.sqlite"
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: bogus))
        let result = try runTCMS(["restore", bogus, "--state-dir", directory + "/state"])
        XCTAssertEqual(result.status, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory + "/state/tcms.sqlite"))
    }
}
