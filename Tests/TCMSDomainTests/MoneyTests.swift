import XCTest

@testable import TCMSDomain

final class MoneyTests: XCTestCase {
    func testMoneyParsesTwoDecimals() throws {
        XCTAssertEqual(try Money.parse("120000.00").fen, 12_000_000)
        XCTAssertEqual(try Money.parse("0.01").fen, 1)
        XCTAssertEqual(try Money.parse("0.00"), .zero)
        XCTAssertEqual(try Money.parse("6000000.00").fen, 600_000_000)
    }

    func testMoneyRejectsOtherShapes() {
        let inputs = [
            "1e5", "12.5", "12.500", "12", "12.", ".50", "012.00", "+1.00", " 1.00", "1.00 ",
            "1,000.00", "１.00", "", "-", "1.0a", "--1.00",
        ]
        for input in inputs {
            let error = violation { () throws(DomainViolation) in try Money.parse(input) }
            XCTAssertEqual(error?.reason, "invalid_money", input)
        }
    }

    func testMoneyNegativeRejectedUnlessAllowed() throws {
        let error = violation { () throws(DomainViolation) in try Money.parse("-0.01") }

        XCTAssertEqual(error?.reason, "negative_money")
        XCTAssertEqual(try Money.parse("-0.01", allowNegative: true).fen, -1)
    }

    func testMoneyOverflowIsRejected() throws {
        XCTAssertEqual(try Money.parse("92233720368547758.07").fen, Int64.max)
        for input in ["92233720368547758.08", "99999999999999999999.00"] {
            let error = violation { () throws(DomainViolation) in try Money.parse(input) }
            XCTAssertEqual(error?.reason, "money_out_of_range", input)
        }
    }

    func testMoneyFormatsTwoDecimals() {
        XCTAssertEqual(Money(fen: 12_000_000).description, "120000.00")
        XCTAssertEqual(Money(fen: 5).description, "0.05")
        XCTAssertEqual(Money(fen: -1).description, "-0.01")
        XCTAssertEqual(Money(fen: Int64.min).description, "-92233720368547758.08")
    }

    func testMoneyRoundTrips() throws {
        for text in ["0.00", "0.10", "1.99", "120000.00", "92233720368547758.07"] {
            XCTAssertEqual(try Money.parse(text).description, text)
        }
    }

    func testMoneyComparison() throws {
        XCTAssertLessThan(try Money.parse("99.99"), try Money.parse("100.00"))
        XCTAssertEqual(try Money(yuan: 5_000_000), try Money.parse("5000000.00"))
    }

    func testMoneyArithmeticChecksOverflow() throws {
        let max = Money(fen: Int64.max)

        XCTAssertEqual(try Money(fen: 150).adding(Money(fen: 75)).fen, 225)
        XCTAssertEqual(try Money(fen: 150).subtracting(Money(fen: 175)).fen, -25)
        XCTAssertEqual(try Money(fen: 150).multiplied(by: 3).fen, 450)
        XCTAssertEqual(
            violation { () throws(DomainViolation) in try max.adding(Money(fen: 1)) }?.reason,
            "money_out_of_range")
        XCTAssertEqual(
            violation { () throws(DomainViolation) in try max.multiplied(by: 2) }?.reason,
            "money_out_of_range")
        XCTAssertEqual(
            violation { () throws(DomainViolation) in
                try Money(fen: Int64.min).subtracting(Money(fen: 1))
            }?.reason,
            "money_out_of_range")
        XCTAssertEqual(
            violation { () throws(DomainViolation) in try Money(yuan: Int64.max / 10) }?.reason,
            "money_out_of_range")
    }
}
