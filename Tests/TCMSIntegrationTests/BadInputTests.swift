import Foundation
import TCMSJSON
import XCTest

/// Bad input costs the sender one error reply, never the connection, another client or memory
/// beyond the line limit.
final class BadInputTests: XCTestCase {
    private let ping = #"{"jsonrpc":"2.0","method":"system.ping","id":"#

    func testRequestSplitIntoThreeByteWritesIsOneMessage() throws {
        let daemon = try DaemonProcess(self)
        let client = try RawClient(path: daemon.socketPath)

        let first = Array((ping + "7}\n").utf8)
        for start in stride(from: 0, to: first.count, by: 3) {
            try client.write(Array(first[start..<min(start + 3, first.count)]))
            usleep(20_000)
        }
        try client.write(ping + "8}\n" + ping + "9}\n")

        let chinese = #"{"jsonrpc":"2.0","id":10,"method":"system.ping","params":{"name":"福建青岚环保科技有限公司"}}"#
        let bytes = Array(chinese.utf8)
        let split = Array("福建青".utf8).count + bytes.firstRange(of: Array("福建".utf8))!.lowerBound + 1
        try client.write(Array(bytes[..<split]))
        usleep(20_000)
        try client.write(Array(bytes[split...]))
        usleep(20_000)
        try client.write("\n")

        XCTAssertEqual(try client.readReply()["id"], 7)
        XCTAssertEqual(try client.readReply()["id"], 8)
        XCTAssertEqual(try client.readReply()["id"], 9)
        let split10 = try client.readReply()
        XCTAssertEqual(split10["id"], 10)
        XCTAssertNotEqual(split10.errorCode, -32700)

        let whole = try RawClient(path: daemon.socketPath).request(chinese)
        XCTAssertEqual(split10, whole)
    }

