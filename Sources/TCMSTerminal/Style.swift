/// ANSI SGR text attributes for terminal output, emitted only when enabled.
///
/// A disabled style returns text unchanged, so callers decorate unconditionally and decide once,
/// with `colorEnabled(isTerminal:environment:)`. Each attribute is switched off with its own
/// reset code (22 for bold and dim, 39 for the foreground colour) rather than the full reset 0,
/// so decorations nest: `style.bold(style.colored("x", .red) + "y")` keeps "y" bold.
public struct Style: Sendable, Equatable {
    /// Foreground colours from the 16-colour ANSI palette that every terminal supports.
    public enum Color: Sendable, Equatable, CaseIterable {
        case red, green, yellow, blue, magenta, cyan, gray

        /// The SGR parameter that selects the colour.
        var code: Int {
            switch self {
            case .red: return 31
            case .green: return 32
            case .yellow: return 33
            case .blue: return 34
            case .magenta: return 35
            case .cyan: return 36
            case .gray: return 90
            }
        }
    }

    /// Whether escape sequences are written at all.
    public let isEnabled: Bool

    /// A style that writes no escape sequences.
    public static let plain = Style(isEnabled: false)

    /// Creates a style that decorates text when `isEnabled` is true and returns it unchanged
    /// otherwise.
    public init(isEnabled: Bool) {
        self.isEnabled = isEnabled
    }

    /// Decides whether output should carry colour: only on a terminal, and never when the
    /// environment variable `NO_COLOR` is set to a non-empty value (the convention described at
    /// https://no-color.org) or `TERM` is `dumb`. An empty `NO_COLOR` counts as unset.
    ///
    /// - Parameters:
    ///   - isTerminal: the result of `isatty` on the output descriptor.
    ///   - environment: the process environment, such as `ProcessInfo.processInfo.environment`.
    public static func colorEnabled(isTerminal: Bool, environment: [String: String]) -> Bool {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty {
            return false
        }
        if environment["TERM"] == "dumb" {
            return false
        }
        return isTerminal
    }

    /// Returns `text` in bold.
    public func bold(_ text: String) -> String {
        decorate(text, on: 1, off: 22)
    }

    /// Returns `text` dimmed (faint), for secondary details such as hints.
    public func dim(_ text: String) -> String {
        decorate(text, on: 2, off: 22)
    }

    /// Returns `text` in the foreground colour `color`.
    public func colored(_ text: String, _ color: Color) -> String {
        decorate(text, on: color.code, off: 39)
    }

    /// Surrounds non-empty text with the SGR sequences `on` and `off` when enabled.
    private func decorate(_ text: String, on: Int, off: Int) -> String {
        if !isEnabled || text.isEmpty {
            return text
        }
        return "\u{1B}[\(on)m" + text + "\u{1B}[\(off)m"
    }
}
