import Foundation
import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// Writes audit records. Every state change calls `record` inside the same write transaction
/// as the change, so a change and its record commit or roll back together.
public enum AuditLog {
    /// Appends one record: who (from the call context), what (method and subject), when, and
    /// the changed fields before and after. Callers mask ID and phone numbers in `before` and
    /// `after` first; `Masking` does that.
    public static func record(
        _ database: Database, context: CallContext, subject: String?, before: JSON? = nil,
        after: JSON? = nil, at instant: Date = Date()
    ) throws {
        let caller = context.caller
        try database.run(
            """
            INSERT INTO audit_log (at, role, login, peer_uid, peer_pid, method, subject, before, after)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                ChinaTime.timestamp(of: instant), caller.role.rawValue, caller.login,
                Int64(caller.peerUID), Int64(caller.peerPID), context.method, subject,
                before?.encodedString(), after?.encodedString(),
            ])
    }
}
