import XCTest

@testable import TCMSDomain

final class ReturnGroundTests: XCTestCase {
    func testCodesAndLabels() {
        let expected: [(String, String)] = [
            ("void_or_not_effective", "合同无效或尚未生效"),
            ("not_technology_contract", "不属于技术合同"),
            ("unclear_terms", "当事人、标的、价款等约定不明确"),
            ("missing_approval", "需经审批而未审批"),
            ("title_mismatch", "合同名称与内容不符"),
            ("restrictive_clauses", "含有限制技术竞争和技术发展的条款"),
            ("missing_proof", "证明材料缺失或不符合要求"),
            ("seal_mismatch", "印章缺失或与名称不符"),
            ("other", "其他"),
        ]

        XCTAssertEqual(ReturnGround.allCases.map(\.rawValue), expected.map(\.0))
        for (code, label) in expected {
            XCTAssertEqual(ReturnGround(rawValue: code)?.label, label, code)
        }
    }

    func testParseSeveralGrounds() throws {
        let grounds = try ReturnGround.parse(
            codes: ["unclear_terms", "seal_mismatch"], note: "乙方印章与名称不一致")

        XCTAssertEqual(grounds, [.unclearTerms, .sealMismatch])
    }

    func testParseRequiresOneGround() {
        XCTAssertThrowsError(try ReturnGround.parse(codes: [], note: "x")) { error in
            XCTAssertEqual((error as? DomainViolations)?.reasons, ["missing_param"])
        }
    }

    func testParseReportsEveryProblem() {
        XCTAssertThrowsError(
            try ReturnGround.parse(codes: ["other", "bogus", "other"], note: "  ")
        ) { error in
            let violations = error as? DomainViolations
            XCTAssertEqual(
                violations?.reasons,
                ["unknown_return_ground", "duplicate_return_ground", "missing_note"])
            XCTAssertEqual(
                violations?.all.map(\.field),
                ["params.reasons[1]", "params.reasons[2]", "params.note"])
        }
    }

    func testOtherWithNoteAccepted() throws {
        let grounds = try ReturnGround.parse(codes: ["other"], note: "合同份数不足")

        XCTAssertEqual(grounds, [.other])
    }
}
