import Foundation
import TCMSJSON
import XCTest

/// `audit.list` for a clerk: the records of its own office, never another office's.
final class AuditOfficeTests: XCTestCase {
    func testClerkSeesOnlyItsOfficeRecords() throws {
        let world = try ContractWorld(self)
        let xiamen = try world.daemon.createOffice("厦门技术市场", ["350200"])
        try world.daemon.createClerk("clerk_xm", officeID: xiamen)

        let id = try world.received()
        _ = try world.clerk().result(
            "contract.approve", ["contractId": .int(id), "techAmount": "900000.00"])

        let fuzhou = try world.clerk("clerk_zheng").result(
            "audit.list", ["filter": ["subject": .string("contract:\(id)")]])
        XCTAssertEqual(
            fuzhou["items"]?.arrayValue?.compactMap { $0["method"]?.stringValue },
            ["contract.approve", "contract.receiveText", "contract.submit", "contract.create"])

        let other = try world.clerk("clerk_xm")
        XCTAssertEqual(
            try other.result(
                "audit.list", ["filter": ["subject": .string("contract:\(id)")]])["total"], 0)
        let own = try other.result("audit.list")
        XCTAssertTrue(
            own["items"]?.arrayValue?.allSatisfy {
                $0["subject"]?.stringValue?.hasPrefix("contract:") != true
            } ?? false, "\(own)")

        let handler = try world.handler()
        XCTAssertEqual(try handler.call("audit.list").errorCode, 1003)
    }
}
