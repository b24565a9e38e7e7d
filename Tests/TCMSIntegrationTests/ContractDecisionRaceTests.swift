import Foundation
import TCMSJSON
import XCTest

/// Clerks deciding one contract at the same moment: approve against return, two receipts of
/// the text, one clerk giving both approvals of a large amount, and two second approvals.
/// Exactly one call of each race succeeds, and a losing approval takes no number.
final class ContractDecisionRaceTests: XCTestCase {
    private var world: ContractWorld!
    private let rounds = 20

    override func setUpWithError() throws {
        world = try ContractWorld(self)
        let xiamen = try world.daemon.createOffice("厦门技术市场", ["350200"])
        try world.daemon.createClerk("clerk_xm", officeID: xiamen, approver: true)
        try world.daemon.createClerk("clerk_gao", officeID: world.officeID, approver: true)
        try world.daemon.createClerk("clerk_he", officeID: world.officeID, approver: true)
    }

    /// Opens `count` connections that share one session of `login`.
    private func connections(_ login: String, count: Int) throws -> [RawClient] {
        let socket = world.daemon.socketPath
        let token = try RawClient(path: socket).loginToken(
            login, password: AccessFixtures.password)
        return try (0..<count).map { _ in try RawClient.resumed(socket, token: token) }
    }

    /// Counts the audit records of `methods` on contract `id`.
    private func auditRecords(_ id: Int64, _ methods: [String]) throws -> Int64 {
        let list = methods.map { "'\($0)'" }.joined(separator: ", ")
        return try world.daemon.count(
            "audit_log", where: "subject = 'contract:\(id)' AND method IN (\(list))")
    }

    private func status(_ id: Int64) throws -> String? {
        try world.daemon.text("SELECT status FROM contracts WHERE id = \(id)")
    }

    /// Checks that the numbers issued so far are exactly 000001 … `count` of 2026.
    private func assertNumbersGapFree(_ count: Int, _ message: String) throws {
        let numbers = Set(try world.daemon.registrationNumbers().values)
        XCTAssertEqual(
            numbers, Set((0..<count).map { String(format: "2026350100%06d", $0 + 1) }), message)
        let last = try world.daemon.text(
            "SELECT last_sequence FROM registration_sequences WHERE year = 2026")
        XCTAssertEqual(last, count == 0 ? nil : String(count), message)
    }

    func testApproveAgainstReturnOnlyOneWins() throws {
        let ids = try world.seed(rounds)
        let approvers = try connections("clerk_lin", count: 5)
        let returners = try connections("clerk_zheng", count: 5)
        var approvedCount = 0

        for (round, id) in ids.enumerated() {
            let calls: [(RawClient, String, JSON)] =
                approvers.map {
                    ($0, "contract.approve", ["contractId": .int(id), "techAmount": "900000.00"])
                }
                + returners.map {
                    ($0, "contract.return",
                     ["contractId": .int(id), "reasons": ["seal_mismatch"],
                      "note": "乙方盖章名称与合同不一致"])
                }
            let replies = SimultaneousCalls.run(calls)

            let winners = replies.enumerated().filter { $0.element["result"] != nil }
            XCTAssertEqual(winners.count, 1, "round \(round): \(replies)")
            for loser in replies where loser["result"] == nil {
                XCTAssertEqual(loser.errorCode, 4010, "round \(round): \(loser)")
                XCTAssertEqual(loser.errorReason, "already_decided", "round \(round)")
            }
            XCTAssertEqual(
                try auditRecords(id, ["contract.approve", "contract.return"]), 1, "round \(round)")
            XCTAssertEqual(
                try world.daemon.count(
                    "contract_events",
                    where: "contract_id = \(id) AND action IN ('approve', 'return')"),
                1, "round \(round)")
            guard let winner = winners.first else { continue }
            let approved = winner.offset < approvers.count
            if approved { approvedCount += 1 }
            XCTAssertEqual(try status(id), approved ? "approved" : "returned", "round \(round)")
            XCTAssertEqual(
                winner.element["result"]?["status"]?.stringValue,
                approved ? "approved" : "returned", "round \(round)")
            try assertNumbersGapFree(approvedCount, "round \(round)")
        }
        print("approve against return: \(approvedCount) of \(rounds) rounds won by approve")
    }

    func testTwoReceiptsOfTextOnlyOneWins() throws {
        let ids = try world.seed(rounds, receive: false)
        let lin = try connections("clerk_lin", count: 1)[0]
        let zheng = try connections("clerk_zheng", count: 1)[0]

        for (round, id) in ids.enumerated() {
            let params: JSON = ["contractId": .int(id)]
            let replies = SimultaneousCalls.run([
                (lin, "contract.receiveText", params), (zheng, "contract.receiveText", params),
            ])

            XCTAssertEqual(replies.filter { $0["result"] != nil }.count, 1, "round \(round)")
            for loser in replies where loser["result"] == nil {
                XCTAssertEqual(loser.errorCode, 4010, "round \(round): \(loser)")
                XCTAssertEqual(loser.errorReason, "already_decided", "round \(round)")
            }
            XCTAssertEqual(try auditRecords(id, ["contract.receiveText"]), 1, "round \(round)")
            XCTAssertEqual(
                try world.daemon.count(
                    "contract_events", where: "contract_id = \(id) AND action = 'receive_text'"),
                1, "round \(round)")
            XCTAssertEqual(try status(id), "text_received", "round \(round)")
        }
    }

