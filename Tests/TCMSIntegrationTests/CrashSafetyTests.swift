import Foundation
import Glibc
import TCMSDomain
import TCMSJSON
import XCTest

/// Kills the daemon with SIGKILL in the middle of concurrent writes, restarts it, and checks that
/// every acknowledged write survived whole, with its audit record.
///
/// The number of kill points of each test is `TCMS_CRASH_KILL_POINTS` (default 6), so a longer
/// run is one environment variable away.
final class CrashSafetyTests: XCTestCase {
    private var killPoints: Int {
        Int(ProcessInfo.processInfo.environment["TCMS_CRASH_KILL_POINTS"] ?? "") ?? 6
    }

    /// Acknowledged office creations, shared by the writer threads.
    final class Acknowledged: @unchecked Sendable {
        private var entries: [(name: String, code: String)] = []
        private let lock = NSLock()

        func add(_ name: String, _ code: String) {
            lock.withLock { entries.append((name, code)) }
        }

        var all: [(name: String, code: String)] { lock.withLock { entries } }
    }

    /// County codes in use, enough for every office the run creates.
    private func divisionCodes(count: Int) -> [String] {
        var codes: [String] = []
        outer: for province in 11...65 {
            for prefecture in 1...30 {
                for county in 1...40 {
                    let code = String(format: "%02d%02d%02d", province, prefecture, county)
                    if Divisions.standard.isInUse(code) && Divisions.standard.isCounty(code) {
                        codes.append(code)
                        if codes.count == count { break outer }
                    }
                }
            }
        }
        return codes
    }

