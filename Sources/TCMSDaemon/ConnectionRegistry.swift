import Foundation
import Glibc
import TCMSSystem

/// The open connections, counted in total and per uid, so limits can be enforced at accept and
/// every connection can be woken at shutdown.
final class ConnectionRegistry: @unchecked Sendable {
    // Unchecked because every member is guarded by `lock`.
    private var open: [UInt64: FileDescriptor] = [:]
    private var perUID: [UInt32: Int] = [:]
    private var nextID: UInt64 = 0
    private let lock = NSLock()
    let finished = DispatchGroup()

    /// The limit that kept a new connection out.
    enum Refusal {
        case total(Int)
        case perUID(Int)
    }

    var count: Int { lock.withLock { open.count } }

    /// Admits a connection within the limits and returns its id, or why it was refused.
    func admit(_ descriptor: FileDescriptor, uid: UInt32, limits: ServerLimits)
        -> Result<UInt64, RefusalError>
    {
        lock.withLock {
            guard open.count < limits.maxConnections else {
                return .failure(RefusalError(refusal: .total(limits.maxConnections)))
            }
            guard perUID[uid, default: 0] < limits.maxConnectionsPerUID else {
                return .failure(RefusalError(refusal: .perUID(limits.maxConnectionsPerUID)))
            }
            nextID += 1
            open[nextID] = descriptor
            perUID[uid, default: 0] += 1
            finished.enter()
            return .success(nextID)
        }
    }

    func remove(_ id: UInt64, uid: UInt32) {
        lock.withLock {
            guard open.removeValue(forKey: id) != nil else { return }
            perUID[uid, default: 1] -= 1
            if perUID[uid] == 0 { perUID[uid] = nil }
            finished.leave()
        }
    }

    /// Shuts the read side of every connection, so each finishes the request it is handling,
    /// writes its reply and then reads end of file.
    func shutdownReads() {
        lock.withLock {
            for descriptor in open.values {
                _ = Glibc.shutdown(descriptor.rawValue, Int32(SHUT_RD))
            }
        }
    }

    struct RefusalError: Error {
        let refusal: Refusal
    }
}
