import Glibc

/// A failed system call: the call's name and the errno it set.
public struct SystemError: Error, Sendable, Equatable, CustomStringConvertible {
    public let call: String
    public let errno: Int32

    public init(_ call: String, errno: Int32) {
        self.call = call
        self.errno = errno
    }

    public var description: String {
        "\(call) failed: \(String(cString: strerror(errno))) (errno \(errno))"
    }
}

/// Runs a system call, retrying on EINTR, and throws its errno with the call's name otherwise.
///
/// EBADF and EFAULT mean a programming error in tcms (a closed or wild descriptor), so they stop
/// the process instead of being handled as a runtime condition.
@discardableResult
public func syscall<T: FixedWidthInteger>(
    _ name: String, _ body: () -> T
) throws(SystemError) -> T {
    while true {
        let result = body()
        if result != -1 { return result }
        let code = Glibc.errno
        switch code {
        case EINTR:
            continue
        case EBADF, EFAULT:
            fatalError("\(name): \(String(cString: strerror(code))): descriptor misuse in tcms")
        default:
            throw SystemError(name, errno: code)
        }
    }
}
