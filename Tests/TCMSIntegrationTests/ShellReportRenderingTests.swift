import TCMSJSON
import TCMSTerminal
import XCTest

@testable import TCMSClient

/// The rendering of `dashboard` and `stats BY...`, on results in the shapes planned for
/// dashboard.get and stats.contracts. Those methods come from other branches, so these tests
/// do not reach a daemon. The shell's pure helpers (hints, completion, options) are here too.
final class ShellReportRenderingTests: XCTestCase {
    private let table = ResultRenderer(format: .table, maxWidth: 80, style: .plain)

    func testDashboardPrintsCountsThenNewestItems() throws {
        let result: JSON = [
            "panes": [
                ["key": "submitted", "label": "未收文本", "count": 2,
                 "newest": [["contractId": 7, "title": "水质监测合同", "at": "2026-04-01"]]],
                ["key": "approved", "label": "已经批准", "count": 0, "newest": []],
            ],
        ]
        let shown = try XCTUnwrap(ReportViews.dashboard(result, renderer: table))
        XCTAssertEqual(shown.text, """
            项目     | 数量
            ---------+-----
            未收文本 |    2
            已经批准 |    0

            未收文本
            编号 | 合同名称     | 时间
            -----+--------------+-----------
               7 | 水质监测合同 | 2026-04-01

            """)
        XCTAssertEqual(shown.ids, ["7"])
    }

    func testDashboardWithoutPanesIsLeftToTheCaller() {
        XCTAssertNil(ReportViews.dashboard(["entity": ["count": 1]], renderer: table))
    }

    func testStatisticsSpreadsNestedGroupKeys() throws {
        let result: JSON = [
            "groups": [
                ["key": ["category": "DEV"], "label": "技术开发", "count": 3, "amount": "10.00"],
                ["key": ["category": "SRV"], "label": "技术服务", "count": 1, "amount": "2.50"],
            ],
            "total": 4,
        ]
        let text = try XCTUnwrap(ReportViews.statistics(result, renderer: table))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines[0], "key.category | label    | count | amount")
        XCTAssertEqual(lines[2], "DEV          | 技术开发 |     3 | 10.00")
        XCTAssertEqual(lines.suffix(2), ["total | 4", ""])

        let csv = ResultRenderer(format: .csv, maxWidth: nil, style: .plain)
        XCTAssertEqual(
            ReportViews.statistics(result, renderer: csv),
            "key.category,label,count,amount\r\nDEV,技术开发,3,10.00\r\nSRV,技术服务,1,2.50\r\n")
    }

    func testHintsFollowTheWordsTyped() {
        let catalog = MethodCatalog()
        XCTAssertEqual(ShellHints.hint(for: "contract ", catalog: catalog),
                       "show|receive|approve|return N")
        XCTAssertEqual(ShellHints.hint(for: "contract approve ", catalog: catalog), "N [AMOUNT]")
        XCTAssertEqual(ShellHints.hint(for: "contract approve 7 ", catalog: catalog), "[AMOUNT]")
        XCTAssertEqual(ShellHints.hint(for: "contract return 7 x ", catalog: catalog), "[-- NOTE]")
        XCTAssertNil(ShellHints.hint(for: "contract return 7 x -- ", catalog: catalog))
        XCTAssertNil(ShellHints.hint(for: "contract approve 7", catalog: catalog))
        XCTAssertEqual(ShellHints.hint(for: "page ", catalog: catalog), "K")
        XCTAssertEqual(ShellHints.hint(for: "return ", catalog: catalog), "N REASON")
    }

    func testCompletionOffersCodesIdsAndSubcommands() {
        let context = Completion.Context(
            commands: ShellCommand.names, catalog: MethodCatalog(),
            codes: { $0 == "contract_status" ? ["approved", "returned"] : ["seal_mismatch"] },
            shownIDs: ["12", "15"])
        func complete(_ before: String, _ word: String) -> [String] {
            Completion.candidates(lineBeforeWord: before, word: word, context: context)
        }
        XCTAssertEqual(complete("", "inb"), ["inbox"])
        XCTAssertEqual(complete("contracts status=", "app"), ["approved"])
        XCTAssertEqual(complete("inbox status=", ""), ["approved", "returned"])
        XCTAssertEqual(complete("contract ", "a"), ["approve"])
        XCTAssertEqual(complete("contract show ", "1"), ["12", "15"])
        XCTAssertEqual(complete("contract return 12 ", "seal"), ["seal_mismatch"])
        XCTAssertEqual(complete("receive ", "15"), ["15"])
        XCTAssertEqual(complete("format csv ", ""), ["bom"])
    }

    func testOutputOptionsLeaveTheOtherWords() throws {
        let options = try ShellSyntax.outputOptions(
            in: "status=approved --format csv --bom t~'a b'")
        XCTAssertEqual(options.format, .csv)
        XCTAssertTrue(options.byteOrderMark)
        XCTAssertEqual(options.rest, "status=approved t~'a b'")
        XCTAssertThrowsError(try ShellSyntax.outputOptions(in: "--format json --bom"))
        XCTAssertThrowsError(try ShellSyntax.outputOptions(in: "--format xml"))
    }

    func testAmountsInYuanGetTwoDecimals() throws {
        XCTAssertEqual(try ShellInterpreter.yuan("900000"), "900000.00")
        XCTAssertEqual(try ShellInterpreter.yuan("900,000.5"), "900000.50")
        XCTAssertEqual(try ShellInterpreter.yuan("12.34"), "12.34")
        XCTAssertThrowsError(try ShellInterpreter.yuan("12.345"))
        XCTAssertThrowsError(try ShellInterpreter.yuan("九十万"))
        XCTAssertThrowsError(try ShellInterpreter.yuan("-5"))
    }

    func testPrefixSharedWithShortcutIsAmbiguous() {
        XCTAssertEqual(
            ShellCommand.resolution(of: "re"), .ambiguous(["receive", "return", "review"]))
        XCTAssertEqual(ShellCommand.resolution(of: "rec"), .command(.receive))
        XCTAssertEqual(ShellCommand.resolution(of: "inb"), .command(.inbox))
        XCTAssertEqual(ShellCommand.resolution(of: "approve"), .unknown)
    }
}
