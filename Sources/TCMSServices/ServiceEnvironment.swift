import TCMSDomain
import TCMSStorage

/// What every service needs from outside: the store and the clock. Tests pass a `FixedClock`
/// so expiry rules run without waiting.
public struct ServiceEnvironment: Sendable {
    public let store: Store
    public let clock: any Clock

    public init(store: Store, clock: any Clock = SystemClock()) {
        self.store = store
        self.clock = clock
    }
}
