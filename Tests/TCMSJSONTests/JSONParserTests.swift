import XCTest

@testable import TCMSJSON

final class JSONParserTests: XCTestCase {
    private func parse(_ text: String) throws -> JSON {
        try JSONParser.parse(text)
    }

    private func parseError(_ bytes: [UInt8]) -> JSONParseError.Kind? {
        do {
            _ = try JSONParser.parse(bytes)
            return nil
        } catch {
            return error.kind
        }
    }

    func testBooleansAndIntegersStayApart() throws {
        XCTAssertEqual(try parse("true"), .bool(true))
        XCTAssertEqual(try parse("1"), .int(1))
        XCTAssertNil(try parse("true").intValue)
        XCTAssertNil(try parse("1").boolValue)
    }

    func testFractionalNumbersAreDoubles() throws {
        XCTAssertEqual(try parse("2.0"), .double(2.0))
        XCTAssertEqual(try parse("2.0").intValue, 2)
        XCTAssertNil(try parse("2.5").intValue)
        XCTAssertEqual(try parse("-1e3"), .double(-1000))
    }

    func testIntegerBeyondInt64BecomesDouble() throws {
        XCTAssertEqual(try parse("92233720368547758070"), .double(9.223372036854775807e19))
    }

    func testObjectKeepsMemberOrder() throws {
        let value = try parse(#"{"b":1,"a":[true,null,"x"]}"#)
        XCTAssertEqual(value.objectValue?.keys, ["b", "a"])
        XCTAssertEqual(value["a"], .array([.bool(true), .null, .string("x")]))
    }

    func testDuplicateKeyIsRejected() {
        XCTAssertEqual(parseError(Array(#"{"a":1,"a":2}"#.utf8)), .duplicateKey)
    }

    func testChineseTextRoundTrips() throws {
        let text = #"{"name":"福建青岚环保科技有限公司"}"#
        let value = try parse(text)
        XCTAssertEqual(value["name"], .string("福建青岚环保科技有限公司"))
        XCTAssertEqual(value.encodedString(), text)
    }

    func testInvalidUTF8IsRejected() {
        let prefix = Array(#"{"name":""#.utf8)
        let suffix = Array(#""}"#.utf8)
        let cases: [[UInt8]] = [
            [0xC3, 0x28],  // lead byte followed by ASCII
            [0xFF],  // never valid
            [0xED, 0xA0, 0x80],  // encoded surrogate U+D800
            [0xC0, 0xAF],  // overlong slash
            [0xE5, 0xB2],  // truncated three-byte sequence
            [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
        ]
        for bytes in cases {
            XCTAssertEqual(parseError(prefix + bytes + suffix), .invalidUTF8, "\(bytes)")
        }
        XCTAssertEqual(parseError([0xFF]), .invalidUTF8)
    }

    func testLoneSurrogateEscapeIsRejected() {
        XCTAssertEqual(parseError(Array(#""\ud800""#.utf8)), .loneSurrogate)
        XCTAssertEqual(parseError(Array(#""\udc00x""#.utf8)), .loneSurrogate)
        XCTAssertEqual(parseError(Array(#""\ud800\u0041""#.utf8)), .loneSurrogate)
    }

    func testSurrogatePairEscapeDecodes() throws {
        XCTAssertEqual(try parse(#""\ud83d\ude00""#), .string("😀"))
    }

    func testDeepNestingIsRejected() {
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        XCTAssertEqual(parseError(Array(deep.utf8)), .tooDeep)
        let allowed = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        XCTAssertNil(parseError(Array(allowed.utf8)))
    }

    func testMalformedDocumentsAreRejected() {
        let cases: [(String, JSONParseError.Kind)] = [
            ("", .unexpectedEnd),
            ("{", .unexpectedEnd),
            ("[1,]", .unexpectedCharacter),
            ("01", .trailingData),
            ("1.", .invalidNumber),
            ("-", .invalidNumber),
            ("tru", .unexpectedEnd),
            ("nul1", .unexpectedCharacter),
            (#"{"a" 1}"#, .unexpectedCharacter),
            (#""a\x""#, .invalidEscape),
            ("\"a\u{01}\"", .controlCharacterInString),
            ("{} {}", .trailingData),
        ]
        for (text, kind) in cases {
            XCTAssertEqual(parseError(Array(text.utf8)), kind, text)
        }
    }

    func testParseErrorDoesNotEchoInput() {
        do {
            _ = try JSONParser.parse(Array(#"{"secret":"abc"#.utf8) + [0xC3, 0x28])
            XCTFail("expected a parse error")
        } catch {
            XCTAssertFalse(error.description.contains("secret"))
        }
    }
}
