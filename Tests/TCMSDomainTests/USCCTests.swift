import XCTest

@testable import TCMSDomain

final class USCCTests: XCTestCase {
    func testUSCCValidCodeIsSplitIntoParts() throws {
        let code = try USCC.parse("91350100MA2XN6B101")

        XCTAssertEqual(code.registrationAuthority, "9")
        XCTAssertEqual(code.category, "1")
        XCTAssertEqual(code.authorityLabel, "工商")
        XCTAssertEqual(code.categoryLabel, "企业")
        XCTAssertEqual(code.divisionCode, "350100")
        XCTAssertEqual(code.organizationCode, "MA2XN6B10")
    }

    func testUSCCKnownCheckCharacters() {
        let cases = [
            "91350100MA2XN6B101", "12100000400007623W", "52320571MJ5Q3L0Y49",
            "Y1110101000000000C", "9111010810000018XA", "91110108100000040N",
            "911101081000004460", "91420111NW0L6AXDXK", "9135010219WXHW6N5T",
        ]
        for code in cases {
            XCTAssertNoThrow(try USCC.parse(code), code)
            XCTAssertEqual(
                USCC.checkCharacter(forFirst17: String(code.prefix(17))), code.last, code)
        }
    }

    func testUSCCLowercaseIsNormalised() throws {
        XCTAssertEqual(try USCC.parse("91350100ma2xn6b101").code, "91350100MA2XN6B101")
    }

    func testUSCCWrongCheckCharacterIsRejected() {
        let error = violation { () throws(DomainViolation) in
            try USCC.parse("91350100MA2XN6B102")
        }

        XCTAssertEqual(error?.reason, "invalid_check_character")
        XCTAssertTrue(error?.message.contains("check character 2") ?? false)
    }

    func testUSCCWrongOrganizationCheckIsReportedFirst() {
        // The whole-code check character is recomputed so only the embedded code is wrong.
        let first17 = "91350100MA2XN6B11"
        let code = first17 + String(USCC.checkCharacter(forFirst17: first17)!)

        let error = violation { () throws(DomainViolation) in try USCC.parse(code) }

        XCTAssertEqual(error?.reason, "invalid_organization_code")
    }

    func testUSCCOrganizationCheckCharacterValues() {
        XCTAssertEqual(USCC.organizationCheckCharacter(forFirst8: "MA2XN6B1"), "0")
        XCTAssertEqual(USCC.organizationCheckCharacter(forFirst8: "12345678"), "8")
        XCTAssertEqual(USCC.organizationCheckCharacter(forFirst8: "10000018"), "X")
        XCTAssertEqual(USCC.organizationCheckCharacter(forFirst8: "10000004"), "0")
        XCTAssertNil(USCC.organizationCheckCharacter(forFirst8: "1000000"))
    }

    func testUSCCForbiddenLettersAreInvalidFormat() {
        for letter in ["I", "O", "Z", "S", "V"] {
            let code = "91350100MA2XN6B1" + letter + "1"
            let error = violation { () throws(DomainViolation) in try USCC.parse(code) }
            XCTAssertEqual(error?.reason, "invalid_format", code)
        }
    }

    func testUSCCWrongLengthIsInvalidFormat() {
        for code in ["", "91350100MA2XN6B10", "91350100MA2XN6B1011", "９1350100MA2XN6B101"] {
            let error = violation { () throws(DomainViolation) in try USCC.parse(code) }
            XCTAssertEqual(error?.reason, "invalid_format", code)
        }
    }

    func testUSCCUnknownAuthorityIsRejected() {
        let error = violation { () throws(DomainViolation) in try USCC.parse(usccWith("B1")) }

        XCTAssertEqual(error?.reason, "unknown_registration_authority")
    }

    func testUSCCUnknownCategoryIsRejected() {
        let error = violation { () throws(DomainViolation) in try USCC.parse(usccWith("94")) }

        XCTAssertEqual(error?.reason, "unknown_organization_category")
    }

    func testUSCCUnknownProvinceInDivisionIsRejected() {
        let first17 = "91990100MA2XN6B10"
        let code = first17 + String(USCC.checkCharacter(forFirst17: first17)!)

        let error = violation { () throws(DomainViolation) in try USCC.parse(code) }

        XCTAssertEqual(error?.reason, "unknown_division_code")
    }

    func testUSCCDevelopmentZoneAndNationalDivisionsAreAccepted() throws {
        XCTAssertEqual(try USCC.parse("52320571MJ5Q3L0Y49").divisionCode, "320571")
        XCTAssertEqual(try USCC.parse("12100000400007623W").divisionCode, "100000")
    }

    func testUSCCFixtureEntitiesAllPass() throws {
        guard let entities = try fixtureRecords("entities.jsonl") else {
            throw XCTSkip("fixtures folder not found")
        }
        var checked = 0
        for entity in entities {
            guard let code = entity["uscc"] as? String else {
                continue
            }
            XCTAssertNoThrow(try USCC.parse(code), code)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 300)
    }

    /// Replaces the first two characters of a valid code and recomputes the check character.
    private func usccWith(_ prefix: String) -> String {
        let first17 = prefix + "350100MA2XN6B10"
        return first17 + String(USCC.checkCharacter(forFirst17: first17)!)
    }
}
