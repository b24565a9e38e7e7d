import TCMSJSON
import XCTest

@testable import TCMSRPC

final class DispatcherTests: XCTestCase {
    private func makeDispatcher() -> Dispatcher {
        var table = MethodTable()
        table.register(
            MethodSpec(
                "demo.echo", summary: "Echoes its params.",
                params: [
                    ParamSpec("text", .string, required: true, "any text"),
                    ParamSpec("page", .integer(min: 1, max: nil), "a page number"),
                    ParamSpec("flag", .boolean, "a yes/no value"),
                ],
                result: "the params", roles: [.operator, .clerk]
            ) { _, params in .object(params.object) })
        table.register(
            MethodSpec("demo.fail", summary: "Fails.", result: "nothing", roles: .everyone) { _, _ in
                struct Oops: Error {}
                throw Oops()
            })
        return Dispatcher(table: table) { _, _ in .internalError("translated") }
    }

    private func connection(_ role: Role) -> ConnectionState {
        ConnectionState(id: 1, caller: Caller(role: role, peerUID: 1000, peerPID: 42))
    }

    private func call(_ line: String, as role: Role = .operator) throws -> JSON {
        let dispatcher = makeDispatcher()
        let reply = try XCTUnwrap(dispatcher.handle(line: Array(line.utf8), connection: connection(role)))
        return try JSONParser.parse(reply)
    }

    func testAllowedRoleGetsResult() throws {
        let reply = try call(#"{"jsonrpc":"2.0","id":1,"method":"demo.echo","params":{"text":"你好"}}"#)
        XCTAssertEqual(reply["result"]?["text"], "你好")
    }

    func testAnonymousIsAskedToLogIn() throws {
        let reply = try call(
            #"{"jsonrpc":"2.0","id":1,"method":"demo.echo","params":{"text":"x"}}"#, as: .anonymous)
        XCTAssertEqual(reply["error"]?["code"]?.intValue, 1001)
    }

    func testOtherRoleIsForbidden() throws {
        let reply = try call(
            #"{"jsonrpc":"2.0","id":1,"method":"demo.echo","params":{"text":"x"}}"#, as: .person)
        XCTAssertEqual(reply["error"]?["code"]?.intValue, 1003)
        XCTAssertEqual(reply["error"]?["data"]?["reason"], "forbidden")
    }

    func testBooleanWhereIntegerExpectedIsRejected() throws {
        let reply = try call(
            #"{"jsonrpc":"2.0","id":1,"method":"demo.echo","params":{"text":"x","page":true}}"#)
        XCTAssertEqual(reply["error"]?["code"]?.intValue, -32602)
        XCTAssertEqual(reply["error"]?["data"]?["field"], "params.page")
    }

    func testIntegralDoubleIsAcceptedFractionIsRejected() throws {
        let whole = try call(
            #"{"jsonrpc":"2.0","id":1,"method":"demo.echo","params":{"text":"x","page":2.0}}"#)
        XCTAssertNil(whole["error"])
        let fraction = try call(
            #"{"jsonrpc":"2.0","id":1,"method":"demo.echo","params":{"text":"x","page":2.5}}"#)
        XCTAssertEqual(fraction["error"]?["data"]?["field"], "params.page")
    }

    func testIntegerWhereBooleanExpectedIsRejected() throws {
        let reply = try call(
            #"{"jsonrpc":"2.0","id":1,"method":"demo.echo","params":{"text":"x","flag":1}}"#)
        XCTAssertEqual(reply["error"]?["data"]?["field"], "params.flag")
        XCTAssertEqual(reply["error"]?["data"]?["reason"], "wrong_type")
    }

    func testMissingRequiredParamIsNamed() throws {
        let reply = try call(#"{"jsonrpc":"2.0","id":1,"method":"demo.echo","params":{}}"#)
        XCTAssertEqual(reply["error"]?["data"]?["reason"], "missing_param")
        XCTAssertEqual(reply["error"]?["data"]?["field"], "params.text")
    }

    func testOutOfRangeIntegerIsRejected() throws {
        let reply = try call(
            #"{"jsonrpc":"2.0","id":1,"method":"demo.echo","params":{"text":"x","page":0}}"#)
        XCTAssertEqual(reply["error"]?["data"]?["reason"], "out_of_range")
    }

    func testUnexpectedErrorIsTranslated() throws {
        let reply = try call(#"{"jsonrpc":"2.0","id":1,"method":"demo.fail"}"#)
        XCTAssertEqual(reply["error"]?["code"]?.intValue, -32603)
    }

    func testBatchOverTheLimitIsRejected() throws {
        var limits = Dispatcher.Limits()
        limits.maxBatchSize = 2
        let dispatcher = Dispatcher(table: MethodTable(), limits: limits) { _, _ in .internalError() }
        let line = #"[{"jsonrpc":"2.0","id":1,"method":"x"},{"jsonrpc":"2.0","id":2,"method":"x"},"#
            + #"{"jsonrpc":"2.0","id":3,"method":"x"}]"#
        let reply = try JSONParser.parse(
            XCTUnwrap(dispatcher.handle(line: Array(line.utf8), connection: connection(.operator))))
        XCTAssertEqual(reply["error"]?["data"]?["reason"], "batch_too_large")
    }

    func testDiscoveryDocumentDescribesRolesAndParams() {
        let document = OpenRPCDocument.build(table: makeDispatcher().table, version: "test")
        let methods = document["methods"]?.arrayValue ?? []
        let echo = methods.first { $0["name"] == "demo.echo" }
        XCTAssertEqual(echo?["x-roles"], ["operator", "clerk"])
        XCTAssertEqual(echo?["x-writes"], false)
        XCTAssertEqual(echo?["params"]?.arrayValue?.count, 3)
    }
}
