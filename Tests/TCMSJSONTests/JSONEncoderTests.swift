import XCTest

@testable import TCMSJSON

final class JSONEncoderTests: XCTestCase {
    func testBooleansEncodeAsLiterals() {
        let value: JSON = ["taken": true, "allowed": false, "count": 1]
        XCTAssertEqual(value.encodedString(), #"{"taken":true,"allowed":false,"count":1}"#)
    }

    func testControlCharactersAreEscaped() {
        let value = JSON.string("a\"b\\c\nd\u{01}")
        XCTAssertEqual(value.encodedString(), #""a\"b\\c\nd\u0001""#)
    }

    func testEncodedTextParsesBack() throws {
        let value: JSON = ["list": [1, 2.5, "三", nil, ["k": false]], "empty": [:]]
        XCTAssertEqual(try JSONParser.parse(value.encoded()), value)
    }

    func testNonFiniteDoubleEncodesAsNull() {
        XCTAssertEqual(JSON.double(.infinity).encodedString(), "null")
    }
}
