import Foundation
import XCTest

/// The interactive `tcms shell` driven through a real pseudo-terminal.
final class ShellTestsInteractive: XCTestCase {
    private var daemon: DaemonProcess!
    private var stateHome = ""

    override func setUpWithError() throws {
        daemon = try DaemonProcess(self)
        stateHome = daemon.directory + "/xdg-state"
    }

    private static let prompt = "tcms[operator]> "

    private var historyPath: String { stateHome + "/tcms/shell_history" }

    private func startShell(language: String = "C.UTF-8") throws -> PseudoTerminalProcess {
        let shell = try PseudoTerminalProcess(
            arguments: ["shell", "--socket", daemon.socketPath],
            environment: [
                "XDG_STATE_HOME": stateHome, "LANG": language, "LC_ALL": "", "NO_COLOR": "1",
                "TERM": "xterm",
            ])
        XCTAssertTrue(shell.waitForPrompt(Self.prompt), "no prompt: \(shell.text)")
        return shell
    }

    private func history() -> [String] {
        let text = (try? String(contentsOfFile: historyPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }

    /// Types a line with Chinese text, moves Left over one character, deletes the character
    /// before the cursor and types another, then checks what ran.
    private func checkChineseEditing(language: String) throws {
        let shell = try startShell(language: language)

        shell.type("help 王小明x")
        XCTAssertTrue(shell.waitFor("王小明x"), shell.text)
        shell.type(PseudoTerminalProcess.left)
        let beforeBackspace = shell.output.count
        shell.type(PseudoTerminalProcess.backspace)
        // The prompt is 16 columns, "help " 5 and "王小" 4, so the cursor is at column 26.
        XCTAssertTrue(shell.waitFor("\u{1B}[26G", after: beforeBackspace), shell.text)
        let beforeEnter = shell.output.count
        shell.type("红\r")

        XCTAssertTrue(
            shell.waitFor("no command or method named 王小红x"), shell.text.debugDescription)
        XCTAssertTrue(shell.waitForPrompt(Self.prompt, after: beforeEnter))
        shell.type(PseudoTerminalProcess.controlD)
        XCTAssertEqual(shell.waitForExit(), 0)
        XCTAssertEqual(history().last, "help 王小红x")
    }

    func testChineseLineEditedByLeftAndBackspace() throws {
        try checkChineseEditing(language: "C.UTF-8")
    }

    func testChineseLineEditedUnderCLocale() throws {
        try checkChineseEditing(language: "C")
    }

    func testTabCompletesCommandAndMethodNames() throws {
        let shell = try startShell()

        // libedit redraws only the completed part ("ion "), after a bell.
        shell.type("vers" + PseudoTerminalProcess.tab)
        XCTAssertTrue(shell.waitFor("ion "), shell.text.debugDescription)
        let beforeEnter = shell.output.count
        shell.type("\r")
        XCTAssertTrue(shell.waitFor("schemaVersion"), shell.text)
        XCTAssertTrue(shell.waitForPrompt(Self.prompt, after: beforeEnter))

        let mark = shell.output.count
        shell.type("call system.pi" + PseudoTerminalProcess.tab + "\r")
        XCTAssertTrue(shell.waitFor("pong", after: mark), shell.text)
    }

    func testControlCCancelsLineAndShellGoesOn() throws {
        let shell = try startShell()

        shell.type("stats")
        XCTAssertTrue(shell.waitFor("stats"))
        let mark = shell.output.count
        shell.type(PseudoTerminalProcess.controlC)
        XCTAssertTrue(shell.waitForPrompt(Self.prompt, after: mark), shell.text)
        XCTAssertTrue(shell.isRunning)

        shell.type("ping\r")
        XCTAssertTrue(shell.waitFor("pong", after: mark), shell.text)
        let afterCancel = String(decoding: shell.output.dropFirst(mark), as: UTF8.self)
        XCTAssertFalse(afterCancel.contains("uptimeSeconds"), "the cancelled line ran")
        XCTAssertFalse(history().contains("stats"), "the cancelled line reached the history")
    }

    func testControlDLeavesWithStatusZero() throws {
        let shell = try startShell()
        shell.type(PseudoTerminalProcess.controlD)
        XCTAssertEqual(shell.waitForExit(), 0)
    }

    func testHistoryLeavesOutPasswordLinesAndIsPrivate() throws {
        let shell = try startShell()

        let beforeLogin = shell.output.count
        shell.type("call session.login login=clerk_lin password=Secret-123\r")
        XCTAssertTrue(shell.waitFor("error:"), shell.text)
        XCTAssertTrue(shell.waitForPrompt(Self.prompt, after: beforeLogin))
        let beforePing = shell.output.count
        shell.type("ping\r")
        XCTAssertTrue(shell.waitFor("pong"), shell.text)
        XCTAssertTrue(shell.waitForPrompt(Self.prompt, after: beforePing))
        shell.type("quit\r")
        XCTAssertEqual(shell.waitForExit(), 0)

        XCTAssertEqual(history(), ["ping", "quit"])
        let attributes = try FileManager.default.attributesOfItem(atPath: historyPath)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
    }

    func testLostDaemonIsReportedAndShellReconnects() throws {
        let shell = try startShell()

        daemon.terminate()
        let beforePing = shell.output.count
        shell.type("ping\r")
        XCTAssertTrue(shell.waitFor("cannot connect to the tcms daemon"), shell.text)
        XCTAssertTrue(shell.waitForPrompt(Self.prompt, after: beforePing))
        XCTAssertTrue(shell.isRunning)

        daemon = try DaemonProcess(self, directory: daemon.directory)
        let mark = shell.output.count
        shell.type("ping\r")
        XCTAssertTrue(shell.waitFor("pong", after: mark), shell.text)
        XCTAssertTrue(
            String(decoding: shell.output.dropFirst(mark), as: UTF8.self)
                .contains("reconnected to the daemon"), shell.text)
    }
}
