import XCTest

@testable import TCMSDomain

final class DivisionsTests: XCTestCase {
    private let divisions = Divisions.standard

    func testDivisionsEmbeddedListCounts() {
        XCTAssertEqual(divisions.count, 6886)
    }

    func testDivisionsNameFollowsThePeriod() {
        XCTAssertEqual(divisions.name(of: "150105", inYear: 1999), "郊区")
        XCTAssertEqual(divisions.name(of: "150105", inYear: 2000), "赛罕区")
        XCTAssertEqual(divisions.name(of: "150105"), "赛罕区")
        XCTAssertEqual(divisions.name(of: "110103"), "崇文区")
        XCTAssertNil(divisions.name(of: "150105", inYear: 1982))
        XCTAssertNil(divisions.name(of: "119901"))
    }

    func testDivisionsValidityYearsAreInclusive() {
        XCTAssertFalse(divisions.isValid(code: "150105", inYear: 1982))
        XCTAssertTrue(divisions.isValid(code: "150105", inYear: 1983))
        XCTAssertTrue(divisions.isValid(code: "110103", inYear: 2010))
        XCTAssertFalse(divisions.isValid(code: "110103", inYear: 2011))
        XCTAssertTrue(divisions.isValid(code: "110103", inYear: 1950))
    }

    func testDivisionsAddressCodeYearRule() {
        XCTAssertTrue(divisions.isValidAddressCode("441900", birthYear: 1960))
        XCTAssertTrue(divisions.isValidAddressCode("110103", birthYear: 2010))
        XCTAssertFalse(divisions.isValidAddressCode("110103", birthYear: 2011))
        XCTAssertFalse(divisions.isValidAddressCode("119901", birthYear: 1975))
    }

    func testDivisionsResidencePermitCodesValidForAnyYear() {
        for code in ["810000", "820000", "830000"] {
            XCTAssertTrue(divisions.isValidAddressCode(code, birthYear: 1930), code)
            XCTAssertTrue(divisions.isValidAddressCode(code, birthYear: 2026), code)
        }
        XCTAssertFalse(divisions.isValid(code: "810000", inYear: 1980))
    }

    func testDivisionsLevelsAndParents() {
        XCTAssertEqual(divisions.level(of: "350000"), .province)
        XCTAssertEqual(divisions.level(of: "350100"), .prefecture)
        XCTAssertEqual(divisions.level(of: "350102"), .county)
        XCTAssertTrue(divisions.isCounty("350102"))
        XCTAssertFalse(divisions.isCounty("441900"))
        XCTAssertEqual(divisions.provinceCode(of: "350102"), "350000")
        XCTAssertEqual(divisions.prefectureCode(of: "350102"), "350100")
        XCTAssertNil(divisions.prefectureCode(of: "350000"))
        XCTAssertNil(divisions.level(of: "119901"))
        XCTAssertEqual(DivisionLevel.county.label, "县级")
    }

    func testDivisionsInUse() {
        XCTAssertTrue(divisions.isInUse("350102"))
        XCTAssertTrue(divisions.isInUse("150105"))
        XCTAssertFalse(divisions.isInUse("110103"))
        XCTAssertFalse(divisions.isInUse("119901"))
    }

    func testDivisionsRegionCoversCode() {
        XCTAssertTrue(Divisions.region("350000", covers: "350102"))
        XCTAssertTrue(Divisions.region("350100", covers: "350102"))
        XCTAssertTrue(Divisions.region("350102", covers: "350102"))
        XCTAssertFalse(Divisions.region("350100", covers: "350200"))
        XCTAssertFalse(Divisions.region("350000", covers: "360102"))
        XCTAssertFalse(Divisions.region("350102", covers: "350103"))
    }

    func testDivisionsReplacementFileLoads() throws {
        let path = try writeTemporary(
            "code\tname\tprovince_code\tprefecture_code\tvalid_from_year\tvalid_until_year\r\n"
                + "990000\t测试省\t990000\t\t\t\r\n"
                + "990101\t测试区\t990000\t990100\t2030\t\r\n")

        let loaded = try Divisions.load(path: path)

        XCTAssertEqual(loaded.count, 2)
        XCTAssertEqual(loaded.name(of: "990101"), "测试区")
        XCTAssertEqual(loaded.level(of: "990000"), .province)
        XCTAssertTrue(loaded.isValidAddressCode("990101", birthYear: 1990))
    }

    func testDivisionsReplacementWithWrongHeaderIsRejected() throws {
        let path = try writeTemporary("code\tname\n110000\t北京市\n")

        let error = violation { () throws(DomainViolation) in try Divisions.load(path: path) }

        XCTAssertEqual(error?.reason, "invalid_code_list")
        XCTAssertTrue(error?.message.contains("line 1") ?? false)
    }

    func testDivisionsReplacementWithBadYearNamesTheLine() {
        let tsv = "code\tname\tprovince_code\tprefecture_code\tvalid_from_year\tvalid_until_year\n"
            + "110000\t北京市\t110000\t\t\t\n110101\t东城区\t110000\t110100\tabc\t\n"

        let error = violation { () throws(DomainViolation) in try Divisions(tsv: tsv) }

        XCTAssertEqual(error?.reason, "invalid_code_list")
        XCTAssertTrue(error?.message.contains("line 3") ?? false)
    }

    func testDivisionsMissingFileIsUnreadable() {
        let error = violation { () throws(DomainViolation) in
            try Divisions.load(path: "/nonexistent/gb2260.tsv")
        }

        XCTAssertEqual(error?.reason, "code_list_unreadable")
    }
}

/// Writes `text` to a new file under the temporary directory and returns its path.
func writeTemporary(_ text: String) throws -> String {
    let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("tcms-domain-\(UUID().uuidString).tsv").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}
