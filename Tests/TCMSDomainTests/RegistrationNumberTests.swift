import Foundation
import XCTest

@testable import TCMSDomain

final class RegistrationNumberTests: XCTestCase {
    func testMakeLaysOutSixteenDigits() throws {
        let number = try RegistrationNumber.make(year: 2026, divisionCode: "350100", sequence: 1)

        XCTAssertEqual(number.description, "2026350100000001")
        XCTAssertEqual(number.description.count, 16)
    }

    func testLastSequenceAccepted() throws {
        let number = try RegistrationNumber.make(
            year: 2026, divisionCode: "350100", sequence: 999_999)

        XCTAssertEqual(number.description, "2026350100999999")
    }

    func testSeventhSequenceDigitExhausted() {
        let error = violation { () throws(DomainViolation) in
            try RegistrationNumber.make(year: 2026, divisionCode: "350100", sequence: 1_000_000)
        }

        XCTAssertEqual(error?.reason, "sequence_exhausted")
    }

    func testSequenceBelowOneRejected() {
        for sequence in [0, -1] {
            let error = violation { () throws(DomainViolation) in
                try RegistrationNumber.make(year: 2026, divisionCode: "350100", sequence: sequence)
            }
            XCTAssertEqual(error?.reason, "invalid_sequence")
        }
    }

    func testBadDivisionCodeRejected() {
        for code in ["35010", "3501000", "35010A", "", "３５０１００"] {
            let error = violation { () throws(DomainViolation) in
                try RegistrationNumber.make(year: 2026, divisionCode: code, sequence: 1)
            }
            XCTAssertEqual(error?.reason, "invalid_division_code", code)
        }
    }

    func testBadYearRejected() {
        for year in [999, 10000] {
            let error = violation { () throws(DomainViolation) in
                try RegistrationNumber.make(year: year, divisionCode: "350100", sequence: 1)
            }
            XCTAssertEqual(error?.reason, "invalid_registration_year")
        }
    }

    func testYearTakenInChinaTime() throws {
        let instant = ChinaTime.parseTimestamp("2025-12-31T16:30:00Z")!

        let number = try RegistrationNumber.make(
            approvedAt: instant, divisionCode: "350100", sequence: 7)

        XCTAssertEqual(number.year, 2026)
        XCTAssertEqual(number.description, "2026350100000007")
    }

    func testParseRoundTrip() throws {
        let number = try RegistrationNumber.parse("2026350100000123")

        XCTAssertEqual(number.year, 2026)
        XCTAssertEqual(number.divisionCode, "350100")
        XCTAssertEqual(number.sequence, 123)
        XCTAssertEqual(number.description, "2026350100000123")
    }

    func testParseRejectsMalformed() {
        let inputs = [
            "", "202635010000012", "20263501000001234", "2026350100000000",
            "0000350100000001", "2026-350100-0001", "2026350100000O12", " 2026350100000123",
            "２０２６350100000123",
        ]

        for input in inputs {
            let error = violation { () throws(DomainViolation) in
                try RegistrationNumber.parse(input)
            }
            XCTAssertEqual(error?.reason, "invalid_registration_number", input)
        }
    }
}
