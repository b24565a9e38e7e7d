import Glibc

/// Sends sd_notify(3) state lines to the service manager over the datagram socket named in
/// NOTIFY_SOCKET (a path, or an abstract name starting with `@`). Silent when the variable is unset.
public final class SystemdNotifier: Sendable {
    public let socketPath: String?

    public init(environment: [String: String]) {
        let path = environment["NOTIFY_SOCKET"]
        socketPath = (path?.isEmpty ?? true) ? nil : path
    }

    /// Sends one notification such as `READY=1` or `STATUS=migrating`; failures are returned,
    /// not thrown, because the service keeps running without the manager's bookkeeping.
    @discardableResult
    public func notify(_ state: String) -> SystemError? {
        guard let socketPath else { return nil }
        do throws(SystemError) {
            let raw = try syscall("socket") {
                socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            }
            let descriptor = FileDescriptor(rawValue: raw)
            defer { descriptor.close() }
            let bytes = Array(state.utf8)
            try withUnixAddress(socketPath) { (address, length) throws(SystemError) in
                try syscall("sendto") {
                    bytes.withUnsafeBytes {
                        sendto(raw, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL), address, length)
                    }
                }
            }
            return nil
        } catch {
            return error
        }
    }

    /// The watchdog interval from WATCHDOG_USEC when it is meant for this process, in
    /// microseconds; the caller pings at half of it, as sd_watchdog_enabled(3) advises.
    public static func watchdogMicroseconds(environment: [String: String]) -> UInt64? {
        guard let text = environment["WATCHDOG_USEC"], let value = UInt64(text), value > 0 else {
            return nil
        }
        if let pid = environment["WATCHDOG_PID"], Int32(pid) != getpid() {
            return nil
        }
        return value
    }
}
