import XCTest

@testable import TCMSDomain

final class CodeListTests: XCTestCase {
    func testIndustriesLevelCounts() {
        let industries = Industries.standard

        XCTAssertEqual(industries.all(at: .section).count, 20)
        XCTAssertEqual(industries.all(at: .division).count, 97)
        XCTAssertEqual(industries.all(at: .group).count, 473)
        XCTAssertEqual(industries.all(at: .class).count, 1381)
    }

    func testIndustriesLookupAndParents() {
        let industries = Industries.standard

        XCTAssertEqual(industries.name(of: "6513"), "应用软件开发")
        XCTAssertEqual(industries.level(of: "6513"), .class)
        XCTAssertEqual(industries.parent(of: "6513"), "651")
        XCTAssertEqual(industries.parent(of: "65"), "I")
        XCTAssertNil(industries.parent(of: "I"))
        XCTAssertEqual(industries.section(of: "6513"), "I")
        XCTAssertEqual(industries.combinedCode(of: "6513"), "I6513")
        XCTAssertEqual(industries.combinedCode(of: "I"), "I")
    }

    func testIndustriesIsClass() {
        let industries = Industries.standard

        XCTAssertTrue(industries.isClass("6513"))
        XCTAssertTrue(industries.isClass("7320"))
        XCTAssertFalse(industries.isClass("651"))
        XCTAssertFalse(industries.isClass("6510"))
        XCTAssertFalse(industries.isClass("I6513"))
    }

    func testCountriesLookup() {
        let countries = Countries.standard

        XCTAssertEqual(countries.all.count, 249)
        XCTAssertEqual(countries.country(alpha2: "CN")?.nameZh, "中国")
        XCTAssertEqual(countries.country(alpha2: "cn")?.alpha3, "CHN")
        XCTAssertEqual(countries.country(alpha3: "HKG")?.alpha2, "HK")
        XCTAssertEqual(countries.country(numeric: "156")?.name, "China")
        XCTAssertTrue(countries.isValid(alpha2: "DE"))
        XCTAssertFalse(countries.isValid(alpha2: "XX"))
    }

    func testContractCodesListsAndCounts() {
        let codes = ContractCodes.standard
        let counts: [ContractCodeList: Int] = [
            .contractCategory: 5, .contractSubtype: 12, .partyNature: 45, .techField: 11,
            .ipType: 11, .paymentMethod: 4, .enterpriseSize: 5,
        ]

        for list in ContractCodeList.allCases {
            XCTAssertEqual(codes.codes(in: list).count, counts[list], list.rawValue)
        }
    }

    func testContractCodesLookupLabelParent() {
        let codes = ContractCodes.standard

        XCTAssertEqual(codes.label(of: "150", in: .partyNature), "有限责任公司")
        XCTAssertEqual(codes.parent(of: "150", in: .partyNature), "100")
        XCTAssertEqual(codes.code("150", in: .partyNature)?.confirmed, true)
        XCTAssertEqual(codes.code("330", in: .partyNature)?.confirmed, false)
        XCTAssertEqual(codes.parent(of: "LIC-PAT", in: .contractSubtype), "LIC")
        XCTAssertEqual(codes.children(of: "DEV", in: .contractSubtype).map(\.code),
                       ["DEV-COMM", "DEV-COOP"])
        XCTAssertFalse(codes.contains("150", in: .contractCategory))
        XCTAssertEqual(ContractCodeList.enterpriseSize.rawValue, "enterprise_size")
    }

    func testContractCodesReplacementWithUnknownListIsRejected() {
        let tsv = "list\tcode\tname\tparent\tconfirmed\nsomething_else\tX\t某\t\tno\n"

        let error = violation { () throws(DomainViolation) in try ContractCodes(tsv: tsv) }

        XCTAssertEqual(error?.reason, "invalid_code_list")
        XCTAssertTrue(error?.message.contains("line 2") ?? false)
    }

    func testCodeListWrongFieldCountNamesTheLine() {
        let tsv = "code\tlevel\tname\tparent\nA\tsection\t农、林、牧、渔业\t\n01\tdivision\t农业\n"

        let error = violation { () throws(DomainViolation) in try Industries(tsv: tsv) }

        XCTAssertEqual(error?.reason, "invalid_code_list")
        XCTAssertTrue(error?.message.contains("line 3") ?? false)
    }

    func testCodeListReplacementFilesLoad() throws {
        let industries = try Industries.load(
            path: writeTemporary("code\tlevel\tname\tparent\nA\tsection\t农业\t\n"))
        let countries = try Countries.load(
            path: writeTemporary("alpha2\talpha3\tnumeric\tname\tname_zh\nCN\tCHN\t156\tChina\t\n"))

        XCTAssertEqual(industries.count, 1)
        XCTAssertEqual(countries.country(alpha2: "CN")?.name, "China")
        XCTAssertNil(countries.country(alpha2: "CN")?.nameZh)
    }

    func testCodeListEmptyFileIsRejected() {
        let error = violation { () throws(DomainViolation) in try Countries(tsv: "") }

        XCTAssertEqual(error?.reason, "invalid_code_list")
    }
}
