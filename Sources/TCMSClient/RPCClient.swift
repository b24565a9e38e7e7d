import Foundation
import Glibc
import TCMSJSON
import TCMSSystem

/// A blocking JSON-RPC client over the daemon's Unix socket, one request at a time.
public final class RPCClient {
    /// The daemon could not be reached at all (no socket, no listening process, permission denied).
    public struct UnreachableError: Error, CustomStringConvertible {
        public let path: String
        public let cause: SystemError

        public var description: String {
            "cannot connect to the tcms daemon at \(path): \(cause.description); "
                + "is `tcms daemon` running? (set --socket or TCMS_SOCKET for another path)"
        }
    }

    /// The connection broke while a call was in flight.
    public struct ConnectionLostError: Error, CustomStringConvertible {
        public let detail: String
        public var description: String { "connection to the tcms daemon lost: \(detail)" }
    }

    /// The caller stopped waiting for the reply (Ctrl-C in the shell). The request may still
    /// run in the daemon; its reply is never read, so the connection must not be used again.
    public struct CancelledError: Error, CustomStringConvertible {
        public let method: String
        public var description: String { "stopped waiting for \(method)" }
    }

    /// An error object returned by the daemon.
    public struct ErrorReply: Error, CustomStringConvertible {
        public let code: Int64
        public let message: String
        public let reason: String?
        public let object: JSON

        public var description: String { message }

        /// True when the daemon refused the connection at its limit (5004) or is stopping
        /// (5030): the service is unavailable rather than the call wrong.
        public var isServiceUnavailable: Bool { code == 5004 || code == 5030 }
    }

    /// Replies can be large (a page of 200 records), so the client allows far more than the
    /// daemon accepts per request.
    static let maxReplyBytes = 256 << 20

    public let path: String
    private let descriptor: FileDescriptor
    private var reader = LineReader(maxLineBytes: RPCClient.maxReplyBytes)
    private var nextID: Int64 = 1
    /// A descriptor that becomes readable when the caller stops waiting for a reply, such as
    /// the shell's SIGINT self-pipe. With nil, a call waits until the reply comes.
    public var interruptDescriptor: Int32?
    /// The method of the call in flight, named by `CancelledError`.
    private var currentMethod = ""

    public init(path: String) throws {
        self.path = path
        do {
            descriptor = try UnixSocket.connect(path: path)
        } catch {
            throw UnreachableError(path: path, cause: error)
        }
    }

    deinit {
        descriptor.close()
    }

    /// Calls `method` and returns its result, or throws `ErrorReply` with the daemon's error.
    public func call(_ method: String, _ params: JSONObject = JSONObject()) throws -> JSON {
        let id = nextID
        nextID += 1
        let request: JSON = [
            "jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": .object(params),
        ]
        currentMethod = method
        let reply = try exchange(request.encoded())

        if let error = reply["error"]?.objectValue {
            throw ErrorReply(
                code: error["code"]?.intValue ?? 0,
                message: error["message"]?.stringValue ?? "unknown error",
                reason: error["data"]?["reason"]?.stringValue, object: .object(error))
        }
        guard let result = reply["result"] else {
            throw ConnectionLostError(detail: "the reply had neither result nor error")
        }
        return result
    }

    /// Sends one raw line and returns the parsed reply line.
    public func exchange(_ line: [UInt8]) throws -> JSON {
        let replyLine: [UInt8]
        do {
            try descriptor.writeAll(line + [0x0A])
            replyLine = try readLine()
        } catch let writeError as SystemError {
            // A daemon at its connection limit writes one error line and closes, which can
            // make the write fail first; the line it left is the real reply.
            guard let pending = try? readLine() else {
                throw ConnectionLostError(detail: writeError.description)
            }
            replyLine = pending
        }
        do {
            return try JSONParser.parse(replyLine)
        } catch {
            throw ConnectionLostError(detail: "unreadable reply: \(error)")
        }
    }

    /// Reads the next reply line.
    public func readLine() throws -> [UInt8] {
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 65_536, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            switch reader.next() {
            case .line(let bytes): return bytes
            case .oversize: throw ConnectionLostError(detail: "reply larger than 256 MiB")
            case .needMore: break
            }
            try waitForReply()
            let count: Int
            do {
                count = try descriptor.read(into: chunk)
            } catch {
                throw ConnectionLostError(detail: error.description)
            }
            if count == 0 { throw ConnectionLostError(detail: "the daemon closed the connection") }
            reader.append(UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
        }
    }

    /// Waits until the socket is readable, or throws `CancelledError` once the interrupt
    /// descriptor is. Without an interrupt descriptor the read itself waits.
    private func waitForReply() throws {
        guard let interrupt = interruptDescriptor else { return }
        while true {
            var entries = [
                pollfd(fd: descriptor.rawValue, events: Int16(POLLIN), revents: 0),
                pollfd(fd: interrupt, events: Int16(POLLIN), revents: 0),
            ]
            if poll(&entries, 2, -1) < 0 {
                if errno == EINTR { continue }
                return
            }
            if entries[1].revents != 0 {
                throw CancelledError(method: currentMethod)
            }
            if entries[0].revents != 0 {
                return
            }
        }
    }
}