    func testInvalidUTF8LinesAreParseErrorsAndConnectionLives() throws {
        let daemon = try DaemonProcess(self)
        let client = try RawClient(path: daemon.socketPath)
        let prefix = Array(#"{"jsonrpc":"2.0","id":1,"method":"system.ping","params":{"name":""#.utf8)
        let suffix = Array(#""}}"#.utf8) + [0x0A]

        for bad: [UInt8] in [[0xC3, 0x28], [0xED, 0xA0, 0x80], [0xC0, 0xAF]] {
            try client.write(prefix + bad + suffix)
            let reply = try client.readReply()
            XCTAssertEqual(reply.errorCode, -32700, "\(bad)")
            XCTAssertEqual(reply["id"], .null)
        }
        try client.write([0xFF, 0x0A])
        XCTAssertEqual(try client.readReply().errorCode, -32700)

        let surrogate = try client.request(
            #"{"jsonrpc":"2.0","id":2,"method":"system.ping","params":{"name":"\ud800"}}"#)
        XCTAssertEqual(surrogate.errorCode, -32700)

        XCTAssertEqual(try client.request(ping + "3}")["result"], "pong")
    }

    func testWrongTypesAndUnknownParamsAreInvalidParams() throws {
        let daemon = try DaemonProcess(self)
        let client = try RawClient(path: daemon.socketPath)

        let unknown = try client.request(
            #"{"jsonrpc":"2.0","id":1,"method":"system.stats","params":{"role":"operator","uid":0}}"#)
        XCTAssertEqual(unknown.errorCode, -32602)
        let fields = unknown["error"]?["data"]?["errors"]?.arrayValue?.compactMap {
            $0["field"]?.stringValue
        }
        XCTAssertEqual(fields, ["params.role", "params.uid"])

        let notObject = try client.request(#"{"jsonrpc":"2.0","id":2,"method":"system.ping","params":"x"}"#)
        XCTAssertEqual(notObject.errorCode, -32600)

        let badID = try client.request(#"{"jsonrpc":"2.0","id":{"a":1},"method":"system.ping"}"#)
        XCTAssertEqual(badID.errorCode, -32600)
        XCTAssertEqual(badID["id"], .null)
    }

    func testDeepNestingAndDuplicateKeysAreRejected() throws {
        let daemon = try DaemonProcess(self)
        let client = try RawClient(path: daemon.socketPath)
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        XCTAssertEqual(try client.request(deep).errorCode, -32700)
        let duplicate = try client.request(#"{"jsonrpc":"2.0","id":1,"id":2,"method":"system.ping"}"#)
        XCTAssertEqual(duplicate.errorCode, -32700)
        XCTAssertEqual(try client.request(ping + "3}")["result"], "pong")
    }

    func testOversizeLinesAreRefusedWithoutGrowingMemory() throws {
        let daemon = try DaemonProcess(self)
        let watcher = try RawClient(path: daemon.socketPath)
        let baseline = daemon.residentKiB()

        let flood = try RawClient(path: daemon.socketPath)
        let chunk = [UInt8](repeating: UInt8(ascii: "A"), count: 1 << 20)
        for index in 0..<64 {
            try flood.write(chunk)
            if index % 16 == 0 {
                XCTAssertEqual(try watcher.request(ping + "\(index)}")["result"], "pong")
            }
        }
        let floodReply = try flood.readReply()
        XCTAssertEqual(floodReply.errorCode, 5013)
        XCTAssertEqual(floodReply.errorReason, "line_too_long")
        XCTAssertEqual(floodReply["id"], .null)
        let grownKiB = daemon.residentKiB() - baseline
        XCTAssertLessThan(grownKiB, (1 << 10) + 8 * 1024, "resident memory grew by \(grownKiB) KiB")

        // The rest of the skipped line ends at its newline; the connection then works again.
        try flood.write("\n")
        XCTAssertEqual(try flood.request(ping + "99}")["result"], "pong")

        let bigName = String(repeating: "名", count: 700_000)
        let big = try RawClient(path: daemon.socketPath)
        let reply = try big.request(
            #"{"jsonrpc":"2.0","id":1,"method":"system.ping","params":{"name":"\#(bigName)"}}"#)
        XCTAssertEqual(reply.errorReason, "line_too_long")
    }

    func testLineJustUnderTheLimitIsServed() throws {
        let daemon = try DaemonProcess(self)
        let client = try RawClient(path: daemon.socketPath)
        let frame = #"{"jsonrpc":"2.0","method":"system.ping","id":""}"#
        let id = String(repeating: "x", count: (1 << 20) - 1 - frame.utf8.count)
        let line = #"{"jsonrpc":"2.0","method":"system.ping","id":"\#(id)"}"#
        XCTAssertEqual(line.utf8.count, (1 << 20) - 1)
        let reply = try client.request(line)
        XCTAssertEqual(reply["result"], "pong")
        XCTAssertEqual(reply["id"]?.stringValue?.count, id.count)
    }

    func testHalfLineIsClosedAfterReadTimeoutWhileOthersAreServed() throws {
        let daemon = try DaemonProcess(self, config: "read_timeout_seconds = 1\n")
        let stalled = try RawClient(path: daemon.socketPath)
        try stalled.write(#"{"jsonrpc":"2.0","id":1,"met"#)
        let other = try RawClient(path: daemon.socketPath)
        for index in 0..<10 {
            XCTAssertEqual(try other.request(ping + "\(index)}")["result"], "pong")
            usleep(50_000)
        }
        XCTAssertNil(try stalled.readLine(timeout: 5), "the stalled connection should be closed")
    }

    func testConnectionsOverTheLimitAreRefusedWithAnError() throws {
        let daemon = try DaemonProcess(self, config: "max_connections = 3\n")
        var held: [RawClient] = []
        for _ in 0..<3 {
            // The start-up probe's connection may still be counted for a moment after it
            // closed, so a refusal here is retried until that slot is free.
            var client = try RawClient(path: daemon.socketPath)
            for _ in 0..<50 {
                // A refused client gets its error without sending anything.
                guard let early = try? client.readLine(timeout: 0.3) else { break }
                XCTAssertTrue(String(decoding: early, as: UTF8.self).contains("5004"))
                usleep(100_000)
                client = try RawClient(path: daemon.socketPath)
            }
            XCTAssertEqual(try client.request(ping + "1}")["result"], "pong")
            held.append(client)
        }
        let refused = try RawClient(path: daemon.socketPath)
        let reply = try refused.readReply()
        XCTAssertEqual(reply.errorCode, 5004)
        XCTAssertEqual(reply.errorReason, "too_many_connections")
        XCTAssertNil(try refused.readLine(timeout: 2))

        held.removeLast()
        usleep(200_000)
        let admitted = try RawClient(path: daemon.socketPath)
        XCTAssertEqual(try admitted.request(ping + "2}")["result"], "pong")
    }
}
