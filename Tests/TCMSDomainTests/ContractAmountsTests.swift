import XCTest

@testable import TCMSDomain

final class ContractAmountsTests: XCTestCase {
    /// Returns the violations that `ContractAmounts.parse` throws, or none when it succeeds.
    private func parseFailures(
        _ amount: String?, _ techAmount: String?, investment: String? = nil,
        output: String? = nil, category: String? = nil
    ) -> [DomainViolation] {
        do {
            _ = try ContractAmounts.parse(
                amount: amount, techAmount: techAmount, expectedNewInvestment: investment,
                expectedNewOutput: output, category: category)
            return []
        } catch {
            return error.all
        }
    }

    func testParseWireStrings() throws {
        let amounts = try ContractAmounts.parse(amount: "354300.00", techAmount: "283440.00")

        XCTAssertEqual(amounts.amount.fen, 35_430_000)
        XCTAssertEqual(amounts.techAmount.fen, 28_344_000)
        XCTAssertEqual(amounts.nonTechnicalCost.description, "70860.00")
        XCTAssertNil(amounts.expectedNewInvestment)
    }

    func testTechAmountEqualToAmountAllowed() throws {
        let amounts = try ContractAmounts.parse(amount: "0.10", techAmount: "0.10")

        XCTAssertEqual(amounts.nonTechnicalCost, .zero)
    }

    func testZeroAmountsAllowed() throws {
        let amounts = try ContractAmounts.parse(amount: "0.00", techAmount: "0.00")

        XCTAssertEqual(amounts.amount, .zero)
    }

    func testTechAmountOneFenOverRejected() {
        let failures = parseFailures("120000.00", "120000.01")

        XCTAssertEqual(failures.map(\.reason), ["tech_amount_exceeds_amount"])
        XCTAssertEqual(failures.first?.field, "params.techAmount")
    }

    func testNegativeAmountRejected() {
        let failures = parseFailures("-1.00", "0.00")

        XCTAssertEqual(failures.map(\.reason), ["negative_money"])
        XCTAssertEqual(failures.first?.field, "params.amount")
    }

    func testFloatLikeStringsRejected() {
        for text in ["1e5", "120000", "120000.5", "120000.000", "1,200.00", " 1.00"] {
            let failures = parseFailures(text, "0.00")
            XCTAssertEqual(failures.map(\.reason), ["invalid_money"], text)
            XCTAssertEqual(failures.first?.field, "params.amount", text)
        }
    }

    func testMissingAmountsReportedTogether() {
        let failures = parseFailures(nil, nil)

        XCTAssertEqual(failures.map(\.reason), ["missing_param", "missing_param"])
        XCTAssertEqual(failures.map(\.field), ["params.amount", "params.techAmount"])
    }

    func testEveryFieldReportedAtOnce() {
        let failures = parseFailures("abc", "-3.00", investment: "1.5", category: "TRF")

        XCTAssertEqual(failures.map(\.reason), ["invalid_money", "negative_money", "invalid_money"])
        XCTAssertEqual(
            failures.map(\.field),
            ["params.amount", "params.techAmount", "params.expectedNewInvestment"])
    }

    func testOutOfRangeRejected() {
        let failures = parseFailures("92233720368547758.08", "0.00")

        XCTAssertEqual(failures.map(\.reason), ["money_out_of_range"])
    }

    func testLargestAmountNonTechnicalCost() throws {
        let amounts = try ContractAmounts.parse(
            amount: "92233720368547758.07", techAmount: "0.00")

        XCTAssertEqual(amounts.nonTechnicalCost.description, "92233720368547758.07")
    }

    func testTransferStatesExpectedBenefits() throws {
        for category in ["TRF", "LIC"] {
            let amounts = try ContractAmounts.parse(
                amount: "500000.00", techAmount: "400000.00", expectedNewInvestment: "2000000.00",
                expectedNewOutput: "8000000.00", category: category)
            XCTAssertEqual(amounts.expectedNewInvestment?.description, "2000000.00")
            XCTAssertEqual(amounts.expectedNewOutput?.description, "8000000.00")
        }
    }

    func testDevelopmentExpectedBenefitsRejected() {
        let failures = parseFailures(
            "500000.00", "400000.00", investment: "1.00", output: "2.00", category: "DEV")

        XCTAssertEqual(failures.map(\.reason), ["field_not_applicable", "field_not_applicable"])
        XCTAssertEqual(
            failures.map(\.field), ["params.expectedNewInvestment", "params.expectedNewOutput"])
    }

    func testInitFromMoneyChecksRules() {
        let error = violation { () throws(DomainViolation) in
            try ContractAmounts(amount: Money(fen: 100), techAmount: Money(fen: 101))
        }

        XCTAssertEqual(error?.reason, "tech_amount_exceeds_amount")
    }

    func testInitRejectsNegativeTechAmount() {
        let failures = ContractAmounts.violations(
            amount: Money(fen: 100), techAmount: Money(fen: -1))

        XCTAssertEqual(failures.map(\.reason), ["negative_money"])
        XCTAssertEqual(failures.first?.field, "params.techAmount")
    }
}
