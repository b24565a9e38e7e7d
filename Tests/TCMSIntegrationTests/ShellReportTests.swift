import Foundation
import TCMSJSON
import XCTest

/// `dashboard` and `stats BY…` in `tcms shell -c` against a daemon with approved, returned and
/// waiting contracts.
final class ShellReportTests: XCTestCase {
    func testDashboardAndStatsShowTheDaemonsFigures() throws {
        let world = try ContractWorld(self)
        let clerk = try world.clerk()
        let approved = try world.received()
        _ = try clerk.result(
            "contract.approve", ["contractId": .int(approved), "techAmount": "900000.00"])
        let returned = try world.received(["title": "退回的合同"])
        _ = try clerk.result(
            "contract.return", ["contractId": .int(returned), "reasons": ["seal_mismatch"]])
        _ = try world.submitted(["title": "等待文本的合同"])

        let result = try runTCMS(
            ["shell", "--socket", world.daemon.socketPath, "--format", "table", "-c",
             "login clerk_lin; dashboard; stats category"],
            environment: ["TCMS_PASSWORD": AccessFixtures.password, "COLUMNS": "200"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let out = result.stdout
        for pane in ["未收文本", "已收文本", "已经批准", "已退回", "执行提醒", "变更提醒"] {
            XCTAssertTrue(out.contains(pane), "pane \(pane) missing:\n\(out)")
        }
        XCTAssertTrue(out.contains("等待文本的合同"), out)
        XCTAssertTrue(out.contains("技术开发 |     1 | 1200000.00 | 900000.00"), out)
        XCTAssertTrue(out.contains("已退回   |    1"), out)
    }
}
