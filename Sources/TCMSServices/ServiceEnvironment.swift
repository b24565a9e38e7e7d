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
    /// Working days and holidays for the statutory time limits of contracts.
    public let calendar: WorkingDayCalendar
    /// Days before the end of an approved contract's validity from which a contract without
    /// execution records shows as an execution reminder (执行提醒).
    public let executionReminderDays: Int
    /// The directory whose files replace the embedded templates (资料下载); nil serves the
    /// embedded ones.
    public let templatesDirectory: String?

    public init(
        store: Store, stateDirectory: String, clock: any Clock = SystemClock(),
        smsCommand: String? = nil, verifyCommand: String? = nil,
        calendar: WorkingDayCalendar = .standard, executionReminderDays: Int = 30,
        templatesDirectory: String? = nil
    ) {
        self.store = store
        self.stateDirectory = stateDirectory
        self.clock = clock
        self.smsCommand = smsCommand
        self.verifyCommand = verifyCommand
        self.calendar = calendar
        self.executionReminderDays = executionReminderDays
        self.templatesDirectory = templatesDirectory
    }
}
