import XCTest

@testable import TCMSDomain

final class ResidentIDTests: XCTestCase {
    private func parse(_ number: String) throws(DomainViolation) -> ResidentID {
        try ResidentID.parse(number, today: testToday)
    }

    func testResidentIDUppercaseXIsAccepted() throws {
        let id = try parse("35010219871123006X")

        XCTAssertEqual(id.number, "35010219871123006X")
        XCTAssertEqual(id.birthDate, CivilDate(year: 1987, month: 11, day: 23))
        XCTAssertEqual(id.gender, .female)
    }

    func testResidentIDLowercaseXIsNormalised() throws {
        let upper = try parse("35010219871123006X")
        let lower = try parse("35010219871123006x")

        XCTAssertEqual(lower.number, "35010219871123006X")
        XCTAssertEqual(lower, upper)
    }

    func testResidentIDImportedLowercaseXIsNormalised() throws {
        XCTAssertEqual(try parse("44030519930614018x").number, "44030519930614018X")
    }

    func testResidentIDWrongCheckCharacterIsNamed() {
        let error = violation { () throws(DomainViolation) in try parse("350102198711230060") }

        XCTAssertEqual(error?.reason, "invalid_check_character")
        XCTAssertTrue(error?.message.contains("check character 0") ?? false)
        XCTAssertTrue(error?.messageZh.contains("校验码 0") ?? false)
    }

    func testResidentIDRealBirthDatesAreAccepted() throws {
        let cases = [
            ("320106200002292153", "2000-02-29"), ("320106199602292151", "1996-02-29"),
            ("320106199110152152", "1991-10-15"), ("320106199912312154", "1999-12-31"),
            ("320106190010292157", "1900-10-29"),
        ]
        for (number, date) in cases {
            let id = try parse(number)
            XCTAssertEqual(id.birthDate.description, date, number)
            XCTAssertEqual(id.gender, .male, number)
            XCTAssertEqual(id.disagreements(birthDate: CivilDate(date), gender: .male), [])
        }
    }

    func testResidentIDImpossibleBirthDatesNameTheDate() {
        let cases = [
            ("320106190002292157", "1900-02-29"), ("320106202302292154", "2023-02-29"),
            ("320106200002302155", "2000-02-30"), ("320106198504312150", "1985-04-31"),
            ("320106198500002155", "1985-00-00"), ("320106198513002154", "1985-13-00"),
            ("320106198501002157", "1985-01-00"), ("320106198501322150", "1985-01-32"),
        ]
        for (number, date) in cases {
            let error = violation { () throws(DomainViolation) in try parse(number) }
            XCTAssertEqual(error?.reason, "invalid_birth_date", number)
            XCTAssertTrue(error?.message.contains(date) ?? false, number)
            XCTAssertTrue(error?.messageZh.contains(date) ?? false, number)
        }
    }

    func testResidentIDBirthDateTomorrowIsRejected() {
        let number = residentNumber("32010620261205215")

        let error = violation { () throws(DomainViolation) in try parse(number) }

        XCTAssertEqual(error?.reason, "invalid_birth_date")
        XCTAssertTrue(error?.message.contains("2026-12-05") ?? false)
    }

    func testResidentIDBirthDateTodayIsAccepted() throws {
        XCTAssertEqual(try parse(residentNumber("32010620261204215")).birthDate, testToday)
    }

    /// Every month/day value 00-13 and 00-32 in 2000, 2023 and 2026 with a correct check
    /// character: accepted exactly when the date exists and is not after today.
    func testResidentIDBirthDateSweep() {
        for year in [2000, 2023, 2026] {
            for month in 0...13 {
                for day in 0...32 {
                    let digits = String(format: "320106%04d%02d%02d215", year, month, day)
                    let number = residentNumber(digits)
                    let date = CivilDate(year: year, month: month, day: day)
                    let expected = date.map { $0 <= testToday } ?? false

                    let result = Result { () throws(DomainViolation) in try parse(number) }
                    switch result {
                    case .success(let id):
                        XCTAssertTrue(expected, "\(number) accepted")
                        XCTAssertEqual(id.birthDate, date, number)
                    case .failure(let error):
                        XCTAssertFalse(expected, "\(number) rejected: \(error)")
                        XCTAssertEqual(error.reason, "invalid_birth_date", number)
                    }
                }
            }
        }
    }

    func testResidentIDBadDateBeforeChecksum() {
        let error = violation { () throws(DomainViolation) in try parse("320106200002301111") }

        XCTAssertEqual(error?.reason, "invalid_birth_date")
    }

    func testResidentIDMergedAwayDistrictIsAccepted() throws {
        let id = try parse("110103197504190429")

        XCTAssertEqual(id.addressCode, "110103")
        XCTAssertNil(id.residencePermitRegion)
    }

    func testResidentIDUnknownAddressCodeIsNamed() {
        let error = violation { () throws(DomainViolation) in try parse("119901197504190428") }

        XCTAssertEqual(error?.reason, "unknown_address_code")
        XCTAssertTrue(error?.message.contains("119901") ?? false)
    }

    func testResidentIDUnknownAddressBeforeChecksum() {
        let error = violation { () throws(DomainViolation) in try parse("119901197504190420") }

        XCTAssertEqual(error?.reason, "unknown_address_code")
    }

