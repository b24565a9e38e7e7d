import Foundation
import TCMSJSON
import XCTest

/// A bounded fuzz run against the real daemon: random and mutated lines, and a wrong type for
/// every param of every method `rpc.discover` lists. Every line must get a well-formed reply,
/// the daemon must stay up, and rejected calls must not change stored data.
final class FuzzTests: XCTestCase {
    /// A small deterministic generator (SplitMix64), so a failure can be replayed from its seed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private let seeds: [UInt64] = [1, 2, 3]

    func testRandomAndMutatedLinesGetWellFormedReplies() throws {
        let daemon = try DaemonProcess(self)
        let client = try RawClient(path: daemon.socketPath)
        let before = try tableCounts(daemon)
        let valid = Array(#"{"jsonrpc":"2.0","id":5,"method":"system.stats","params":{}}"#.utf8)

        for seed in seeds {
            var random = SplitMix(state: seed)
            for round in 0..<300 {
                var line: [UInt8]
                if round % 2 == 0 {
                    line = (0..<Int.random(in: 1...200, using: &random)).map { _ in
                        UInt8.random(in: 0...255, using: &random)
                    }
                } else {
                    line = valid
                    for _ in 0..<Int.random(in: 1...4, using: &random) {
                        let index = Int.random(in: 0..<line.count, using: &random)
                        line[index] = UInt8.random(in: 0...255, using: &random)
                    }
                }
                line.removeAll { $0 == 0x0A }
                try client.write(line + [0x0A])
                let reply = try client.readLine(timeout: 5)
                let context = "seed \(seed) round \(round)"
                let parsed = try JSONParser.parse(try XCTUnwrap(reply, context))
                XCTAssertTrue(isWellFormedReply(parsed), "\(context): \(parsed.encodedString())")
            }
        }
        XCTAssertEqual(try RawClient(path: daemon.socketPath).request(
            #"{"jsonrpc":"2.0","id":1,"method":"system.ping"}"#)["result"], "pong")
        XCTAssertEqual(try tableCounts(daemon), before)
    }

    func testWrongTypeForEveryParamOfEveryMethod() throws {
        let daemon = try DaemonProcess(self)
        let client = try RawClient(path: daemon.socketPath)
        let before = try tableCounts(daemon)
        let discover = try client.request(#"{"jsonrpc":"2.0","id":1,"method":"rpc.discover"}"#)
        let methods = try XCTUnwrap(discover["result"]?["methods"]?.arrayValue)
        let wrongValues: [String: [JSON]] = [
            "string": [1, true, [:], ["x"], 1.5],
            "integer": ["1", true, 2.5, [:], 1e300],
            "boolean": [1, 0, "true", "否", [:]],
            "object": ["x", 1, [1], true],
            "array": ["x", 1, [:], false],
        ]

        var calls = 0
        // The test connection is an operator; methods closed to operators refuse on the role
        // before looking at params, so they are exercised by the role matrix instead.
        let operatorMethods = methods.filter {
            $0["x-roles"]?.arrayValue?.contains("operator") ?? false
        }
        for method in operatorMethods {
            let name = try XCTUnwrap(method["name"]?.stringValue)
            for param in method["params"]?.arrayValue ?? [] {
                guard let paramName = param["name"]?.stringValue,
                    let type = param["schema"]?["type"]?.stringValue,
                    let values = wrongValues[type]
                else { continue }
                for value in values {
                    let request: JSON = [
                        "jsonrpc": "2.0", "id": 9, "method": .string(name),
                        "params": .object(JSONObject([(paramName, value)])),
                    ]
                    let reply = try client.request(request.encodedString())
                    calls += 1
                    XCTAssertEqual(reply.errorCode, -32602, "\(name).\(paramName) = \(value)")
                    let fields = [reply["error"]?["data"]?["field"]?.stringValue]
                        + (reply["error"]?["data"]?["errors"]?.arrayValue ?? []).map {
                            $0["field"]?.stringValue
                        }
                    XCTAssertTrue(fields.contains("params.\(paramName)"), "\(name): \(reply)")
                }
            }
        }
        XCTAssertGreaterThan(calls, 0)
        XCTAssertEqual(try tableCounts(daemon), before)
    }

    /// A JSON-RPC reply: version 2.0, an id member, and exactly one of result and error, where
    /// an error has an integer code, a message and a reason.
    private func isWellFormedReply(_ reply: JSON) -> Bool {
        if let batch = reply.arrayValue { return !batch.isEmpty && batch.allSatisfy(isWellFormedReply) }
        guard reply["jsonrpc"] == "2.0", reply["id"] != nil else { return false }
        switch (reply["result"], reply["error"]) {
        case (.some, nil):
            return true
        case (nil, .some(let error)):
            return error["code"]?.intValue != nil && error["message"]?.stringValue != nil
                && error["data"]?["reason"]?.stringValue != nil
        default:
            return false
        }
    }

    /// Row counts of every table, read from the live database file with Python's sqlite3.
    private func tableCounts(_ daemon: DaemonProcess) throws -> String {
        let script = """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1])
            names = [r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
            counts = []
            for name in names:
                counts.append(name + "=" + str(c.execute('SELECT count(*) FROM "%s"' % name).fetchone()[0]))
            print(";".join(counts))
            """
        let result = try runProgram(
            "/usr/bin/env", ["python3", "-c", script, daemon.stateDirectory + "/tcms.sqlite"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout
    }
}
