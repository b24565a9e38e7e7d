import CEdit
import Glibc
import TCMSTerminal

/// Draws `ShellHints` after the cursor while a line is typed, from inside `KeyReader`.
///
/// libedit's readline layer offers no hook between keys and does not keep `rl_line_buffer`
/// current while it reads, so the hint follows its own copy of the line. Printable keys and
/// Backspace keep the copy exact, and a completion with one match replaces it. Any other key
/// (arrows, history, Ctrl-A ...) marks it unknown until the next prompt, which only stops the
/// hints for that line. A hint is drawn only with the cursor at the end of the line, where
/// erasing to the end of the screen line removes it and nothing else.
enum InlineHint {
    /// Returns the hint for the typed line, or nil.
    nonisolated(unsafe) static var source: ((String) -> String?)?
    nonisolated(unsafe) static var style = Style.plain
    /// The line as typed since the prompt, while it is known exactly.
    nonisolated(unsafe) private(set) static var line: String? = ""
    nonisolated(unsafe) private static var promptWidth = 0
    nonisolated(unsafe) private static var columns = 80
    nonisolated(unsafe) private static var isShown = false

    /// Starts a new line after a prompt of `promptWidth` columns on a terminal `columns` wide.
    static func reset(promptWidth: Int, columns: Int) {
        line = ""
        isShown = false
        self.promptWidth = promptWidth
        self.columns = max(columns, 1)
    }

    /// Replaces the copy of the line after libedit changed it; nil marks it unknown.
    static func replaceLine(_ text: String?) {
        line = text
    }

    /// Updates the copy of the line with a key that libedit is about to handle.
    static func track(_ key: Int32) {
        guard var text = line else { return }
        switch key {
        case 0x7F, 0x08:
            if !text.isEmpty { text.removeLast() }
        case 0x0D, 0x0A, 0x09:
            // Enter ends the line; Tab is resolved by the completion that follows it.
            break
        case 0x20..<0x7F, 0xA0...:
            guard let scalar = Unicode.Scalar(UInt32(key)) else { line = nil; return }
            text.unicodeScalars.append(scalar)
        default:
            line = nil
            return
        }
        line = text
    }

    /// Draws the hint of the current line after the cursor, when there is one and it fits.
    static func show() {
        guard !isShown, let text = line, let hint = source?(text) else { return }
        let column = (promptWidth + DisplayWidth.of(text)) % columns
        let room = columns - column - 1
        guard room >= 4 else { return }
        let shown = truncate(hint, toWidth: room)
        let width = DisplayWidth.of(shown)
        write(style.dim(shown) + "\u{1B}[\(width)D")
        isShown = true
    }

    /// Erases a drawn hint, before libedit handles the next key.
    static func clear() {
        guard isShown else { return }
        write("\u{1B}[K")
        isShown = false
    }

    private static func write(_ text: String) {
        let stream = cedit_output_stream()
        fputs(text, stream)
        fflush(stream)
    }
}
