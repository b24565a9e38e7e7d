import Foundation
import TCMSJSON
import XCTest

/// `person.register` and `person.get` over the socket: every document type, the resident-ID
/// rules, duplicates on the normalised number, masking, and nothing stored after a refusal.
final class PersonRegistrationTests: XCTestCase {
    private var daemon: DaemonProcess!
    private let mobiles = MobileNumbers()

    override func setUpWithError() throws {
        let directory = makeTemporaryDirectory(self)
        let clock = TestClock(self, directory: directory)
        daemon = try DaemonProcess(self, directory: directory, environment: clock.environment)
    }

    /// Registers with `changes` applied to a valid woman's params, proving a fresh number.
    private func register(_ login: String, _ changes: [String: JSON] = [:]) throws -> JSON {
        let mobile = mobiles.make()
        let proof = try daemon.proveMobile(mobile)
        let params = personParams(login: login, mobile: mobile, proof: proof).with(changes)
        return try RawClient(path: daemon.socketPath).call("person.register", params)
    }

    /// Asserts a rejection with `reason` on `field` and that no person or account was stored.
    private func assertRejected(
        _ reply: JSON, _ reason: String, field: String = "params.documentNumber",
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        XCTAssertEqual(reply.errorCode, 2001, reply.encodedString(), file: file, line: line)
        XCTAssertTrue(reply.errorReasons.contains(reason), "\(reply.errorReasons)", file: file,
                      line: line)
        XCTAssertTrue(reply.errorFields.contains(field), "\(reply.errorFields)", file: file,
                      line: line)
        XCTAssertEqual(try daemon.count("persons"), storedBefore, file: file, line: line)
        XCTAssertEqual(try daemon.count("accounts"), storedBefore, file: file, line: line)
    }

    private var storedBefore: Int64 = 0

    func testLowerCaseXNormalisedAndDuplicate() throws {
        let first = try register("lin_xiaomei")
        XCTAssertEqual(first["result"]?["documentNumber"], "35010219871123006X")
        XCTAssertEqual(first["result"]?["verificationStatus"], "verified")
        XCTAssertEqual(first["result"]?["verificationStatusLabel"], "国家平台实名认证通过")

        let second = try register("lin_other", ["documentNumber": "35010219871123006x"])
        XCTAssertEqual(second.errorCode, 4009)
        XCTAssertEqual(second.errorReason, "document_already_registered")
        XCTAssertEqual(second["error"]?["data"]?["field"], "params.documentNumber")
        XCTAssertEqual(try daemon.count("persons"), 1)
        XCTAssertEqual(try daemon.count("accounts"), 1)
    }

    func testWrongCheckCharacterIsNamed() throws {
        let reply = try register("lin_xiaomei", ["documentNumber": "350102198711230060"])
        try assertRejected(reply, "invalid_check_character")
        XCTAssertTrue(reply["error"]?["message"]?.stringValue?.contains("check character") ?? false)
    }

    func testBirthDatesThatExistAreAccepted() throws {
        let accepted: [(String, String)] = [
            ("320106200002292153", "2000-02-29"), ("320106199602292151", "1996-02-29"),
            ("320106199110152152", "1991-10-15"), ("320106199912312154", "1999-12-31"),
            ("320106190010292157", "1900-10-29"),
        ]
        for (index, (number, birthDate)) in accepted.enumerated() {
            let reply = try register(
                "person_\(index)",
                ["documentNumber": .string(number), "birthDate": .string(birthDate),
                 "gender": "male"])
            XCTAssertEqual(reply["result"]?["birthDate"]?.stringValue, birthDate, number)
            XCTAssertEqual(reply["result"]?["gender"], "male", number)
        }
        XCTAssertEqual(try daemon.count("persons"), 5)
    }

    func testImpossibleBirthDatesRejected() throws {
        let impossible = [
            "320106190002292157", "320106202302292154", "320106200002302155", "320106198504312150",
            "320106198500002155", "320106198513002154", "320106198501002157", "320106198501322150",
            withCheckCharacter("32010620260302215"),
        ]
        for number in impossible {
            let reply = try register("person_x", ["documentNumber": .string(number),
                                                  "birthDate": nil, "gender": nil])
            try assertRejected(reply, "invalid_birth_date")
            XCTAssertFalse(reply.errorReasons.contains("invalid_check_character"), number)
        }
    }

