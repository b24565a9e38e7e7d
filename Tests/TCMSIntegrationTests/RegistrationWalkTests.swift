import Foundation
import TCMSJSON
import XCTest

/// One walk over the socket through everything before contracts: an entity applies for system
/// access, the 福州 clerk returns it, the entity fixes and resubmits, the clerk approves, the
/// entity authorizes a verified person, that person acts as its handler, and after a revoke no
/// longer can.
final class RegistrationWalkTests: XCTestCase {
    func testAccessThenAuthorizationThenRevoke() throws {
        let daemon = try DaemonProcess(self)
        let office = try daemon.createOffice("福州技术市场", ["350100"])
        try daemon.createClerk("clerk_walk", officeID: office)
        try daemon.importEntities(["walk_unit"], divisionCode: "350102")
        let person = try daemon.registerPerson(
            login: "walk_person", documentNumber: sampleResidentIDs[2], mobiles: MobileNumbers())
        XCTAssertEqual(person["result"]?["verificationStatus"], "verified", "\(person)")

        let entity = try daemon.loggedIn("walk_unit")
        let clerk = try daemon.loggedIn("clerk_walk")
        let id = try daemon.submitApplication("walk_unit")
        XCTAssertEqual(try clerk.result("session.whoami")["officeName"], "福州技术市场")

        let returned = try clerk.result(
            "access.return", ["applicationId": .int(id), "reason": "注册地址与营业执照不一致"])
        XCTAssertEqual(returned["status"], "returned")
        _ = try entity.result("access.saveDraft", ["registeredAddress": "福州市鼓楼区五四路 100 号"])
        XCTAssertEqual(try entity.result("access.submit")["round"], 2)
        XCTAssertEqual(try clerk.result("access.approve", ["applicationId": .int(id)])["status"], "approved")

        let found = try entity.result(
            "person.searchForAuthorization",
            ["name": "测试用户", "documentType": "resident_id",
             "documentNumber": .string(sampleResidentIDs[2])])
        XCTAssertEqual(found["authorized"], false)
        XCTAssertEqual(found["authorizedLabel"], "该用户未被授权")
        XCTAssertEqual(found["documentNumber"]?.stringValue, "3201*****2152")
        let grant = try entity.result(
            "authorization.grant",
            ["name": "测试用户", "documentType": "resident_id",
             "documentNumber": .string(sampleResidentIDs[2])])
        XCTAssertEqual(grant["status"], "active", "\(grant)")
        let grantID = try XCTUnwrap(grant["id"])

        let handler = try daemon.loggedIn("walk_person", password: "Secret-2026!")
        let context = try handler.result("handler.context")
        let unit = try XCTUnwrap(context["entities"]?.arrayValue?.first)
        XCTAssertEqual(unit["unitName"], "测试单位walk_unit", "\(context)")
        _ = try handler.result("handler.select", ["entityId": try XCTUnwrap(unit["entityId"])])
        XCTAssertEqual(try handler.result("session.whoami")["role"], "handler")

        _ = try entity.result("authorization.revoke", ["id": grantID])
        let after = try handler.call("session.whoami")
        XCTAssertNotEqual(after["result"]?["role"], "handler", "\(after)")
    }
}
