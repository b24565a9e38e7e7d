/// How listings are printed.
public enum ShellFormat: String, Sendable, CaseIterable {
    case table
    case csv
    case json
}

/// The shell's command-line settings.
public struct ShellOptions: Sendable {
    public var socketPath = ""
    public var command: String?
    public var format: ShellFormat?
    public var continueOnError = false

    public init() {}
}
