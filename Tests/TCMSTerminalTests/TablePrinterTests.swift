import XCTest

@testable import TCMSTerminal

final class TablePrinterTests: XCTestCase {
    private let footer = "共找到 217 条记录 共22页 第1页"

    /// Names of persons and of one entity, with a column after the name.
    private func listing(maxWidth: Int?) -> TablePrinter {
        var table = TablePrinter(
            columns: [
                .init("序号", alignment: .right), .init("名称"), .init("登录名"),
                .init("创建日期"), .init("状态"),
            ],
            footer: footer, maxWidth: maxWidth)
        table.addRow(["1", "陈静怡", "chen_jingyi", "2026-03-02", "正常"])
        table.addRow(["2", "Ada Lin", "ada_lin", "2026-03-02", "正常"])
        table.addRow(["3", "欧阳 娜", "ouyang_na", "2026-03-05", "已过期"])
        table.addRow(["4", "Zoe\u{0308}", "zoe_weber", "2026-03-09", "已撤销"])
        table.addRow(["5", "宁德青云（福建）新材料有限公司", "unit_qingyun", "2026-03-10", "正常"])
        table.addRow(["6", "Maximilian Alexander Weber", "max_weber", "2026-03-11", "正常"])
        return table
    }

    /// Display columns at which `character` occurs in `line`, counted from 0.
    private func columns(of character: Character, in line: Substring) -> [Int] {
        var result: [Int] = []
        var column = 0
        for current in line {
            if current == character {
                result.append(column)
            }
            column += DisplayWidth.of(current)
        }
        return result
    }

    func testGoldenAt120Columns() {
        let expected = """
            序号 | 名称                           | 登录名       | 创建日期   | 状态
            -----+--------------------------------+--------------+------------+-------
               1 | 陈静怡                         | chen_jingyi  | 2026-03-02 | 正常
               2 | Ada Lin                        | ada_lin      | 2026-03-02 | 正常
               3 | 欧阳 娜                        | ouyang_na    | 2026-03-05 | 已过期
               4 | Zoe\u{0308}                            | zoe_weber    | 2026-03-09 | 已撤销
               5 | 宁德青云（福建）新材料有限公司 | unit_qingyun | 2026-03-10 | 正常
               6 | Maximilian Alexander Weber     | max_weber    | 2026-03-11 | 正常
            共找到 217 条记录 共22页 第1页

            """

        XCTAssertEqual(listing(maxWidth: 120).render(), expected)
    }

    func testGoldenAt60Columns() {
        let expected = """
            序号 | 名称             | 登录名       | 创建日期   | 状态
            -----+------------------+--------------+------------+-------
               1 | 陈静怡           | chen_jingyi  | 2026-03-02 | 正常
               2 | Ada Lin          | ada_lin      | 2026-03-02 | 正常
               3 | 欧阳 娜          | ouyang_na    | 2026-03-05 | 已过期
               4 | Zoe\u{0308}              | zoe_weber    | 2026-03-09 | 已撤销
               5 | 宁德青云（福建…  | unit_qingyun | 2026-03-10 | 正常
               6 | Maximilian Alex… | max_weber    | 2026-03-11 | 正常
            共找到 217 条记录 共22页 第1页

            """

        XCTAssertEqual(listing(maxWidth: 60).render(), expected)
    }

    func testSeparatorAfterNameAlignsOnEveryRow() {
        // The name column starts at column 7, after "序号 | ", and is 30 columns wide
        // unshrunk, 16 at 60 columns and 6 at 40 columns.
        let expectedColumn = [120: 38, 60: 24, 40: 14]
        for (maxWidth, separatorColumn) in expectedColumn {
            let lines = listing(maxWidth: maxWidth).render().split(separator: "\n").dropLast()
            for (index, line) in lines.enumerated() {
                let marker: Character = index == 1 ? "+" : "|"
                let found = columns(of: marker, in: line)

                XCTAssertEqual(found.count, 4, "width \(maxWidth): \(line)")
                XCTAssertEqual(found.dropFirst().first, separatorColumn, "\(maxWidth): \(line)")
            }
        }
    }

    func testEveryColumnSeparatorAlignsOnEveryRow() {
        for maxWidth in [120, 60, 50, 40, 30] {
            let lines = listing(maxWidth: maxWidth).render().split(separator: "\n").dropLast()
            let header = columns(of: "|", in: lines[0])
            for line in lines {
                let marker: Character = line.hasPrefix("-") ? "+" : "|"

                XCTAssertEqual(columns(of: marker, in: line), header, "width \(maxWidth): \(line)")
            }
        }
    }

    func testTableFitsMaxWidth() {
        for maxWidth in [120, 74, 60, 45] {
            let lines = listing(maxWidth: maxWidth).render().split(separator: "\n").dropLast()
            for line in lines {
                XCTAssertLessThanOrEqual(DisplayWidth.of(line), maxWidth, "\(line)")
            }
        }
    }

