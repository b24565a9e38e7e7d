import TCMSDomain
import TCMSStorage

/// The outside dependencies of every service: the store, the clock and the state directory. Tests pass a `FixedClock`
/// so expiry rules run without waiting.
public struct ServiceEnvironment: Sendable {
    public let store: Store
    public let clock: any Clock
    /// The daemon's state directory; backups and uploaded material live under it.
    public let stateDirectory: String

    public init(store: Store, stateDirectory: String, clock: any Clock = SystemClock()) {
        self.store = store
        self.stateDirectory = stateDirectory
        self.clock = clock
    }
}