    func testFirstGenerationNumbersRejected() throws {
        let cases: [(String, String)] = [
            ("ABCDEFGHIJKLMNO", "invalid_format"), ("35010287112345X", "invalid_format"),
            ("350102871323456", "invalid_birth_date"), ("350102871123456", "first_generation_id"),
        ]
        for (number, reason) in cases {
            let reply = try register("person_x", ["documentNumber": .string(number),
                                                  "birthDate": nil, "gender": nil])
            try assertRejected(reply, reason)
        }
        let old = try register("person_x", ["documentNumber": "350102871123456", "birthDate": nil,
                                            "gender": nil])
        XCTAssertTrue(
            old["error"]?["message"]?.stringValue?.contains("350102198711234562") ?? false)
    }

    func testAddressCodesFollowTheirValidity() throws {
        let merged = try register(
            "merged_away", ["documentNumber": "110103197504190429", "birthDate": nil,
                            "gender": nil])
        XCTAssertNotNil(merged["result"], merged.encodedString())
        storedBefore = 1

        let never = try register(
            "never_was", ["documentNumber": "119901197504190428", "birthDate": nil,
                          "gender": nil])
        try assertRejected(never, "unknown_address_code")
    }

    func testResidencePermitNumbersAreResidentIDs() throws {
        for (index, number) in ["810000198407163117", "820000198407163119", "830000198407163110"]
            .enumerated()
        {
            let reply = try register(
                "permit_\(index)",
                ["documentNumber": .string(number), "identityType": "hmt", "birthDate": nil,
                 "gender": nil])
            XCTAssertEqual(reply["result"]?["documentNumber"]?.stringValue, number)
        }
    }

    func testPermitNumbersUseTheirOwnFormats() throws {
        let good: [(String, String, String)] = [
            ("hk_macau_resident_permit", "H03920417", "H03920417"),
            ("hk_macau_resident_permit", "M58102266", "M58102266"),
            ("taiwan_resident_permit", "05813377", "05813377"),
        ]
        for (index, (type, number, stored)) in good.enumerated() {
            let reply = try register(
                "permit_\(index)",
                ["identityType": "hmt", "documentType": .string(type),
                 "documentNumber": .string(number), "birthDate": nil, "gender": nil])
            XCTAssertEqual(reply["result"]?["documentNumber"]?.stringValue, stored, number)
        }
        storedBefore = 3
        let lower = try register(
            "permit_lower",
            ["identityType": "hmt", "documentType": "hk_macau_resident_permit",
             "documentNumber": "h03920417"])
        XCTAssertEqual(lower.errorReason, "document_already_registered")

        for (type, number) in [("hk_macau_resident_permit", "H0392041"),
                               ("taiwan_resident_permit", "0581337")]
        {
            let reply = try register(
                "permit_bad",
                ["identityType": "hmt", "documentType": .string(type),
                 "documentNumber": .string(number)])
            try assertRejected(reply, "invalid_format")
        }
    }

    func testAllSevenDocumentTypesWithTheirVerification() throws {
        let cases: [(String, String, String, String)] = [
            ("resident_id", "mainland", "35010219871123006X", "verified"),
            ("foreign_permanent_resident_card", "other", "USA110012345678", "pending_review"),
            ("hk_macau_travel_permit", "mainland", "C12345678", "verified"),
            ("taiwan_travel_permit", "mainland", "12345678", "verified"),
            ("hk_macau_resident_permit", "hmt", "H03920417", "verified"),
            ("taiwan_resident_permit", "hmt", "05813377", "verified"),
            ("foreign_passport", "other", "E12345678", "pending_review"),
        ]
        for (index, (type, identity, number, status)) in cases.enumerated() {
            var changes: [String: JSON] = [
                "documentType": .string(type), "identityType": .string(identity),
                "documentNumber": .string(number),
            ]
            if type != "resident_id" {
                changes.merge(["birthDate": nil, "gender": nil, "documentValidFrom": nil]) { $1 }
            }
            let reply = try register("holder_\(index)", changes)
            XCTAssertEqual(reply["result"]?["verificationStatus"]?.stringValue, status, type)
            XCTAssertEqual(reply["result"]?["documentType"]?.stringValue, type)
        }
        XCTAssertEqual(try daemon.count("persons"), 7)
    }

    func testResidentIDNeedsValidityStart() throws {
        let reply = try register("lin_xiaomei", ["documentValidFrom": nil])
        try assertRejected(reply, "missing_field", field: "params.documentValidFrom")
    }

