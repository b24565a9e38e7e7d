import Foundation
import TCMSJSON
import XCTest

/// `tcms shell` running commands from `-c` and from stdin, with its output on pipes.
final class ShellTests: XCTestCase {
    private func shell(_ daemon: DaemonProcess, _ arguments: [String]) throws
        -> (status: Int32, stdout: String, stderr: String)
    {
        try runTCMS(["shell", "--socket", daemon.socketPath] + arguments)
    }

    func testHelpListsCommands() throws {
        let daemon = try DaemonProcess(self)
        let result = try shell(daemon, ["-c", "help"])

        XCTAssertEqual(result.status, 0, result.stderr)
        for command in ["help", "call METHOD [PARAMS]", "methods", "ping", "stats", "version",
            "format [table|csv|json]", "quit"]
        {
            XCTAssertTrue(result.stdout.contains(command), "\(command) missing: \(result.stdout)")
        }
        XCTAssertEqual(result.stderr, "")
    }

    func testHelpMethodShowsParamsAndRoles() throws {
        let daemon = try DaemonProcess(self)
        let result = try shell(daemon, ["-c", "help system.stats"])

        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Reports uptime"), result.stdout)
        XCTAssertTrue(result.stdout.contains("Roles:  operator"), result.stdout)
        XCTAssertTrue(result.stdout.contains("Writes: no"), result.stdout)
    }

    func testCallPrintsJSONWhenPiped() throws {
        let daemon = try DaemonProcess(self)
        let result = try shell(daemon, ["-c", "call system.stats {}"])

        XCTAssertEqual(result.status, 0, result.stderr)
        let parsed = try JSONParser.parse(result.stdout)
        XCTAssertNotNil(parsed["uptimeSeconds"], result.stdout)
        XCTAssertNotNil(parsed["requestsServed"]?.intValue, result.stdout)
        XCTAssertEqual(result.stderr, "")
    }

    func testFailingCommandStopsScriptWithStatusOne() throws {
        let daemon = try DaemonProcess(self)
        let result = try shell(daemon, ["-c", "call system.nope {}; ping"])

        XCTAssertEqual(result.status, 1)
        XCTAssertFalse(result.stdout.contains("pong"), result.stdout)
        XCTAssertTrue(result.stderr.contains("-32601"), result.stderr)
    }

    func testContinueRunsPastFailingCommand() throws {
        let daemon = try DaemonProcess(self)
        let result = try shell(daemon, ["--continue", "-c", "call system.nope {}; ping"])

        XCTAssertEqual(result.status, 0, "the status is that of the last command")
        XCTAssertEqual(result.stdout, "\"pong\"\n")
        XCTAssertTrue(result.stderr.contains("-32601"), result.stderr)
    }

    func testUnknownCommandGetsOneLineSuggestion() throws {
        let daemon = try DaemonProcess(self)
        let result = try shell(daemon, ["-c", "hepl"])

        XCTAssertEqual(result.status, 64)
        XCTAssertEqual(result.stderr, "error: unknown command hepl; did you mean help?\n")
        XCTAssertEqual(result.stdout, "")
    }

    func testMistypedMethodGetsSuggestion() throws {
        let daemon = try DaemonProcess(self)
        let result = try shell(daemon, ["-c", "call system.stat"])

        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("did you mean system.stats?"), result.stderr)
    }

    func testUnreachableSocketExitsWith69() throws {
        let directory = makeTemporaryDirectory(self)
        let result = try runTCMS(["shell", "--socket", directory + "/none.sock", "-c", "ping"])

        XCTAssertEqual(result.status, 69)
        XCTAssertTrue(result.stderr.contains("cannot connect"), result.stderr)
        XCTAssertEqual(result.stdout, "")
    }

    func testUniquePrefixRunsCommand() throws {
        let daemon = try DaemonProcess(self)
        let result = try shell(daemon, ["-c", "ve"])

        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertNotNil(try JSONParser.parse(result.stdout)["schemaVersion"]?.intValue)
    }

    func testMethodsAsTableAndCSV() throws {
        let daemon = try DaemonProcess(self)
        let table = try shell(daemon, ["--format", "table", "-c", "methods"])
        let csv = try shell(daemon, ["-c", "format csv; methods"])

        XCTAssertEqual(table.status, 0, table.stderr)
        let lines = table.stdout.split(separator: "\n")
        XCTAssertTrue(lines.first?.hasPrefix("name ") ?? false, table.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("system.ping ") }, table.stdout)
        XCTAssertEqual(csv.status, 0, csv.stderr)
        XCTAssertTrue(csv.stdout.hasPrefix("name,summary,roles,writes\r\n"), csv.stdout)
    }

    func testCommandsFromStandardInputOnePerLine() throws {
        let daemon = try DaemonProcess(self)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tcmsBinary)
        process.arguments = ["shell", "--socket", daemon.socketPath]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()

        input.fileHandleForWriting.write(Data("ping\ncall system.ping {\"name\": \"王小红\"}\n".utf8))
        try input.fileHandleForWriting.close()
        let stdout = String(
            decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        XCTAssertEqual(process.terminationStatus, 1, "the second line passes an unknown param")
        XCTAssertEqual(stdout, "\"pong\"\n")
    }
}
