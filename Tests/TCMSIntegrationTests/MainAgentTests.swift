import Foundation
import TCMSJSON
import XCTest

/// `entity.setMainAgent`, `entity.getMainAgent`, and a main agent acting for its entity.
final class MainAgentTests: XCTestCase {
    private var daemon: DaemonProcess!
    private let mobiles = MobileNumbers()

    override func setUpWithError() throws {
        daemon = try DaemonProcess(self)
        try registerEntity("unit_a", name: "福建青岚环保科技有限公司", uscc: "9135010219WXHW6N5T")
        let mobile = mobiles.make()
        let proof = try daemon.proveMobile(mobile)
        _ = try RawClient(path: daemon.socketPath).result(
            "person.register", personParams(login: "lin_xiaomei", mobile: mobile, proof: proof))
    }

    private func registerEntity(_ login: String, name: String, uscc: String) throws {
        let mobile = mobiles.make()
        let proof = try daemon.proveMobile(mobile)
        _ = try RawClient(path: daemon.socketPath).result(
            "entity.register",
            [
                "login": .string(login), "password": "Unit-2026#ok", "mobile": .string(mobile),
                "mobileProof": .string(proof), "regionType": "domestic",
                "entityType": "enterprise", "name": .string(name), "uscc": .string(uscc),
                "nature": "150", "legalRepName": "陈静怡",
                "legalRepDocumentNumber": "35010219871123006X",
            ])
    }

    private func loggedIn(_ login: String, _ password: String) throws -> RawClient {
        let client = try RawClient(path: daemon.socketPath)
        _ = try client.result(
            "session.login", ["login": .string(login), "password": .string(password)])
        return client
    }

    private let agent: JSON = [
        "agentLogin": "lin_xiaomei", "name": "林晓梅", "mobile": "13900001001",
        "documentType": "resident_id", "documentNumber": "35010219871123006x",
        "agentType": "专职",
    ]

    func testNamedPersonActsForEntity() throws {
        let admin = try loggedIn("unit_a", "Unit-2026#ok")
        let named = try admin.result("entity.setMainAgent", agent)
        XCTAssertEqual(named["login"], "lin_xiaomei")
        XCTAssertEqual(named["documentNumber"], "35010219871123006X")
        XCTAssertEqual(named["verificationStatus"], "verified")
        XCTAssertEqual(try daemon.text("SELECT role FROM accounts WHERE login = 'lin_xiaomei'"),
                       "main_agent")

        let agentClient = try loggedIn("lin_xiaomei", "Secret-2026!")
        XCTAssertEqual(try agentClient.result("session.whoami")["role"], "main_agent")
        let entity = try agentClient.result("entity.get")
        XCTAssertEqual(entity["name"], "福建青岚环保科技有限公司")
        XCTAssertEqual(entity["legalRepDocumentNumber"], "35010219871123006X")
        _ = try agentClient.result("entity.update", ["shortName": "青岚"])
        let history = try agentClient.result("entity.history")
        XCTAssertEqual(history["items"]?.arrayValue?.first?["role"], "main_agent")
        XCTAssertEqual(try agentClient.result("entity.getMainAgent")["login"], "lin_xiaomei")
        XCTAssertNotNil(try agentClient.call("person.get")["result"])
    }

    func testMismatchedDocumentStoresNothing() throws {
        let admin = try loggedIn("unit_a", "Unit-2026#ok")
        let reply = try admin.call(
            "entity.setMainAgent", agent.with(["documentNumber": "320106199912312154"]))
        XCTAssertEqual(reply.errorReason, "agent_mismatch")
        XCTAssertEqual(try daemon.count("main_agents"), 0)
        XCTAssertEqual(try daemon.count("accounts", where: "role = 'main_agent'"), 0)

        let malformed = try admin.call(
            "entity.setMainAgent", agent.with(["mobile": "123", "documentNumber": "1"]))
        XCTAssertEqual(Set(malformed.errorFields), ["params.mobile", "params.documentNumber"])
        XCTAssertEqual(try daemon.count("main_agents"), 0)
    }

    func testPersonCannotNameMainAgent() throws {
        let person = try loggedIn("lin_xiaomei", "Secret-2026!")
        XCTAssertEqual(try person.call("entity.setMainAgent", agent).errorCode, 1003)
        XCTAssertEqual(try daemon.count("main_agents"), 0)
    }

    func testMainAgentCannotActForAnotherEntity() throws {
        try registerEntity("unit_b", name: "乙公司", uscc: "91420111NW0L6AXDXK")
        _ = try loggedIn("unit_a", "Unit-2026#ok").result("entity.setMainAgent", agent)
        let agentClient = try loggedIn("lin_xiaomei", "Secret-2026!")
        let reply = try agentClient.call("entity.update", ["login": "unit_b", "shortName": "x"])
        XCTAssertEqual(reply.errorReason, "not_own_profile")
        XCTAssertEqual(try daemon.count("profile_updates"), 0)

        let other = try loggedIn("unit_b", "Unit-2026#ok").call("entity.setMainAgent", agent)
        XCTAssertEqual(other.errorReason, "agent_of_other_entity")
    }

    func testReplacedAgentBecomesPersonAgain() throws {
        let mobile = mobiles.make()
        let proof = try daemon.proveMobile(mobile)
        _ = try RawClient(path: daemon.socketPath).result(
            "person.register",
            personParams(login: "wang_fang", mobile: mobile, proof: proof).with(
                ["name": "王芳", "documentNumber": "320106199912312154", "birthDate": nil,
                 "gender": nil]))
        let admin = try loggedIn("unit_a", "Unit-2026#ok")
        _ = try admin.result("entity.setMainAgent", agent)
        _ = try admin.result(
            "entity.setMainAgent",
            agent.with(["agentLogin": "wang_fang", "name": "王芳",
                        "documentNumber": "320106199912312154"]))
        XCTAssertEqual(try daemon.text("SELECT role FROM accounts WHERE login = 'lin_xiaomei'"),
                       "person")
        XCTAssertEqual(try daemon.text("SELECT role FROM accounts WHERE login = 'wang_fang'"),
                       "main_agent")
        XCTAssertEqual(try daemon.count("main_agents"), 1)
    }
}
