import Foundation
import TCMSJSON
import XCTest

/// The clerk's contract commands in `tcms shell -c` scripts against a daemon with contracts:
/// inbox, contracts, contract show, receive, contract approve and contract return.
final class ShellContractTests: XCTestCase {
    private var world: ContractWorld!

    override func setUpWithError() throws {
        world = try ContractWorld(self)
    }

    /// Runs `commands` as clerk_lin, in table format on a 200-column terminal unless a
    /// command gives its own format.
    private func clerkShell(_ commands: String, login: String = "clerk_lin")
        throws -> (status: Int32, stdout: String, stderr: String)
    {
        try runTCMS(
            ["shell", "--socket", world.daemon.socketPath, "--format", "table", "-c",
             "login \(login); " + commands],
            environment: ["TCMS_PASSWORD": AccessFixtures.password, "COLUMNS": "200"])
    }

    private func lines(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init)
    }

    /// Collects the values of the `key | value` lines named `key`, in order.
    private func values(of key: String, in text: String) -> [String] {
        lines(text).compactMap { line in
            let parts = line.components(separatedBy: " | ")
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == key else {
                return nil
            }
            return parts[1]
        }
    }

    func testInboxOldestFirstWithDaysLeft() throws {
        let first = try world.submitted(["title": "第一份合同"])
        let second = try world.received(["title": "第二份合同"])
        let handler = try world.handler()
        let draft = try handler.result("contract.create", ContractWorld.form.with(["title": "草稿"]))
        XCTAssertNotNil(draft["id"]?.intValue)

        let result = try clerkShell("inbox")
        XCTAssertEqual(result.status, 0, result.stderr)
        let rows = lines(result.stdout)
        XCTAssertTrue(rows[0].hasPrefix("编号 | 状态"), result.stdout)
        XCTAssertTrue(rows[0].hasSuffix("收文日期   | 剩余天数"), result.stdout)
        XCTAssertTrue(rows[2].hasPrefix("   \(first) | 未收文本 | 第一份合同"), result.stdout)
        XCTAssertTrue(rows[3].hasPrefix("   \(second) | 已收文本 | 第二份合同"), result.stdout)
        XCTAssertTrue(rows[3].hasSuffix("2026-04-01 |       15"), result.stdout)
        XCTAssertEqual(rows.last, "共找到 2 条记录 共1页 第1页")
        XCTAssertFalse(result.stdout.contains("草稿"), "a clerk's inbox showed a draft")
    }

    func testReceiveApproveShowsNumberAndHistory() throws {
        let id = try world.submitted()
        let result = try clerkShell(
            "receive \(id); contract approve \(id) 900,000; contract show \(id)")
        XCTAssertEqual(result.status, 0, result.stderr)
        let output = result.stdout
        XCTAssertEqual(
            values(of: "状态", in: output), ["已收文本", "已经批准", "已经批准 (approved)"], output)
        XCTAssertEqual(values(of: "剩余天数", in: output), ["15"], output)
        XCTAssertEqual(values(of: "登记号", in: output), ["2026350100000001", "2026350100000001"])
        XCTAssertEqual(values(of: "核定技术交易额", in: output), ["900000.00", "900000.00"])
        XCTAssertEqual(values(of: "合同类别", in: output), ["技术开发 (DEV)"])
        XCTAssertEqual(values(of: "卖方名称", in: output), ["测试单位seller_1"])

        let show = output.components(separatedBy: "历史记录").last ?? ""
        let history = lines(show).filter { $0.contains(" | ") }
        XCTAssertEqual(history.count, 4, show)
        XCTAssertTrue(history[3].contains("techAmount=900000.00"), show)
        XCTAssertTrue(history[3].contains("clerk_lin"), show)
    }

    func testReturnGroundsByCodeOrLabel() throws {
        let id = try world.received()
        let result = try clerkShell(
            "contract return \(id) seal_mismatch 证明材料缺失或不符合要求 -- 乙方 盖章名称不符")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("已退回"), result.stdout)
        XCTAssertTrue(
            result.stdout.contains("印章缺失或与名称不符；证明材料缺失或不符合要求"), result.stdout)

        let contract = try world.clerk().result("contract.get", ["contractId": .int(id)])
        XCTAssertEqual(
            contract["returnGrounds"]?.arrayValue?.compactMap { $0["code"]?.stringValue },
            ["seal_mismatch", "missing_proof"])
        XCTAssertEqual(contract["returnNote"]?.stringValue, "乙方 盖章名称不符")
    }

    func testReturnWithoutGroundsListsThem() throws {
        let id = try world.received()
        let result = try clerkShell("contract return \(id)")
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.stderr.contains("seal_mismatch (印章缺失或与名称不符)"), result.stderr)
    }

    func testBareApproveIsRefusedWhileContractsAreShown() throws {
        let id = try world.received()
        let result = try clerkShell("inbox; approve \(id)")
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.stderr.contains("type contract approve N AMOUNT"), result.stderr)
        XCTAssertEqual(
            try world.daemon.text("SELECT status FROM contracts WHERE id = \(id)"),
            "text_received")
    }

    func testContractsFilterAndCSVWithByteOrderMark() throws {
        _ = try world.submitted(["title": "环境监测合同"])
        _ = try world.submitted(["title": "软件开发合同"])
        let result = try clerkShell("contracts status=submitted title~环境 --format csv --bom")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("\u{FEFF}id,status,statusLabel,"), result.stdout)
        let records = result.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(records.count, 2, result.stdout)
        XCTAssertTrue(records[0].contains(",seller.name,"), records[0])
        XCTAssertTrue(records[1].contains(",环境监测合同,"), records[1])
    }

    func testUnknownContractFilterListsValidKeys() throws {
        let result = try clerkShell("contracts colour=red")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("valid keys: status, category"), result.stderr)
    }

    func testExpandedDisplayShowsOneBlockPerRecord() throws {
        let id = try world.submitted()
        let result = try clerkShell("\\x; inbox; \\x; inbox")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("-[ 记录 1 ]-\n编号     | \(id)\n状态     | 未收文本"),
                      result.stdout)
        XCTAssertTrue(result.stderr.contains("expanded display is on"), result.stderr)
        XCTAssertTrue(result.stdout.contains("编号 | 状态"), "the second inbox is a table")
    }

    func testNextPageKeepsTheContractColumns() throws {
        for index in 1...3 {
            _ = try world.submitted(["title": .string("合同\(index)")])
        }
        let result = try clerkShell("inbox pageSize=2; next")
        XCTAssertEqual(result.status, 0, result.stderr)
        let headers = lines(result.stdout).filter { $0.hasPrefix("编号 | 状态") }
        XCTAssertEqual(headers.count, 2, result.stdout)
        XCTAssertTrue(result.stdout.contains("共找到 3 条记录 共2页 第2页"), result.stdout)
    }

    func testDecisionAsJSONPrintsTheContract() throws {
        let id = try world.submitted()
        let result = try clerkShell("receive \(id) --format json")
        XCTAssertEqual(result.status, 0, result.stderr)
        let reply = try JSONParser.parse(result.stdout)
        XCTAssertEqual(reply["status"]?.stringValue, "text_received")
    }

    func testCodeListGivesStatusesAndGrounds() throws {
        let client = try world.clerk()
        let reply = try client.result("code.list", ["list": "contract_status"])
        let codes = reply["lists"]?.arrayValue?.first?["codes"]?.arrayValue?
            .compactMap { $0["code"]?.stringValue }
        XCTAssertEqual(codes?.first, "draft")
        XCTAssertTrue(codes?.contains("text_received") ?? false)
        XCTAssertEqual(
            try client.call("code.list", ["list": "colours"]).errorReason, "unknown_list")
    }

    func testAllPagesExportToANewFile() throws {
        let handler = try world.handler()
        for index in 1...203 {
            _ = try world.submitted(["title": .string("导出合同\(index)")], by: handler)
        }
        let path = makeTemporaryDirectory(self) + "/未收文本.csv"
        let command = "contracts status=submitted --all --format csv --bom --output '\(path)'"
        let result = try clerkShell(command)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("bytes to \(path)"), result.stderr)

        let bytes = try XCTUnwrap(FileManager.default.contents(atPath: path))
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "no byte order mark")
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("id,"), String(text.prefix(40)))
        let records = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(records.count, 204, "a header and 203 contracts")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)

        let again = try clerkShell(command)
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("cannot create"), again.stderr)
    }
}
