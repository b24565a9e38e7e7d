import XCTest

@testable import TCMSDomain

final class PermitNumberTests: XCTestCase {
    private func normalise(_ input: String, _ type: DocumentType) throws(DomainViolation)
        -> String
    {
        try PermitNumber.normalise(input, type: type)
    }

    private func assertInvalid(
        _ input: String, _ type: DocumentType, line: UInt = #line
    ) {
        let error = violation(
            { () throws(DomainViolation) in try normalise(input, type) }, line: line)
        XCTAssertEqual(error?.reason, "invalid_format", input, line: line)
    }

    func testHKMacauResidentPermitEightDigitsAreAccepted() throws {
        XCTAssertEqual(try normalise("H03920417", .hkMacauResidentPermit), "H03920417")
        XCTAssertEqual(try normalise("M58102266", .hkMacauResidentPermit), "M58102266")
    }

    func testHKMacauResidentPermitLowercaseIsNormalised() throws {
        XCTAssertEqual(try normalise("h03920417", .hkMacauResidentPermit), "H03920417")
        XCTAssertEqual(try normalise("m58102266", .hkMacauResidentPermit), "M58102266")
    }

    func testHKMacauResidentPermitWithIssueDigitsIsAccepted() throws {
        XCTAssertEqual(try normalise("H0392041701", .hkMacauResidentPermit), "H0392041701")
    }

    func testHKMacauResidentPermitMalformedIsRejected() {
        for input in ["H0392041", "H039204170", "X03920417", "03920417", "H0392041A"] {
            assertInvalid(input, .hkMacauResidentPermit)
        }
    }

    func testTaiwanResidentPermitEightDigitsAreAccepted() throws {
        XCTAssertEqual(try normalise("05813377", .taiwanResidentPermit), "05813377")
    }

    func testTaiwanResidentPermitOlderTenCharactersAreAccepted() throws {
        XCTAssertEqual(try normalise("0581337712", .taiwanResidentPermit), "0581337712")
        XCTAssertEqual(try normalise("058133771b", .taiwanResidentPermit), "058133771B")
    }

    func testTaiwanResidentPermitMalformedIsRejected() {
        for input in ["0581337", "058133770", "A0581337", "05813377123"] {
            assertInvalid(input, .taiwanResidentPermit)
        }
    }

    func testHKMacauTravelPermitFormats() throws {
        XCTAssertEqual(try normalise("C12345678", .hkMacauTravelPermit), "C12345678")
        XCTAssertEqual(try normalise("w12345678", .hkMacauTravelPermit), "W12345678")
        for input in ["C1234567", "12345678", "CA1234567", "C123456789"] {
            assertInvalid(input, .hkMacauTravelPermit)
        }
    }

    func testTaiwanTravelPermitFormats() throws {
        XCTAssertEqual(try normalise("12345678", .taiwanTravelPermit), "12345678")
        XCTAssertEqual(try normalise("l12345678", .taiwanTravelPermit), "L12345678")
        for input in ["1234567", "LL2345678", "123456789"] {
            assertInvalid(input, .taiwanTravelPermit)
        }
    }

    func testForeignPermanentResidentCardFormats() throws {
        XCTAssertEqual(
            try normalise("usa310085060101", .foreignPermanentResidentCard), "USA310085060101")
        // An 18-character card number is not held to the GB 11643 check character.
        let wrongIDCheck = "935010219871123006"
        XCTAssertNotEqual(
            ResidentID.checkCharacter(forFirst17: String(wrongIDCheck.prefix(17))), "6")
        XCTAssertEqual(try normalise(wrongIDCheck, .foreignPermanentResidentCard), wrongIDCheck)
        for input in ["US310085060101", "USA31008506010", "835010219871123006"] {
            assertInvalid(input, .foreignPermanentResidentCard)
        }
    }

    func testForeignPassportFormats() throws {
        XCTAssertEqual(try normalise("e99492489", .foreignPassport), "E99492489")
        XCTAssertEqual(try normalise("A1234", .foreignPassport), "A1234")
        for input in ["A123", String(repeating: "A", count: 21), "E9949-2489", "E99492489 "] {
            assertInvalid(input, .foreignPassport)
        }
    }

    func testPermitNumbersNeverUseIDChecksum() throws {
        let document = try DocumentNumber(
            type: .taiwanResidentPermit, input: "05813377", today: testToday)

        XCTAssertEqual(document.value, "05813377")
        XCTAssertNil(document.residentID)
        XCTAssertEqual(document.masked, "05*****77")
    }

    func testPermitMessageNamesTheDocumentAndFormat() {
        let error = violation { () throws(DomainViolation) in
            try normalise("H0392041", .hkMacauResidentPermit)
        }

        XCTAssertEqual(
            error?.message,
            "Invalid hk_macau_resident_permit number: expected H or M followed by 8 or 10 digits.")
        XCTAssertTrue(error?.messageZh.hasPrefix("港澳居民往来内地通行证号码格式无效") ?? false)
    }

    func testDocumentTypeCodesLabelsAndVerification() {
        let expected: [(String, String, VerificationMethod)] = [
            ("resident_id", "居民身份证", .online),
            ("foreign_permanent_resident_card", "外国人永久居留证", .manual),
            ("hk_macau_travel_permit", "往来港澳通行证", .online),
            ("taiwan_travel_permit", "往来台湾通行证", .online),
            ("hk_macau_resident_permit", "港澳居民往来内地通行证", .online),
            ("taiwan_resident_permit", "台湾居民来往大陆通行证", .online),
            ("foreign_passport", "境外护照", .manual),
        ]
        XCTAssertEqual(DocumentType.allCases.map(\.rawValue), expected.map(\.0))
        for (code, label, verification) in expected {
            let type = DocumentType(rawValue: code)
            XCTAssertEqual(type?.label, label, code)
            XCTAssertEqual(type?.verification, verification, code)
            XCTAssertEqual(DocumentType(label: label), type, code)
        }
    }

    func testPermitFixturePersonsAllPass() throws {
        guard let persons = try fixtureRecords("persons.jsonl") else {
            throw XCTSkip("fixtures folder not found")
        }
        for person in persons where person["documentType"] as? String != "resident_id" {
            let type = try XCTUnwrap(DocumentType(rawValue: person["documentType"] as! String))
            let number = person["documentNumber"] as! String
            XCTAssertEqual(try normalise(number, type), number)
        }
    }
}
