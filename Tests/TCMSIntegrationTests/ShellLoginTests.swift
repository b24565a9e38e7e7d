import Foundation
import TCMSJSON
import XCTest

/// `login`, `logout` and `whoami` in the shell, in scripts and on a terminal.
final class ShellLoginTests: XCTestCase {
    private var daemon: DaemonProcess!

    override func setUpWithError() throws {
        daemon = try DaemonProcess(self)
        let reply = try daemon.registerPerson(
            login: "shell_user", documentNumber: sampleResidentIDs[0], mobiles: MobileNumbers())
        XCTAssertNotNil(reply["result"], "\(reply)")
    }

    private func script(_ commands: String, password: String) throws
        -> (status: Int32, stdout: String, stderr: String)
    {
        try runTCMS(
            ["shell", "--socket", daemon.socketPath, "--format", "json", "-c", commands],
            environment: ["TCMS_PASSWORD": password])
    }

    func testScriptLogsInActsAsPersonAndLogsOut() throws {
        let result = try script("login shell_user; whoami; logout; whoami", password: "Secret-2026!")
        XCTAssertEqual(result.status, 0, result.stderr)
        let replies = result.stdout.split(separator: "\n", omittingEmptySubsequences: true)
            .joined(separator: "\n")
        XCTAssertTrue(replies.contains(#""role": "person""#), replies)
        XCTAssertTrue(replies.contains(#""login": "shell_user""#), replies)
        XCTAssertTrue(replies.contains(#""role": "operator""#), replies)
        XCTAssertTrue(result.stderr.contains("logged in as shell_user (person)"), result.stderr)
        XCTAssertFalse(result.stdout.contains("Secret-2026!"))
        XCTAssertFalse(result.stderr.contains("Secret-2026!"))
    }

    func testWrongPasswordFailsTheScript() throws {
        let result = try script("login shell_user; whoami", password: "Wrong-2026!")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("login_failed"), result.stderr)
        XCTAssertEqual(result.stdout, "")
    }

    func testTerminalPromptDoesNotEchoThePassword() throws {
        let stateHome = makeTemporaryDirectory(self)
        let shell = try PseudoTerminalProcess(
            arguments: ["shell", "--socket", daemon.socketPath],
            environment: [
                "XDG_STATE_HOME": stateHome, "LANG": "C.UTF-8", "LC_ALL": "", "NO_COLOR": "1",
                "TERM": "xterm",
            ])
        XCTAssertTrue(shell.waitForPrompt("tcms[operator]> "), shell.text)
        shell.type("login shell_user\r")
        XCTAssertTrue(shell.waitFor("password for shell_user: "), shell.text)
        let mark = shell.output.count
        shell.type("Secret-2026!\r")
        XCTAssertTrue(shell.waitForPrompt("tcms[person shell_user]> ", after: mark), shell.text)
        XCTAssertFalse(shell.text.contains("Secret-2026!"), "the password was echoed")

        let history = (try? String(contentsOfFile: stateHome + "/tcms/shell_history", encoding: .utf8)) ?? ""
        XCTAssertFalse(history.contains("Secret-2026!"))
    }
}
