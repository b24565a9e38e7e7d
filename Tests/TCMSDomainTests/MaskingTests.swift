import XCTest

@testable import TCMSDomain

final class MaskingTests: XCTestCase {
    func testMaskingLongNumberKeepsFourAndFour() {
        XCTAssertEqual(Masking.mask("110101199003077216"), "1101*****7216")
        XCTAssertEqual(Masking.mask("USA310085060101"), "USA3*****0101")
        XCTAssertEqual(Masking.mask("123456789012"), "1234*****9012")
    }

    func testMaskingShortNumberKeepsTwoAndTwo() {
        XCTAssertEqual(Masking.mask("H12345678"), "H1*****78")
        XCTAssertEqual(Masking.mask("12345678901"), "12*****01")
        XCTAssertEqual(Masking.mask("A1234"), "A1*****34")
    }

    func testMaskingTinyValueHidesEverything() {
        XCTAssertEqual(Masking.mask("1234"), "*****")
        XCTAssertEqual(Masking.mask(""), "*****")
    }

    func testMaskingMobileKeepsTwoAndThree() {
        XCTAssertEqual(Masking.maskMobile("18912345609"), "18*****609")
        XCTAssertEqual(Masking.maskMobile("12345"), "*****")
    }

    func testMaskingResidentIDDescriptionIsMasked() throws {
        let id = try ResidentID.parse("35010219871123006X", today: testToday)

        XCTAssertEqual("\(id)", "3501*****006X")
    }

    func testMobileNumberValidation() {
        for valid in ["13012345678", "19912345678", "17188858697"] {
            XCTAssertTrue(MobileNumber.isValid(valid), valid)
        }
        let invalid = [
            "12012345678", "10012345678", "1301234567", "130123456789", "23012345678",
            "1301234567a", "+8613012345678", "１3012345678", "",
        ]
        for value in invalid {
            XCTAssertFalse(MobileNumber.isValid(value), value)
        }
        let error = violation { () throws(DomainViolation) in
            try MobileNumber.validate("12012345678")
        }
        XCTAssertEqual(error?.reason, "invalid_mobile")
    }
}
