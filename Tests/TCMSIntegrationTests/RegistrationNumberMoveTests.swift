import Foundation
import TCMSJSON
import XCTest

/// Registration numbers after an operator moves a division code from one office to another:
/// the numbers issued under the code this year stay taken, so the new office goes on after
/// them and no number is issued twice.
final class RegistrationNumberMoveTests: XCTestCase {
    func testMovedDivisionCodeKeepsNumbersUnique() throws {
        let world = try ContractWorld(self)
        let fuzhouClerk = try world.clerk()
        for expected in ["2026350100000001", "2026350100000002"] {
            let id = try world.received()
            let approved = try fuzhouClerk.result(
                "contract.approve", ["contractId": .int(id), "techAmount": "900000.00"])
            XCTAssertEqual(approved["registrationNumber"]?.stringValue, expected)
        }

        // The city code 350100 moves to a new office; the old one keeps the district 350102.
        let operatorClient = try RawClient(path: world.daemon.socketPath)
        _ = try operatorClient.result(
            "office.update", ["id": .int(world.officeID), "divisionCodes": ["350102"]])
        let newOffice = try world.daemon.createOffice("福州市技术合同登记中心", ["350100"])
        try world.daemon.createClerk("clerk_new", officeID: newOffice)
        let entity = try world.addEntity("moved_1", division: "350104", approvedBy: "clerk_new")
        let newClerk = try world.clerk("clerk_new")

        for expected in ["2026350100000003", "2026350100000004"] {
            let id = try world.submitted(by: try world.handler(entityID: entity))
            _ = try newClerk.result("contract.receiveText", ["contractId": .int(id)])
            let reply = try newClerk.call(
                "contract.approve", ["contractId": .int(id), "techAmount": "900000.00"])
            XCTAssertEqual(
                reply["result"]?["registrationNumber"]?.stringValue, expected, "\(reply)")
            XCTAssertEqual(reply["result"]?["officeId"]?.intValue, newOffice)
        }

        // The old office goes on with its own count under the code it has now.
        let id = try world.received()
        let approved = try fuzhouClerk.result(
            "contract.approve", ["contractId": .int(id), "techAmount": "900000.00"])
        XCTAssertEqual(approved["registrationNumber"]?.stringValue, "2026350102000003")
        XCTAssertEqual(try world.daemon.registrationNumbers().count, 5)
    }
}
