import Foundation
import XCTest

@testable import TCMSDomain

final class ContractRuleSetTests: XCTestCase {
    private func date(_ text: String) -> CivilDate {
        CivilDate(text)!
    }

    private func yuan(_ text: String) -> Money {
        try! Money.parse(text)
    }

    func testRegimeChosenByDate() {
        XCTAssertEqual(ContractRuleSet.inForce(on: date("2026-02-28")).regime, .measures2000)
        XCTAssertEqual(ContractRuleSet.inForce(on: date("2026-03-01")).regime, .measures2026)
        XCTAssertEqual(ContractRuleSet.inForce(on: date("2001-07-18")).regime, .measures2000)
        XCTAssertEqual(ContractRuleSet.inForce(on: date("2027-01-01")).regime, .measures2026)
    }

    func testChinaMidnightInstantUses2026Rules() {
        // 2026-02-28T16:30:00Z is 00:30 on 2026-03-01 in Beijing.
        let instant = ChinaTime.parseTimestamp("2026-02-28T16:30:00Z")!

        XCTAssertEqual(ContractRuleSet.inForce(at: instant).regime, .measures2026)
    }

    func testLastOldInstantUses2000Rules() {
        let instant = ChinaTime.parseTimestamp("2026-02-28T15:59:59Z")!

        XCTAssertEqual(ContractRuleSet.inForce(at: instant).regime, .measures2000)
    }

    func testRulesOfStoredRegime() {
        XCTAssertEqual(ContractRuleSet.rules(of: .measures2000), .measures2000)
        XCTAssertEqual(ContractRuleSet.rules(of: .measures2026), .measures2026)
        XCTAssertEqual(ContractRegime(rawValue: "measures_2026"), .measures2026)
    }

    func testCategoriesOfEachRegime() {
        XCTAssertEqual(ContractRuleSet.measures2000.categories, ["DEV", "TRF", "CON", "SRV"])
        XCTAssertEqual(
            ContractRuleSet.measures2026.categories, ["DEV", "TRF", "LIC", "CON", "SRV"])
    }

    func testOldRulesAcceptLicenceAsTransfer() {
        let old = ContractRuleSet.measures2000

        XCTAssertTrue(old.accepts(category: "LIC"))
        XCTAssertEqual(old.reportingCategory(of: "LIC"), "TRF")
        XCTAssertEqual(old.reportingCategory(of: "DEV"), "DEV")
        XCTAssertFalse(old.accepts(category: "XYZ"))
    }

    func testNewRulesReportLicenceOnItsOwn() {
        let new = ContractRuleSet.measures2026

        XCTAssertTrue(new.accepts(category: "LIC"))
        XCTAssertEqual(new.reportingCategory(of: "LIC"), "LIC")
    }

    func testOldTimeLimitIsThirtyCalendarDays() {
        let old = ContractRuleSet.measures2000

        XCTAssertEqual(old.timeLimit(techAmount: yuan("100.00")), .calendarDays(30))
        XCTAssertEqual(old.timeLimit(techAmount: yuan("9000000.00")), .calendarDays(30))
    }

    func testNewTimeLimitDependsOnAmount() {
        let new = ContractRuleSet.measures2026

        XCTAssertEqual(new.timeLimit(techAmount: yuan("0.00")), .workingDays(15))
        XCTAssertEqual(new.timeLimit(techAmount: yuan("4999999.99")), .workingDays(15))
        XCTAssertEqual(new.timeLimit(techAmount: yuan("5000000.00")), .workingDays(30))
        XCTAssertEqual(new.timeLimit(techAmount: yuan("6000000.00")), .workingDays(30))
    }

    func testSecondApprovalOnlyLarge2026() {
        let new = ContractRuleSet.measures2026
        let old = ContractRuleSet.measures2000

        XCTAssertFalse(new.needsSecondApproval(techAmount: yuan("4999999.99")))
        XCTAssertTrue(new.needsSecondApproval(techAmount: yuan("5000000.00")))
        XCTAssertFalse(old.needsSecondApproval(techAmount: yuan("5000000.00")))
        XCTAssertFalse(old.needsSecondApproval(techAmount: yuan("90000000.00")))
    }

    func testImportRegisteredByBuyer() throws {
        for rules in [ContractRuleSet.measures2000, .measures2026] {
            XCTAssertEqual(rules.technologyImportRegistrant, .buyer)
            try rules.checkRegisteringSide(.buyer, isTechnologyImport: true)
            try rules.checkRegisteringSide(.seller, isTechnologyImport: false)
            try rules.checkRegisteringSide(.buyer, isTechnologyImport: false)

            let error = violation { () throws(DomainViolation) in
                try rules.checkRegisteringSide(.seller, isTechnologyImport: true)
            }
            XCTAssertEqual(error?.reason, "import_registered_by_buyer")
            XCTAssertEqual(error?.field, "params.registeringSide")
        }
    }

    func testTimeLimitLabels() {
        XCTAssertEqual(ContractTimeLimit.calendarDays(30).label, "30日")
        XCTAssertEqual(ContractTimeLimit.workingDays(15).label, "15个工作日")
        XCTAssertEqual(ContractTimeLimit.workingDays(15).description, "15 working days")
    }

    func testRegisteringSideLabels() {
        XCTAssertEqual(RegisteringSide.seller.label, "卖方合同登记")
        XCTAssertEqual(RegisteringSide.buyer.label, "买方合同登记")
        XCTAssertEqual(RegisteringSide(rawValue: "buyer"), .buyer)
    }
}
