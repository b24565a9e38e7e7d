import Foundation
import TCMSJSON
import XCTest

/// `clerk.create`, `clerk.list`, `clerk.update`, and a clerk's session showing its office.
final class ClerkTests: XCTestCase {
    private var daemon: DaemonProcess!
    private var fuzhou: Int64 = 0
    private var xiamen: Int64 = 0

    override func setUpWithError() throws {
        daemon = try DaemonProcess(self)
        fuzhou = try daemon.createOffice("福州技术市场", ["350100"])
        xiamen = try daemon.createOffice("厦门技术市场", ["350200"])
    }

    func testCreatedClerkLogsInWithOffice() throws {
        let operatorClient = try RawClient(path: daemon.socketPath)
        let created = try operatorClient.result(
            "clerk.create",
            ["login": "clerk_lin", "password": .string(AccessFixtures.password), "name": "林审核",
             "officeId": .int(fuzhou), "largeAmountApprover": true])
        XCTAssertEqual(created["officeName"], "福州技术市场")
        XCTAssertEqual(created["largeAmountApprover"], true)
        XCTAssertEqual(
            try daemon.text("SELECT role FROM accounts WHERE login = 'clerk_lin'"), "clerk")

        let clerk = try daemon.loggedIn("clerk_lin")
        let whoami = try clerk.result("session.whoami")
        XCTAssertEqual(whoami["role"], "clerk")
        XCTAssertEqual(whoami["officeId"]?.intValue, fuzhou)
        XCTAssertEqual(whoami["officeName"], "福州技术市场")
        XCTAssertNil(try operatorClient.result("session.whoami")["officeId"])
    }

    func testCreateRejectsUnknownOfficeAndStoresNothing() throws {
        let reply = try RawClient(path: daemon.socketPath).call(
            "clerk.create",
            ["login": "clerk_x", "password": .string(AccessFixtures.password), "name": "某",
             "officeId": 999])
        XCTAssertEqual(reply.errorCode, 3004)
        XCTAssertEqual(reply.errorReason, "office_not_found")
        XCTAssertEqual(try daemon.count("accounts"), 0)
        XCTAssertEqual(try daemon.count("clerks"), 0)
    }

    func testCreateNamesEveryBadField() throws {
        let reply = try RawClient(path: daemon.socketPath).call(
            "clerk.create",
            ["login": "bad login", "password": "short", "name": " ", "officeId": .int(fuzhou)])
        XCTAssertEqual(reply.errorCode, 2001)
        XCTAssertTrue(Set(reply.errorFields).isSuperset(of: [
            "params.login", "params.password", "params.name",
        ]), "\(reply)")
        XCTAssertEqual(try daemon.count("clerks"), 0)
    }

    func testCreateRejectsNumberAsFlag() throws {
        let reply = try RawClient(path: daemon.socketPath).call(
            "clerk.create",
            ["login": "clerk_x", "password": .string(AccessFixtures.password), "name": "某",
             "officeId": .int(fuzhou), "largeAmountApprover": 1])
        XCTAssertEqual(reply.errorCode, -32602)
        XCTAssertEqual(reply["error"]?["data"]?["field"], "params.largeAmountApprover")
        XCTAssertEqual(try daemon.count("clerks"), 0)
    }

    func testDuplicateLoginIsRejected() throws {
        try daemon.createClerk("clerk_lin", officeID: fuzhou)
        let reply = try RawClient(path: daemon.socketPath).call(
            "clerk.create",
            ["login": "CLERK_LIN", "password": .string(AccessFixtures.password), "name": "某",
             "officeId": .int(xiamen)])
        XCTAssertEqual(reply.errorReason, "login_taken")
        XCTAssertEqual(try daemon.count("clerks"), 1)
    }

    func testListFiltersByOfficeAndPages() throws {
        for index in 1...3 { try daemon.createClerk("fz_\(index)", officeID: fuzhou) }
        try daemon.createClerk("xm_1", officeID: xiamen)
        let client = try RawClient(path: daemon.socketPath)

        let all = try client.result("clerk.list", ["pageSize": 2])
        XCTAssertEqual(all["total"], 4)
        XCTAssertEqual(all["pages"], 2)
        XCTAssertEqual(all["items"]?.arrayValue?.count, 2)

        let fuzhouOnly = try client.result(
            "clerk.list", ["filter": ["officeId": .string(String(fuzhou))]])
        XCTAssertEqual(fuzhouOnly["total"], 3)
        let logins = fuzhouOnly["items"]?.arrayValue?.compactMap { $0["login"]?.stringValue }
        XCTAssertEqual(logins, ["fz_1", "fz_2", "fz_3"])

        let byLogin = try client.result("clerk.list", ["filter": ["login": "xm"]])
        XCTAssertEqual(byLogin["total"], 1)
        XCTAssertEqual(byLogin["items"]?.arrayValue?.first?["officeName"], "厦门技术市场")

        let bad = try client.call("clerk.list", ["filter": ["officeId": "abc"]])
        XCTAssertEqual(bad.errorCode, -32602)
    }

    func testUpdateMovesClerkAtOnce() throws {
        try daemon.createClerk("clerk_lin", officeID: fuzhou)
        let clerk = try daemon.loggedIn("clerk_lin")
        XCTAssertEqual(try clerk.result("session.whoami")["officeId"]?.intValue, fuzhou)

        let updated = try RawClient(path: daemon.socketPath).result(
            "clerk.update", ["login": "clerk_lin", "officeId": .int(xiamen),
                             "largeAmountApprover": true])
        XCTAssertEqual(updated["officeName"], "厦门技术市场")
        XCTAssertEqual(updated["largeAmountApprover"], true)
        XCTAssertEqual(try clerk.result("session.whoami")["officeName"], "厦门技术市场")
        XCTAssertEqual(
            try daemon.count("audit_log", where: "method = 'clerk.update'"), 1)
    }

    func testUpdateUnknownClerkOrOffice() throws {
        try daemon.createClerk("clerk_lin", officeID: fuzhou)
        let client = try RawClient(path: daemon.socketPath)
        XCTAssertEqual(
            try client.call("clerk.update", ["login": "nobody", "officeId": .int(xiamen)])
                .errorReason, "clerk_not_found")
        XCTAssertEqual(
            try client.call("clerk.update", ["login": "clerk_lin", "officeId": 999]).errorReason,
            "office_not_found")
        XCTAssertEqual(try daemon.count("clerks", where: "office_id = \(fuzhou)"), 1)
    }

    func testClerkCannotManageClerks() throws {
        try daemon.createClerk("clerk_lin", officeID: fuzhou)
        let clerk = try daemon.loggedIn("clerk_lin")
        XCTAssertEqual(try clerk.call("clerk.list").errorCode, 1003)
        XCTAssertEqual(
            try clerk.call("clerk.update", ["login": "clerk_lin", "officeId": .int(xiamen)])
                .errorCode, 1003)
        XCTAssertEqual(
            try clerk.call(
                "clerk.create",
                ["login": "c2", "password": .string(AccessFixtures.password), "name": "某",
                 "officeId": .int(fuzhou)]).errorCode, 1003)
    }
}