    func testTruncatedCellsEndInEllipsis() {
        let names = [
            "陈静怡", "Ada Lin", "欧阳 娜", "Zoe\u{0308}", "宁德青云（福建）新材料有限公司",
            "Maximilian Alexander Weber",
        ]
        for maxWidth in [60, 50, 40] {
            let lines = listing(maxWidth: maxWidth).render().split(separator: "\n")
            for (name, line) in zip(names, lines.dropFirst(2)) {
                let cell = line.split(separator: "|")[1].dropFirst()
                let cellText = String(cell).trimmingTrailingSpacesForTest()
                if cellText == name {
                    continue
                }

                XCTAssertEqual(cellText.last, "…", "width \(maxWidth): \(line)")
                XCTAssertTrue(name.hasPrefix(cellText.dropLast()), "width \(maxWidth): \(cellText)")
            }
        }
    }

    func testTruncatedCompanyNameIsPadded() {
        let lines = listing(maxWidth: 60).render().split(separator: "\n")

        XCTAssertEqual(lines[6], "   5 | 宁德青云（福建…  | unit_qingyun | 2026-03-10 | 正常")
    }

    func testNoLineEndsInSpace() {
        var table = TablePrinter(columns: [.init("名称"), .init("备注")], footer: "合计 ")
        table.addRow(["陈静怡", ""])
        table.addRow(["Ada Lin", "已核对"])
        for maxWidth in [nil, 120, 60, 12] as [Int?] {
            table.maxWidth = maxWidth
            for line in table.render().split(separator: "\n") {
                XCTAssertFalse(line.hasSuffix(" "), "\(String(describing: maxWidth)): \(line)")
            }
        }
    }

    func testFooterIsLastLine() {
        let lines = listing(maxWidth: 120).render().split(separator: "\n")

        XCTAssertEqual(lines.last.map(String.init), footer)
        XCTAssertEqual(lines.count, 9)
    }

    func testDocumentationExample() {
        var table = TablePrinter(
            columns: [.init("序号", alignment: .right), .init("用户姓名"), .init("用户状态")],
            footer: "共找到 1 条记录 共1页 第1页")
        table.addRow(["1", "陈静怡", "正常"])

        let expected = """
            序号 | 用户姓名 | 用户状态
            -----+----------+---------
               1 | 陈静怡   | 正常
            共找到 1 条记录 共1页 第1页

            """

        XCTAssertEqual(table.render(), expected)
    }

    func testFooterIsNotTruncated() {
        var table = listing(maxWidth: 20)
        table.footer = footer + footer

        let lines = table.render().split(separator: "\n")

        XCTAssertEqual(lines.last.map(String.init), footer + footer)
    }

    func testNoFooterEndsAfterRows() {
        var table = TablePrinter(columns: [.init("名称")])
        table.addRow(["陈静怡"])

        XCTAssertEqual(table.render(), "名称\n------\n陈静怡\n")
    }

    func testEmptyTableHasHeaderAndRule() {
        let table = TablePrinter(
            columns: [.init("序号", alignment: .right), .init("名称")],
            footer: "共找到 0 条记录")

        XCTAssertEqual(table.render(), "序号 | 名称\n-----+-----\n共找到 0 条记录\n")
    }

    func testControlCharactersInCellsShownAsSymbols() {
        var table = TablePrinter(columns: [.init("地址"), .init("状态")])
        table.addRow(["福州市\n鼓楼区", "\u{1B}[31m正常"])

        let lines = table.render().split(separator: "\n", omittingEmptySubsequences: false)

        XCTAssertEqual(lines.count, 4)
        XCTAssertEqual(lines[2], "福州市␊鼓楼区 | ␛[31m正常")
        XCTAssertFalse(table.render().unicodeScalars.contains("\u{1B}"))
    }

    func testHeaderBoldOnlyWhenStyleEnabled() {
        var table = TablePrinter(columns: [.init("名称"), .init("状态")])
        table.addRow(["陈静怡", "正常"])

        let styled = table.render(style: Style(isEnabled: true))

        XCTAssertEqual(
            styled,
            "\u{1B}[1m名称\u{1B}[22m   | \u{1B}[1m状态\u{1B}[22m\n-------+-----\n陈静怡 | 正常\n")
        XCTAssertFalse(table.render(style: .plain).unicodeScalars.contains("\u{1B}"))
    }

    func testShrinkTakesWidestColumnFirst() {
        XCTAssertEqual(TablePrinter.shrink([4, 30, 12], toFit: 40), [4, 18, 12])
        XCTAssertEqual(TablePrinter.shrink([4, 30, 12], toFit: 30), [4, 10, 10])
    }

    func testShrinkStopsAtMinimumColumnWidth() {
        let widths = TablePrinter.shrink([2, 30, 12], toFit: 5)

        XCTAssertEqual(widths, [2, 3, 3])
    }

    func testNarrowTerminalStillAlignsColumns() {
        let lines = listing(maxWidth: 10).render().split(separator: "\n").dropLast()
        let header = columns(of: "|", in: lines[0])
        for line in lines where !line.hasPrefix("-") {
            XCTAssertEqual(columns(of: "|", in: line), header, "\(line)")
        }
    }
}

extension String {
    fileprivate func trimmingTrailingSpacesForTest() -> String {
        var text = self
        while text.last == " " {
            text.removeLast()
        }
        return text
    }
}
