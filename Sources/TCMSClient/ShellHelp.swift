import TCMSTerminal

/// The text of `help`, `help COMMAND` and `help METHOD`, built from the live daemon's catalog.
struct ShellHelp {
    let catalog: MethodCatalog

    /// Returns the help for `topic`, or the command list when `topic` is empty.
    func text(for topic: String) throws -> String {
        if topic.isEmpty {
            return overview()
        }
        if let method = catalog.method(named: topic) {
            return describe(method)
        }
        if let command = ShellCommand.resolve(topic) {
            var text = command.usage + "\n  " + command.summary + "\n"
            if let details = command.details {
                text += "\n" + details + "\n"
            }
            if !command.examples.isEmpty {
                text += "\nExamples:\n" + command.examples.map { "  \($0)\n" }.joined()
            }
            return text
        }
        if let shortcut = ShellShortcut.named(topic) {
            return shortcut.usage + "\n  " + shortcut.summary + "\n"
        }
        let hint = closestMatch(to: topic, in: ShellCommand.names + catalog.names)
        throw ShellUsageError(
            "no command or method named \(topic)"
                + (hint.map { "; did you mean \($0)?" } ?? "; type methods for the methods"))
    }

    private func overview() -> String {
        let commands = ShellCommand.allCases.filter { $0 != .exit }
        let usages = commands.map { $0 == .quit ? "quit, exit" : $0.shortUsage }
        let width = usages.map { DisplayWidth.of($0) }.max() ?? 0

        var text = "Commands:\n"
        for (usage, command) in zip(usages, commands) {
            text += "  " + pad(usage, toWidth: width) + "  " + command.summary + "\n"
        }
        let shortcuts = ShellShortcut.all.filter { catalog.method(named: $0.method) != nil }
        let shortcutWidth = shortcuts.map { DisplayWidth.of($0.usage) }.max() ?? 0
        if !shortcuts.isEmpty {
            text += "\nShortcuts for methods:\n"
        }
        for shortcut in shortcuts {
            text += "  " + pad(shortcut.usage, toWidth: shortcutWidth) + "  " + shortcut.summary
                + "\n"
        }
        text += """

            A method name works as a command: system.stats is call system.stats.
            PARAMS: {"filter": {"name": "福州"}} or page=2 divisionCode=350102 (quote values
            with spaces); a param declared as a string keeps its text, digits included.
            Commands may be shortened to a unique prefix (he is help).
            Tab completes commands, methods, param and filter names, coded values (status=app
            Tab gives status=approved) and the numbers of the records shown last.
            After any command, --format csv|json prints it once in that format, --bom adds a
            UTF-8 byte order mark to CSV, --all fetches every page of a listing and
            --output FILE writes a new file. \\x switches listings to one block per record.
            The daemon offers \(catalog.methods.count) methods: methods lists them, \
            help METHOD describes one.

            """
        return text
    }

    private func describe(_ method: MethodDescription) -> String {
        var text = method.name + "\n  " + method.summary + "\n\n"
        text += "Roles:  " + (method.roles.isEmpty ? "none" : method.roles.joined(separator: ", "))
        text += "\nWrites: " + (method.writes ? "yes" : "no")
        if !method.result.isEmpty {
            text += "\nResult: " + method.result
        }

        if method.params.isEmpty {
            text += "\nParams: none\n"
            return text
        }
        text += "\nParams:\n"
        let labels = method.params.map { param in
            "\(param.name) (\(param.type)\(param.required ? ", required" : ""))"
        }
        let width = labels.map { DisplayWidth.of($0) }.max() ?? 0
        for (label, param) in zip(labels, method.params) {
            text += "  " + pad(label, toWidth: width) + "  " + param.summary + "\n"
        }
        return text
    }
}