    func testAcknowledgedWritesSurviveKillNine() throws {
        let writers = 4
        // The generator finds about 2,600 county codes in use; each office takes one, so long runs
        // write fewer offices per round.
        let perWriterPerRound = min(60, 2_400 / (killPoints * writers))
        let codes = divisionCodes(count: killPoints * writers * perWriterPerRound)
        XCTAssertEqual(codes.count, killPoints * writers * perWriterPerRound)

        let directory = makeTemporaryDirectory(self)
        let acknowledged = Acknowledged()
        var codeIndex = 0
        var random = FuzzTests.SplitMix(state: 7)

        for round in 0..<killPoints {
            let daemon = try DaemonProcess(self, directory: directory)
            let group = DispatchGroup()
            for writer in 0..<writers {
                let slice = Array(codes[codeIndex..<codeIndex + perWriterPerRound])
                codeIndex += perWriterPerRound
                let socket = daemon.socketPath
                group.enter()
                Thread {
                    defer { group.leave() }
                    guard let client = try? RawClient(path: socket) else { return }
                    for (index, code) in slice.enumerated() {
                        let name = "办公室-\(round)-\(writer)-\(index)"
                        let request: JSON = [
                            "jsonrpc": "2.0", "id": .int(Int64(index)), "method": "office.create",
                            "params": ["name": .string(name), "divisionCodes": [.string(code)]],
                        ]
                        guard let reply = try? client.request(request.encodedString()) else { return }
                        if reply["result"]?["id"] != nil { acknowledged.add(name, code) }
                    }
                }.start()
            }
            usleep(UInt32.random(in: 20_000...250_000, using: &random))
            kill(daemon.pid, SIGKILL)
            daemon.process.waitUntilExit()
            group.wait()
        }

        let survivor = try DaemonProcess(self, directory: directory)
        let client = try RawClient(path: survivor.socketPath)
        let expected = acknowledged.all
        XCTAssertGreaterThan(expected.count, 0, "no write was acknowledged before the kills")
        for entry in expected {
            let reply = try client.request(
                #"{"jsonrpc":"2.0","id":1,"method":"office.search","params":{"divisionCode":"\#(entry.code)"}}"#)
            XCTAssertEqual(reply["result"]?["name"]?.stringValue, entry.name, entry.code)
        }

        let check = try runProgram("/usr/bin/env", [
            "python3", "-c",
            """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1])
            offices = c.execute("SELECT count(*) FROM offices").fetchone()[0]
            bare = c.execute("SELECT count(*) FROM offices o WHERE NOT EXISTS "
                             "(SELECT 1 FROM office_regions r WHERE r.office_id = o.id)").fetchone()[0]
            audited = c.execute("SELECT count(*) FROM audit_log WHERE method = 'office.create'").fetchone()[0]
            print(offices, bare, audited)
            """,
            survivor.stateDirectory + "/tcms.sqlite",
        ])
        let figures = check.stdout.split(separator: " ").compactMap {
            Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        XCTAssertEqual(figures.count, 3, check.stderr)
        XCTAssertGreaterThanOrEqual(figures[0], expected.count, "an acknowledged office is missing")
        XCTAssertEqual(figures[1], 0, "an office was stored without its regions")
        XCTAssertEqual(figures[2], figures[0], "every office has exactly its creation audit record")
        print("crash safety: \(killPoints) kill points, \(expected.count) acknowledged writes, "
              + "\(figures[0]) stored")
    }

    /// Clerks approve text-received contracts on four connections, two offers of each contract
    /// in a row, while a handler registers and submits new ones. The daemon is killed at a
    /// random moment of each round. Afterwards every acknowledged approval has the number its
    /// reply gave, the office's numbers of the year are unique and gap-free, and no contract
    /// is approved without its number, event and audit record, or the other way round.
    func testAcknowledgedApprovalsSurviveKillNine() throws {
        let world = try ContractWorld(self)
        let perRound = 10
        let pool = try world.seed(killPoints * perRound)
        let socket = world.daemon.socketPath
        let directory = world.daemon.directory
        let clerkTokens = try ["clerk_lin", "clerk_zheng", "clerk_wu"].map {
            try RawClient(path: socket).loginToken($0, password: AccessFixtures.password)
        }
        let handlerToken = try world.tokens().handler
        let entityID = try XCTUnwrap(world.entityIDs["seller_1"])
        let log = ApprovalLoad.Log()
        var random = FuzzTests.SplitMix(state: 17)
        var remaining = pool.shuffled(using: &random)

        for round in 0..<killPoints {
            let daemon = round == 0
                ? world.daemon
                : try DaemonProcess(
                    self, directory: directory, environment: world.clock.environment)
            let undecided = try daemon.undecided(among: remaining)
            remaining = undecided
            let load = ApprovalLoad(
                socket: socket, clerkTokens: clerkTokens, handlerToken: handlerToken,
                entityID: entityID, offers: undecided.flatMap { [$0, $0] }, log: log)
            let threads = load.start()
            usleep(UInt32.random(in: 20_000...250_000, using: &random))
            kill(daemon.pid, SIGKILL)
            daemon.process.waitUntilExit()
            threads.wait()
        }

        let survivor = try DaemonProcess(
            self, directory: directory, environment: world.clock.environment)
        let acknowledged = log.approvals.all
        XCTAssertGreaterThan(acknowledged.count, 0, "no approval acknowledged before the kills")
        for rejection in log.rejections.all {
            XCTAssertEqual(rejection.reply.errorReason, "already_decided", "\(rejection.reply)")
        }

        let stored = try survivor.registrationNumbers()
        for approval in acknowledged {
            XCTAssertEqual(stored[approval.id], approval.number, "contract \(approval.id)")
        }
        let expected = (0..<stored.count).map { String(format: "2026350100%06d", $0 + 1) }
        XCTAssertEqual(
            Set(stored.values), Set(expected), "registration numbers are duplicated or skipped")
        let last = try survivor.text("SELECT last_sequence FROM registration_sequences")
        XCTAssertEqual(last, stored.isEmpty ? nil : String(stored.count))

        let halfApproved = try survivor.count(
            "contracts",
            where: "(status = 'approved') != (registration_number IS NOT NULL) "
                + "OR (status = 'approved') != (approved_at IS NOT NULL)")
        XCTAssertEqual(halfApproved, 0, "an approval without its number, or the reverse")
        XCTAssertEqual(
            try survivor.count(
                "contracts c",
                where: "(c.status = 'approved') != (1 = (SELECT count(*) FROM contract_events e "
                    + "WHERE e.contract_id = c.id AND e.action = 'approve'))"),
            0, "an approval lacks its history event, or has two")
        XCTAssertEqual(
            try survivor.count(
                "contracts c",
                where: "(c.status = 'approved') != (1 = (SELECT count(*) FROM audit_log a "
                    + "WHERE a.subject = 'contract:' || c.id AND a.method = 'contract.approve'))"),
            0, "an approval lacks its audit record, or has two")
        XCTAssertEqual(
            try survivor.count(
                "contracts", where: "id IN (\(pool.map(String.init).joined(separator: ",")))"
                    + " AND status NOT IN ('text_received', 'approved')"),
            0)
        for id in log.created.all {
            XCTAssertNotNil(
                try survivor.text("SELECT status FROM contracts WHERE id = \(id)"),
                "acknowledged contract \(id) is missing")
        }
        for id in log.submitted.all {
            XCTAssertEqual(
                try survivor.text("SELECT status FROM contracts WHERE id = \(id)"), "submitted",
                "acknowledged submission of \(id) is missing")
        }

        survivor.terminate()
        let check = try runTCMS(["check", "--state-dir", survivor.stateDirectory])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        print("crash safety (approvals): \(killPoints) kill points, \(log.inFlight.all.count) "
              + "with a call in flight, \(acknowledged.count) acknowledged approvals, "
              + "\(stored.count) numbers stored, \(log.created.all.count) registrations")
    }
}