    func testResidentIDCodeAbolishedBeforeBirthYearIsRejected() {
        let number = residentNumber("11010320110419042")

        let error = violation { () throws(DomainViolation) in try parse(number) }

        XCTAssertEqual(error?.reason, "address_code_abolished")
        XCTAssertTrue(error?.message.contains("110103") ?? false)
    }

    func testResidentIDCodeAbolishedInBirthYearIsAccepted() {
        XCTAssertNoThrow(try parse(residentNumber("11010320100419042")))
    }

    func testResidentIDCodeCreatedAfterBirthYearIsAccepted() throws {
        let id = try parse(residentNumber("44190019700101001"))

        XCTAssertEqual(id.addressCode, "441900")
        XCTAssertEqual(id.birthDate.year, 1970)
    }

    func testResidentIDProvinceCodeIsRejected() {
        let error = violation { () throws(DomainViolation) in
            try parse(residentNumber("11000019800101001"))
        }

        XCTAssertEqual(error?.reason, "invalid_address_code")
    }

    func testResidentIDResidencePermitNumbersAreAccepted() throws {
        let cases: [(String, ResidencePermitRegion)] = [
            ("810000198407163117", .hongKong), ("820000198407163119", .macau),
            ("830000198407163110", .taiwan),
        ]
        for (number, region) in cases {
            let id = try parse(number)
            XCTAssertEqual(id.residencePermitRegion, region, number)
            XCTAssertEqual(id.gender, .male, number)
        }
    }

    func testResidentIDResidencePermitBornBefore1997IsAccepted() {
        XCTAssertNoThrow(try parse(residentNumber("81000019500101002")))
    }

    func testResidentIDResidencePermitWrongCheckCharacterIsRejected() {
        let error = violation { () throws(DomainViolation) in try parse("810000198407163110") }

        XCTAssertEqual(error?.reason, "invalid_check_character")
    }

    func testResidentIDGenderAndBirthDateDisagreementsAreListed() throws {
        let id = try parse("35010219871123006X")

        let reasons = id.disagreements(birthDate: CivilDate("1987-11-24"), gender: .male)
            .map(\.reason)

        XCTAssertEqual(reasons, ["birth_date_mismatch", "gender_mismatch"])
    }

    func testResidentIDMalformedInputsAreInvalidFormat() {
        let inputs = [
            "", "35010219871123006", "3501021987112300600", "35010219871123006Y",
            "3501021987112300X6", "35010219871123006Ｘ", "３50102198711230069",
            " 35010219871123006X",
        ]
        for input in inputs {
            let error = violation { () throws(DomainViolation) in try parse(input) }
            XCTAssertEqual(error?.reason, "invalid_format", input)
        }
    }

    func testResidentIDFirstGenerationMalformedIsInvalidFormat() {
        for input in ["ABCDEFGHIJKLMNO", "35010287112345X"] {
            let error = violation { () throws(DomainViolation) in try parse(input) }
            XCTAssertEqual(error?.reason, "invalid_format", input)
            XCTAssertFalse(error?.message.contains("350102198711234562") ?? true, input)
        }
    }

    func testResidentIDFirstGenerationBadDateNamesTheDate() {
        let error = violation { () throws(DomainViolation) in try parse("350102871323456") }

        XCTAssertEqual(error?.reason, "invalid_birth_date")
        XCTAssertTrue(error?.message.contains("1987-13-23") ?? false)
    }

    func testResidentIDFirstGenerationShowsEighteenCharacterForm() {
        let error = violation { () throws(DomainViolation) in try parse("350102871123456") }

        XCTAssertEqual(error?.reason, "first_generation_id")
        XCTAssertTrue(error?.message.contains("350102198711234562") ?? false)
        XCTAssertTrue(error?.messageZh.contains("350102198711234562") ?? false)
    }

    func testFirstGenerationConversion() {
        XCTAssertEqual(
            FirstGenerationID.eighteenCharacterForm(of: "350102871123456"), "350102198711234562")
        XCTAssertNil(FirstGenerationID.eighteenCharacterForm(of: "35010287112345X"))
        XCTAssertNil(FirstGenerationID.eighteenCharacterForm(of: "35010287112345"))
    }

    func testResidentIDDocumentNumberStoresUppercase() throws {
        let document = try DocumentNumber(
            type: .residentID, input: "35010219871123006x", today: testToday)

        XCTAssertEqual(document.value, "35010219871123006X")
        XCTAssertEqual(document.masked, "3501*****006X")
        XCTAssertEqual(document.residentID?.gender, .female)
    }

    func testResidentIDFixturePersonsAllPass() throws {
        guard let persons = try fixtureRecords("persons.jsonl") else {
            throw XCTSkip("fixtures folder not found")
        }
        var checked = 0
        for person in persons where person["documentType"] as? String == "resident_id" {
            let number = person["documentNumber"] as! String
            let id = try ResidentID.parse(number, today: testToday)
            let birthDate = CivilDate(person["birthDate"] as! String)
            let gender = Gender(label: person["gender"] as! String)
            XCTAssertEqual(id.disagreements(birthDate: birthDate, gender: gender), [], number)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 1000)
    }

    func testResidentIDFixtureLegalRepresentativesAllPass() throws {
        guard let entities = try fixtureRecords("entities.jsonl") else {
            throw XCTSkip("fixtures folder not found")
        }
        for entity in entities where entity["legalRepDocumentType"] as? String == "resident_id" {
            let number = entity["legalRepDocumentNumber"] as! String
            XCTAssertNoThrow(try ResidentID.parse(number, today: testToday), number)
        }
    }
}
