import Foundation
import TCMSJSON
import XCTest

/// Registration offices: creation by operators, routing by division code, the public directory.
final class OfficeTests: XCTestCase {
    private var daemon: DaemonProcess!
    private var client: RawClient!
    private var nextID: Int64 = 1

    override func setUpWithError() throws {
        daemon = try DaemonProcess(self)
        client = try RawClient(path: daemon.socketPath)
    }

    private func call(_ method: String, _ params: JSON = [:]) throws -> JSON {
        nextID += 1
        let request: JSON = ["jsonrpc": "2.0", "id": .int(nextID), "method": .string(method),
                             "params": params]
        return try client.request(request.encodedString())
    }

    /// Creates the fifteen offices of the fixture set.
    private func createFixtureOffices() throws {
        let offices: [(String, String)] = [
            ("北京技术市场管理办公室", "110000"), ("天津市技术合同登记处", "120000"),
            ("上海市技术合同认定登记处", "310000"), ("南京市技术合同登记处", "320100"),
            ("杭州市技术合同登记处", "330100"), ("福州技术市场", "350100"),
            ("厦门市技术合同登记处", "350200"), ("泉州市技术合同登记处", "350500"),
            ("济南市技术合同登记处", "370100"), ("武汉市技术合同登记处", "420100"),
            ("广州市技术合同登记处", "440100"), ("深圳市技术合同登记处", "440300"),
            ("重庆市技术合同登记处", "500000"), ("成都市技术合同登记处", "510100"),
            ("西安市技术合同登记处", "610100"),
        ]
        for (name, code) in offices {
            let reply = try call("office.create", ["name": .string(name), "divisionCodes": [.string(code)]])
            XCTAssertNotNil(reply["result"]?["id"], "\(name): \(reply)")
        }
    }

    func testCountyRoutesToCityOffice() throws {
        try createFixtureOffices()
        let reply = try call("office.search", ["divisionCode": "350102"])
        XCTAssertEqual(reply["result"]?["name"], "福州技术市场")
        XCTAssertEqual(reply["result"]?["divisionCodes"], ["350100"])
    }

    func testMostSpecificRegionWins() throws {
        _ = try call("office.create", ["name": "福建省技术市场", "divisionCodes": ["350000"]])
        _ = try call("office.create", ["name": "福州技术市场", "divisionCodes": ["350100"]])
        XCTAssertEqual(try call("office.search", ["divisionCode": "350102"])["result"]?["name"], "福州技术市场")
        XCTAssertEqual(try call("office.search", ["divisionCode": "350203"])["result"]?["name"], "福建省技术市场")
        XCTAssertEqual(try call("office.search", ["divisionCode": "110101"])["result"], .null)
    }

    func testDirectoryPagesAndFilters() throws {
        try createFixtureOffices()
        let first = try call("office.list", ["pageSize": 10])
        XCTAssertEqual(first["result"]?["total"], 15)
        XCTAssertEqual(first["result"]?["pages"], 2)
        XCTAssertEqual(first["result"]?["items"]?.arrayValue?.count, 10)
        let second = try call("office.list", ["page": 2])
        XCTAssertEqual(second["result"]?["items"]?.arrayValue?.count, 5)
        let beyond = try call("office.list", ["page": 9])
        XCTAssertEqual(beyond["result"]?["items"], [])
        XCTAssertEqual(beyond["result"]?["total"], 15)

        let byName = try call("office.list", ["filter": ["name": "福州"]])
        XCTAssertEqual(byName["result"]?["total"], 1)
        let byRegion = try call("office.list", ["filter": ["divisionCode": "440305"]])
        XCTAssertEqual(byRegion["result"]?["total"], 1)
        XCTAssertEqual(byRegion["result"]?["items"]?.arrayValue?.first?["name"], "深圳市技术合同登记处")

        let badKey = try call("office.list", ["filter": ["city": "福州"]])
        XCTAssertEqual(badKey.errorReason, "unknown_filter")
        XCTAssertTrue(badKey["error"]?["message"]?.stringValue?.contains("name, divisionCode") ?? false)
    }

    func testCursorWalkSeesEveryOfficeOnce() throws {
        try createFixtureOffices()
        var seen: [String] = []
        var cursor: String? = "0"
        while let current = cursor {
            let page = try call("office.list", ["pageSize": 4, "cursor": .string(current)])
            seen += page["result"]?["items"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
            cursor = page["result"]?["nextCursor"]?.stringValue
        }
        XCTAssertEqual(seen.count, 15)
        XCTAssertEqual(Set(seen).count, 15)
    }

    func testDuplicateNameAndTakenRegionAreRefused() throws {
        _ = try call("office.create", ["name": "福州技术市场", "divisionCodes": ["350100"]])
        let sameName = try call("office.create", ["name": "福州技术市场", "divisionCodes": ["350200"]])
        XCTAssertEqual(sameName.errorCode, 4009)
        XCTAssertEqual(sameName.errorReason, "already_exists")
        let sameRegion = try call("office.create", ["name": "另一处", "divisionCodes": ["350100"]])
        XCTAssertEqual(sameRegion.errorReason, "region_taken")
        XCTAssertEqual(sameRegion["error"]?["data"]?["field"], "params.divisionCodes[0]")
        XCTAssertEqual(try call("office.list")["result"]?["total"], 1)
    }

    func testUnknownOrAbolishedDivisionIsRefused() throws {
        let unknown = try call("office.create", ["name": "X", "divisionCodes": ["119901"]])
        XCTAssertEqual(unknown.errorReason, "unknown_division_code")
        let wrongType = try call("office.create", ["name": "X", "divisionCodes": [350100]])
        XCTAssertEqual(wrongType.errorReason, "wrong_type")
        XCTAssertEqual(try call("office.list")["result"]?["total"], 0)
    }

    func testUpdateIsAuditedWithBeforeAndAfter() throws {
        let created = try call("office.create", ["name": "福州技术市场", "divisionCodes": ["350100"]])
        let id = try XCTUnwrap(created["result"]?["id"])
        let updated = try call("office.update", ["id": id, "phone": "0591-87654321"])
        XCTAssertEqual(updated["result"]?["phone"], "0591-87654321")
        XCTAssertEqual(updated["result"]?["name"], "福州技术市场")
        let missing = try call("office.update", ["id": 999, "phone": "1"])
        XCTAssertEqual(missing.errorCode, 3004)

        let audit = try runProgram("/usr/bin/env", [
            "python3", "-c",
            "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); "
                + "print(c.execute(\"SELECT count(*), group_concat(method) FROM audit_log\").fetchone())",
            daemon.stateDirectory + "/tcms.sqlite",
        ])
        XCTAssertEqual(audit.stdout.trimmingCharacters(in: .whitespacesAndNewlines),
                       "(2, 'office.create,office.update')")
    }
}
