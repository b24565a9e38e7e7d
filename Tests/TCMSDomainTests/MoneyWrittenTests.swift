import TCMSDomain
import XCTest

/// The written forms of amounts on certificates: thousands separators and capital numerals.
final class MoneyWrittenTests: XCTestCase {
    private func money(_ text: String) throws -> Money {
        try Money.parse(text)
    }

    func testGroupedDescriptionSeparatesThousands() throws {
        let cases = [
            ("0.00", "0.00"), ("999.99", "999.99"), ("1000.00", "1,000.00"),
            ("960000.00", "960,000.00"), ("1200000.00", "1,200,000.00"),
            ("12345678901.05", "12,345,678,901.05"),
        ]
        for (plain, grouped) in cases {
            XCTAssertEqual(try money(plain).groupedDescription, grouped, plain)
        }
        XCTAssertEqual(Money(fen: -123_456).groupedDescription, "-1,234.56")
    }

    func testChineseCapitalWholeYuan() throws {
        let cases = [
            ("0.00", "零元整"), ("1.00", "壹元整"), ("10.00", "壹拾元整"), ("15.00", "壹拾伍元整"),
            ("100.00", "壹佰元整"), ("1001.00", "壹仟零壹元整"), ("1010.00", "壹仟零壹拾元整"),
            ("101000.00", "壹拾万壹仟元整"), ("960000.00", "玖拾陆万元整"),
            ("1200000.00", "壹佰贰拾万元整"), ("5000000.00", "伍佰万元整"),
            ("100000001.00", "壹亿零壹元整"), ("1000001000.00", "壹拾亿零壹仟元整"),
            ("1000000000000.00", "壹万亿元整"), ("1000100000000.00", "壹万零壹亿元整"),
            ("1000000010000.00", "壹万亿零壹万元整"),
            ("9999999999999999.00", "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元整"),
        ]
        for (plain, capital) in cases {
            XCTAssertEqual(try money(plain).chineseCapital, capital, plain)
        }
    }

    func testChineseCapitalJiaoAndFen() throws {
        let cases = [
            ("0.05", "伍分"), ("0.50", "伍角"), ("0.55", "伍角伍分"),
            ("1409.50", "壹仟肆佰零玖元伍角"), ("1680.32", "壹仟陆佰捌拾元零叁角贰分"),
            ("107000.53", "壹拾万柒仟元零伍角叁分"), ("16409.02", "壹万陆仟肆佰零玖元零贰分"),
            ("325.04", "叁佰贰拾伍元零肆分"), ("100.05", "壹佰元零伍分"), ("20.10", "贰拾元零壹角"),
        ]
        for (plain, capital) in cases {
            XCTAssertEqual(try money(plain).chineseCapital, capital, plain)
        }
    }

    func testChineseCapitalOutOfRangeIsNil() throws {
        XCTAssertNil(Money(fen: -1).chineseCapital)
        XCTAssertNil(try money("10000000000000000.00").chineseCapital)
    }
}
