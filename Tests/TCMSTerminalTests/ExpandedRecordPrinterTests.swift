import XCTest

@testable import TCMSTerminal

final class ExpandedRecordPrinterTests: XCTestCase {
    private let record: [ExpandedRecordPrinter.Field] = [
        .init("用户登录名", "chen_jingyi"),
        .init("用户姓名", "陈静怡"),
        .init("单位名称", "宁德青云（福建）新材料有限公司"),
        .init("证件号码", "1101*****7216"),
        .init("地址", "福建省宁德市蕉城区\n漳湾镇新港路 8 号"),
        .init("备注", ""),
    ]

    func testKeysPaddedByDisplayWidth() {
        let expected = """
            用户登录名 | chen_jingyi
            用户姓名   | 陈静怡
            单位名称   | 宁德青云（福建）新材料有限公司
            证件号码   | 1101*****7216
            地址       | 福建省宁德市蕉城区
                       | 漳湾镇新港路 8 号
            备注       |

            """

        XCTAssertEqual(ExpandedRecordPrinter(fields: record).render(), expected)
    }

    func testLongValuesWrappedAtMaxWidth() {
        let expected = """
            用户登录名 | chen_jingyi
            用户姓名   | 陈静怡
            单位名称   | 宁德青云（福建）
                       | 新材料有限公司
            证件号码   | 1101*****7216
            地址       | 福建省宁德市蕉城
                       | 区
                       | 漳湾镇新港路 8 号
            备注       |

            """

        XCTAssertEqual(ExpandedRecordPrinter(fields: record, maxWidth: 30).render(), expected)
    }

    func testWrappedLinesFitMaxWidth() {
        for maxWidth in [24, 30, 41] {
            let output = ExpandedRecordPrinter(fields: record, maxWidth: maxWidth).render()
            for line in output.split(separator: "\n") {
                XCTAssertLessThanOrEqual(DisplayWidth.of(line), maxWidth, "\(line)")
            }
        }
    }

    func testWrapPiecesJoinToOriginalValue() {
        let value = "Room 301, Building 5, 宁德青云（福建）新材料有限公司 Zoe\u{0308}"

        let pieces = wrap(value, toWidth: 13)

        XCTAssertEqual(pieces.joined(), value)
        for piece in pieces {
            XCTAssertLessThanOrEqual(DisplayWidth.of(piece), 13, piece)
        }
    }

    func testWrapNeverSplitsWideCharacter() {
        XCTAssertEqual(wrap("宁德青云（福建）", toWidth: 5), ["宁德", "青云", "（福", "建）"])
    }

    func testWrappedRecordLosesNoVisibleCharacter() {
        let value = "Room 301, Building 5, 宁德青云（福建）新材料有限公司 Zoe\u{0308}"
        let printer = ExpandedRecordPrinter(fields: [.init("地址", value)], maxWidth: 20)

        let lines = printer.render().split(separator: "\n")
        let visibleText = lines.map { $0.split(separator: "|", maxSplits: 1)[1] }.joined()

        XCTAssertGreaterThan(lines.count, 3)
        XCTAssertEqual(visibleText.filter { $0 != " " }, value.filter { $0 != " " })
    }

    func testTooLittleRoomKeepsValuesWhole() {
        let printer = ExpandedRecordPrinter(fields: record, maxWidth: 20)

        let lines = printer.render().split(separator: "\n")

        XCTAssertEqual(lines[2], "单位名称   | 宁德青云（福建）新材料有限公司")
    }

    func testControlCharactersShownAsSymbols() {
        let printer = ExpandedRecordPrinter(fields: [.init("备注", "a\tb\u{1B}[2J")])

        XCTAssertEqual(printer.render(), "备注 | a␉b␛[2J\n")
    }

    func testCRLFInValueStartsOneNewLine() {
        let printer = ExpandedRecordPrinter(fields: [.init("地址", "一\r\n二")])

        XCTAssertEqual(printer.render(), "地址 | 一\n     | 二\n")
    }

    func testKeysBoldWhenStyleEnabled() {
        let printer = ExpandedRecordPrinter(fields: [.init("姓名", "陈静怡"), .init("ID", "7")])

        XCTAssertEqual(
            printer.render(style: Style(isEnabled: true)),
            "\u{1B}[1m姓名\u{1B}[22m | 陈静怡\n\u{1B}[1mID\u{1B}[22m   | 7\n")
    }

    func testEmptyRecordRendersNothing() {
        XCTAssertEqual(ExpandedRecordPrinter(fields: []).render(), "")
    }
}
