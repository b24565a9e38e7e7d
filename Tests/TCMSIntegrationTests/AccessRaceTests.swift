import Foundation
import TCMSJSON
import XCTest

/// Concurrent decisions on system-access applications: two clerks deciding one application
/// at once, and many clerks deciding different applications at once.
final class AccessRaceTests: XCTestCase {
    private var daemon: DaemonProcess!

    override func setUpWithError() throws {
        daemon = try DaemonProcess(self)
        let fuzhou = try daemon.createOffice("福州技术市场", ["350100"])
        try daemon.createClerk("clerk_lin", officeID: fuzhou)
        try daemon.createClerk("clerk_zheng", officeID: fuzhou)
        try daemon.importEntities((1...20).map { "race_\($0)" })
    }

    /// Logged-in connections, `count` of each login.
    private func connections(_ logins: [String], count: Int) throws -> [RawClient] {
        var clients: [RawClient] = []
        for login in logins {
            for _ in 0..<count { clients.append(try daemon.loggedIn(login)) }
        }
        return clients
    }

    func testApproveAgainstReturnOnlyOneWins() throws {
        let approvers = try connections(["clerk_lin"], count: 5)
        let returners = try connections(["clerk_zheng"], count: 5)
        let reason = "注册地址与营业执照不一致"

        for round in 1...20 {
            let id = try daemon.submitApplication("race_\(round)")
            let calls: [(RawClient, String, JSON)] =
                approvers.map { ($0, "access.approve", ["applicationId": .int(id)]) }
                + returners.map {
                    ($0, "access.return", ["applicationId": .int(id), "reason": .string(reason)])
                }
            let replies = SimultaneousCalls.run(calls)

            let winners = replies.enumerated().filter { $0.element["result"] != nil }
            XCTAssertEqual(winners.count, 1, "round \(round): \(replies)")
            let losers = replies.filter { $0["result"] == nil }
            XCTAssertEqual(losers.count, 9, "round \(round)")
            for loser in losers {
                XCTAssertEqual(loser.errorCode, 4010, "round \(round): \(loser)")
                XCTAssertEqual(loser.errorReason, "already_decided", "round \(round)")
            }
            XCTAssertEqual(try daemon.decisionRecords(id), 1, "round \(round)")
            XCTAssertEqual(
                try daemon.count(
                    "access_events",
                    where: "application_id = \(id) AND action IN ('approved', 'returned')"),
                1, "round \(round)")
            if let winner = winners.first {
                let expected = winner.offset < 5 ? "approved" : "returned"
                XCTAssertEqual(
                    try daemon.text("SELECT status FROM access_applications WHERE id = \(id)"),
                    expected, "round \(round)")
            }
        }
    }

    func testTwentyApprovalsAtOnceAllSucceed() throws {
        var ids: [Int64] = []
        for index in 1...20 { ids.append(try daemon.submitApplication("race_\(index)")) }
        let clerks = try connections(["clerk_lin", "clerk_zheng"], count: 10)
        let auditBefore = try daemon.count("audit_log")

        let calls = zip(clerks, ids).map { client, id -> (RawClient, String, JSON) in
            (client, "access.approve", ["applicationId": .int(id)])
        }
        let started = Date()
        let replies = SimultaneousCalls.run(calls)
        let elapsed = Date().timeIntervalSince(started)

        for (index, reply) in replies.enumerated() {
            XCTAssertEqual(reply["result"]?["status"], "approved", "call \(index): \(reply)")
            XCTAssertNotEqual(reply.errorCode, 5003, "call \(index): \(reply)")
        }
        XCTAssertLessThan(elapsed, 5, "20 approvals took \(elapsed) s")
        XCTAssertEqual(try daemon.count("audit_log") - auditBefore, 20)
        XCTAssertEqual(try daemon.count("audit_log", where: "method = 'access.approve'"), 20)
        XCTAssertEqual(try daemon.count("access_applications", where: "status = 'approved'"), 20)
    }
}

/// Sends calls on their own connections from separate threads, released together once every
/// thread is ready, and returns the replies in call order.
enum SimultaneousCalls {
    static func run(_ calls: [(RawClient, String, JSON)]) -> [JSON] {
        let results = ReplyBox(count: calls.count)
        let ready = DispatchSemaphore(value: 0)
        let start = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        for (index, call) in calls.enumerated() {
            let job = CallJob(client: call.0, method: call.1, params: call.2)
            done.enter()
            Thread.detachNewThread {
                ready.signal()
                start.wait()
                let reply = (try? job.client.call(job.method, job.params))
                    ?? ["error": ["message": "no reply"]]
                results.set(index, reply)
                done.leave()
            }
        }
        for _ in calls { ready.wait() }
        for _ in calls { start.signal() }
        done.wait()
        return results.values
    }
}

/// One call handed to a thread. Unchecked because each client is used by that thread alone
/// until the calls finish.
private struct CallJob: @unchecked Sendable {
    let client: RawClient
    let method: String
    let params: JSON
}

/// Replies collected from concurrent calls.
private final class ReplyBox: @unchecked Sendable {
    // Unchecked because `replies` is guarded by `lock`.
    private var replies: [JSON]
    private let lock = NSLock()

    init(count: Int) {
        replies = Array(repeating: .null, count: count)
    }

    var values: [JSON] { lock.withLock { replies } }

    func set(_ index: Int, _ reply: JSON) {
        lock.withLock { replies[index] = reply }
    }
}
