import TCMSSystem
import Foundation
import TCMSDomain
import TCMSRPC
import TCMSStorage

/// One row of `accounts`.
struct AccountRecord {
    let id: Int64
    let login: String
    let passwordHash: String
    let role: Role
    let isDisabled: Bool
    let mustResetPassword: Bool
}

/// Reads and writes `accounts` and `sessions`.
enum AccountStore {
    /// How long a session token stays valid after login.
    static let sessionLifetime: TimeInterval = 8 * 3600

    /// The key that makes logins unique regardless of letter case. Login names are ASCII, so
    /// this agrees with SQLite's `lower()`, which the table's CHECK uses.
    static func key(_ login: String) -> String {
        login.lowercased()
    }

    static func find(_ database: Database, login: String) throws -> AccountRecord? {
        try database.queryFirst(
            """
            SELECT id, login, password_hash, role, status, must_reset_password
            FROM accounts WHERE login_key = ?
            """, [key(login)], record)
    }

    static func find(_ database: Database, id: Int64) throws -> AccountRecord? {
        try database.queryFirst(
            """
            SELECT id, login, password_hash, role, status, must_reset_password
            FROM accounts WHERE id = ?
            """, [id], record)
    }

    private static func record(_ row: Row) -> AccountRecord {
        AccountRecord(
            id: row.int64(0), login: row.string(1), passwordHash: row.string(2),
            role: Role(rawValue: row.string(3)) ?? .anonymous,
            isDisabled: row.string(4) == "disabled",
            mustResetPassword: row.bool(5))
    }

    /// Inserts an account and returns its id; throws `login_taken` (naming `field`) when the
    /// login exists in any letter case.
    static func insert(
        _ database: Database, login: String, passwordHash: String, role: Role, now: String,
        field: String
    ) throws -> Int64 {
        guard try find(database, login: login) == nil else {
            throw IdentityErrors.loginTaken(field: field)
        }
        try database.run(
            """
            INSERT INTO accounts (login, login_key, password_hash, role, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """, [login, key(login), passwordHash, role.rawValue, now, now])
        return database.lastInsertRowID
    }

    /// Creates a session and returns its token; only the token's SHA-256 digest is stored.
    static func createSession(_ database: Database, accountID: Int64, now: Date) throws
        -> (token: String, hash: String, expiresAt: String)
    {
        let token = SecureRandom.hex(byteCount: 32)
        let hash = SHA256.hex(token)
        let expiresAt = ChinaTime.timestamp(of: now.addingTimeInterval(sessionLifetime))
        try database.run(
            """
            INSERT INTO sessions (token_hash, account_id, created_at, expires_at)
            VALUES (?, ?, ?, ?)
            """, [hash, accountID, ChinaTime.timestamp(of: now), expiresAt])
        return (token, hash, expiresAt)
    }

    /// The live session whose token digest is `hash`, with its account; nil when unknown,
    /// revoked or expired.
    static func liveSession(_ database: Database, hash: String, now: Date) throws
        -> (account: AccountRecord, expiresAt: String)?
    {
        let row = try database.queryFirst(
            """
            SELECT account_id, expires_at FROM sessions
            WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ?
            """, [hash, ChinaTime.timestamp(of: now)]) { ($0.int64(0), $0.string(1)) }
        guard let row, let account = try find(database, id: row.0) else { return nil }
        return (account, row.1)
    }

    /// Revokes every live session of an account, except `keeping` when given.
    static func revokeSessions(
        _ database: Database, accountID: Int64, now: String, keeping: String? = nil
    ) throws {
        try database.run(
            """
            UPDATE sessions SET revoked_at = ?
            WHERE account_id = ? AND revoked_at IS NULL AND token_hash IS NOT ?
            """, [now, accountID, keeping])
    }
}

extension Caller {
    /// The role a connection from this peer has without a session: operator for root and the
    /// daemon's own uid, anonymous for everyone else.
    var roleWithoutSession: Role {
        peerUID == 0 || peerUID == getuid() ? .operator : .anonymous
    }
}
