import Foundation
import TCMSJSON
import XCTest

/// The registration-office directory (登记机构查询): anonymous callers and persons find an
/// office by division code or name, with its address, phone and hours.
final class OfficeDirectoryTests: XCTestCase {
    private var daemon: DaemonProcess!

    override func setUpWithError() throws {
        daemon = try DaemonProcess(self)
        let operatorClient = try RawClient(path: daemon.socketPath)
        let office = try daemon.createOffice("福州技术市场", ["350100"])
        _ = try operatorClient.result(
            "office.update",
            ["id": .int(office), "address": "福州市鼓楼区五四路 100 号", "phone": "0591-87654321",
             "hours": "工作日 8:30-12:00, 14:30-17:30"])
        try daemon.createOffice("厦门技术市场", ["350200"])
    }

    private func assertFuzhouOffice(_ office: JSON?, file: StaticString = #filePath,
                                    line: UInt = #line) {
        XCTAssertEqual(office?["name"]?.stringValue, "福州技术市场", file: file, line: line)
        XCTAssertEqual(
            office?["address"]?.stringValue, "福州市鼓楼区五四路 100 号", file: file, line: line)
        XCTAssertEqual(office?["phone"]?.stringValue, "0591-87654321", file: file, line: line)
        XCTAssertEqual(
            office?["hours"]?.stringValue, "工作日 8:30-12:00, 14:30-17:30", file: file, line: line)
        XCTAssertEqual(
            office?["regions"]?.arrayValue?.first?["name"]?.stringValue, "福州市",
            file: file, line: line)
    }

    func testAnonymousFindsOfficeByDivisionAndName() throws {
        let anonymous = try UnprivilegedClient(self, daemon: daemon)
        let byDivision = try anonymous.call(
            "office.list", ["filter": ["divisionCode": "350102"]])
        XCTAssertEqual(byDivision["result"]?["total"]?.intValue, 1, "\(byDivision)")
        assertFuzhouOffice(byDivision["result"]?["items"]?.arrayValue?.first)

        let byName = try anonymous.call("office.list", ["filter": ["name": "福州"]])
        XCTAssertEqual(byName["result"]?["total"]?.intValue, 1)
        assertFuzhouOffice(byName["result"]?["items"]?.arrayValue?.first)

        let search = try anonymous.call("office.search", ["divisionCode": "350102"])
        assertFuzhouOffice(search["result"])
        let none = try anonymous.call("office.search", ["divisionCode": "110105"])
        XCTAssertEqual(none["result"], .null)
    }

    func testPersonFindsOfficeByDivisionAndName() throws {
        XCTAssertNotNil(try daemon.registerPerson(
            login: "directory_person", documentNumber: sampleResidentIDs[0],
            mobiles: MobileNumbers())["result"])
        let person = try RawClient(path: daemon.socketPath)
        _ = try person.result(
            "session.login", ["login": "directory_person", "password": "Secret-2026!"])
        let both = try person.result(
            "office.list", ["filter": ["divisionCode": "350102", "name": "技术市场"]])
        XCTAssertEqual(both["total"]?.intValue, 1)
        assertFuzhouOffice(both["items"]?.arrayValue?.first)
        assertFuzhouOffice(try person.result("office.search", ["divisionCode": "350100"]))
    }
}
