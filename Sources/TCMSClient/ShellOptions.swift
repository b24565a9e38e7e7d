import TCMSTerminal

/// The shell's command-line settings.
public struct ShellOptions: Sendable {
    /// The daemon's socket.
    public var socketPath = ""

    /// Commands given with `-c`, separated by `;`; nil reads commands from stdin.
    public var command: String?

    /// The output format from `--format`; nil picks one by whether stdout is a terminal.
    public var format: OutputFormat?

    /// Whether CSV output starts with a UTF-8 byte order mark (`--bom`).
    public var byteOrderMark = false

    /// Whether a script goes on after a failing command (`--continue`).
    public var continueOnError = false

    public init() {}
}
