import Foundation
import TCMSDomain
import TCMSStorage

/// Counts failed logins per login name and per peer uid and locks either out for a while once
/// it fails too often. Names that have no account are counted too, so a lock-out never tells
/// whether a login exists.
enum LoginThrottle {
    /// Failures of one login name allowed within `window` before it is locked.
    static let maxFailuresPerLogin = 5
    /// Failures from one peer uid allowed within `window` before it is locked.
    static let maxFailuresPerPeer = 20
    /// The span over which failures are counted, and the length of a lock-out.
    static let window: TimeInterval = 15 * 60

    enum Scope: String {
        case login
        case peerUID = "peer_uid"
    }

    /// The end of the lock-out of `key`, as a timestamp, when one is in force at `now`.
    static func lockedUntil(_ database: Database, _ scope: Scope, _ key: String, now: Date)
        throws -> String?
    {
        let until = try database.queryFirst(
            "SELECT locked_until FROM login_throttle WHERE scope = ? AND key = ?",
            [scope.rawValue, key]) { $0.optionalString(0) }
        guard let until = until ?? nil, until > ChinaTime.timestamp(of: now) else { return nil }
        return until
    }

    /// Counts one failure and locks `key` when it reaches the limit of its scope.
    static func recordFailure(_ database: Database, _ scope: Scope, _ key: String, now: Date)
        throws
    {
        let nowText = ChinaTime.timestamp(of: now)
        let windowStart = ChinaTime.timestamp(of: now.addingTimeInterval(-window))
        let limit = scope == .login ? maxFailuresPerLogin : maxFailuresPerPeer
        let lockEnd = ChinaTime.timestamp(of: now.addingTimeInterval(window))
        try database.run(
            """
            INSERT INTO login_throttle (scope, key, failures, window_started_at)
            VALUES (?, ?, 1, ?)
            ON CONFLICT (scope, key) DO UPDATE SET
                failures = CASE WHEN window_started_at < ? THEN 1 ELSE failures + 1 END,
                window_started_at = CASE WHEN window_started_at < ? THEN ?
                                         ELSE window_started_at END
            """, [scope.rawValue, key, nowText, windowStart, windowStart, nowText])
        try database.run(
            """
            UPDATE login_throttle SET locked_until = ?, failures = 0, window_started_at = ?
            WHERE scope = ? AND key = ? AND failures >= ?
            """, [lockEnd, nowText, scope.rawValue, key, limit])
    }

    /// Forgets the failures and any lock-out of `key`.
    static func clear(_ database: Database, _ scope: Scope, _ key: String) throws {
        try database.run(
            "DELETE FROM login_throttle WHERE scope = ? AND key = ?", [scope.rawValue, key])
    }
}
