import XCTest

@testable import TCMSDomain

final class ContractCategoryRulesTests: XCTestCase {
    private let rules = ContractCategoryRules()

    private func validForm() -> ContractFormCodes {
        ContractFormCodes(
            category: "DEV", subtype: "DEV-COMM", registeringSide: "seller", techField: "TF01",
            ipType: "IP-PAT-INV", paymentMethod: "PAY-LUMP", sellerNature: "150",
            buyerNature: "021")
    }

    func testValidFormPasses() {
        XCTAssertEqual(rules.violations(of: validForm(), ruleSet: .measures2026), [])
        XCTAssertEqual(rules.violations(of: validForm(), ruleSet: .measures2000), [])
    }

    func testSubtypesOfCategories() {
        XCTAssertEqual(rules.subtypes(of: "DEV").map(\.code), ["DEV-COMM", "DEV-COOP"])
        XCTAssertEqual(
            rules.subtypes(of: "LIC").map(\.code), ["LIC-PAT", "LIC-SECRET", "LIC-OTHER"])
        XCTAssertEqual(rules.subtypes(of: "CON"), [])
        XCTAssertTrue(rules.isSubtype("SRV-AGENCY", of: "SRV"))
        XCTAssertFalse(rules.isSubtype("LIC-PAT", of: "TRF"))
    }

    func testSubtypeOfOtherCategoryRejected() {
        var form = validForm()
        form.subtype = "TRF-PAT"

        let found = rules.violations(of: form, ruleSet: .measures2026)

        XCTAssertEqual(found.map(\.reason), ["subtype_category_mismatch"])
        XCTAssertEqual(found.first?.field, "params.subtype")
        XCTAssertTrue(found.first?.message.contains("DEV-COMM, DEV-COOP") ?? false)
    }

    func testLegacyLicenceUnderTransferRejected() {
        // A licence sub-type must be filed under LIC, also for records before the Civil Code.
        var form = validForm()
        form.category = "TRF"
        form.subtype = "LIC-PAT"

        let found = rules.violations(of: form, ruleSet: .measures2000)

        XCTAssertEqual(found.map(\.reason), ["subtype_category_mismatch"])
    }

    func testConsultingWithoutSubtype() {
        var form = validForm()
        form.category = "CON"
        form.subtype = nil

        XCTAssertEqual(rules.violations(of: form, ruleSet: .measures2026), [])

        form.subtype = ""
        XCTAssertEqual(rules.violations(of: form, ruleSet: .measures2026), [])
    }

    func testConsultingWithSubtypeRejected() {
        var form = validForm()
        form.category = "CON"
        form.subtype = "SRV-SVC"

        let found = rules.violations(of: form, ruleSet: .measures2026)

        XCTAssertEqual(found.map(\.reason), ["subtype_not_allowed"])
    }

    func testMissingSubtypeRejected() {
        var form = validForm()
        form.subtype = nil

        let found = rules.violations(of: form, ruleSet: .measures2026)

        XCTAssertEqual(found.map(\.reason), ["missing_param"])
        XCTAssertEqual(found.first?.field, "params.subtype")
    }

    func testUnknownCodesRejected() {
        let form = ContractFormCodes(
            category: "DEV", subtype: "DEV-XX", registeringSide: "both", techField: "TF99",
            ipType: "PATENT", paymentMethod: "CASH", sellerNature: "999", buyerNature: "0111")

        let found = rules.violations(of: form, ruleSet: .measures2026)

        XCTAssertEqual(found.map(\.reason), Array(repeating: "unknown_code", count: 6))
        XCTAssertEqual(
            found.map(\.field),
            [
                "params.subtype", "params.registeringSide", "params.techField", "params.ipType",
                "params.paymentMethod", "params.sellerNature",
            ])
    }

    func testEmptyFormReportsEveryRequiredField() {
        let found = rules.violations(of: ContractFormCodes(), ruleSet: .measures2026)

        XCTAssertEqual(found.map(\.reason), Array(repeating: "missing_param", count: 5))
        XCTAssertEqual(
            found.map(\.field),
            [
                "params.category", "params.registeringSide", "params.techField",
                "params.ipType", "params.paymentMethod",
            ])
    }

    func testUnknownCategorySkipsSubtypeCheck() {
        var form = validForm()
        form.category = "ABC"

        let found = rules.violations(of: form, ruleSet: .measures2026)

        XCTAssertEqual(found.map(\.reason), ["unknown_code"])
        XCTAssertEqual(found.first?.field, "params.category")
    }

    func testCategoryOutsideRuleSetRejected() throws {
        // An operator's list may carry a category the rule sets do not register.
        let tsv = "list\tcode\tname\tparent\tconfirmed\n"
            + "contract_category\tNEW\t新类别\t\tno\n"
            + "tech_field\tTF01\t电子信息\t\tno\n"
            + "ip_type\tIP-NONE\t未涉及知识产权\t\tno\n"
            + "payment_method\tPAY-LUMP\t一次总付\t\tno\n"
        let custom = ContractCategoryRules(codes: try ContractCodes(tsv: tsv))
        let form = ContractFormCodes(
            category: "NEW", registeringSide: "seller", techField: "TF01", ipType: "IP-NONE",
            paymentMethod: "PAY-LUMP")

        let found = custom.violations(of: form, ruleSet: .measures2026)

        XCTAssertEqual(found.map(\.reason), ["category_not_in_rules"])
    }
}
