import Foundation
import TCMSJSON
import TCMSStorage

/// The writers of the approval crash test: three clerk sessions approving a list of offers on
/// four connections, and one handler registering and submitting contracts until the daemon
/// dies. Each thread owns its connection.
struct ApprovalLoad: Sendable {
    /// What the writers saw acknowledged or refused, across every round.
    final class Log: Sendable {
        let approvals = SharedList<(id: Int64, number: String)>()
        let rejections = SharedList<(id: Int64, reply: JSON)>()
        let created = SharedList<Int64>()
        let submitted = SharedList<Int64>()
        /// One entry per call whose connection died before the reply came.
        let inFlight = SharedList<Int64>()
    }

    let socket: String
    let clerkTokens: [String]
    let handlerToken: String
    let entityID: Int64
    let offers: [Int64]
    let log: Log
    private let approverCount = 4

    /// Starts the threads; the group is left when all of them stopped.
    func start() -> DispatchGroup {
        let queue = WorkQueue(offers)
        let group = DispatchGroup()
        for index in 0..<approverCount {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                approve(queue, token: clerkTokens[index % clerkTokens.count])
            }
        }
        group.enter()
        Thread.detachNewThread {
            defer { group.leave() }
            register()
        }
        return group
    }

    private func approve(_ queue: WorkQueue, token: String) {
        guard let client = try? RawClient.resumed(socket, token: token) else { return }
        while let id = queue.take() {
            let reply: JSON
            do {
                reply = try client.call(
                    "contract.approve", ["contractId": .int(id), "techAmount": "900000.00"])
            } catch {
                log.inFlight.append(id)
                return
            }
            if let number = reply["result"]?["registrationNumber"]?.stringValue {
                log.approvals.append((id, number))
            } else {
                log.rejections.append((id, reply))
            }
        }
    }

    private func register() {
        guard let client = try? ContractWorld.handlerConnection(
            socket, token: handlerToken, entityID: entityID)
        else { return }
        while true {
            guard let created = try? client.call("contract.create", ContractWorld.form),
                let id = created["result"]?["id"]?.intValue
            else { return }
            log.created.append(id)
            guard let submitted = try? client.call("contract.submit", ["contractId": .int(id)]),
                submitted["result"] != nil
            else { return }
            log.submitted.append(id)
        }
    }
}

extension DaemonProcess {
    /// Reads which of `ids` still wait for a decision (text received) from the daemon's
    /// database file.
    func undecided(among ids: [Int64]) throws -> [Int64] {
        let database = try Database(path: stateDirectory + "/tcms.sqlite", mode: .readOnly)
        defer { try? database.close() }
        let waiting = Set(
            try database.query("SELECT id FROM contracts WHERE status = 'text_received'") {
                $0.int64(0)
            })
        return ids.filter(waiting.contains)
    }
}
