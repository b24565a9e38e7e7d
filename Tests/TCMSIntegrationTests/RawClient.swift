import Foundation
import Glibc
import TCMSJSON

/// A test client that writes raw bytes to the daemon's socket and reads reply lines with a
/// time-out, so tests control exactly how requests are split across writes.
final class RawClient {
    let descriptor: Int32
    private var buffer: [UInt8] = []

    init(path: String) throws {
        descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard result == 0 else {
            let code = errno
            close(descriptor)
            throw HarnessError("connect \(path): errno \(code)")
        }
    }

    deinit {
        close(descriptor)
    }

    func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes {
                send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard count > 0 else { throw HarnessError("send: errno \(errno)") }
            offset += count
        }
    }

    func write(_ text: String) throws {
        try write(Array(text.utf8))
    }

    /// The next reply line, or nil when the daemon closed the connection; throws on time-out.
    func readLine(timeout: TimeInterval = 10) throws -> [UInt8]? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = Array(buffer[..<newline])
                buffer.removeFirst(newline + 1)
                return line
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { throw HarnessError("no reply within \(timeout) s") }
            var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&entry, 1, Int32(remaining * 1000)) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return nil }
            buffer.append(contentsOf: chunk[0..<count])
        }
    }

    /// The next reply, parsed.
    func readReply(timeout: TimeInterval = 10) throws -> JSON {
        guard let line = try readLine(timeout: timeout) else {
            throw HarnessError("connection closed before a reply")
        }
        return try JSONParser.parse(line)
    }

    /// Sends one line and returns the parsed reply.
    func request(_ line: String) throws -> JSON {
        try write(line + "\n")
        return try readReply()
    }

    /// True when nothing arrives within `interval` and the connection is still open.
    func staysSilent(for interval: TimeInterval) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return buffer.isEmpty && poll(&entry, 1, Int32(interval * 1000)) == 0
    }
}

extension JSON {
    /// The `error.code` of a reply, for assertions.
    var errorCode: Int64? { self["error"]?["code"]?.intValue }
    var errorReason: String? { self["error"]?["data"]?["reason"]?.stringValue }
}
