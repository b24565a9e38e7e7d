import Foundation
import TCMSJSON
import TCMSStorage
import XCTest

/// Sixteen clerks of one office approving 1,000 contracts at once: each contract is approved
/// exactly once and the office's numbers of the year run from 000001 to 001000 without a gap.
final class ContractConcurrentApprovalTests: XCTestCase {
    private let contractCount = 1_000
    private let connectionCount = 16

    func testSixteenClerksApproveThousandGapFree() throws {
        let world = try ContractWorld(self)
        try world.daemon.createClerk("clerk_chen", officeID: world.officeID)
        let socket = world.daemon.socketPath
        let seedStart = Date()
        let ids = try world.seed(contractCount)
        let seedSeconds = Date().timeIntervalSince(seedStart)
        XCTAssertEqual(Set(ids).count, contractCount)

        let tokens = try ["clerk_lin", "clerk_zheng", "clerk_wu", "clerk_chen"].map {
            try RawClient(path: socket).loginToken($0, password: AccessFixtures.password)
        }
        // Each contract is offered twice in a row, so two clerks usually race for it.
        var random = FuzzTests.SplitMix(state: 11)
        let queue = WorkQueue(ids.shuffled(using: &random).flatMap { [$0, $0] })
        let winners = SharedList<(id: Int64, number: String)>()
        let losers = SharedList<(id: Int64, reply: JSON)>()

        let approvalStart = Date()
        let failures = runOnThreads(connectionCount) { index in
            let client = try RawClient.resumed(socket, token: tokens[index % tokens.count])
            while let id = queue.take() {
                let reply = try client.call(
                    "contract.approve", ["contractId": .int(id), "techAmount": "900000.00"])
                if let number = reply["result"]?["registrationNumber"]?.stringValue {
                    winners.append((id, number))
                } else {
                    losers.append((id, reply))
                }
            }
        }
        let approvalSeconds = Date().timeIntervalSince(approvalStart)
        XCTAssertTrue(failures.isEmpty, "\(failures)")

        let expectedNumbers = Set((1...contractCount).map { String(format: "2026350100%06d", $0) })
        XCTAssertEqual(winners.all.count, contractCount)
        XCTAssertEqual(Set(winners.all.map(\.id)), Set(ids), "a contract was approved twice")
        XCTAssertEqual(Set(winners.all.map(\.number)), expectedNumbers)
        XCTAssertEqual(losers.all.count, contractCount)
        for loser in losers.all {
            XCTAssertEqual(loser.reply.errorCode, 4010, "contract \(loser.id): \(loser.reply)")
            XCTAssertEqual(loser.reply.errorReason, "already_decided", "contract \(loser.id)")
        }

        let stored = try world.daemon.registrationNumbers()
        let replied = Dictionary(uniqueKeysWithValues: winners.all.map { ($0.id, $0.number) })
        XCTAssertEqual(stored.count, contractCount)
        for (id, number) in stored {
            XCTAssertEqual(number, replied[id], "contract \(id) stores another number")
        }
        XCTAssertEqual(try world.daemon.count("contracts", where: "status = 'approved'"), 1_000)
        XCTAssertEqual(
            try world.daemon.text(
                "SELECT last_sequence FROM registration_sequences WHERE year = 2026"),
            "1000")
        XCTAssertEqual(
            try world.daemon.count("contract_events", where: "action = 'approve'"), 1_000)
        XCTAssertEqual(
            try world.daemon.count("audit_log", where: "method = 'contract.approve'"), 1_000)
        XCTAssertEqual(
            try world.daemon.count(
                "(SELECT subject FROM audit_log WHERE method = 'contract.approve' "
                    + "GROUP BY subject HAVING count(*) = 1)"),
            1_000, "an approval is missing from the audit log or recorded twice")
        print("concurrent approval: seeded \(contractCount) contracts in "
              + String(format: "%.1f s", seedSeconds) + ", \(2 * contractCount) approvals on "
              + "\(connectionCount) connections in " + String(format: "%.1f s", approvalSeconds))
    }
}

extension DaemonProcess {
    /// Reads the registration number of every contract that has one, by contract id, straight
    /// from the daemon's database file.
    func registrationNumbers() throws -> [Int64: String] {
        let database = try Database(path: stateDirectory + "/tcms.sqlite", mode: .readOnly)
        defer { try? database.close() }
        let pairs = try database.query(
            "SELECT id, registration_number FROM contracts WHERE registration_number IS NOT NULL"
        ) { ($0.int64(0), $0.string(1)) }
        return Dictionary(uniqueKeysWithValues: pairs)
    }
}
