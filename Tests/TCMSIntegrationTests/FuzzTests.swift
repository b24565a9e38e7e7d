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

    /// Sends `TCMS_FUZZ_LINES` hostile lines (default 4,000; a long run sends 1,000,000), each
    /// followed by a ping that marks where its replies end, and prints a summary. Every reply
    /// must be well formed, the daemon must stay up, and no table may change.
    func testHostileLinesGetWellFormedReplies() throws {
        let total = Int(ProcessInfo.processInfo.environment["TCMS_FUZZ_LINES"] ?? "") ?? 4_000
        let daemon = try DaemonProcess(self)
        var client = try RawClient(path: daemon.socketPath)
        let before = try tableCounts(daemon)
        var generator = FuzzLineGenerator(seed: 1, methods: try typedParams(client))
        var replies = 0
        var reconnects = 0
        var kinds: [FuzzLineGenerator.Kind: Int] = [:]
        let started = Date()

        for round in 0..<total {
            let (kind, line) = generator.next(round: round)
            kinds[kind, default: 0] += 1
            let marker = "sync-\(round)"
            do {
                try client.write(line + [0x0A])
                try client.write(#"{"jsonrpc":"2.0","id":"\#(marker)","method":"system.ping"}"# + "\n")
                replies += try readUntilMarker(client, marker, context: "round \(round) \(kind)")
            } catch is ConnectionClosed {
                // A connection the daemon closed must be replaceable at once.
                reconnects += 1
                client = try RawClient(path: daemon.socketPath)
            }
        }

        XCTAssertEqual(try RawClient(path: daemon.socketPath).request(
            #"{"jsonrpc":"2.0","id":1,"method":"system.ping"}"#)["result"], "pong")
        XCTAssertEqual(try tableCounts(daemon), before)
        XCTAssertTrue(daemon.process.isRunning)
        let seconds = Date().timeIntervalSince(started)
        let perKind = FuzzLineGenerator.Kind.allCases.map { "\($0.rawValue)=\(kinds[$0] ?? 0)" }
        print("fuzz: \(total) lines in \(String(format: "%.1f", seconds)) s, \(replies) replies, "
            + "\(reconnects) reconnects, 0 crashes, tables unchanged; "
            + perKind.joined(separator: " "))
    }

    private struct ConnectionClosed: Error {}

    /// Reads replies until the ping with id `marker`; returns how many came before it, each
    /// checked to be a well-formed JSON-RPC reply.
    private func readUntilMarker(_ client: RawClient, _ marker: String, context: String) throws
        -> Int
    {
        var count = 0
        while true {
            guard let line = try client.readLine(timeout: 10) else {
                throw ConnectionClosed()
            }
            let parsed = try JSONParser.parse(line)
            if parsed["id"]?.stringValue == marker {
                XCTAssertEqual(parsed["result"], "pong", context)
                return count
            }
            XCTAssertTrue(isWellFormedReply(parsed), "\(context): \(parsed.encodedString())")
            count += 1
        }
    }

    /// Every param of a fixed JSON type of every method in `rpc.discover`.
    private func typedParams(_ client: RawClient) throws
        -> [(name: String, param: String, type: String)]
    {
        let discover = try client.request(#"{"jsonrpc":"2.0","id":1,"method":"rpc.discover"}"#)
        var found: [(name: String, param: String, type: String)] = []
        for method in discover["result"]?["methods"]?.arrayValue ?? [] {
            guard let name = method["name"]?.stringValue else { continue }
            for param in method["params"]?.arrayValue ?? [] {
                guard let paramName = param["name"]?.stringValue,
                    let type = param["schema"]?["type"]?.stringValue,
                    ["string", "integer", "boolean", "object", "array"].contains(type)
                else { continue }
                found.append((name, paramName, type))
            }
        }
        return found
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
