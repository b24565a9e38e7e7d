import XCTest

import TCMSTerminal

final class CSVWriterTests: XCTestCase {
    func testPlainFieldsAreNotQuoted() {
        XCTAssertEqual(CSVWriter.encodeField("陈静怡"), "陈静怡")
        XCTAssertEqual(CSVWriter.encodeField("1101*****7216"), "1101*****7216")
        XCTAssertEqual(CSVWriter.encodeField(""), "")
    }

    func testFieldWithCommaIsQuoted() {
        XCTAssertEqual(CSVWriter.encodeField("福州市,鼓楼区"), "\"福州市,鼓楼区\"")
    }

    func testQuotesAreDoubled() {
        XCTAssertEqual(CSVWriter.encodeField("say \"hi\""), "\"say \"\"hi\"\"\"")
    }

    func testQuoteFollowedByCombiningMarkIsDoubled() {
        // The quote and U+0301 form one Character, so only a scan by code point finds it.
        let field = "a\"\u{0301}b"

        XCTAssertEqual(CSVWriter.encodeField(field), "\"a\"\"\u{0301}b\"")
    }

    func testLineBreaksAreQuoted() {
        XCTAssertEqual(CSVWriter.encodeField("一\n二"), "\"一\n二\"")
        XCTAssertEqual(CSVWriter.encodeField("一\r二"), "\"一\r二\"")
        XCTAssertEqual(CSVWriter.encodeField("一\r\n二"), "\"一\r\n二\"")
    }

    func testSpacesAreKeptAndNotQuoted() {
        XCTAssertEqual(CSVWriter.encodeField(" 欧阳 娜 "), " 欧阳 娜 ")
    }

    func testRecordEndsInCRLF() {
        XCTAssertEqual(CSVWriter.encodeRecord(["1", "陈静怡", "正常"]), "1,陈静怡,正常\r\n")
    }

    func testSingleEmptyFieldIsWrittenAsQuotes() {
        XCTAssertEqual(CSVWriter.encodeRecord([""]), "\"\"\r\n")
        XCTAssertEqual(CSVWriter.encodeRecord(["", ""]), ",\r\n")
    }

    func testDocumentHasNoPadding() {
        let writer = CSVWriter()

        let output = writer.encode(
            header: ["序号", "名称", "状态"],
            rows: [
                ["1", "陈静怡", "正常"],
                ["2", "宁德青云（福建）新材料有限公司", "已撤销"],
                ["3", "Zoe\u{0308}", "say \"hi\", then\nleave"],
            ])

        XCTAssertEqual(
            output,
            "序号,名称,状态\r\n1,陈静怡,正常\r\n2,宁德青云（福建）新材料有限公司,已撤销\r\n"
                + "3,Zoe\u{0308},\"say \"\"hi\"\", then\nleave\"\r\n")
    }

    func testByteOrderMarkWhenEnabled() {
        let writer = CSVWriter(includesByteOrderMark: true)

        let output = writer.encode(header: ["名称"], rows: [["陈静怡"]])

        XCTAssertEqual(Array(output.utf8.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertEqual(String(output.unicodeScalars.dropFirst()), "名称\r\n陈静怡\r\n")
    }

    func testNoByteOrderMarkByDefault() {
        let output = CSVWriter().encode(header: nil, rows: [["陈静怡"]])

        XCTAssertEqual(Array(output.utf8), Array("陈静怡\r\n".utf8))
    }
}
