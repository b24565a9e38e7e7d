import TCMSTerminal

/// The output options any command takes after its own words: `--format`, `--bom`, `--all`
/// and `--output FILE`.
struct CommandOptions {
    var format: OutputFormat?
    var byteOrderMark = false
    /// Whether a listing fetches every page and prints them as one.
    var allPages = false
    /// The file the command's result is written to instead of the screen.
    var outputPath: String?
    /// The command's words without the options.
    var rest = ""

    var isEmpty: Bool {
        format == nil && !byteOrderMark && !allPages && outputPath == nil
    }
}
