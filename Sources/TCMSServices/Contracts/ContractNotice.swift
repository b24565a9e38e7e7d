import TCMSDomain
import TCMSStorage

/// The text messages that tell the handler and the entity of the office's receipt of the text,
/// an approval or a return, and of its decision on a change or cancellation filing.
struct ContractNotice {
    let messages: [(mobile: String, text: String)]

    /// The contract's title, registration number and return note, for the message text.
    struct Subject {
        let title: String
        let registrationNumber: String?
        let returnNote: String?
    }

    /// Builds the messages for contract `id` after `action`: one to the handler's mobile and
    /// one to the entity's (or its main agent's), skipping a number already addressed.
    static func after(
        _ action: ContractAction, contractID: Int64, in database: Database
    ) throws -> ContractNotice {
        try about(contractID: contractID, in: database) { subject in
            switch action {
            case .receiveText:
                "【技术合同登记】合同“\(subject.title)”的文本已由登记机构收到，进入审核。"
            case .return:
                "【技术合同登记】合同“\(subject.title)”已被退回："
                    + "\(subject.returnNote ?? "见退回理由")。请修改后重新提交。"
            default:
                "【技术合同登记】合同“\(subject.title)”已登记，登记编号 "
                    + "\(subject.registrationNumber ?? "")。"
            }
        }
    }

    /// Builds one message with `text` for the handler of contract `id` and one for its entity
    /// (or the entity's main agent), skipping a number already addressed.
    static func about(
        contractID: Int64, in database: Database, text: (Subject) -> String
    ) throws -> ContractNotice {
        let found = try database.queryFirst(
            """
            SELECT c.title, c.registration_number, c.return_note, p.mobile,
                coalesce(e.mobile, m.mobile)
            FROM contracts c JOIN entities e ON e.id = c.entity_id
            LEFT JOIN main_agents m ON m.entity_id = e.id
            LEFT JOIN accounts a ON a.login_key = c.handler_login
            LEFT JOIN persons p ON p.account_id = a.id
            WHERE c.id = ?
            """, [contractID]
        ) { row in
            (subject: Subject(
                title: row.string(0), registrationNumber: row.optionalString(1),
                returnNote: row.optionalString(2)),
             handler: row.optionalString(3), entity: row.optionalString(4))
        }
        guard let found else { return ContractNotice(messages: []) }

        let body = text(found.subject)
        var messages: [(mobile: String, text: String)] = []
        for mobile in [found.handler, found.entity].compactMap({ $0 })
        where !messages.contains(where: { $0.mobile == mobile }) {
            messages.append((mobile, body))
        }
        return ContractNotice(messages: messages)
    }

    /// Keeps the messages in the outbox, inside the decision's transaction.
    func keep(_ database: Database, now: String) throws {
        for message in messages {
            try Notifier.keep(database, mobile: message.mobile, text: message.text, now: now)
        }
    }

    /// Runs the SMS command for each message after the decision committed; a failed delivery
    /// goes to the outbox instead.
    func deliver(command: String, store: Store, now: String) {
        for message in messages {
            AccessNotice(mobile: message.mobile, text: message.text)
                .deliver(command: command, store: store, now: now)
        }
    }
}
