import Foundation
import TCMSJSON
import XCTest

/// The shell's shortcut words for listings and decisions, against a real daemon.
final class ShellShortcutTests: XCTestCase {
    func testListingShortcutsTakeFilters() throws {
        let daemon = try DaemonProcess(self)
        let client = try RawClient(path: daemon.socketPath)
        _ = try client.result("office.create", ["name": "福州技术市场", "divisionCodes": ["350100"]])
        _ = try client.result("office.create", ["name": "厦门市登记处", "divisionCodes": ["350200"]])
        _ = try client.result(
            "account.createReviewer", ["login": "reviewer_wu", "password": "Review-2026!"])

        let offices = try runTCMS(
            ["shell", "--socket", daemon.socketPath, "--format", "csv", "-c", "offices name~福州"])
        XCTAssertEqual(offices.status, 0, offices.stderr)
        XCTAssertTrue(offices.stdout.contains("福州技术市场"), offices.stdout)
        XCTAssertFalse(offices.stdout.contains("厦门市登记处"), offices.stdout)

        let result = try runTCMS(
            ["shell", "--socket", daemon.socketPath, "--format", "csv", "-c",
             "accounts role=reviewer; audit method=office.create"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("reviewer_wu"), result.stdout)
        let auditRows = result.stdout.split(separator: "\r\n").filter { $0.contains(",office.create,") }
        XCTAssertEqual(auditRows.count, 2, result.stdout)
    }

    func testDecisionShortcutMapsPositionalWords() throws {
        let daemon = try DaemonProcess(self)
        let result = try runTCMS(
            ["shell", "--socket", daemon.socketPath, "-c", "return 999 注册地址 与执照不一致"])
        XCTAssertEqual(result.status, 1)
        // The daemon saw applicationId 999 and the whole reason: it looked the application up.
        XCTAssertTrue(result.stderr.contains("access.return"), result.stderr)
        XCTAssertTrue(result.stderr.contains("3004") || result.stderr.contains("not_found"), result.stderr)
    }

    func testHelpListsShortcuts() throws {
        let daemon = try DaemonProcess(self)
        let result = try runTCMS(["shell", "--socket", daemon.socketPath, "-c", "help"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("Shortcuts for methods:"), result.stdout)
        XCTAssertTrue(result.stdout.contains("review N approve|reject [REASON]"), result.stdout)
    }
}
