import Glibc

/// An owned file descriptor, closed exactly once.
public final class FileDescriptor: @unchecked Sendable {
    // Unchecked because `closed` is guarded by `lock` and `rawValue` never changes.
    public let rawValue: Int32
    private var closed = false
    private let lock = Mutex()

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// Closes the descriptor; later calls do nothing. EINTR from close is not retried, because
    /// on Linux the descriptor is released even then.
    public func close() {
        let shouldClose = lock.withLock { () -> Bool in
            defer { closed = true }
            return !closed
        }
        if shouldClose {
            _ = Glibc.close(rawValue)
        }
    }

    public var isClosed: Bool { lock.withLock { closed } }

    deinit {
        if !closed { _ = Glibc.close(rawValue) }
    }

    /// Writes all of `bytes`, looping over short writes.
    public func writeAll(_ bytes: [UInt8]) throws(SystemError) {
        var offset = 0
        while offset < bytes.count {
            let written = try syscall("write") {
                bytes.withUnsafeBytes { buffer in
                    Glibc.send(
                        rawValue, buffer.baseAddress! + offset, buffer.count - offset,
                        Int32(MSG_NOSIGNAL))
                }
            }
            offset += written
        }
    }

    /// Reads up to `count` bytes into `buffer`; 0 means end of file.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> Int {
        try syscall("read") { Glibc.read(rawValue, buffer.baseAddress, buffer.count) }
    }

}
