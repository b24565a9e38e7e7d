import Foundation

/// A source of the current instant, injected so that tests and replays can fix "now".
public protocol Clock: Sendable {
    /// Returns the current instant.
    func now() -> Date
}

extension Clock {
    /// Today's date in China Standard Time.
    public func today() -> CivilDate {
        ChinaTime.date(of: now())
    }
}

/// The system's real-time clock.
public struct SystemClock: Clock {
    /// Creates the clock.
    public init() {}

    public func now() -> Date {
        Date()
    }
}

/// A clock for tests: it returns a set instant, which `set` and `advance` move.
public final class FixedClock: Clock, @unchecked Sendable {
    // The lock makes the mutable instant safe to share across tasks, hence @unchecked.
    private let lock = NSLock()
    private var instant: Date

    /// Creates a clock standing at `instant`.
    public init(_ instant: Date) {
        self.instant = instant
    }

    /// Creates a clock standing at the start of `date` in China Standard Time.
    public convenience init(startOf date: CivilDate) {
        self.init(ChinaTime.startOfDay(date))
    }

    public func now() -> Date {
        lock.lock()
        defer { lock.unlock() }
        return instant
    }

    /// Moves the clock to `instant`.
    public func set(_ instant: Date) {
        lock.lock()
        defer { lock.unlock() }
        self.instant = instant
    }

    /// Moves the clock forward by `seconds` (backward when negative).
    public func advance(by seconds: TimeInterval) {
        lock.lock()
        defer { lock.unlock() }
        instant = instant.addingTimeInterval(seconds)
    }
}
