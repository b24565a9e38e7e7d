/// Words that stand for a method call with positional arguments, as clerks, reviewers and
/// operators type them: `applications`, `approve 17`, `return 17 地址不符`, `review 5 reject 模糊`.
struct ShellShortcut {
    let name: String
    let usage: String
    let summary: String
    let method: String
    /// The param names the positional words fill, in order; the last one takes the rest of
    /// the line as one text.
    let positional: [String]

    static let all: [ShellShortcut] = [
        listing("offices", "office.list", "registration offices"),
        listing("accounts", "account.list", "accounts (operators)"),
        listing("clerks", "clerk.list", "clerks (operators)"),
        listing("applications", "access.list", "system-access applications of your office"),
        listing("materials", "material.list", "proof material to review (reviewers)"),
        listing("authorizations", "authorization.list", "your entity's authorized handlers"),
        listing("audit", "audit.list", "the audit log, newest first (operators)"),
        listing("outbox", "sms.outbox", "messages the notifier kept (operators)"),
        ShellShortcut(
            name: "approve", usage: "approve N", summary: "Approve system-access application N",
            method: "access.approve", positional: ["applicationId"]),
        ShellShortcut(
            name: "return", usage: "return N REASON", summary: "Return application N with a reason",
            method: "access.return", positional: ["applicationId", "reason"]),
        ShellShortcut(
            name: "review", usage: "review N approve|reject [REASON]",
            summary: "Decide on proof material N", method: "material.review",
            positional: ["materialId", "decision", "reason"]),
    ]

    private static func listing(_ name: String, _ method: String, _ what: String) -> ShellShortcut {
        ShellShortcut(
            name: name, usage: "\(name) [FILTERS]", summary: "List \(what) (\(method))",
            method: method, positional: [])
    }

    static func named(_ word: String) -> ShellShortcut? {
        all.first { $0.name == word }
    }

    /// Builds the params text for the method: positional words become `name=value` words
    /// (quoted), and with no positional params the words pass through as filters.
    func paramsText(from arguments: String) throws -> String {
        guard !positional.isEmpty else { return arguments }
        let words = try ShellSyntax.words(arguments)
        guard words.count >= positional.count - (positional.count > 1 ? 1 : 0) else {
            throw ShellUsageError("usage: \(usage)")
        }
        var parts: [String] = []
        for (index, name) in positional.enumerated() where index < words.count {
            let isLast = index == positional.count - 1
            let value = isLast ? words[index...].joined(separator: " ") : words[index]
            let escaped = value.replacingOccurrences(of: "'", with: "")
            parts.append("\(name)='\(escaped)'")
        }
        return parts.joined(separator: " ")
    }
}
