import Foundation
import TCMSJSON
import XCTest

/// `entity.checkName`, `entity.register` and `entity.get` over the socket: the required fields
/// of every region type and entity type, code checks, uniqueness and masking.
final class EntityRegistrationTests: XCTestCase {
    private var daemon: DaemonProcess!
    private let mobiles = MobileNumbers()
    private var logins = 0

    override func setUpWithError() throws {
        let directory = makeTemporaryDirectory(self)
        let clock = TestClock(self, directory: directory)
        daemon = try DaemonProcess(self, directory: directory, environment: clock.environment)
    }

    /// Exactly the required fields of each kind of entity, with valid values.
    private func requiredFields(region: String, type: String?) -> [String: JSON] {
        var fields: [String: JSON] = [
            "regionType": .string(region), "name": "福建青岚环保科技有限公司",
            "legalRepName": "陈静怡", "legalRepDocumentNumber": "35010219871123006X",
        ]
        switch (region, type) {
        case ("domestic", "other"?):
            fields["entityType"] = "other"
            fields["nature"] = "180"
        case ("domestic", let type?):
            fields["entityType"] = .string(type)
            let natures = ["social_org": "030", "institution": "021"]
            fields["nature"] = .string(natures[type] ?? "150")
            fields["uscc"] = "9135010219WXHW6N5T"
        default:
            fields["uniqueId"] = "HK0400-2231"
        }
        return fields
    }

    private func register(_ fields: [String: JSON]) throws -> JSON {
        logins += 1
        let mobile = mobiles.make()
        let proof = try daemon.proveMobile(mobile)
        var params: [String: JSON] = [
            "login": .string("unit_\(logins)"), "password": "Unit-2026#ok",
            "mobile": .string(mobile), "mobileProof": .string(proof),
        ]
        params.merge(fields) { $1 }
        let object = JSONObject(params.filter { !$0.value.isNull }.map { ($0.key, $0.value) })
        return try RawClient(path: daemon.socketPath).call("entity.register", .object(object))
    }

    private static let kinds: [(String, String?, String)] = [
        ("domestic", "enterprise", "verified"), ("domestic", "social_org", "verified"),
        ("domestic", "institution", "verified"), ("domestic", "other", "pending_review"),
        ("hmt", nil, "pending_review"), ("foreign", nil, "pending_review"),
    ]

    func testEveryKindRegistersWithExactlyItsRequiredFields() throws {
        for (index, (region, type, status)) in Self.kinds.enumerated() {
            var fields = requiredFields(region: region, type: type)
            fields["name"] = .string("测试单位\(index)")
            if fields["uscc"] != nil {
                fields["uscc"] = .string(["9135010219WXHW6N5T", "91420111NW0L6AXDXK",
                                          "91510107XWPHGW0R3A"][index])
            }
            let reply = try register(fields)
            let label = "\(region)/\(type ?? "-")"
            XCTAssertEqual(reply["result"]?["verificationStatus"]?.stringValue, status, label)
            XCTAssertEqual(reply["result"]?["regionType"]?.stringValue, region, label)
        }
        XCTAssertEqual(try daemon.count("entities"), 6)
        XCTAssertEqual(try daemon.count("accounts", where: "role = 'entity_admin'"), 6)
    }

    func testEachMissingRequiredFieldIsNamed() throws {
        for (region, type, _) in Self.kinds {
            let fields = requiredFields(region: region, type: type)
            for name in fields.keys.sorted() {
                var broken = fields
                broken[name] = ""
                let reply = try register(broken)
                let label = "\(region)/\(type ?? "-") without \(name)"
                XCTAssertEqual(reply.errorCode, 2001, label)
                XCTAssertTrue(reply.errorFields.contains("params.\(name)"), label)
                XCTAssertTrue(reply.errorReasons.contains("missing_field"), label)
            }
        }
        XCTAssertEqual(try daemon.count("entities"), 0)
        XCTAssertEqual(try daemon.count("accounts"), 0)
    }

    func testFieldsOfOtherKindsAreNotApplicable() throws {
        var foreign = requiredFields(region: "foreign", type: nil)
        foreign["uscc"] = "9135010219WXHW6N5T"
        foreign["entityType"] = "enterprise"
        let reply = try register(foreign)
        XCTAssertEqual(Set(reply.errorFields), ["params.uscc", "params.entityType"])
        XCTAssertEqual(Set(reply.errorReasons), ["not_applicable"])

        var domestic = requiredFields(region: "domestic", type: "enterprise")
        domestic["uniqueId"] = "X-1"
        XCTAssertEqual(try register(domestic).errorReasons, ["not_applicable"])
        XCTAssertEqual(try daemon.count("entities"), 0)
    }

    func testMalformedUSCCIsNamed() throws {
        var fields = requiredFields(region: "domestic", type: "enterprise")
        fields["uscc"] = "9135010219WXHW6N5I"
        XCTAssertEqual(try register(fields).errorReasons, ["invalid_format"])
        fields["uscc"] = "9135010219WXHW6N5A"
        XCTAssertEqual(try register(fields).errorReasons, ["invalid_check_character"])
        fields["uscc"] = "9135010219wxhw6n5t"
        XCTAssertEqual(try register(fields)["result"]?["uscc"], "9135010219WXHW6N5T")
    }

