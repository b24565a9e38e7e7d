import Foundation
import Glibc
import TCMSSystem

/// A request/reply exchange repeated on one connection: the bytes sent and the reply's last byte.
struct PingProtocol: Sendable {
    let request: [UInt8]
    /// Every reply ends with this byte, so the client reads until it sees it.
    let terminator: UInt8

    static let tcms = PingProtocol(
        request: Array(#"{"jsonrpc":"2.0","id":1,"method":"system.ping"}"#.utf8) + [0x0A],
        terminator: 0x0A)

    /// RESP `PING`, answered with `+PONG\r\n`.
    static let redis = PingProtocol(request: Array("*1\r\n$4\r\nPING\r\n".utf8), terminator: 0x0A)
}

/// Runs `connections` client threads against `socketPath` for `seconds`, each sending one
/// request and waiting for its reply in a loop; returns the completed round trips.
func runPingLoad(socketPath: String, protocol ping: PingProtocol, connections: Int, seconds: Double)
    throws -> Int
{
    let clients = try (0..<connections).map { _ in try UnixSocket.connect(path: socketPath) }
    let total = Counter()
    let group = DispatchGroup()
    let deadline = DispatchTime.now() + seconds

    for client in clients {
        group.enter()
        let thread = Thread {
            var buffer = [UInt8](repeating: 0, count: 4096)
            var done = 0
            while DispatchTime.now() < deadline {
                guard (try? client.writeAll(ping.request)) != nil else { break }
                var complete = false
                while !complete {
                    let count = buffer.withUnsafeMutableBytes { raw in
                        (try? client.read(into: raw)) ?? 0
                    }
                    if count <= 0 { break }
                    complete = buffer[count - 1] == ping.terminator
                }
                if !complete { break }
                done += 1
            }
            total.add(done)
            group.leave()
        }
        thread.start()
    }
    group.wait()
    clients.forEach { $0.close() }
    return total.value
}

/// A thread-safe running total.
final class Counter: @unchecked Sendable {
    // Unchecked because `sum` is guarded by `lock`.
    private var sum = 0
    private let lock = NSLock()

    var value: Int { lock.withLock { sum } }

    func add(_ amount: Int) {
        lock.withLock { sum += amount }
    }
}
