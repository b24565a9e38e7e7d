import Foundation
import TCMSJSON
import XCTest

/// The audit log: one record per change, newest first, filters, and no way to change a record.
final class AuditTests: XCTestCase {
    private var daemon: DaemonProcess!
    private var client: RawClient!

    override func setUpWithError() throws {
        daemon = try DaemonProcess(self)
        client = try RawClient(path: daemon.socketPath)
        for (index, code) in ["350100", "350200", "350500"].enumerated() {
            let reply = try call("office.create", ["name": .string("登记处\(index)"), "divisionCodes": [.string(code)]])
            XCTAssertNotNil(reply["result"]?["id"])
        }
        _ = try call("office.update", ["id": 1, "phone": "0591-1"])
    }

    private func call(_ method: String, _ params: JSON = [:]) throws -> JSON {
        try client.call(method, params)
    }

    func testRecordsListNewestFirstWithWho() throws {
        let page = try call("audit.list")
        let items = try XCTUnwrap(page["result"]?["items"]?.arrayValue)
        XCTAssertEqual(page["result"]?["total"], 4)
        XCTAssertEqual(items.map { $0["method"]?.stringValue }, [
            "office.update", "office.create", "office.create", "office.create",
        ])
        let newest = items[0]
        XCTAssertEqual(newest["role"], "operator")
        XCTAssertEqual(newest["peerUid"]?.intValue, Int64(getuid()))
        XCTAssertEqual(newest["subject"], "office:1")
        XCTAssertEqual(newest["before"]?["phone"], "")
        XCTAssertEqual(newest["after"]?["phone"], "0591-1")
        XCTAssertTrue(newest["at"]?.stringValue?.hasSuffix("+08:00") ?? false)
    }

    func testFiltersNarrowTheLog() throws {
        XCTAssertEqual(try call("audit.list", ["filter": ["method": "office.create"]])["result"]?["total"], 3)
        XCTAssertEqual(try call("audit.list", ["filter": ["subject": "office:1"]])["result"]?["total"], 2)
        XCTAssertEqual(try call("audit.list", ["filter": ["from": "2000-01-01", "until": "2999-12-31"]])["result"]?["total"], 4)
        XCTAssertEqual(try call("audit.list", ["filter": ["until": "2000-01-01"]])["result"]?["total"], 0)
        XCTAssertEqual(try call("audit.list", ["filter": ["from": "2000-02-30"]]).errorReason, "invalid_date")
    }

    func testCursorWalksNewestFirst() throws {
        var ids: [Int64] = []
        var cursor: String? = "0"
        while let current = cursor {
            let page = try call("audit.list", ["pageSize": 3, "cursor": .string(current)])
            ids += page["result"]?["items"]?.arrayValue?.compactMap { $0["id"]?.intValue } ?? []
            cursor = page["result"]?["nextCursor"]?.stringValue
        }
        XCTAssertEqual(ids, [4, 3, 2, 1])
    }

    func testRecordsCannotBeChangedEvenInTheDatabase() throws {
        let result = try runProgram("/usr/bin/env", [
            "python3", "-c",
            """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1])
            for sql in ("UPDATE audit_log SET login = 'x'", "DELETE FROM audit_log"):
                try:
                    c.execute(sql)
                    print("allowed")
                except sqlite3.DatabaseError as error:
                    print("refused:", error)
            """,
            daemon.stateDirectory + "/tcms.sqlite",
        ])
        XCTAssertEqual(result.stdout, """
            refused: audit records cannot be changed
            refused: audit records cannot be deleted

            """)
        XCTAssertEqual(try call("audit.list")["result"]?["total"], 4)
    }
}
