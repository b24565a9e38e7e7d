import Foundation
import TCMSJSON
import XCTest

/// The clerk's part of the access walk typed into the real shell on a pseudo-terminal: log in,
/// list the office's applications, return one with a reason, approve the resubmission.
final class ShellClerkWalkTests: XCTestCase {
    func testClerkReturnsThenApprovesInTheShell() throws {
        let daemon = try DaemonProcess(self)
        let office = try daemon.createOffice("福州技术市场", ["350100"])
        try daemon.createClerk("clerk_tty", officeID: office)
        try daemon.importEntities(["tty_unit"], divisionCode: "350102")
        let id = try daemon.submitApplication("tty_unit")

        let stateHome = makeTemporaryDirectory(self)
        let shell = try PseudoTerminalProcess(
            arguments: ["shell", "--socket", daemon.socketPath],
            environment: [
                "XDG_STATE_HOME": stateHome, "LANG": "C.UTF-8", "LC_ALL": "", "NO_COLOR": "1",
                "TERM": "xterm",
            ], columns: 220)
        XCTAssertTrue(shell.waitForPrompt("tcms[operator]> "), shell.text)

        shell.type("login clerk_tty\r")
        XCTAssertTrue(shell.waitFor("password for clerk_tty: "), shell.text)
        var mark = shell.output.count
        shell.type(AccessFixtures.password + "\r")
        XCTAssertTrue(
            shell.waitForPrompt("tcms[clerk clerk_tty@福州技术市场]> ", after: mark), shell.text)

        mark = shell.output.count
        shell.type("applications\r")
        XCTAssertTrue(shell.waitFor("共找到 1 条记录 共1页 第1页", after: mark), shell.text)
        XCTAssertTrue(shell.waitFor("测试单位tty_unit", after: mark), shell.text)

        mark = shell.output.count
        shell.type("return \(id) 注册地址与营业执照不一致\r")
        XCTAssertTrue(shell.waitFor("已退回", after: mark), shell.text)
        XCTAssertTrue(
            shell.waitForPrompt("tcms[clerk clerk_tty@福州技术市场]> ", after: mark), shell.text)

        let entity = try daemon.loggedIn("tty_unit")
        _ = try entity.result("access.saveDraft", ["registeredAddress": "福州市鼓楼区五四路 100 号"])
        _ = try entity.result("access.submit")

        mark = shell.output.count
        shell.type("approve \(id)\r")
        XCTAssertTrue(shell.waitFor("已经批准", after: mark), shell.text)

        let history = try entity.result("access.history")
        let actions = history["events"]?.arrayValue?.compactMap { $0["action"]?.stringValue }
        XCTAssertEqual(actions, ["submitted", "returned", "submitted", "approved"])
        XCTAssertEqual(history["events"]?.arrayValue?[1]["reason"], "注册地址与营业执照不一致")
    }
}