    func testExpiredDocumentIsSavedButNotVerified() throws {
        let reply = try register("lin_xiaomei", ["documentValidUntil": "2025-12-31"])
        XCTAssertEqual(reply["result"]?["verificationStatus"], "unverified")
        let longTerm = try register(
            "lin_long", ["documentValidUntil": "长期", "documentNumber": "320106199912312154",
                         "birthDate": nil, "gender": nil])
        XCTAssertEqual(longTerm["result"]?["documentValidUntil"], "long_term")
        XCTAssertEqual(longTerm["result"]?["documentValidUntilLabel"], "长期")
    }

    func testBirthDateAndGenderMustAgreeWithNumber() throws {
        let reply = try register("lin_xiaomei", ["birthDate": "1987-11-24", "gender": "male"])
        try assertRejected(reply, "birth_date_mismatch", field: "params.birthDate")
        XCTAssertTrue(reply.errorReasons.contains("gender_mismatch"))
        XCTAssertTrue(reply.errorFields.contains("params.gender"))
    }

    func testAllBadFieldsNamedAtOnce() throws {
        let reply = try register(
            "x", ["password": "short", "name": "", "mobile": "12345", "email": "not-mail",
                  "identityType": "martian", "documentNumber": "", "birthDate": "1987-13-01"])
        XCTAssertEqual(reply.errorCode, 2001)
        XCTAssertEqual(reply.errorReason, "several_problems")
        let fields = Set(reply.errorFields)
        for field in ["login", "password", "name", "mobile", "email", "identityType",
                      "documentNumber", "birthDate"]
        {
            XCTAssertTrue(fields.contains("params.\(field)"), field)
        }
        XCTAssertEqual(try daemon.count("persons"), 0)
        XCTAssertEqual(try daemon.count("sms_codes", where: "proof_used_at IS NOT NULL"), 0)
    }

    func testMissingParamsAreNamedByTheDispatcher() throws {
        let reply = try RawClient(path: daemon.socketPath).call("person.register", [:])
        XCTAssertEqual(reply.errorCode, -32602)
        XCTAssertEqual(
            Set(reply.errorFields),
            ["params.login", "params.password", "params.mobile", "params.mobileProof",
             "params.name", "params.identityType", "params.documentType",
             "params.documentNumber"])
    }

    func testWrongJSONTypesAreRejectedAndNothingSaved() throws {
        for (field, value) in [("gender", JSON.bool(true)), ("birthDate", .int(19871123)),
                               ("name", .int(1))]
        {
            let reply = try register("lin_xiaomei", [field: value])
            XCTAssertEqual(reply.errorCode, -32602, field)
            XCTAssertEqual(reply["error"]?["data"]?["field"]?.stringValue, "params.\(field)")
        }
        XCTAssertEqual(try daemon.count("persons"), 0)
    }

    func testInvalidUTF8LineStoresNothingAndConnectionLives() throws {
        let client = try RawClient(path: daemon.socketPath)
        let prefix = #"{"jsonrpc":"2.0","id":1,"method":"person.register","params":{"name":""#
        let suffix = #"","documentType":"居民身份证","documentNumber":"510107198905021276"}}"#
        try client.write(Array(prefix.utf8) + [0xC3, 0x28] + Array(suffix.utf8) + [0x0A])
        let reply = try client.readReply()
        XCTAssertEqual(reply.errorCode, -32700)
        XCTAssertEqual(reply["id"], .null)
        XCTAssertFalse(reply.encodedString().contains("\u{FFFD}"))
        XCTAssertEqual(try client.call("system.ping")["result"], "pong")
        XCTAssertEqual(try daemon.count("persons"), 0)
    }

    func testProofBoundToNumberUsedOnce() throws {
        let mobile = mobiles.make()
        let proof = try daemon.proveMobile(mobile)
        let client = try RawClient(path: daemon.socketPath)
        let otherNumber = try client.call(
            "person.register", personParams(login: "lin_xiaomei", mobile: mobiles.make(),
                                            proof: proof))
        XCTAssertEqual(otherNumber.errorReason, "invalid_mobile_proof")
        XCTAssertNotNil(
            try client.call(
                "person.register", personParams(login: "lin_xiaomei", mobile: mobile,
                                                proof: proof))["result"])
        let reused = try client.call(
            "person.register",
            personParams(login: "lin_again", mobile: mobile, proof: proof)
                .with(["documentNumber": "320106199912312154", "birthDate": nil, "gender": nil]))
        XCTAssertEqual(reused.errorReason, "invalid_mobile_proof")
        XCTAssertEqual(try daemon.count("persons"), 1)
    }

