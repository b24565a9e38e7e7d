import TCMSJSON
import XCTest

/// The examples of the JSON-RPC 2.0 specification, section 7, adapted to tcms's own methods and
/// sent to the real daemon over its socket.
final class JSONRPCSpecificationTests: XCTestCase {
    private var daemon: DaemonProcess!
    private var client: RawClient!

    override func setUpWithError() throws {
        daemon = try DaemonProcess(self)
        client = try RawClient(path: daemon.socketPath)
    }

    func testCallWithNamedParams() throws {
        let reply = try client.request(
            #"{"jsonrpc":"2.0","method":"system.ping","params":{},"id":3}"#)
        XCTAssertEqual(reply, ["jsonrpc": "2.0", "result": "pong", "id": 3])
    }

    func testNotificationGetsNoReply() throws {
        try client.write(#"{"jsonrpc":"2.0","method":"system.ping"}"# + "\n")
        try client.write(#"{"jsonrpc":"2.0","method":"no.such.method"}"# + "\n")
        let reply = try client.request(#"{"jsonrpc":"2.0","method":"system.ping","id":"after"}"#)
        XCTAssertEqual(reply["id"], "after")
    }

    func testIdsAreEchoedUnchanged() throws {
        for id in [#""abc""#, "42", "-7", "1.5", "null", #""中文""#] {
            let reply = try client.request(#"{"jsonrpc":"2.0","method":"system.ping","id":\#(id)}"#)
            XCTAssertEqual(reply["id"], try JSONParser.parse(id), id)
            XCTAssertEqual(reply["result"], "pong", id)
        }
    }

    func testNonExistentMethod() throws {
        let reply = try client.request(#"{"jsonrpc":"2.0","method":"foobar","id":"1"}"#)
        XCTAssertEqual(reply.errorCode, -32601)
        XCTAssertEqual(reply["id"], "1")
    }

    func testInvalidJSON() throws {
        let reply = try client.request(#"{"jsonrpc":"2.0","method":"foobar,"params":"bar","baz]"#)
        XCTAssertEqual(reply.errorCode, -32700)
        XCTAssertEqual(reply["id"], .null)
    }

    func testInvalidRequestObject() throws {
        let reply = try client.request(#"{"jsonrpc":"2.0","method":1,"params":"bar"}"#)
        XCTAssertEqual(reply.errorCode, -32600)
        XCTAssertEqual(reply["id"], .null)
    }

    func testBatchWithInvalidJSON() throws {
        let reply = try client.request(
            #"[{"jsonrpc":"2.0","method":"system.ping","params":{},"id":"1"},{"jsonrpc":"2.0","method""#)
        XCTAssertEqual(reply.errorCode, -32700)
        XCTAssertEqual(reply["id"], .null)
    }

    func testEmptyBatch() throws {
        let reply = try client.request("[]")
        XCTAssertEqual(reply.errorCode, -32600)
        XCTAssertNil(reply.arrayValue)
    }

    func testInvalidNonEmptyBatch() throws {
        let reply = try client.request("[1]")
        XCTAssertEqual(reply.arrayValue?.count, 1)
        XCTAssertEqual(reply.arrayValue?.first?.errorCode, -32600)
    }

    func testInvalidBatch() throws {
        let reply = try client.request("[1,2,3]")
        XCTAssertEqual(reply.arrayValue?.count, 3)
        XCTAssertEqual(reply.arrayValue?.compactMap(\.errorCode), [-32600, -32600, -32600])
    }

    func testMixedBatch() throws {
        let batch = """
            [{"jsonrpc":"2.0","method":"system.ping","params":{},"id":"1"},
             {"jsonrpc":"2.0","method":"system.ping","params":{}},
             {"jsonrpc":"2.0","method":"system.version","id":"2"},
             {"foo":"boo"},
             {"jsonrpc":"2.0","method":"foo.get","params":{"name":"myself"},"id":"5"},
             {"jsonrpc":"2.0","method":"system.stats","id":"9"}]
            """.replacingOccurrences(of: "\n", with: "")
        let replies = try XCTUnwrap(try client.request(batch).arrayValue)
        XCTAssertEqual(replies.count, 5)
        let byID = Dictionary(uniqueKeysWithValues: replies.map { ($0["id"]!.encodedString(), $0) })
        XCTAssertEqual(byID[#""1""#]?["result"], "pong")
        XCTAssertNotNil(byID[#""2""#]?["result"]?["version"])
        XCTAssertEqual(byID["null"]?.errorCode, -32600)
        XCTAssertEqual(byID[#""5""#]?.errorCode, -32601)
        XCTAssertNotNil(byID[#""9""#]?["result"]?["uptimeSeconds"])
    }

    func testBatchOfNotificationsGetsNoReply() throws {
        try client.write(
            #"[{"jsonrpc":"2.0","method":"system.ping"},{"jsonrpc":"2.0","method":"system.stats"}]"#
                + "\n")
        XCTAssertTrue(client.staysSilent(for: 0.3))
        XCTAssertEqual(try client.request(#"{"jsonrpc":"2.0","method":"system.ping","id":1}"#)["id"], 1)
    }

    func testPositionalParamsAreRejected() throws {
        let reply = try client.request(#"{"jsonrpc":"2.0","method":"system.ping","params":[1],"id":4}"#)
        XCTAssertEqual(reply.errorCode, -32602)
        XCTAssertEqual(reply["id"], 4)
    }

    func testWrongVersionIsInvalidRequest() throws {
        let reply = try client.request(#"{"jsonrpc":"1.0","method":"system.ping","id":4}"#)
        XCTAssertEqual(reply.errorCode, -32600)
        XCTAssertEqual(reply["id"], 4)
    }

    func testBooleansInRepliesAreLiterals() throws {
        try client.write(#"{"jsonrpc":"2.0","method":"rpc.discover","id":1}"# + "\n")
        let line = String(decoding: try XCTUnwrap(try client.readLine()), as: UTF8.self)
        XCTAssertTrue(line.contains(#""x-writes":false"#))
        XCTAssertFalse(line.contains(#""x-writes":0"#))
    }
}