    func testOneClerkCannotGiveBothLargeApprovals() throws {
        let ids = try world.seed(
            rounds, changes: ["amount": "8000000.00", "techAmount": "6000000.00"])
        let wu = try connections("clerk_wu", count: 2)
        let zheng = try connections("clerk_zheng", count: 1)[0]
        let otherOffice = try connections("clerk_xm", count: 1)[0]
        let gao = try connections("clerk_gao", count: 1)[0]
        let he = try connections("clerk_he", count: 1)[0]

        for (round, id) in ids.enumerated() {
            let approve: JSON = ["contractId": .int(id), "techAmount": "6000000.00"]
            let replies = SimultaneousCalls.run(wu.map { ($0, "contract.approve", approve) })

            let winners = replies.filter { $0["result"] != nil }
            XCTAssertEqual(winners.count, 1, "round \(round): \(replies)")
            XCTAssertEqual(
                winners.first?["result"]?["status"]?.stringValue, "awaiting_second_approval")
            XCTAssertEqual(winners.first?["result"]?["registrationNumber"], .null)
            for loser in replies where loser["result"] == nil {
                switch loser.errorReason {
                case "already_decided": XCTAssertEqual(loser.errorCode, 4010, "round \(round)")
                case "same_approver": XCTAssertEqual(loser.errorCode, 1003, "round \(round)")
                default: XCTFail("round \(round): \(loser)")
                }
            }
            XCTAssertEqual(try status(id), "awaiting_second_approval", "round \(round)")
            XCTAssertEqual(
                try world.daemon.text("SELECT first_approved_by FROM contracts WHERE id = \(id)"),
                "clerk_wu")
            XCTAssertEqual(try auditRecords(id, ["contract.approve"]), 1, "round \(round)")
            try assertNumbersGapFree(round, "round \(round): a losing approval took a number")

            let withoutFlag = try zheng.call("contract.approve", approve)
            XCTAssertEqual(withoutFlag.errorCode, 1003, "round \(round)")
            XCTAssertEqual(withoutFlag.errorReason, "large_amount_approver_required")
            let elsewhere = try otherOffice.call("contract.approve", approve)
            XCTAssertEqual(elsewhere.errorCode, 3004, "round \(round)")
            XCTAssertEqual(elsewhere.errorReason, "not_found", "round \(round)")
            XCTAssertEqual(try status(id), "awaiting_second_approval", "round \(round)")
            XCTAssertEqual(try auditRecords(id, ["contract.approve"]), 1, "round \(round)")

            let second = SimultaneousCalls.run([
                (gao, "contract.approve", ["contractId": .int(id)]),
                (he, "contract.approve", approve),
            ])
            let secondWinners = second.filter { $0["result"] != nil }
            XCTAssertEqual(secondWinners.count, 1, "round \(round): \(second)")
            for loser in second where loser["result"] == nil {
                XCTAssertEqual(loser.errorCode, 4010, "round \(round): \(loser)")
                XCTAssertEqual(loser.errorReason, "already_decided", "round \(round)")
            }
            XCTAssertEqual(
                secondWinners.first?["result"]?["registrationNumber"]?.stringValue,
                String(format: "2026350100%06d", round + 1), "round \(round)")
            XCTAssertEqual(try status(id), "approved", "round \(round)")
            XCTAssertEqual(try auditRecords(id, ["contract.approve"]), 2, "round \(round)")
            XCTAssertEqual(
                try world.daemon.count(
                    "contract_events",
                    where: "contract_id = \(id) AND action IN ('approve', 'approve_second')"),
                2, "round \(round)")
        }
        try assertNumbersGapFree(rounds, "after every round")
    }

    func testSecondApprovalAgainstReturnOnlyOneWins() throws {
        let ids = try world.seed(
            rounds, changes: ["amount": "8000000.00", "techAmount": "6000000.00"])
        let lin = try connections("clerk_lin", count: 1)[0]
        let approvers = try connections("clerk_wu", count: 3)
        let returners = try connections("clerk_zheng", count: 3)
        var approvedCount = 0

        for (round, id) in ids.enumerated() {
            _ = try lin.result(
                "contract.approve", ["contractId": .int(id), "techAmount": "6000000.00"])
            let calls: [(RawClient, String, JSON)] =
                approvers.map { ($0, "contract.approve", ["contractId": .int(id)]) }
                + returners.map {
                    ($0, "contract.return", ["contractId": .int(id), "reasons": ["missing_proof"]])
                }
            let replies = SimultaneousCalls.run(calls)

            let winners = replies.enumerated().filter { $0.element["result"] != nil }
            XCTAssertEqual(winners.count, 1, "round \(round): \(replies)")
            for loser in replies where loser["result"] == nil {
                XCTAssertEqual(loser.errorCode, 4010, "round \(round): \(loser)")
                XCTAssertEqual(loser.errorReason, "already_decided", "round \(round)")
            }
            XCTAssertEqual(
                try auditRecords(id, ["contract.approve", "contract.return"]), 2,
                "round \(round): the first approval and one decision")
            guard let winner = winners.first else { continue }
            let approved = winner.offset < approvers.count
            if approved { approvedCount += 1 }
            XCTAssertEqual(try status(id), approved ? "approved" : "returned", "round \(round)")
            try assertNumbersGapFree(approvedCount, "round \(round)")
        }
    }
}
