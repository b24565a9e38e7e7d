import Foundation
import TCMSJSON

/// Builds hostile request lines for the fuzz harness: random bytes, mutated requests, deep
/// nesting, huge numbers, duplicate keys, invalid UTF-8, wrong param types and batches.
/// Every line is built so that the daemon must refuse it without changing stored data: the
/// requests it mutates are reads, and the methods it calls get a wrong-typed param, which the
/// dispatcher refuses before any handler runs.
struct FuzzLineGenerator {
    /// The kinds of line, in the order the generator cycles through them.
    enum Kind: String, CaseIterable {
        case randomBytes, mutatedRequest, deepNesting, hugeNumber, duplicateKeys, invalidUTF8
        case wrongParamType, batch
    }

    private var random: FuzzTests.SplitMix
    private let methods: [(name: String, param: String, type: String)]
    private let readRequests: [[UInt8]] = [
        #"{"jsonrpc":"2.0","id":5,"method":"system.stats","params":{}}"#,
        #"{"jsonrpc":"2.0","id":"a","method":"contract.list","params":{"page":2}}"#,
        #"{"jsonrpc":"2.0","id":7,"method":"office.list","params":{"filter":{"name":"福州"}}}"#,
        #"[{"jsonrpc":"2.0","id":1,"method":"system.ping"},{"jsonrpc":"2.0","id":2,"method":"x"}]"#,
    ].map { Array($0.utf8) }

    /// `methods` are the methods with one typed param each, from `rpc.discover`.
    init(seed: UInt64, methods: [(name: String, param: String, type: String)]) {
        random = FuzzTests.SplitMix(state: seed)
        self.methods = methods
    }

    /// Returns the next line, without its newline, and its kind.
    mutating func next(round: Int) -> (kind: Kind, line: [UInt8]) {
        let kind = Kind.allCases[round % Kind.allCases.count]
        var line: [UInt8]
        switch kind {
        case .randomBytes:
            line = (0..<Int.random(in: 1...300, using: &random)).map { _ in
                UInt8.random(in: 0...255, using: &random)
            }
        case .mutatedRequest:
            line = readRequests[Int.random(in: 0..<readRequests.count, using: &random)]
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let index = Int.random(in: 0..<line.count, using: &random)
                line[index] = UInt8.random(in: 0...255, using: &random)
            }
        case .deepNesting:
            let depth = Int.random(in: 1...20_000, using: &random)
            let open = Bool.random(using: &random) ? UInt8(ascii: "[") : UInt8(ascii: "{")
            line = Array(#"{"jsonrpc":"2.0","id":3,"method":"system.ping","params":"#.utf8)
                + Array(repeating: open, count: depth)
        case .hugeNumber:
            let numbers = ["1e999", "-1e999", "123456789012345678901234567890", "-0", "1E+400",
                           "0.0000000000000000000000001", "9223372036854775808"]
            let number = numbers[Int.random(in: 0..<numbers.count, using: &random)]
            line = Array(
                #"{"jsonrpc":"2.0","id":\#(number),"method":"contract.list","params":{"page":\#(number)}}"#
                    .utf8)
        case .duplicateKeys:
            line = Array(
                #"{"jsonrpc":"2.0","id":1,"method":"system.ping","method":"backup.create","id":2}"#
                    .utf8)
        case .invalidUTF8:
            let bad: [[UInt8]] = [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80], [0xFF],
                                  [0xE6, 0xB1], [0xF4, 0x90, 0x80, 0x80]]
            line = Array(#"{"jsonrpc":"2.0","id":4,"method":"office.list","params":{"filter":{"name":""#.utf8)
                + bad[Int.random(in: 0..<bad.count, using: &random)] + Array(#""}}}"#.utf8)
        case .wrongParamType:
            line = wrongTypeRequest()
        case .batch:
            let count = Int.random(in: 1...5, using: &random)
            let members = (0..<count).map { _ in wrongTypeRequest() }
            line = [UInt8(ascii: "[")] + Array(members.joined(separator: [UInt8(ascii: ",")]))
                + [UInt8(ascii: "]")]
        }
        line.removeAll { $0 == 0x0A }
        return (kind, line)
    }

    /// A call of a random method with a value of the wrong JSON type for one of its params.
    private mutating func wrongTypeRequest() -> [UInt8] {
        guard !methods.isEmpty else { return Array("{}".utf8) }
        let method = methods[Int.random(in: 0..<methods.count, using: &random)]
        let wrong: JSON
        switch method.type {
        case "string": wrong = [1, 2]
        case "integer": wrong = "七"
        case "boolean": wrong = 1
        case "object": wrong = "{}"
        default: wrong = .object(JSONObject())
        }
        let request: JSON = [
            "jsonrpc": "2.0", "id": .int(Int64.random(in: 1...1_000_000, using: &random)),
            "method": .string(method.name),
            "params": .object(JSONObject([(method.param, wrong)])),
        ]
        return Array(request.encodedString().utf8)
    }
}
