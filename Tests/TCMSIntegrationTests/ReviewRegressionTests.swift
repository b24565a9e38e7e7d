import Foundation
import Glibc
import TCMSJSON
import XCTest

/// Faults found by attacking the daemon, each kept fixed by a test.
final class ReviewRegressionTests: XCTestCase {
    func testNulInTextIsRejectedNotTruncated() throws {
        let daemon = try DaemonProcess(self)
        let client = try RawClient(path: daemon.socketPath)
        let reply = try client.request(
            #"{"jsonrpc":"2.0","id":1,"method":"office.create","params":{"name":"泉州\u0000登记处","divisionCodes":["350500"]}}"#)
        XCTAssertEqual(reply.errorCode, -32602)
        XCTAssertEqual(reply.errorReason, "invalid_character")
        XCTAssertEqual(try client.call("office.list")["result"]?["total"], 0)
    }

    func testNameLengthCountsCodePointsLikeTheDatabase() throws {
        let daemon = try DaemonProcess(self)
        let client = try RawClient(path: daemon.socketPath)
        let family = String(repeating: "👨‍👩‍👧‍👦", count: 100)
        let reply = try client.call("office.create", ["name": .string(family), "divisionCodes": ["350200"]])
        XCTAssertEqual(reply.errorCode, -32602)
        XCTAssertEqual(reply.errorReason, "invalid_name")
    }

    func testUnrepresentableNumericIdsAreRefused() throws {
        let daemon = try DaemonProcess(self)
        let client = try RawClient(path: daemon.socketPath)
        for id in ["99999999999999999999", "1e400", "-1e300"] {
            let reply = try client.request(#"{"jsonrpc":"2.0","id":\#(id),"method":"system.ping"}"#)
            XCTAssertEqual(reply.errorCode, -32600, id)
            XCTAssertEqual(reply["id"], .null, id)
        }
        let exact = try client.request(#"{"jsonrpc":"2.0","id":9007199254740992,"method":"system.ping"}"#)
        XCTAssertEqual(exact["id"], 9007199254740992)
    }

    func testNotificationWithPositionalParamsGetsNoReply() throws {
        let daemon = try DaemonProcess(self)
        let client = try RawClient(path: daemon.socketPath)
        try client.write(#"{"jsonrpc":"2.0","method":"system.ping","params":[]}"# + "\n")
        try client.write(#"[{"jsonrpc":"2.0","method":"system.ping","params":[1]}]"# + "\n")
        XCTAssertTrue(client.staysSilent(for: 0.3))
    }

    func testCarriageReturnSplitFromNewlineDoesNotCountAgainstLimit() throws {
        let daemon = try DaemonProcess(self)
        let client = try RawClient(path: daemon.socketPath)
        let frame = #"{"jsonrpc":"2.0","method":"system.ping","id":1}"#
        let padded = frame + String(repeating: " ", count: (1 << 20) - frame.utf8.count)
        try client.write(padded + "\r")
        usleep(50_000)
        try client.write("\n")
        XCTAssertEqual(try client.readReply()["result"], "pong")
    }

    func testBackupReadPastTheEndAndDeleteOfMissingId() throws {
        let daemon = try DaemonProcess(self)
        let client = try RawClient(path: daemon.socketPath)
        let created = try client.call("backup.create")
        let id = try XCTUnwrap(created["result"]?["id"])
        let far = try client.call("backup.read", ["id": id, "offset": 4_611_686_018_427_387_904])
        XCTAssertEqual(far["result"]?["eof"], true)
        XCTAssertEqual(far["result"]?["data"], "")
        XCTAssertEqual(try client.call("backup.delete", ["id": id])["result"]?["deleted"], true)
        XCTAssertEqual(try client.call("backup.delete", ["id": id]).errorReason, "not_found")
    }

    func testListingCursorsAndFiltersAreStrict() throws {
        let daemon = try DaemonProcess(self)
        let client = try RawClient(path: daemon.socketPath)
        XCTAssertEqual(try client.call("office.list", ["cursor": "+1"]).errorReason, "invalid_cursor")
        XCTAssertEqual(try client.call("office.list", ["cursor": "-5"]).errorReason, "invalid_cursor")
        XCTAssertEqual(
            try client.call("office.list", ["cursor": "0", "page": 3]).errorReason, "cursor_with_page")
        XCTAssertEqual(
            try client.call("office.list", ["filter": ["divisionCode": "３５０１０２"]]).errorReason,
            "invalid_division_code")
        XCTAssertEqual(try client.call("office.get", ["id": 99_999_999_999_999_999_999.0]).errorReason,
                       "out_of_range")
    }

    func testCallAtConnectionLimitReportsTheDaemonsReasonWith69() throws {
        let daemon = try DaemonProcess(self, config: "max_connections_per_uid = 2\n")
        let first = try RawClient(path: daemon.socketPath)
        // The harness's start-up probe may still hold a slot for a moment; wait until only this
        // connection is open, so the second one is admitted and the limit is reached exactly.
        for _ in 0..<100 {
            let open = try first.call("system.stats")["result"]?["openConnections"]?.intValue
            if open == 1 { break }
            usleep(10_000)
        }
        let held = [first, try RawClient(path: daemon.socketPath)]
        for client in held {
            XCTAssertEqual(try client.call("system.ping")["result"], "pong")
        }
        for _ in 0..<10 {
            let result = try runTCMS(["call", "--socket", daemon.socketPath, "system.ping"])
            XCTAssertEqual(result.status, 69, result.stderr)
            XCTAssertTrue(result.stderr.contains("too_many_connections"), result.stderr)
        }
    }

    func testShellKeepsDigitStringsForStringParams() throws {
        let daemon = try DaemonProcess(self)
        let client = try RawClient(path: daemon.socketPath)
        _ = try client.call("office.create", ["name": "福州技术市场", "divisionCodes": ["350100"]])
        let result = try runTCMS([
            "shell", "--socket", daemon.socketPath, "--format", "json", "-c",
            "office.search divisionCode=350102",
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("福州技术市场"), result.stdout)
    }

    func testStartFailuresSayWhatIsWrong() throws {
        let directory = makeTemporaryDirectory(self)
        let empty = try runTCMS(["daemon", "--state-dir", directory + "/s", "--socket", ""])
        XCTAssertEqual(empty.status, 64)

        let longPath = directory + "/" + String(repeating: "x", count: 110) + ".sock"
        let long = try runTCMS(["daemon", "--state-dir", directory + "/s", "--socket", longPath])
        XCTAssertEqual(long.status, 1)
        XCTAssertTrue(long.stderr.contains("Unix sockets allow at most 107"), long.stderr)

        try "plain".write(toFile: directory + "/plainfile", atomically: true, encoding: .utf8)
        let blocked = try runTCMS([
            "daemon", "--state-dir", directory + "/plainfile/sub", "--socket", directory + "/b.sock",
        ])
        XCTAssertEqual(blocked.status, 1)
        XCTAssertTrue(blocked.stderr.contains("cannot create the state directory"), blocked.stderr)
        XCTAssertFalse(blocked.stderr.contains("NSCocoaErrorDomain"), blocked.stderr)
    }

    func testRefusedDaemonLeavesNoDatabaseAndFilesArePrivate() throws {
        let directory = makeTemporaryDirectory(self)
        let first = try DaemonProcess(self, directory: directory)
        var info = stat()
        XCTAssertEqual(stat(first.stateDirectory + "/tcms.sqlite", &info), 0)
        XCTAssertEqual(info.st_mode & 0o077, 0, "the database is readable by others")

        let other = directory + "/other-state"
        let refused = try runTCMS(["daemon", "--state-dir", other, "--socket", first.socketPath])
        XCTAssertEqual(refused.status, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: other + "/tcms.sqlite"))
    }

    func testHangupWithUnchangedFileLogsNoRestartWarning() throws {
        let daemon = try DaemonProcess(self, config: "max_connections = 10\n")
        kill(daemon.pid, SIGHUP)
        var reloaded = false
        for _ in 0..<100 where !reloaded {
            usleep(20_000)
            reloaded = daemon.log.contains("configuration reloaded")
        }
        XCTAssertTrue(reloaded, daemon.log)
        XCTAssertFalse(daemon.log.contains("only after a restart"), daemon.log)
    }
}
