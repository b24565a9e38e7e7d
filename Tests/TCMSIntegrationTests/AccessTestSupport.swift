import Foundation
import TCMSJSON
import TCMSServices
import XCTest

/// Helpers for the clerk and system-access tests: offices, clerks, entities imported without
/// the SMS round trip, logged-in clients and a complete access form.
enum AccessFixtures {
    static let password = "Access-2026#ok"

    /// One yescrypt hash of `password`, made once because hashing is slow on purpose.
    static let passwordHash: String = try! PasswordHasher.hash(password)

    /// The eleven required fields with valid values for a unit in 福州市鼓楼区.
    static let form: JSON = [
        "enterpriseName": "福建青岚环保科技有限公司", "legalRepName": "陈静怡",
        "registeredAddress": "福州市鼓楼区五四路 100 号", "enterpriseNature": "150",
        "countryCode": "CN", "divisionCode": "350102", "postcode": "350001",
        "industry": "6513", "enterpriseSize": "S", "inHighTechZone": false,
        "techTransferInstitution": true,
    ]
}

extension DaemonProcess {
    /// Creates an office covering `codes` as operator and returns its id.
    @discardableResult
    func createOffice(_ name: String, _ codes: [String]) throws -> Int64 {
        let office = try RawClient(path: socketPath).result(
            "office.create",
            ["name": .string(name), "divisionCodes": .array(codes.map { .string($0) })])
        return try XCTUnwrap(office["id"]?.intValue)
    }

    /// Creates a clerk of `officeID` as operator.
    func createClerk(_ login: String, officeID: Int64, approver: Bool = false) throws {
        _ = try RawClient(path: socketPath).result(
            "clerk.create",
            ["login": .string(login), "password": .string(AccessFixtures.password),
             "name": "审核员", "officeId": .int(officeID), "largeAmountApprover": .bool(approver)])
    }

    /// Imports domestic entities of the type "other" (no USCC needed) with the test password;
    /// each gets a distinct name and mobile number.
    func importEntities(_ logins: [String], divisionCode: String = "350102") throws {
        let lines: [JSON] = logins.enumerated().map { index, login in
            [
                "line": .int(Int64(index + 1)),
                "record": [
                    "login": .string(login), "passwordHash": .string(AccessFixtures.passwordHash),
                    "regionType": "domestic", "entityType": "other", "nature": "180",
                    "name": .string("测试单位\(login)"), "legalRepName": "陈静怡",
                    "legalRepDocumentNumber": "35010219871123006X",
                    "divisionCode": .string(divisionCode),
                    "mobile": .string("1380000" + String(format: "%04d", index + 1)),
                ],
            ]
        }
        let result = try RawClient(path: socketPath).result(
            "import.entities", ["lines": .array(lines)])
        XCTAssertEqual(result["rejected"]?.arrayValue?.count ?? 0, 0, "\(result)")
    }

    /// Opens a new connection and logs in as `login` with the test password.
    func loggedIn(_ login: String, password: String = AccessFixtures.password) throws -> RawClient {
        let client = try RawClient(path: socketPath)
        _ = try client.result(
            "session.login", ["login": .string(login), "password": .string(password)])
        return client
    }

    /// Saves the complete form as `login` (plus `changes`), submits it and returns the id.
    func submitApplication(_ login: String, _ changes: [String: JSON] = [:]) throws -> Int64 {
        let client = try loggedIn(login)
        _ = try client.result("access.saveDraft", AccessFixtures.form.with(changes))
        let submitted = try client.result("access.submit")
        return try XCTUnwrap(submitted["id"]?.intValue)
    }

    /// Counts the audit records of decisions on one application.
    func decisionRecords(_ applicationID: Int64) throws -> Int64 {
        try count(
            "audit_log",
            where: "method IN ('access.approve', 'access.return') "
                + "AND subject = 'access:\(applicationID)'")
    }
}
