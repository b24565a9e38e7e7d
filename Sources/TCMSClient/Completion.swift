import CEdit
import Glibc

/// Tab completion from the live daemon. The first word completes to a command or method name.
/// After it come method names (`call`, `help`), param and filter names (`status=`), coded
/// values after `key=` (`status=app` to `status=approved`), return grounds after
/// `contract return N`, and the ids of the records shown last where a record number goes.
enum Completion {
    /// Returns the candidates for `word`, given the text of the line before it.
    typealias Source = (_ lineBeforeWord: String, _ word: String) -> [String]

    /// The sources of candidates besides the typed line.
    struct Context {
        var commands: [String]
        var catalog: MethodCatalog
        /// The codes of a named list (`contract_status`), from `code.list`.
        var codes: (String) -> [String]
        /// The ids of the records shown last.
        var shownIDs: [String]
    }

    /// The candidates for the word being completed. Candidates that end in "=" take no space
    /// after them, so the value can follow at once.
    static func candidates(lineBeforeWord: String, word: String, context: Context) -> [String] {
        let before = lineBeforeWord.split(whereSeparator: \.isWhitespace).map(String.init)
        let pool: [String]
        if lineBeforeWord.last == "=", let key = before.last {
            // libedit breaks words at "=", so the value is completed on its own.
            pool = values(forKey: key, line: before, context: context)
        } else if before.isEmpty {
            pool = context.commands + ShellShortcut.all.map(\.name) + context.catalog.names
        } else {
            pool = arguments(after: before, context: context)
        }
        return pool.filter { $0.hasPrefix(word) }
    }

    /// Lists the words that may follow the command words `before`.
    private static func arguments(after before: [String], context: Context) -> [String] {
        let catalog = context.catalog
        let command = ShellCommand.resolve(before[0])
        switch command {
        case .call where before.count == 1, .help where before.count == 1:
            return command == .help
                ? context.commands + ShellShortcut.all.map(\.name) + catalog.names
                : catalog.names
        case .format:
            return before.count == 1 ? ["table", "csv", "json"] : before[1] == "csv" ? ["bom"] : []
        case .expanded:
            return before.count == 1 ? ["on", "off", "auto"] : []
        case .contract:
            if before.count == 1 { return ["show", "receive", "approve", "return"] }
            if before.count == 2 { return context.shownIDs }
            return before[1] == "return" ? context.codes("return_ground") + ["--"] : []
        case .access:
            if before.count == 1 { return ["show", "approve", "return"] }
            return before.count == 2 ? context.shownIDs : []
        case .receive:
            return before.count == 1 ? context.shownIDs : []
        case .inbox:
            return paramNames("contract.inbox", catalog) + exportOptions
        case .contracts:
            return paramNames("contract.list", catalog) + exportOptions
        case .stats:
            return ["--format"]
        case .dashboard:
            return paramNames("dashboard.get", catalog)
        default:
            break
        }
        if let shortcut = ShellShortcut.named(before[0]) {
            if shortcut.positional.isEmpty {
                return paramNames(shortcut.method, catalog) + exportOptions
            }
            return before.count == 1 ? context.shownIDs : []
        }
        let methodName = command == .call && before.count > 1 ? before[1] : before[0]
        return paramNames(methodName, catalog)
    }

    private static let exportOptions = ["--format", "--bom", "--all", "--output"]

    /// `name=` for each param of `method` and each of its filter keys.
    private static func paramNames(_ method: String, _ catalog: MethodCatalog) -> [String] {
        let params = catalog.method(named: method)?.params ?? []
        let filterKeys = params.first { $0.name == "filter" }?.keys ?? []
        return (filterKeys + params.map(\.name).filter { $0 != "filter" }).map { $0 + "=" }
    }

    /// The coded values of `key` (written `key=` or `key>=`) for the method of the line.
    private static func values(forKey word: String, line: [String], context: Context) -> [String] {
        let key = String(word.dropLast().trimmingSuffix(">").trimmingSuffix("<"))
        let method: String
        switch ShellCommand.resolve(line[0]) {
        case .inbox: method = "contract.inbox"
        case .contracts: method = "contract.list"
        case .call where line.count > 1: method = line[1]
        default: method = ShellShortcut.named(line[0])?.method ?? line[0]
        }
        guard let list = CodeCatalog.list(forKey: key, method: method) else { return [] }
        return context.codes(list)
    }

    /// Installs the C callback that libedit calls on Tab.
    static func install(_ source: @escaping Source) {
        State.source = source
        cedit_set_completion_function(attempt)
        // Nothing in the shell takes a file, so when `attempt` finds nothing, libedit's
        // fallback completes nothing instead of file names.
        cedit_set_completion_entry_function(noFallback)
    }

    private enum State {
        nonisolated(unsafe) static var source: Source?
        nonisolated(unsafe) static var matches: [String] = []
        nonisolated(unsafe) static var next = 0
    }

    /// libedit passes `start` and `end` as character offsets into the line, not byte offsets.
    private static let attempt: @convention(c) (
        UnsafePointer<CChar>?, Int32, Int32
    ) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, start, _ in
        guard let text, let source = State.source else { return nil }

        let line = cedit_line_buffer().map { String(cString: $0) } ?? ""
        let scalars = Array(line.unicodeScalars.prefix(Int(max(0, start))))
        var beforeWord = String.UnicodeScalarView()
        beforeWord.append(contentsOf: scalars)

        let word = String(cString: text)
        State.matches = source(String(beforeWord), word)
        State.next = 0
        let allTakeValue = !State.matches.isEmpty && State.matches.allSatisfy { $0.hasSuffix("=") }
        cedit_set_completion_append_character(allTakeValue ? 0 : 32)

        // Keep the inline hint's copy of the line: one match completes the word in place.
        if State.matches.count == 1, line == String(beforeWord) + word {
            InlineHint.replaceLine(
                String(beforeWord) + State.matches[0] + (allTakeValue ? "" : " "))
        } else if State.matches.count > 1 {
            InlineHint.replaceLine(nil)
        }
        return rl_completion_matches(text, generate)
    }

    private static let noFallback: @convention(c) (
        UnsafePointer<CChar>?, Int32
    ) -> UnsafeMutablePointer<CChar>? = { _, _ in nil }

    /// Hands libedit one match per call, as strings it frees itself.
    private static let generate: @convention(c) (
        UnsafePointer<CChar>?, Int32
    ) -> UnsafeMutablePointer<CChar>? = { _, _ in
        guard State.next < State.matches.count else { return nil }
        let match = State.matches[State.next]
        State.next += 1
        return strdup(match)
    }
}

extension Substring {
    fileprivate func trimmingSuffix(_ suffix: Character) -> Substring {
        last == suffix ? dropLast() : self
    }
}
