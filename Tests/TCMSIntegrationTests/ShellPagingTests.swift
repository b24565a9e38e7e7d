import Foundation
import TCMSJSON
import XCTest

/// Paging through a listing in the shell without retyping its filter, and the filter words.
final class ShellPagingTests: XCTestCase {
    private var daemon: DaemonProcess!

    override func setUpWithError() throws {
        daemon = try DaemonProcess(self)
        let client = try RawClient(path: daemon.socketPath)
        let codes = ["110000", "120000", "310000", "320100", "330100", "350100", "350200", "350500",
                     "370100", "420100", "440100", "440300", "500000", "510100", "610100"]
        for (index, code) in codes.enumerated() {
            let name = index < 3 ? "福建登记处\(index)" : "登记处\(index)"
            _ = try client.result(
                "office.create", ["name": .string(name), "divisionCodes": [.string(code)]])
        }
    }

    private func shell(_ commands: String) throws -> (status: Int32, stdout: String, stderr: String) {
        try runTCMS(
            ["shell", "--socket", daemon.socketPath, "--format", "table", "-c", commands],
            environment: ["COLUMNS": "200"])
    }

    private func footers(_ output: String) -> [String] {
        output.split(separator: "\n").filter { $0.hasPrefix("共找到") }.map(String.init)
    }

    func testNextLastPageAndPrevKeepTheListing() throws {
        let result = try shell("office.list pageSize=4; next; last; page 2; prev; first")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(footers(result.stdout), [
            "共找到 15 条记录 共4页 第1页", "共找到 15 条记录 共4页 第2页",
            "共找到 15 条记录 共4页 第4页", "共找到 15 条记录 共4页 第2页",
            "共找到 15 条记录 共4页 第1页", "共找到 15 条记录 共4页 第1页",
        ])
    }

    func testPagingKeepsTheFilter() throws {
        let result = try shell("office.list pageSize=2 name~福建; next")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(footers(result.stdout), ["共找到 3 条记录 共2页 第1页", "共找到 3 条记录 共2页 第2页"])
        XCTAssertFalse(result.stdout.contains("登记处5"), result.stdout)
    }

    func testPagingPastTheEndIsAUsageError() throws {
        let result = try shell("office.list pageSize=10; next; next")
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.stderr.contains("there is no page 3"), result.stderr)
        XCTAssertEqual(footers(result.stdout).count, 2)
    }

    func testUnknownFilterWordListsTheValidKeys() throws {
        let result = try shell("office.list city~福州")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("valid keys: name, divisionCode"), result.stderr)
    }

    func testNextWithoutListingIsAUsageError() throws {
        let result = try shell("next")
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.stderr.contains("no listing to page through"), result.stderr)
    }
}
