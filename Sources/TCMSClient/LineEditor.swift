import CEdit
import Glibc
import TCMSTerminal

/// Interactive line input through libedit's readline-compatible interface: editing by display
/// columns, history with Up and Down, Tab completion, and Ctrl-C that cancels only the line.
///
/// How Ctrl-C works: libedit's own signal handling (`rl_catch_signals`) is switched off,
/// because its handler restores the terminal and re-sends the signal with `kill(0, SIGINT)`,
/// which reaches every process in the group. Instead the shell installs a SIGINT handler that
/// sets a flag and writes one byte to a self-pipe. libedit reads keys through `KeyReader`, which
/// waits with `poll(2)` on both the terminal and that pipe, so a Ctrl-C that arrives while libedit
/// is busy redrawing is not lost: the next read sees the pipe and reports end of input.
/// `readline()` then returns, and the flag distinguishes that from a real end of input (Ctrl-D).
/// While a command runs the flag is set but nothing reads it, and the client's system calls
/// retry on EINTR, so Ctrl-C does not break a call half way.
final class LineEditor {
    /// The outcome of one prompt.
    enum Input: Equatable {
        case line(String)
        /// Ctrl-C: the line was thrown away.
        case interrupted
        /// Ctrl-D on an empty line, or stdin closed.
        case endOfInput
        /// The terminal sent bytes that are not UTF-8; the line was thrown away.
        case invalidEncoding
    }

    private let history: History?
    private var lastRemembered: String?

    /// Prepares libedit for UTF-8 editing, loads the history file and installs the SIGINT
    /// handler. Create one editor per process.
    /// With `promptToStandardError`, the prompt and the echo go to stderr, so that stdout
    /// carries results only.
    init(
        history: History?, promptToStandardError: Bool, completer: @escaping Completion.Source
    ) {
        self.history = history
        LineEditor.selectUTF8Locale()
        if promptToStandardError {
            cedit_use_standard_error()
        }

        cedit_set_readline_name(strdup("tcms"))
        cedit_set_catch_signals(0)
        InterruptSignal.install()
        cedit_set_getc_function(KeyReader.readKey)
        Completion.install(completer)
        rl_initialize()

        using_history()
        stifle_history(Int32(History.maxEntries))
        for entry in history?.load() ?? [] {
            add_history(entry)
            lastRemembered = entry
        }
    }

    /// Shows `prompt` and reads one line.
    ///
    /// NOTE: libedit 3.1 (20221030) prints the prompt a moment before it puts the terminal in
    /// raw mode. Keys typed ahead before that are handled by the kernel's canonical mode, so an
    /// arrow key typed that early arrives as plain text.
    func read(prompt: String) -> Input {
        InterruptSignal.reset()
        InlineHint.reset(
            promptWidth: Self.displayWidth(ofPrompt: prompt),
            columns: TerminalInfo.columns(of: fileno(cedit_output_stream())) ?? 80)

        let raw = readline(prompt)
        if InterruptSignal.wasRaised {
            // libedit may hand back the text typed so far when a read reports end of input;
            // a cancelled line is dropped either way.
            free(raw)
            fputs("\n", cedit_output_stream())
            return .interrupted
        }
        guard let raw else { return .endOfInput }
        defer { free(raw) }

        // libedit hands over the line in the locale's multibyte encoding, which is UTF-8 here,
        // but a terminal that sends other bytes could still produce invalid text.
        let bytes = Array(UnsafeRawBufferPointer(start: raw, count: strlen(raw)))
        guard let line = String(validating: bytes, as: UTF8.self) else {
            return .invalidEncoding
        }
        return .line(line)
    }

    /// Measures the columns a prompt takes: its text without the escape sequences that the
    /// \u{1} and \u{2} markers enclose.
    static func displayWidth(ofPrompt prompt: String) -> Int {
        var visible = ""
        var hidden = false
        for scalar in prompt.unicodeScalars {
            switch scalar {
            case "\u{1}": hidden = true
            case "\u{2}": hidden = false
            default: if !hidden { visible.unicodeScalars.append(scalar) }
            }
        }
        return DisplayWidth.of(visible)
    }

    /// Adds a line to the in-memory history and the history file, unless it may carry a secret
    /// or repeats the previous entry.
    func remember(_ line: String) {
        guard History.isRecordable(line) else { return }
        let line = ShellSyntax.trimmed(line)
        guard line != lastRemembered else { return }
        add_history(line)
        history?.append(line)
        lastRemembered = line
    }

    /// Makes the C library treat text as UTF-8, which libedit needs to measure and redraw
    /// Chinese text by display width (through wcwidth). The wire and the history are UTF-8
    /// whatever the locale, so a shell started with `LANG=C` switches LC_CTYPE to C.UTF-8
    /// rather than editing multibyte characters as separate bytes.
    static func selectUTF8Locale() {
        setlocale(LC_ALL, "")
        if !currentCodesetIsUTF8() {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    static func currentCodesetIsUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}

/// The SIGINT flag and self-pipe shared with the C signal handler.
enum InterruptSignal {
    nonisolated(unsafe) static var raised: sig_atomic_t = 0
    /// Read and write ends of the self-pipe; the handler writes, `KeyReader` polls.
    nonisolated(unsafe) static var pipeEnds: (read: Int32, write: Int32) = (-1, -1)

    static var wasRaised: Bool { raised != 0 }

    /// Clears the flag and drains the pipe before a new prompt.
    static func reset() {
        raised = 0
        var byte: UInt8 = 0
        while Glibc.read(pipeEnds.read, &byte, 1) > 0 {}
    }

    static func install() {
        var ends: [Int32] = [-1, -1]
        // The shell starts no child process while the editor is set up, so setting the flags
        // after pipe(2) leaves no window for a descriptor to leak.
        guard pipe(&ends) == 0 else { return }
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        pipeEnds = (ends[0], ends[1])
        reset()

        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            InterruptSignal.raised = 1
            var byte: UInt8 = 1
            _ = Glibc.write(InterruptSignal.pipeEnds.write, &byte, 1)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }
}
