import Foundation
import Glibc
import TCMSJSON
import TCMSRPC
import TCMSSystem

/// Serves one client on its own thread: reads lines within the limits, dispatches each in
/// order and writes the reply. A bad line costs that line an error reply, never the connection.
final class ClientConnection: @unchecked Sendable {
    // Unchecked because each instance is used by its own thread only.
    let descriptor: FileDescriptor
    let state: ConnectionState
    let peer: PeerCredentials
    private let server: Server

    init(descriptor: FileDescriptor, state: ConnectionState, peer: PeerCredentials, server: Server) {
        self.descriptor = descriptor
        self.state = state
        self.peer = peer
        self.server = server
    }

    func run() {
        let limits = server.limits
        var reader = LineReader(maxLineBytes: limits.maxLineBytes)
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 65_536, alignment: 1)
        defer { chunk.deallocate() }
        UnixSocket.setSendTimeout(descriptor, seconds: limits.writeTimeoutSeconds)

        let ending = serve(reader: &reader, chunk: chunk, limits: limits)
        server.logger.debug(
            "connection closed",
            ["conn.id": state.id, "peer.uid": peer.uid, "peer.pid": peer.pid, "reason": ending])
    }

    /// Reads and handles requests until the peer leaves, a limit ends the connection or the
    /// server stops. Returns the reason the connection ended.
    private func serve(
        reader: inout LineReader, chunk: UnsafeMutableRawBufferPointer, limits: ServerLimits
    ) -> String {
        // The time-outs are the socket's receive time-out, changed only when the connection
        // moves between idle and inside a line, so a request costs one read and one write.
        var timeoutInForce = 0
        while true {
            let partial = reader.hasPartialLine
            let seconds = partial ? limits.readTimeoutSeconds : limits.idleTimeoutSeconds
            if seconds != timeoutInForce {
                UnixSocket.setReceiveTimeout(descriptor, seconds: seconds)
                timeoutInForce = seconds
            }
            do {
                let count = try descriptor.read(into: chunk)
                if count == 0 { return "end of file" }
                reader.append(UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
            } catch where error.errno == EAGAIN || error.errno == EWOULDBLOCK {
                return partial ? "read timeout with a partial line" : "idle timeout"
            } catch {
                return error.description
            }

            while true {
                let event = reader.next()
                guard event != .needMore else { break }
                do {
                    try answer(event, limits: limits)
                } catch {
                    return String(describing: error)
                }
            }
        }
    }

    private func answer(_ event: LineReader.Event, limits: ServerLimits) throws {
        switch event {
        case .needMore:
            return
        case .oversize:
            server.logger.warning(
                "request line over the limit discarded",
                ["conn.id": state.id, "peer.uid": peer.uid, "limit.bytes": limits.maxLineBytes])
            try send(Dispatcher.response(id: .null, error: .requestTooLarge(limit: limits.maxLineBytes)))
        case .line(let bytes):
            let started = DispatchTime.now()
            guard let reply = server.dispatcher.handle(line: bytes, connection: state) else {
                return
            }
            if server.logger.isEnabled(.debug) {
                let micros = (DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds)
                    / 1000
                server.logger.debug(
                    "request served",
                    ["conn.id": state.id, "bytes.in": bytes.count, "bytes.out": reply.count,
                     "duration.us": micros])
            }
            try send(reply)
        }
    }

    private func send(_ reply: [UInt8]) throws {
        var line = reply
        line.append(0x0A)
        try descriptor.writeAll(line)
    }
}
