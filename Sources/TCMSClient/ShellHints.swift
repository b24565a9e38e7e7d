/// The arguments still to type, shown dimmed after the cursor as the clerk types, like
/// redis-cli's hints: after `contract approve ` the shell shows `N [AMOUNT]`.
enum ShellHints {
    /// The argument words of commands whose usage has several forms or reads better spelled
    /// out, keyed by the command words typed (`contract approve`).
    static let forms: [String: [String]] = [
        "contract": ["show|receive|approve|return", "N"],
        "contract show": ["N"],
        "contract receive": ["N"],
        "contract approve": ["N", "[AMOUNT]"],
        "contract return": ["N", "GROUND...", "[-- NOTE]"],
        "access": ["show|approve|return", "N"],
        "access show": ["N"],
        "access approve": ["N"],
        "access return": ["N", "REASON"],
        "inbox": ["[FILTERS]", "[--format csv|json]"],
        "contracts": ["[FILTERS]", "[--format csv|json]"],
        "stats": ["[BY...]", "[FILTERS]"],
        "expanded": ["[on|off|auto]"],
        "dashboard": ["[PARAMS]"],
    ]

    /// Returns the hint for `line` with the cursor at its end. There is one only after a
    /// space and only while arguments remain.
    static func hint(for line: String, catalog: MethodCatalog) -> String? {
        guard line.last == " " else { return nil }
        let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let first = words.first else { return nil }

        var commandWords = 1
        var arguments: [String]
        if words.count >= 2, let form = forms["\(first) \(words[1])"] {
            commandWords = 2
            arguments = form
        } else if let form = forms[ShellCommand.resolve(first)?.rawValue ?? first] {
            arguments = form
        } else if let command = ShellCommand.resolve(first) {
            arguments = Array(command.usage.split(separator: " ").dropFirst().map(String.init))
        } else if let shortcut = ShellShortcut.named(first) {
            arguments = Array(shortcut.usage.split(separator: " ").dropFirst().map(String.init))
        } else if let method = catalog.method(named: first) {
            let required = method.params.filter(\.required).map { $0.name + "=…" }
            arguments = required + (method.params.contains { !$0.required } ? ["[PARAMS]"] : [])
        } else {
            return nil
        }

        let typed = words.count - commandWords
        guard typed < arguments.count, !words.contains("--") else { return nil }
        return arguments[typed...].joined(separator: " ")
    }
}
