import Foundation

/// Conversions between instants and China Standard Time (UTC+08:00, no daylight saving).
///
/// Every conversion adds the fixed offset to the Unix time and works on whole seconds, so the
/// result never depends on the process's `TZ` or on `TimeZone.current`.
public enum ChinaTime {
    /// Offset of China Standard Time from UTC, in seconds.
    public static let offsetSeconds = 8 * 3600

    private static let secondsPerDay = 86_400

    /// Returns the CST calendar date of `instant`; 2026-02-28T16:30:00Z is 2026-03-01.
    public static func date(of instant: Date) -> CivilDate {
        let local = localSeconds(of: instant)
        let days = floorDivide(local, secondsPerDay)
        guard let date = CivilDate(daysSinceEpoch: days) else {
            preconditionFailure("Instant \(instant) lies outside the years 1-9999")
        }
        return date
    }

    /// Formats `instant` as RFC 3339 in CST with whole seconds: `2026-03-01T00:30:00+08:00`.
    /// Fractions of a second are dropped (rounded toward the past).
    public static func timestamp(of instant: Date) -> String {
        let local = localSeconds(of: instant)
        let secondOfDay = local - floorDivide(local, secondsPerDay) * secondsPerDay
        let hour = secondOfDay / 3600
        let minute = secondOfDay / 60 % 60
        let second = secondOfDay % 60
        return date(of: instant).description + "T" + twoDigits(hour) + ":" + twoDigits(minute)
            + ":" + twoDigits(second) + "+08:00"
    }

    /// Returns the instant at which `date` begins in CST (00:00:00+08:00).
    public static func startOfDay(_ date: CivilDate) -> Date {
        let seconds = date.daysSinceEpoch * secondsPerDay - offsetSeconds
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// Parses an RFC 3339 timestamp with a `Z` or `±HH:MM` offset and optional fraction of a
    /// second (`2026-02-28T16:30:00Z`, `2026-03-01T00:30:00.250+08:00`); nil when malformed.
    public static func parseTimestamp(_ text: String) -> Date? {
        var parser = RFC3339Parser(text)
        return parser.parse()
    }

    private static func localSeconds(of instant: Date) -> Int {
        Int(instant.timeIntervalSince1970.rounded(.down)) + offsetSeconds
    }

    private static func floorDivide(_ value: Int, _ divisor: Int) -> Int {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
