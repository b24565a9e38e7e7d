import TCMSDomain
import TCMSStorage

/// The text message that informs an entity of a decision on its system-access application.
struct AccessNotice {
    let mobile: String
    let text: String

    /// Builds the message for the entity's mobile number, or for its main agent's when the
    /// entity has none; nil when neither has a number.
    static func decision(
        _ database: Database, entityID: Int64, approved: Bool, reason: String?
    ) throws -> AccessNotice? {
        let mobile = try database.queryFirst(
            """
            SELECT coalesce(e.mobile, m.mobile) FROM entities e
            LEFT JOIN main_agents m ON m.entity_id = e.id WHERE e.id = ?
            """, [entityID]
        ) { $0.optionalString(0) } ?? nil
        guard let mobile else { return nil }
        let text = approved
            ? "【技术合同登记】贵单位的系统授权申请（技术合同管理与服务）已通过审核。"
            : "【技术合同登记】贵单位的系统授权申请（技术合同管理与服务）已被退回，原因：\(reason ?? "")。"
                + "请修改后重新提交。"
        return AccessNotice(mobile: mobile, text: text)
    }

    /// Runs the SMS command after the decision has committed. A failed delivery is kept in
    /// the outbox instead, so the operator can still read and forward it. The decision remains
    /// in effect either way.
    func deliver(command: String, store: Store, now: String) {
        guard !Notifier.run(command, mobile: mobile, text: text) else { return }
        try? store.write { database in
            try Notifier.keep(database, mobile: mobile, text: text, now: now)
        }
    }
}
