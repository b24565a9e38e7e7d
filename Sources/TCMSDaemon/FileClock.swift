import Foundation
import TCMSDomain

/// A clock that reads the current instant from a file holding one RFC 3339 timestamp, re-read
/// on every call, so end-to-end tests can move the daemon's time (code expiry, lock-outs, dates
/// near midnight) without waiting. The daemon uses it only when `TCMS_CLOCK_FILE` is set, and
/// logs a warning then. A missing or malformed file falls back to the system clock.
struct FileClock: Clock {
    let path: String

    func now() -> Date {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
            let instant = ChinaTime.parseTimestamp(
                text.trimmingCharacters(in: .whitespacesAndNewlines))
        else {
            return Date()
        }
        return instant
    }
}
