import Foundation

/// What one client connection carries between requests: its number and the caller it acts as,
/// which a successful `session.login` changes.
public final class ConnectionState: @unchecked Sendable {
    // Unchecked because `caller` is guarded by `lock`.
    public let id: UInt64
    private var current: Caller
    private let lock = NSLock()

    public init(id: UInt64, caller: Caller) {
        self.id = id
        current = caller
    }

    public var caller: Caller {
        get { lock.withLock { current } }
        set { lock.withLock { current = newValue } }
    }
}
