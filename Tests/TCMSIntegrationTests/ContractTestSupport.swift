import Foundation
import TCMSJSON
import XCTest

/// A daemon with what contract registration needs: the office 福州技术市场 covering 350100
/// with clerks `clerk_lin`, `clerk_zheng` and the large-amount approver `clerk_wu`; entities
/// `seller_1` … in 350102 with approved access; and fixture person `user000001` authorized by
/// each of them as handler.
final class ContractWorld {
    let daemon: DaemonProcess
    let clock: TestClock
    let officeID: Int64
    private(set) var entityIDs: [String: Int64] = [:]
    static let handlerLogin = "user000001"

    /// `environment` and `unsetting` change the daemon's variables, as `DaemonProcess` does.
    init(
        _ test: XCTestCase, entities: [String] = ["seller_1"],
        start: String = "2026-04-01T10:00:00+08:00", config: String? = nil,
        environment: [String: String] = [:], unsetting: [String] = []
    ) throws {
        let directory = makeTemporaryDirectory(test)
        clock = TestClock(test, directory: directory, start: start)
        daemon = try DaemonProcess(
            test, directory: directory, config: config,
            environment: clock.environment.merging(environment) { $1 }, unsetting: unsetting)
        officeID = try daemon.createOffice("福州技术市场", ["350100"])
        try daemon.createClerk("clerk_lin", officeID: officeID)
        try daemon.createClerk("clerk_zheng", officeID: officeID)
        try daemon.createClerk("clerk_wu", officeID: officeID, approver: true)
        try daemon.importEntities(entities)
        try daemon.importFixtures(
            persons: { $0["login"]?.stringValue == Self.handlerLogin }, entities: { _ in false })
        let grant = try XCTUnwrap(
            try AuthorizationFixtures.grants(of: "unit000001").first {
                $0["personLogin"]?.stringValue == Self.handlerLogin
            })
        let clerk = try daemon.loggedIn("clerk_lin")
        for login in entities {
            let application = try daemon.submitApplication(login)
            _ = try clerk.result("access.approve", ["applicationId": .int(application)])
            _ = try daemon.loggedIn(login).result("authorization.grant", grantParams(grant))
        }
        let person = try daemon.session(Self.handlerLogin)
        for entry in try person.result("handler.context")["entities"]?.arrayValue ?? [] {
            if let login = entry["entityLogin"]?.stringValue, let id = entry["entityId"]?.intValue {
                entityIDs[login] = id
            }
        }
    }

    /// Opens a new connection of the handler acting for `entity`.
    func handler(for entity: String = "seller_1") throws -> RawClient {
        let client = try daemon.session(Self.handlerLogin)
        let id = try XCTUnwrap(entityIDs[entity], "no grant from \(entity)")
        _ = try client.result("handler.select", ["entityId": .int(id)])
        return client
    }

    /// Opens a new connection logged in as `clerk`.
    func clerk(_ login: String = "clerk_lin") throws -> RawClient {
        try daemon.loggedIn(login)
    }

    /// Creates and submits a contract as the handler and returns its id.
    func submitted(_ changes: [String: JSON] = [:], by handler: RawClient? = nil) throws -> Int64 {
        let client = try handler ?? self.handler()
        let created = try client.result("contract.create", ContractWorld.form.with(changes))
        let id = try XCTUnwrap(created["id"]?.intValue)
        _ = try client.result("contract.submit", ["contractId": .int(id)])
        return id
    }

    /// Submits a contract and records the receipt of its text; returns its id.
    func received(_ changes: [String: JSON] = [:]) throws -> Int64 {
        let id = try submitted(changes)
        _ = try clerk().result("contract.receiveText", ["contractId": .int(id)])
        return id
    }

    /// A seller-side 技术开发 contract with a buyer in Beijing.
    static let form: JSON = [
        "title": "闽江流域水质在线监测系统委托开发合同", "category": "DEV", "subtype": "DEV-COMM",
        "registeringSide": "seller", "signedOn": "2026-03-20", "validFrom": "2026-03-20",
        "validUntil": "2027-03-19", "buyerName": "北京清源环境工程有限公司",
        "buyerDivision": "110105", "buyerNature": "150", "techField": "TF03",
        "ipType": "IP-PAT-UM", "paymentMethod": "PAY-INST", "amount": "1200000.00",
        "techAmount": "960000.00",
    ]
}
