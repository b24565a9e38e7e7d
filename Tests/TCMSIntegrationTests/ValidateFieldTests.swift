import Foundation
import TCMSJSON
import XCTest

/// `validate.field` gives the same verdicts and reasons as registration.
final class ValidateFieldTests: XCTestCase {
    func testEachKindGivesRegistrationVerdict() throws {
        let daemon = try DaemonProcess(self)
        let client = try RawClient(path: daemon.socketPath)
        let cases: [(JSON, String?, String?)] = [
            (["kind": "documentNumber", "value": "35010219871123006x"], "35010219871123006X", nil),
            (["kind": "documentNumber", "value": "350102198711230060"], nil,
             "invalid_check_character"),
            (["kind": "documentNumber", "value": "350102871123456"], nil, "first_generation_id"),
            (["kind": "documentNumber", "value": "h03920417",
              "documentType": "hk_macau_resident_permit"], "H03920417", nil),
            (["kind": "documentNumber", "value": "05813377",
              "documentType": "taiwan_resident_permit"], "05813377", nil),
            (["kind": "uscc", "value": "9135010219wxhw6n5t"], "9135010219WXHW6N5T", nil),
            (["kind": "uscc", "value": "9135010219WXHW6N5I"], nil, "invalid_format"),
            (["kind": "divisionCode", "value": "350102"], "350102", nil),
            (["kind": "divisionCode", "value": "999999"], nil, "invalid_code"),
            (["kind": "postcode", "value": "3500"], nil, "invalid_postcode"),
            (["kind": "mobile", "value": "12345678901"], nil, "invalid_mobile"),
            (["kind": "email", "value": "a@b.example"], "a@b.example", nil),
            (["kind": "loginName", "value": "ab"], nil, "invalid_login_name"),
            (["kind": "password", "value": "short"], nil, "password_too_short"),
        ]
        for (params, value, reason) in cases {
            let reply = try client.result("validate.field", params)
            let label = params.encodedString()
            XCTAssertEqual(reply["valid"], .bool(reason == nil), label)
            XCTAssertEqual(reply["value"]?.stringValue, value, label)
            XCTAssertEqual(
                reply["problems"]?.arrayValue?.first?["reason"]?.stringValue, reason, label)
        }
    }

    func testUnknownKindIsInvalidParams() throws {
        let daemon = try DaemonProcess(self)
        let reply = try RawClient(path: daemon.socketPath).call(
            "validate.field", ["kind": "shoeSize", "value": "42"])
        XCTAssertEqual(reply.errorCode, -32602)
        XCTAssertEqual(reply.errorReason, "unknown_kind")
    }
}
