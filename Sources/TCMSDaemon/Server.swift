import Foundation
import Glibc
import TCMSRPC
import TCMSSystem

/// Accepts clients on the listening socket and gives each its own thread.
///
/// One thread per connection keeps a slow or bursty client from stalling the others and keeps
/// request handling plain blocking code; threads get a small stack so a thousand clients cost
/// little memory.
final class Server: @unchecked Sendable {
    // Unchecked because `currentLimits` and `stopping` are guarded by `lock`; the rest is
    // immutable after init.
    let listener: FileDescriptor
    let dispatcher: Dispatcher
    let logger: Logger
    let registry = ConnectionRegistry()
    private let operatorUIDs: Set<UInt32>
    private var currentLimits: ServerLimits
    private var stopping = false
    private let lock = NSLock()
    private let acceptLoopDone = DispatchSemaphore(value: 0)

    /// Stack size of a connection thread: ample for the parser's bounded recursion and SQLite.
    static let connectionStackBytes = 512 * 1024

    init(listener: FileDescriptor, dispatcher: Dispatcher, logger: Logger, limits: ServerLimits) {
        self.listener = listener
        self.dispatcher = dispatcher
        self.logger = logger
        currentLimits = limits
        operatorUIDs = [0, getuid()]
    }

    var limits: ServerLimits {
        get { lock.withLock { currentLimits } }
        set { lock.withLock { currentLimits = newValue } }
    }

    private var isStopping: Bool { lock.withLock { stopping } }

    func start() {
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "tcms-accept"
        thread.start()
    }

    private func acceptLoop() {
        defer { acceptLoopDone.signal() }
        while !isStopping {
            let descriptor: FileDescriptor
            do {
                descriptor = try UnixSocket.accept(listener)
            } catch {
                if isStopping { return }
                logger.error("accept failed, retrying in 100 ms", ["error": error])
                usleep(100_000)
                continue
            }
            admit(descriptor)
        }
    }

    private func admit(_ descriptor: FileDescriptor) {
        guard let peer = try? PeerCredentials.of(descriptor) else {
            descriptor.close()
            return
        }

        let limits = self.limits
        switch registry.admit(descriptor, uid: peer.uid, limits: limits) {
        case .failure(let refusal):
            refuse(descriptor, peer: peer, refusal: refusal.refusal)
        case .success(let id):
            let role: Role = operatorUIDs.contains(peer.uid) ? .operator : .anonymous
            let caller = Caller(role: role, peerUID: peer.uid, peerPID: peer.pid)
            let connection = ClientConnection(
                descriptor: descriptor, state: ConnectionState(id: id, caller: caller),
                peer: peer, server: self)
            logger.debug(
                "connection accepted",
                ["conn.id": id, "peer.uid": peer.uid, "peer.pid": peer.pid, "role": role.rawValue])
            let thread = Thread { [self] in
                connection.run()
                descriptor.close()
                registry.remove(id, uid: peer.uid)
            }
            thread.stackSize = Server.connectionStackBytes
            thread.name = "tcms-conn"
            thread.start()
        }
    }

    /// Tells a client over a limit why, then closes it, instead of leaving it hanging.
    private func refuse(
        _ descriptor: FileDescriptor, peer: PeerCredentials, refusal: ConnectionRegistry.Refusal
    ) {
        let detail: String
        switch refusal {
        case .total(let limit): detail = "the daemon already serves \(limit) connections"
        case .perUID(let limit): detail = "uid \(peer.uid) already has \(limit) connections"
        }
        logger.warning(
            "connection refused over the limit",
            ["peer.uid": peer.uid, "peer.pid": peer.pid, "detail": detail])
        let error = RPCError(
            code: RPCErrorCode.tooManyConnections, reason: "too_many_connections",
            message: "Connection refused: \(detail); retry later", messageZh: "连接数已满，请稍后重试",
            retryable: true)
        UnixSocket.setSendTimeout(descriptor, seconds: 1)
        try? descriptor.writeAll(Dispatcher.response(id: .null, error: error) + [0x0A])
        descriptor.close()
    }

    /// Stops accepting, lets connections finish their current request for up to
    /// `graceSeconds`, and returns how many were still open after it.
    func stop(graceSeconds: Int) -> Int {
        lock.withLock { stopping = true }
        _ = Glibc.shutdown(listener.rawValue, Int32(SHUT_RDWR))
        acceptLoopDone.wait()
        listener.close()

        registry.shutdownReads()
        let deadline = DispatchTime.now() + .seconds(graceSeconds)
        if registry.finished.wait(timeout: deadline) == .timedOut {
            return registry.count
        }
        return 0
    }
}