    func testLoginTakenRegardlessOfCase() throws {
        XCTAssertNotNil(try register("Lin_Xiaomei")["result"])
        let reply = try register(
            "LIN_XIAOMEI", ["documentNumber": "320106199912312154", "birthDate": nil,
                            "gender": nil])
        XCTAssertEqual(reply.errorCode, 4009)
        XCTAssertEqual(reply.errorReason, "login_taken")
        XCTAssertEqual(try daemon.count("accounts"), 1)
    }

    func testProfileIsMaskedForOthersOnly() throws {
        let mobile = mobiles.make()
        let proof = try daemon.proveMobile(mobile)
        _ = try RawClient(path: daemon.socketPath).result(
            "person.register", personParams(login: "lin_xiaomei", mobile: mobile, proof: proof))
        try daemon.registerPerson(
            login: "wang_fang", documentNumber: "320106199912312154", mobiles: mobiles)

        let owner = try RawClient(path: daemon.socketPath)
        _ = try owner.result("session.login", ["login": "lin_xiaomei", "password": "Secret-2026!"])
        let own = try owner.result("person.get")
        XCTAssertEqual(own["documentNumber"], "35010219871123006X")
        XCTAssertEqual(own["mobile"]?.stringValue, mobile)

        let other = try RawClient(path: daemon.socketPath)
        _ = try other.result("session.login", ["login": "wang_fang", "password": "Secret-2026!"])
        let seen = try other.result("person.get", ["login": "lin_xiaomei"])
        XCTAssertEqual(seen["documentNumber"], "3501*****006X")
        XCTAssertEqual(seen["mobile"]?.stringValue, String(mobile.prefix(2)) + "*****"
                       + String(mobile.suffix(3)))

        let operatorView = try RawClient(path: daemon.socketPath).result(
            "person.get", ["login": "lin_xiaomei"])
        XCTAssertEqual(operatorView["documentNumber"], "35010219871123006X")
    }

    func testAuditRecordsMaskNumbers() throws {
        XCTAssertNotNil(try register("lin_xiaomei")["result"])
        XCTAssertEqual(try daemon.count("audit_log", where: "after LIKE '%35010219871123006X%'"), 0)
        XCTAssertEqual(try daemon.count("audit_log", where: "after LIKE '%3501*****006X%'"), 1)
        XCTAssertFalse(daemon.log.contains("35010219871123006X"))
    }

    func testDebugLogNeverShowsFullNumbers() throws {
        let logged = try DaemonProcess(self, config: "log_level = debug\n")
        let mobile = "13912345678"
        let proof = try logged.proveMobile(mobile)
        let client = try RawClient(path: logged.socketPath)
        _ = try client.result(
            "person.register", personParams(login: "lin_xiaomei", mobile: mobile, proof: proof))
        _ = try client.call(
            "person.register", personParams(login: "lin_again", mobile: mobile, proof: proof))
        _ = try client.call("session.login", ["login": "lin_xiaomei", "password": "wrong"])
        _ = try client.call(
            "validate.field", ["kind": "documentNumber", "value": "350102198711230060"])
        _ = try client.result("person.get", ["login": "lin_xiaomei"])

        let log = logged.log
        XCTAssertTrue(log.contains("request served"), log)
        for secret in ["35010219871123006X", "350102198711230060", mobile] {
            XCTAssertFalse(log.contains(secret), secret)
        }
    }

    func testDatesDoNotMoveWithProcessTimeZone() throws {
        for zone in ["UTC", "Asia/Shanghai", nil] {
            let directory = makeTemporaryDirectory(self)
            let clock = TestClock(self, directory: directory, start: "2026-02-28T16:30:00Z")
            var environment = clock.environment
            environment["TZ"] = zone ?? ""
            let zoned = try DaemonProcess(self, directory: directory, environment: environment)
            let mobile = "13900001234"
            let proof = try zoned.proveMobile(mobile)
            let reply = try RawClient(path: zoned.socketPath).call(
                "person.register",
                personParams(login: "zone_test", mobile: mobile, proof: proof).with(
                    ["documentNumber": "320106199912312154", "birthDate": "1999-12-31",
                     "gender": "male"]))
            XCTAssertEqual(reply["result"]?["birthDate"], "1999-12-31", zone ?? "unset")
            XCTAssertEqual(
                reply["result"]?["createdAt"], "2026-03-01T00:30:00+08:00", zone ?? "unset")
        }
    }
}

/// Appends the GB 11643 check character (ISO 7064 MOD 11-2) to 17 digits.
func withCheckCharacter(_ first17: String) -> String {
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    let values = Array("10X98765432")
    let sum = zip(first17.compactMap(\.wholeNumberValue), weights).reduce(0) { $0 + $1.0 * $1.1 }
    return first17 + String(values[sum % 11])
}
