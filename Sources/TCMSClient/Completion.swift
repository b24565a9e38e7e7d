import CEdit
import Glibc

/// Tab completion: command names first, method names after `call` and `help`, and param names
/// (`name=`) after a method, all from the live daemon's catalog.
enum Completion {
    /// Returns the candidates for `word`, given the text of the line before it.
    typealias Source = (_ lineBeforeWord: String, _ word: String) -> [String]

    /// The candidates for the word being completed. Candidates that end in "=" take no space
    /// after them, so the value can follow at once.
    static func candidates(
        lineBeforeWord: String, word: String, commands: [String], catalog: MethodCatalog
    ) -> [String] {
        let before = lineBeforeWord.split(whereSeparator: \.isWhitespace).map(String.init)
        var pool: [String]

        let shortcuts = ShellShortcut.all.map(\.name)
        switch before.count {
        case 0:
            pool = commands + shortcuts + catalog.names
        case 1 where ShellCommand.resolve(before[0]) == .call:
            pool = catalog.names
        case 1 where ShellCommand.resolve(before[0]) == .help:
            pool = commands + catalog.names
        case 1 where ShellCommand.resolve(before[0]) == .format:
            pool = ["table", "csv", "json"]
        default:
            let methodName = ShellCommand.resolve(before[0]) == .call ? before[1] : before[0]
            let method = catalog.method(named: methodName)
            pool = (method?.params ?? []).map { $0.name + "=" }
        }
        return pool.filter { $0.hasPrefix(word) }
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

        State.matches = source(String(beforeWord), String(cString: text))
        State.next = 0
        let allTakeValue = !State.matches.isEmpty && State.matches.allSatisfy { $0.hasSuffix("=") }
        cedit_set_completion_append_character(allTakeValue ? 0 : 32)
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
