import TCMSDomain
import TCMSStorage

/// The outside resources every service uses: the store, the clock, the state directory, and the
/// SMS and verification commands. Tests pass a `FixedClock` so expiry rules run without waiting.
public struct ServiceEnvironment: Sendable {
    public let store: Store
    public let clock: any Clock
    /// The daemon's state directory; backups live under it.
    public let stateDirectory: String
    /// The executable that sends text messages; nil keeps them in the outbox.
    public let smsCommand: String?
    /// The executable that stands in for the national verification platform; nil uses the
    /// embedded checks.
    public let verifyCommand: String?

    public init(
        store: Store, stateDirectory: String, clock: any Clock = SystemClock(),
        smsCommand: String? = nil, verifyCommand: String? = nil
    ) {
        self.store = store
        self.stateDirectory = stateDirectory
        self.clock = clock
        self.smsCommand = smsCommand
        self.verifyCommand = verifyCommand
    }
}
