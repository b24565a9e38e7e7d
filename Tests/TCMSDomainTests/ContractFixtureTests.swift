import XCTest

@testable import TCMSDomain

/// Runs the contract rules over the 5,000 fixture contracts, skipped when they are absent.
final class ContractFixtureTests: XCTestCase {
    private func contracts() throws -> [[String: Any]] {
        guard let records = try fixtureRecords("contracts.jsonl") else {
            throw XCTSkip("shared/fixtures/data/contracts.jsonl not found")
        }
        return records
    }

    func testEveryContractPassesCodeChecks() throws {
        let records = try contracts()
        let rules = ContractCategoryRules()

        XCTAssertEqual(records.count, 5000)
        for (index, record) in records.enumerated() {
            let signedOn = try XCTUnwrap(CivilDate(record["signedOn"] as? String ?? ""))
            let form = ContractFormCodes(
                category: record["category"] as? String, subtype: record["subtype"] as? String,
                registeringSide: record["registeringSide"] as? String,
                techField: record["techField"] as? String, ipType: record["ipType"] as? String,
                paymentMethod: record["paymentMethod"] as? String)

            let found = rules.violations(of: form, ruleSet: .inForce(on: signedOn))

            XCTAssertEqual(found, [], "line \(index + 1)")
        }
    }

    func testEveryContractPassesAmountChecks() throws {
        for (index, record) in try contracts().enumerated() {
            XCTAssertNoThrow(
                try ContractAmounts.parse(
                    amount: record["amount"] as? String,
                    techAmount: record["techAmount"] as? String,
                    category: record["category"] as? String),
                "line \(index + 1)")
        }
    }

    func testRuleSetBySigningDate() throws {
        // Every fixture contract was signed before 2026-03-01, so the 2000 rules apply.
        var regimes: [ContractRegime: Int] = [:]
        var licences = 0

        for record in try contracts() {
            let signedOn = try XCTUnwrap(CivilDate(record["signedOn"] as? String ?? ""))
            let rules = ContractRuleSet.inForce(on: signedOn)
            regimes[rules.regime, default: 0] += 1

            let category = try XCTUnwrap(record["category"] as? String)
            if category == "LIC" {
                licences += 1
                XCTAssertEqual(rules.reportingCategory(of: category), "TRF")
            }
        }

        XCTAssertEqual(regimes[.measures2000], 5000)
        XCTAssertNil(regimes[.measures2026])
        XCTAssertGreaterThan(licences, 0)
    }
}
