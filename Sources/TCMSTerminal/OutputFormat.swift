/// The output format of the shell and the one-shot client (`--format table|csv|json`).
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Aligned columns for people at a terminal.
    case table

    /// RFC 4180 comma-separated values with no padding.
    case csv

    /// The result as JSON, for scripts and pipes.
    case json

    /// Returns the format to use when none is given: a table when standard output is a
    /// terminal, JSON otherwise, so that a pipe gets data a program can read.
    ///
    /// - Parameter isTerminal: the result of `isatty(STDOUT_FILENO)`.
    public static func defaultFormat(isTerminal: Bool) -> OutputFormat {
        isTerminal ? .table : .json
    }
}
