import Foundation
import Glibc
import XCTest

/// Who a caller is comes from the kernel (SO_PEERCRED), never from the request.
final class PeerIdentityTests: XCTestCase {
    /// The uid and gid of `nobody` on Debian.
    private let outsider = "65534"

    private func runAsOutsider(_ arguments: [String], group: Bool) throws
        -> (status: Int32, stdout: String, stderr: String)
    {
        var command = ["setpriv", "--reuid", outsider, "--regid", outsider]
        command += group ? ["--groups", outsider] : ["--clear-groups"]
        return try runProgram("/usr/bin/setpriv", Array(command.dropFirst()) + [tcmsBinary] + arguments)
    }

    func testOutsiderCannotConnect() throws {
        try XCTSkipUnless(getuid() == 0, "needs root to switch to another uid")
        let daemon = try DaemonProcess(self)
        let result = try runAsOutsider(["call", "--socket", daemon.socketPath, "system.ping"], group: false)
        XCTAssertEqual(result.status, 69)
        XCTAssertTrue(result.stderr.contains("Permission denied"), result.stderr)
    }

    func testAnonymousConnectionCanReadDirectoryButNotWrite() throws {
        let daemon = try DaemonProcess(self)
        let anonymous = try UnprivilegedClient(self, daemon: daemon)
        XCTAssertEqual(try anonymous.call("system.ping")["result"], "pong")
        XCTAssertEqual(try anonymous.call("office.list")["result"]?["total"], 0)
        let create = try anonymous.call(
            "office.create", ["name": "X", "divisionCodes": ["350100"], "role": "operator"])
        XCTAssertEqual(create.errorCode, 1001)
        XCTAssertEqual(create.errorReason, "not_authenticated")
        XCTAssertEqual(try anonymous.call("office.list")["result"]?["total"], 0)
    }

    func testGroupMemberIsAnonymousAndCannotActAsOperator() throws {
        try XCTSkipUnless(getuid() == 0, "needs root to switch to another uid")
        let daemon = try DaemonProcess(self)
        XCTAssertEqual(chown(daemon.socketPath, 0, gid_t(outsider)!), 0)
        XCTAssertEqual(chmod(daemon.directory, 0o755), 0)

        let ping = try runAsOutsider(["call", "--socket", daemon.socketPath, "system.ping"], group: true)
        XCTAssertEqual(ping.status, 0, ping.stderr)

        let backup = try runAsOutsider(
            ["call", "--socket", daemon.socketPath, "backup.create"], group: true)
        XCTAssertEqual(backup.status, 1)
        XCTAssertTrue(backup.stderr.contains("not_authenticated"), backup.stderr)

        let smuggled = try runAsOutsider(
            ["call", "--socket", daemon.socketPath, "backup.create",
             #"{"role":"operator","uid":0}"#], group: true)
        XCTAssertEqual(smuggled.status, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: daemon.stateDirectory + "/backups"))
    }
}

/// Runs any program to completion and returns its exit status, stdout and stderr.
func runProgram(_ executable: String, _ arguments: [String], environment: [String: String] = [:])
    throws -> (status: Int32, stdout: String, stderr: String)
{
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var processEnvironment = ProcessInfo.processInfo.environment
    processEnvironment.merge(environment) { $1 }
    process.environment = processEnvironment
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    let errData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self),
            String(decoding: errData, as: UTF8.self))
}
