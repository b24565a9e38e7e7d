import TCMSStorage

/// Delivers text messages. The embedded default keeps each message in the `outbox` table,
/// which an operator reads with `sms.outbox`.
enum Notifier {
    // FIXME: the `sms_command` setting (an external program that gets the number and the text)
    // is not built yet. Until it is, every message stays in the outbox.
    static func deliver(_ database: Database, mobile: String, text: String, now: String) throws {
        try database.run(
            "INSERT INTO outbox (channel, recipient, body, created_at) VALUES ('sms', ?, ?, ?)",
            [mobile, text, now])
    }
}
