import Foundation
import Glibc
import TCMSJSON
import XCTest

/// A clerk's contract work typed into the real shell on a pseudo-terminal: completion of
/// commands, coded values and ids, hints, decisions, and Ctrl-C while a listing waits.
final class ShellContractTerminalTests: XCTestCase {
    private var world: ContractWorld!
    private static let prompt = "tcms[clerk clerk_lin@福州技术市场]> "

    override func setUpWithError() throws {
        world = try ContractWorld(self)
    }

    /// Starts the shell and logs in as clerk_lin.
    private func clerkShell() throws -> PseudoTerminalProcess {
        let shell = try PseudoTerminalProcess(
            arguments: ["shell", "--socket", world.daemon.socketPath],
            environment: [
                "XDG_STATE_HOME": makeTemporaryDirectory(self), "LANG": "C.UTF-8", "LC_ALL": "",
                "NO_COLOR": "1", "TERM": "xterm",
            ], columns: 160)
        XCTAssertTrue(shell.waitForPrompt("tcms[operator]> "), shell.text)
        shell.type("login clerk_lin\r")
        XCTAssertTrue(shell.waitFor("password for clerk_lin: "), shell.text)
        let mark = shell.output.count
        shell.type(AccessFixtures.password + "\r")
        XCTAssertTrue(shell.waitForPrompt(Self.prompt, after: mark), shell.text)
        return shell
    }

    /// Types `line` and Enter, and waits for `expected` and the next prompt.
    private func run(_ shell: PseudoTerminalProcess, _ line: String, expecting expected: String) {
        let mark = shell.output.count
        shell.type(line + "\r")
        XCTAssertTrue(shell.waitFor(expected, after: mark), shell.text)
        XCTAssertTrue(shell.waitForPrompt(Self.prompt, after: mark), shell.text)
    }

    func testTabCompletesCommandAndCodedValue() throws {
        let id = try world.submitted()
        _ = try world.received()
        let shell = try clerkShell()

        var mark = shell.output.count
        shell.type("inb" + PseudoTerminalProcess.tab)
        XCTAssertTrue(shell.waitFor("ox ", after: mark), shell.text.debugDescription)
        run(shell, "", expecting: "共找到 2 条记录 共1页 第1页")

        mark = shell.output.count
        shell.type("contracts status=subm" + PseudoTerminalProcess.tab)
        XCTAssertTrue(shell.waitFor("itted ", after: mark), shell.text.debugDescription)
        run(shell, "", expecting: "共找到 1 条记录 共1页 第1页")

        // The only id on screen now is the submitted contract's.
        mark = shell.output.count
        shell.type("receive " + PseudoTerminalProcess.tab)
        XCTAssertTrue(shell.waitFor("\(id) ", after: mark), shell.text.debugDescription)
        run(shell, "", expecting: "已收文本")
    }

    func testHintShowsTheArgumentsStillToType() throws {
        let shell = try clerkShell()
        let mark = shell.output.count
        shell.type("contract approve ")
        XCTAssertTrue(shell.waitFor("N [AMOUNT]", after: mark), shell.text.debugDescription)
        let beforeNumber = shell.output.count
        shell.type("7")
        // The hint is erased before the key is echoed, and the next one follows a space.
        XCTAssertTrue(shell.waitFor("\u{1B}[K7", after: beforeNumber), shell.text.debugDescription)
        let beforeSpace = shell.output.count
        shell.type(" ")
        XCTAssertTrue(shell.waitFor("[AMOUNT]", after: beforeSpace), shell.text.debugDescription)
        shell.type(PseudoTerminalProcess.controlC)
        XCTAssertTrue(shell.waitForPrompt(Self.prompt, after: beforeNumber), shell.text)
    }

    func testReceiveAndApproveOnTheTerminal() throws {
        let id = try world.submitted()
        let shell = try clerkShell()
        run(shell, "inbox", expecting: "未收文本")
        run(shell, "receive \(id)", expecting: "15个工作日")
        run(shell, "contract approve \(id) 900000.00", expecting: "2026350100000001")
        run(shell, "contract show \(id)", expecting: "历史记录")
        XCTAssertEqual(
            try world.daemon.text("SELECT status FROM contracts WHERE id = \(id)"), "approved")
    }

    func testControlCCancelsAListingTheDaemonDoesNotAnswer() throws {
        _ = try world.submitted()
        let shell = try clerkShell()

        // A stopped daemon's socket buffer takes the request, and no reply comes.
        kill(world.daemon.pid, SIGSTOP)
        var mark = shell.output.count
        shell.type("inbox\r")
        XCTAssertTrue(shell.waitFor("inbox\r\n", after: mark), shell.text.debugDescription)
        usleep(300_000)
        shell.type(PseudoTerminalProcess.controlC)
        XCTAssertTrue(
            shell.waitFor("cancelled: stopped waiting for contract.inbox", after: mark), shell.text)
        XCTAssertTrue(shell.waitForPrompt(Self.prompt, after: mark), shell.text)
        XCTAssertTrue(shell.isRunning)

        kill(world.daemon.pid, SIGCONT)
        mark = shell.output.count
        run(shell, "inbox", expecting: "共找到 1 条记录 共1页 第1页")
        let after = String(decoding: shell.output.dropFirst(mark), as: UTF8.self)
        XCTAssertFalse(after.contains("reconnected"), after)
        XCTAssertEqual(after.components(separatedBy: "共找到").count, 2, "the late reply was shown")
    }

    func testPagingThrough217ContractsKeepsTheFilter() throws {
        let handler = try world.handler()
        for index in 1...217 {
            _ = try world.submitted(["title": .string("分页合同\(index)")], by: handler)
        }
        let shell = try clerkShell()
        run(shell, "contracts status=submitted", expecting: "共找到 217 条记录 共22页 第1页")
        run(shell, "next", expecting: "共找到 217 条记录 共22页 第2页")
        run(shell, "prev", expecting: "共找到 217 条记录 共22页 第1页")

        let mark = shell.output.count
        run(shell, "page 22", expecting: "共找到 217 条记录 共22页 第22页")
        let lastPage = String(decoding: shell.output.dropFirst(mark), as: UTF8.self)
        // Newest first, so the last page holds the seven oldest contracts.
        XCTAssertTrue(lastPage.contains("分页合同7 "), lastPage)
        XCTAssertTrue(lastPage.contains("分页合同1 "), lastPage)
        XCTAssertFalse(lastPage.contains("分页合同8 "), lastPage)
    }
}