    func testEveryBadCodeIsReportedAtOnce() throws {
        var fields = requiredFields(region: "domestic", type: "enterprise")
        fields["nature"] = "999"
        fields["industry"] = "9999"
        fields["size"] = "XXL"
        fields["divisionCode"] = "999999"
        fields["postcode"] = "35A000"
        fields["email"] = "office"
        fields["countryCode"] = "ZZ"
        let reply = try register(fields)
        XCTAssertEqual(reply.errorReason, "several_problems")
        XCTAssertEqual(
            Set(reply.errorFields),
            Set(["nature", "industry", "size", "divisionCode", "postcode", "email", "countryCode"]
                .map { "params.\($0)" }))
        XCTAssertEqual(try daemon.count("entities"), 0)
    }

    func testLegalRepresentativeNumberFollowsResidentIDRules() throws {
        var fields = requiredFields(region: "domestic", type: "enterprise")
        fields["legalRepDocumentNumber"] = "350102871123456"
        let old = try register(fields)
        XCTAssertEqual(old.errorReasons, ["first_generation_id"])
        XCTAssertEqual(old.errorFields, ["params.legalRepDocumentNumber"])
        let message = old["error"]?["message"]?.stringValue ?? ""
        XCTAssertTrue(message.contains("350102198711234562"), message)

        fields["legalRepDocumentNumber"] = "350102871323456"
        XCTAssertEqual(try register(fields).errorReasons, ["invalid_birth_date"])
        fields["legalRepDocumentNumber"] = "ABCDEFGHIJKLMNO"
        XCTAssertEqual(try register(fields).errorReasons, ["invalid_format"])
        XCTAssertEqual(try daemon.count("entities"), 0)

        fields["legalRepDocumentNumber"] = "810000198407163117"
        XCTAssertNotNil(try register(fields)["result"])
    }

    func testNameAndUSCCAreUnique() throws {
        let enterprise = requiredFields(region: "domestic", type: "enterprise")
        XCTAssertNotNil(try register(enterprise)["result"])

        var sameName = requiredFields(region: "domestic", type: "enterprise")
        sameName["uscc"] = "91420111NW0L6AXDXK"
        let byName = try register(sameName)
        XCTAssertEqual(byName.errorCode, 4009)
        XCTAssertEqual(byName.errorReason, "name_taken")

        var sameUSCC = requiredFields(region: "domestic", type: "enterprise")
        sameUSCC["name"] = "另一家公司"
        let byUSCC = try register(sameUSCC)
        XCTAssertEqual(byUSCC.errorReason, "uscc_taken")
        XCTAssertEqual(try daemon.count("entities"), 1)
        XCTAssertEqual(try daemon.count("accounts"), 1)
    }

    func testCheckNameReportsExistingUnits() throws {
        var fields = requiredFields(region: "domestic", type: "enterprise")
        fields["name"] = "宁德青云（福建）新材料有限公司"
        XCTAssertNotNil(try register(fields)["result"])
        let client = try RawClient(path: daemon.socketPath)

        let taken = try client.result(
            "entity.checkName",
            ["name": "宁德青云（福建）新材料有限公司", "uscc": "9135010219wxhw6n5t"])
        XCTAssertEqual(taken["exists"], .bool(true))
        XCTAssertEqual(taken["usccExists"], .bool(true))
        let free = try client.result("entity.checkName", ["name": "福建青岚环保科技有限公司"])
        XCTAssertEqual(free["exists"], .bool(false))
        XCTAssertNil(free["usccExists"])
    }

    func testProfileIsMaskedForOthers() throws {
        let enterprise = requiredFields(region: "domestic", type: "enterprise")
        XCTAssertNotNil(try register(enterprise)["result"])
        try daemon.registerPerson(
            login: "wang_fang", documentNumber: "320106199912312154", mobiles: mobiles)

        let admin = try RawClient(path: daemon.socketPath)
        _ = try admin.result("session.login", ["login": "unit_1", "password": "Unit-2026#ok"])
        let own = try admin.result("entity.get")
        XCTAssertEqual(own["legalRepDocumentNumber"], "35010219871123006X")
        XCTAssertEqual(own["natureLabel"], "有限责任公司")
        XCTAssertEqual(own["verificationStatusLabel"], "国家平台实名认证通过")

        let person = try RawClient(path: daemon.socketPath)
        _ = try person.result("session.login", ["login": "wang_fang", "password": "Secret-2026!"])
        let seen = try person.result("entity.get", ["login": "unit_1"])
        XCTAssertEqual(seen["legalRepDocumentNumber"], "3501*****006X")
    }

    func testRegistrationNeedsMobileProof() throws {
        var params = requiredFields(region: "domestic", type: "enterprise")
        params["login"] = "unit_np"
        params["password"] = "Unit-2026#ok"
        params["mobile"] = "13900009999"
        params["mobileProof"] = .string(String(repeating: "0", count: 64))
        let reply = try RawClient(path: daemon.socketPath).call(
            "entity.register", .object(JSONObject(params.map { ($0.key, $0.value) })))
        XCTAssertEqual(reply.errorReason, "invalid_mobile_proof")
        XCTAssertEqual(try daemon.count("entities"), 0)
    }
}
