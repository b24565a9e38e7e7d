import TCMSJSON
import TCMSTerminal
import XCTest

@testable import TCMSClient

/// How the shell prints results: listings, single records, scalars.
final class ShellTestsRendering: XCTestCase {
    private let listing: JSON = [
        "items": [
            ["loginName": "chen_jingyi", "name": "陈静怡", "status": "active",
             "statusLabel": "正常"],
            ["loginName": "ada_lin", "name": "Ada Lin", "status": "revoked",
             "statusLabel": "已撤销"],
        ],
        "total": 217, "page": 1, "pages": 22,
    ]

    func testListingPrintsTableWithLabelsAndPageFooter() {
        let text = ResultRenderer(format: .table, maxWidth: nil, style: .plain).render(listing)
        let lines = text.split(separator: "\n").map(String.init)

        XCTAssertEqual(lines.first, "loginName   | name    | status")
        XCTAssertEqual(lines[2], "chen_jingyi | 陈静怡  | 正常")
        XCTAssertEqual(lines[3], "ada_lin     | Ada Lin | 已撤销")
        XCTAssertEqual(lines.last, "共找到 217 条记录 共22页 第1页")
    }

    func testListingAsCSVKeepsCodesAndLabels() {
        let text = ResultRenderer(format: .csv, maxWidth: nil, style: .plain).render(listing)
        XCTAssertEqual(
            text,
            "loginName,name,status,statusLabel\r\nchen_jingyi,陈静怡,active,正常\r\n"
                + "ada_lin,Ada Lin,revoked,已撤销\r\n")
    }

    func testObjectPrintsOneFieldPerLine() {
        let text = ResultRenderer(format: .table, maxWidth: nil, style: .plain)
            .render(["version": "0.1.0", "schemaVersion": 1])
        XCTAssertEqual(text, "version       | 0.1.0\nschemaVersion | 1\n")
    }

    func testScalarPrintsPlainlyInTableAndQuotedInJSON() {
        XCTAssertEqual(
            ResultRenderer(format: .table, maxWidth: nil, style: .plain).render("pong"), "pong\n")
        XCTAssertEqual(
            ResultRenderer(format: .json, maxWidth: nil, style: .plain).render("pong"),
            "\"pong\"\n")
    }

    func testScriptSplitsAtSemicolonsOutsideQuotes() {
        XCTAssertEqual(
            ShellSyntax.splitCommands(#"ping; call x.y {"name": "a;b"}; help"#),
            ["ping", #"call x.y {"name": "a;b"}"#, "help"])
    }

    func testWordParamsReadValuesAsJSONOrText() throws {
        let params = try ShellSyntax.parseParams("name=王小红 page=2 note='欧阳 娜'")
        XCTAssertEqual(params["name"], "王小红")
        XCTAssertEqual(params["page"], 2)
        XCTAssertEqual(params["note"], "欧阳 娜")
    }
}
