import Foundation
import TCMSDomain
import TCMSJSON
import XCTest

/// Runs `work(0..<count)` on `count` threads at once and returns what each returned, in
/// order. Each worker opens its own connections, so no client is shared between threads.
func inParallel<T: Sendable>(_ count: Int, _ work: @escaping @Sendable (Int) -> T) -> [T] {
    let box = ResultBox<T>(count: count)
    let done = DispatchGroup()
    for index in 0..<count {
        done.enter()
        Thread.detachNewThread {
            box.set(index, work(index))
            done.leave()
        }
    }
    done.wait()
    return box.values.map { $0! }
}

/// Results written by `inParallel` workers, one slot each.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    // Unchecked because every slot is written once under `lock` and read after all workers
    // finished.
    private(set) var values: [T?]
    private let lock = NSLock()

    init(count: Int) {
        values = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: T) {
        lock.withLock { values[index] = value }
    }
}

/// Whole fen of a money string from a reply; a malformed string is a test failure.
func fen(_ text: JSON?) -> Int64 {
    guard let text = text?.stringValue, let money = try? Money.parse(text) else {
        XCTFail("not money: \(String(describing: text))")
        return 0
    }
    return money.fen
}

extension RawClient {
    /// Calls `method` and waits up to `timeout` seconds for the reply. The walk's clerks send
    /// thousands of writes from many connections at once, and a reply may queue for longer
    /// than the default 10 s behind a commit on a loaded machine.
    func call(_ method: String, _ params: JSON, timeout: TimeInterval) throws -> JSON {
        let request: JSON = [
            "jsonrpc": "2.0", "id": 1, "method": .string(method), "params": params,
        ]
        try write(request.encodedString() + "\n")
        return try readReply(timeout: timeout)
    }

    /// Returns every item of a listing, walking the cursor 200 rows at a time.
    func everyItem(_ method: String, filter: JSON = [:]) throws -> [JSON] {
        var items: [JSON] = []
        var cursor = "0"
        while true {
            let reply = try call(
                method, ["filter": filter, "pageSize": 200, "cursor": .string(cursor)],
                timeout: 120)
            guard let page = reply["result"] else {
                throw HarnessError("\(method) failed: \(reply.encodedString())")
            }
            items += page["items"]?.arrayValue ?? []
            guard let next = page["nextCursor"]?.stringValue else { return items }
            cursor = next
        }
    }
}

/// The access form of a fixture entity, filled from its own record so that it matches.
func accessForm(of entity: JSONObject) -> JSON {
    [
        "enterpriseName": entity["name"] ?? .null,
        "legalRepName": entity["legalRepName"] ?? .null,
        "registeredAddress": entity["address"] ?? .null,
        "enterpriseNature": entity["nature"] ?? .null,
        "countryCode": "CN",
        "divisionCode": entity["divisionCode"] ?? .null,
        "postcode": entity["postcode"] ?? .null,
        "industry": entity["industry"] ?? .null,
        "enterpriseSize": entity["size"] ?? .null,
        "inHighTechZone": false,
        "techTransferInstitution": false,
    ]
}

/// Count, 成交额 and 技术交易额 in fen of one group of contracts.
struct Sums: Equatable, CustomStringConvertible {
    var count: Int64 = 0
    var amount: Int64 = 0
    var techAmount: Int64 = 0

    var description: String { "\(count) / \(amount) / \(techAmount)" }

    /// Reads the sums of a `stats.contracts` group or total.
    init(stats group: JSON) {
        count = group["count"]?.intValue ?? -1
        amount = fen(group["amount"])
        techAmount = fen(group["techAmount"])
    }

    init() {}

    /// Adds one contract from `contract.list`: its verified 技术交易额 once approved, else the
    /// declared one.
    mutating func add(_ contract: JSON) {
        count += 1
        amount += fen(contract["amount"])
        let isApproved = contract["status"]?.stringValue == "approved"
        techAmount += fen(isApproved ? contract["approvedTechAmount"] : contract["techAmount"])
    }
}
