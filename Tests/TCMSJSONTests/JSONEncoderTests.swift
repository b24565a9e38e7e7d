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

final class JSONEncoderControlTests: XCTestCase {
    func testInvisibleControlsAreEscaped() {
        let value = JSON.string("a\u{9B}b\u{202E}c\u{2066}d\u{2028}e中")
        XCTAssertEqual(value.encodedString(), #""a\u009bb\u202ec\u2066d\u2028e中""#)
    }

    func testEscapedControlsParseBackToTheSameText() throws {
        let text = "x\u{85}\u{202A}\u{2069}y"
        XCTAssertEqual(try JSONParser.parse(JSON.string(text).encoded()), .string(text))
    }

    func testKeysDifferingOnlyInNormalisationAreDistinct() throws {
        let value = try JSONParser.parse(#"{"caf\u00e9":1,"cafe\u0301":2}"#)
        XCTAssertEqual(value.objectValue?.count, 2)
        XCTAssertEqual(value["caf\u{E9}"], 1)
        XCTAssertEqual(value["cafe\u{301}"], 2)
    }
}
