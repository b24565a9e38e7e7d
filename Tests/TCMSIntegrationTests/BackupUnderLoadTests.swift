import Foundation
import TCMSJSON
import XCTest

/// A backup taken while handlers register and clerks approve contracts is one consistent
/// moment of the data: restored, it passes `tcms check`, its registration numbers are gap-free,
/// and each contract's history is a prefix of the live one.
final class BackupUnderLoadTests: XCTestCase {
    func testBackupDuringApprovalsRestoresConsistently() throws {
        let world = try ContractWorld(self)
        let stop = StopFlag()
        let load = DispatchGroup()
        let job = LoadJob(world: world, handler: try world.handler(), clerk: try world.clerk())
        load.enter()
        Thread.detachNewThread {
            defer { load.leave() }
            while !stop.isSet {
                guard let id = try? job.world.submitted(by: job.handler) else { return }
                _ = try? job.clerk.call("contract.receiveText", ["contractId": .int(id)])
                _ = try? job.clerk.call(
                    "contract.approve", ["contractId": .int(id), "techAmount": "900000.00"])
            }
        }
        Thread.sleep(forTimeInterval: 1.5)
        let backup = world.daemon.directory + "/copy.sqlite"
        let made = try runTCMS(["backup", "--socket", world.daemon.socketPath, backup])
        Thread.sleep(forTimeInterval: 0.5)
        stop.set()
        load.wait()
        XCTAssertEqual(made.status, 0, made.stderr)

        let fresh = makeTemporaryDirectory(self)
        XCTAssertEqual(
            try runTCMS(["restore", backup, "--state-dir", fresh + "/state"]).status, 0)
        let check = try runTCMS(["check", "--state-dir", fresh + "/state"])
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.stdout.contains("integrity: ok"), check.stdout)

        let restored = try DaemonProcess(self, directory: fresh)
        let copy = try RawClient(path: restored.socketPath)
        let live = try RawClient(path: world.daemon.socketPath)
        var items: [JSON] = []
        var page: Int64 = 1
        while true {
            let listed = try copy.result("contract.list", ["pageSize": 200, "page": .int(page)])
            items += listed["items"]?.arrayValue ?? []
            guard page < (listed["pages"]?.intValue ?? 1) else { break }
            page += 1
        }
        let liveTotal = try XCTUnwrap(
            try live.result("contract.list", ["pageSize": 1])["total"]?.intValue)
        XCTAssertGreaterThan(items.count, 0)
        XCTAssertLessThan(Int64(items.count), liveTotal, "the load went on after the backup")

        let numbers = items.compactMap { $0["registrationNumber"]?.stringValue }.sorted()
        XCTAssertEqual(
            numbers, (1...max(numbers.count, 1)).prefix(numbers.count).map {
                "2026350100" + String(format: "%06d", $0)
            })
        for item in items {
            let id = try XCTUnwrap(item["id"])
            let before = try copy.result("contract.get", ["contractId": id])["history"]?.arrayValue
            let after = try live.result("contract.get", ["contractId": id])["history"]?.arrayValue
            let prefix = Array((after ?? []).prefix(before?.count ?? 0))
            XCTAssertEqual(before ?? [], prefix, "contract \(id)")
        }
    }
}

/// The connections the load thread uses, handed to it whole.
private final class LoadJob: @unchecked Sendable {
    // Unchecked because only the load thread uses the connections once it starts.
    let world: ContractWorld
    let handler: RawClient
    let clerk: RawClient

    init(world: ContractWorld, handler: RawClient, clerk: RawClient) {
        self.world = world
        self.handler = handler
        self.clerk = clerk
    }
}

/// A flag one thread sets and another reads.
private final class StopFlag: @unchecked Sendable {
    // Unchecked because every access takes `lock` first.
    private let lock = NSLock()
    private var value = false

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }
}
