import CLinux
import Glibc

/// Unix stream sockets: listening with a safe mode from birth, connecting, accepting.
public enum UnixSocket {
    /// The reason a listening socket could not be set up at a path.
    public enum ListenError: Error, Sendable, CustomStringConvertible {
        /// Another live process accepts connections on the path.
        case inUse(path: String, holderPID: Int32?)
        /// Something that is not a socket is at the path; it is left alone.
        case notASocket(path: String)
        /// The path does not fit in `sockaddr_un`.
        case pathTooLong(path: String, limit: Int)
        case system(SystemError)

        public var description: String {
            switch self {
            case .inUse(let path, let pid?):
                return "socket \(path) is in use by process \(pid)"
            case .inUse(let path, nil):
                return "socket \(path) is in use by another process"
            case .notASocket(let path):
                return "\(path) exists and is not a socket; remove it or choose another path"
            case .pathTooLong(let path, let limit):
                return "socket path \(path) is \(path.utf8.count) bytes; Unix sockets allow at "
                    + "most \(limit), so choose a shorter path"
            case .system(let error):
                return error.description
            }
        }
    }

    /// Creates a stream socket with close-on-exec set from birth.
    static func makeStreamSocket() throws(SystemError) -> FileDescriptor {
        let raw = try syscall("socket") {
            socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        }
        return FileDescriptor(rawValue: raw)
    }

    /// Listens on `path` with file mode `mode`.
    ///
    /// The socket is bound under a temporary name with a umask that already yields `mode`, then
    /// renamed over `path`, so there is no moment at which the path accepts connections with a
    /// wider mode. A socket left by a dead process is replaced; a live one, or any other kind of
    /// file, makes this throw and stays untouched.
    public static func listen(path: String, mode: mode_t, backlog: Int32 = 512)
        throws(ListenError) -> FileDescriptor
    {
        let limit = MemoryLayout.size(ofValue: sockaddr_un().sun_path) - 1
        guard path.utf8.count <= limit else { throw .pathTooLong(path: path, limit: limit) }
        try checkExisting(path: path)

        // A short temporary name in the same directory, so rename(2) stays atomic and a path near
        // the length limit still leaves room for it.
        let directory = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let temporary = (directory.isEmpty ? "" : directory) + "/.t\(getpid())"
        _ = unlink(temporary)
        let descriptor: FileDescriptor
        do {
            descriptor = try makeStreamSocket()
            let previousMask = umask(~mode & 0o777)
            defer { umask(previousMask) }
            try withUnixAddress(temporary) { (address, length) throws(SystemError) in
                try syscall("bind") { bind(descriptor.rawValue, address, length) }
            }
        } catch {
            throw .system(error)
        }

        do {
            try syscall("chmod") { chmod(temporary, mode) }
            try syscall("listen") { Glibc.listen(descriptor.rawValue, backlog) }
            // Re-check just before the rename: a daemon that came up meanwhile keeps its path.
            try checkExisting(path: path)
            try syscall("rename") { rename(temporary, path) }
        } catch let error as ListenError {
            _ = unlink(temporary)
            throw error
        } catch let error as SystemError {
            _ = unlink(temporary)
            throw .system(error)
        } catch {
            _ = unlink(temporary)
            throw .system(SystemError("listen", errno: EIO))
        }
        return descriptor
    }

    /// Throws unless `path` is free or is a socket on which no process accepts connections.
    private static func checkExisting(path: String) throws(ListenError) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        guard status.st_mode & S_IFMT == S_IFSOCK else { throw .notASocket(path: path) }

        do {
            let probe = try connect(path: path)
            let holder = try? PeerCredentials.of(probe)
            probe.close()
            throw ListenError.inUse(path: path, holderPID: holder?.pid)
        } catch let error as ListenError {
            throw error
        } catch {
            // No process accepts on it, so it is a stale socket left by a process that died.
            return
        }
    }

    /// Connects to the socket at `path` (or an abstract name starting with `@`).
    public static func connect(path: String) throws(SystemError) -> FileDescriptor {
        let descriptor = try makeStreamSocket()
        do {
            try withUnixAddress(path) { (address, length) throws(SystemError) in
                try syscall("connect") { Glibc.connect(descriptor.rawValue, address, length) }
            }
        } catch {
            descriptor.close()
            throw error
        }
        return descriptor
    }

    /// Accepts one connection, close-on-exec from birth.
    public static func accept(_ listener: FileDescriptor) throws(SystemError) -> FileDescriptor {
        let raw = try syscall("accept4") {
            clinux_accept_cloexec(listener.rawValue)
        }
        return FileDescriptor(rawValue: raw)
    }

    /// Sets the receive time-out: a blocking read fails with EAGAIN after `seconds` without data.
    public static func setReceiveTimeout(_ descriptor: FileDescriptor, seconds: Int) {
        var value = timeval(tv_sec: seconds, tv_usec: 0)
        _ = setsockopt(
            descriptor.rawValue, SOL_SOCKET, SO_RCVTIMEO, &value,
            socklen_t(MemoryLayout<timeval>.size))
    }

    /// Sets a send time-out so a peer that stops reading cannot block a writer for ever.
    public static func setSendTimeout(_ descriptor: FileDescriptor, seconds: Int) {
        var value = timeval(tv_sec: seconds, tv_usec: 0)
        _ = setsockopt(
            descriptor.rawValue, SOL_SOCKET, SO_SNDTIMEO, &value,
            socklen_t(MemoryLayout<timeval>.size))
    }
}
