import Foundation
import TCMSJSON
import XCTest

/// Every method, called by roles it does and does not list, from the list `rpc.discover` returns.
final class RoleMatrixTests: XCTestCase {
    func testAnonymousIsRefusedExactlyWhereNotListed() throws {
        let daemon = try DaemonProcess(self)
        let operatorClient = try RawClient(path: daemon.socketPath)
        let discover = try operatorClient.request(#"{"jsonrpc":"2.0","id":1,"method":"rpc.discover"}"#)
        let methods = try XCTUnwrap(discover["result"]?["methods"]?.arrayValue)
        let anonymous = try UnprivilegedClient(self, daemon: daemon)

        for method in methods {
            let name = try XCTUnwrap(method["name"]?.stringValue)
            let roles = method["x-roles"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let reply = try anonymous.call(name)
            if roles.contains("anonymous") {
                XCTAssertNotEqual(reply.errorCode, 1001, "\(name) lists anonymous: \(reply)")
                XCTAssertNotEqual(reply.errorCode, 1003, "\(name) lists anonymous: \(reply)")
            } else {
                XCTAssertEqual(reply.errorCode, 1001, "\(name) does not list anonymous: \(reply)")
            }
        }
    }

    func testOperatorIsRefusedExactlyWhereNotListed() throws {
        let daemon = try DaemonProcess(self)
        let client = try RawClient(path: daemon.socketPath)
        let discover = try client.request(#"{"jsonrpc":"2.0","id":1,"method":"rpc.discover"}"#)
        let methods = try XCTUnwrap(discover["result"]?["methods"]?.arrayValue)

        for method in methods {
            let name = try XCTUnwrap(method["name"]?.stringValue)
            let roles = method["x-roles"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let reply = try client.request(
                #"{"jsonrpc":"2.0","id":2,"method":"\#(name)","params":{}}"#)
            if roles.contains("operator") {
                XCTAssertNotEqual(reply.errorCode, 1003, "\(name) lists operator: \(reply)")
            } else {
                XCTAssertEqual(reply.errorCode, 1003, "\(name) does not list operator: \(reply)")
            }
        }
    }
}

/// The same matrix for the roles a session gives: person, entity admin, reviewer, clerk,
/// handler and main agent.
final class SessionRoleMatrixTests: XCTestCase {
    func testEachSessionRoleIsRefusedExactlyWhereNotListed() throws {
        let daemon = try DaemonProcess(self)
        let operatorClient = try RawClient(path: daemon.socketPath)
        let mobiles = MobileNumbers()

        XCTAssertNotNil(try daemon.registerPerson(
            login: "matrix_person", documentNumber: sampleResidentIDs[1], mobiles: mobiles)["result"])
        let mobile = mobiles.make()
        _ = try operatorClient.result(
            "entity.register",
            [
                "login": "matrix_unit", "password": "Unit-2026#ok", "mobile": .string(mobile),
                "mobileProof": .string(try daemon.proveMobile(mobile)), "regionType": "domestic",
                "entityType": "enterprise", "name": "福建青岚环保科技有限公司",
                "uscc": "9135010219WXHW6N5T", "nature": "150", "legalRepName": "陈静怡",
                "legalRepDocumentNumber": "35010219871123006X",
            ])
        _ = try operatorClient.result(
            "account.createReviewer", ["login": "matrix_reviewer", "password": "Review-2026!"])
        let office = try daemon.createOffice("福州技术市场", ["350100"])
        try daemon.createClerk("matrix_clerk", officeID: office)

        let agentMobile = mobiles.make()
        _ = try operatorClient.result(
            "person.register",
            personParams(
                login: "matrix_agent", mobile: agentMobile,
                proof: try daemon.proveMobile(agentMobile)))
        _ = try daemon.loggedIn("matrix_unit", password: "Unit-2026#ok").result(
            "entity.setMainAgent",
            ["agentLogin": "matrix_agent", "name": "林晓梅", "mobile": .string(agentMobile),
             "documentType": "resident_id", "documentNumber": "35010219871123006X",
             "agentType": "专职"])

        let discover = try operatorClient.result("rpc.discover")
        let methods = try XCTUnwrap(discover["methods"]?.arrayValue)
        let sessions: [(role: String, login: String, password: String)] = [
            ("person", "matrix_person", "Secret-2026!"),
            ("entity_admin", "matrix_unit", "Unit-2026#ok"),
            ("reviewer", "matrix_reviewer", "Review-2026!"),
            ("clerk", "matrix_clerk", AccessFixtures.password),
            ("handler", "matrix_person", "Secret-2026!"),
            ("main_agent", "matrix_agent", "Secret-2026!"),
        ]
        let unit = try daemon.loggedIn("matrix_unit", password: "Unit-2026#ok")
        _ = try unit.result(
            "authorization.grant",
            ["name": "测试用户", "documentType": "resident_id",
             "documentNumber": .string(sampleResidentIDs[1])])

        for session in sessions {
            let client = try RawClient(path: daemon.socketPath)
            let login = try client.result(
                "session.login",
                ["login": .string(session.login), "password": .string(session.password)])
            if session.role == "handler" {
                let context = try client.result("handler.context")
                let entity = try XCTUnwrap(context["entities"]?.arrayValue?.first?["entityId"])
                _ = try client.result("handler.select", ["entityId": entity])
            } else {
                XCTAssertEqual(login["role"]?.stringValue, session.role)
            }

            for method in methods {
                let name = try XCTUnwrap(method["name"]?.stringValue)
                // Logging out, or a handler picking another unit, would end the session role
                // this loop relies on.
                if name == "session.logout" || name == "handler.select" { continue }
                let roles = method["x-roles"]?.arrayValue?.compactMap(\.stringValue) ?? []
                let reply = try client.call(name)
                if roles.contains(session.role) {
                    // A method may refuse an allowed role with 1003 for a reason of its own,
                    // such as same_approver, so only the reason forbidden marks the
                    // dispatcher's role check.
                    XCTAssertNotEqual(
                        reply.errorReason, "forbidden",
                        "\(session.role) may call \(name): \(reply)")
                    XCTAssertNotEqual(reply.errorCode, 1001, "\(session.role) may call \(name)")
                } else {
                    XCTAssertEqual(
                        reply.errorCode, 1003, "\(session.role) calling \(name): \(reply)")
                    XCTAssertEqual(
                        reply.errorReason, "forbidden", "\(session.role) calling \(name)")
                }
            }
            XCTAssertEqual(try client.result("session.whoami")["role"]?.stringValue, session.role)
        }
    }
}
