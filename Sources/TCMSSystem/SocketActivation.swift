import Glibc

/// Descriptors passed by the service manager through LISTEN_FDS (sd_listen_fds(3)).
public enum SocketActivation {
    /// The first descriptor systemd passes; later ones follow it in order.
    public static let firstDescriptor: Int32 = 3

    /// Returns the inherited listening sockets when LISTEN_PID names this process, marking them
    /// close-on-exec; returns an empty list otherwise.
    public static func inheritedSockets(environment: [String: String]) -> [FileDescriptor] {
        guard let countText = environment["LISTEN_FDS"], let count = Int32(countText), count > 0,
            let pidText = environment["LISTEN_PID"], Int32(pidText) == getpid()
        else {
            return []
        }
        return (0..<count).map { offset in
            let raw = firstDescriptor + offset
            _ = fcntl(raw, F_SETFD, FD_CLOEXEC)
            return FileDescriptor(rawValue: raw)
        }
    }

    /// The filesystem path a listening socket is bound to, if it has one.
    public static func boundPath(of descriptor: FileDescriptor) -> String? {
        var address = sockaddr_un()
        var length = socklen_t(MemoryLayout<sockaddr_un>.size)
        let result = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                getsockname(descriptor.rawValue, $0, &length)
            }
        }
        guard result == 0 else { return nil }
        let path = withUnsafeBytes(of: address.sun_path) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        return path.isEmpty ? nil : path
    }
}
