import Glibc
import TCMSTerminal

/// The interactive loop: prompt, read with line editing, run, repeat until Ctrl-D or `quit`.
struct InteractiveShell {
    let interpreter: ShellInterpreter
    let style: Style
    let stdoutIsTerminal: Bool
    let history: History

    func run() -> Int32 {
        let session = interpreter.session
        let editor = LineEditor(
            history: history, promptToStandardError: !stdoutIsTerminal
        ) { [interpreter] lineBeforeWord, word in
            let context = Completion.Context(
                commands: ShellCommand.names, catalog: session.catalog,
                codes: { list in interpreter.codes.codes(list).map(\.code) },
                shownIDs: interpreter.shownIDs)
            return Completion.candidates(
                lineBeforeWord: lineBeforeWord, word: word, context: context)
        }
        // A Ctrl-C while a command waits for the daemon cancels the call: the editor's
        // SIGINT self-pipe becomes readable and the client stops waiting.
        session.interruptDescriptor = InterruptSignal.pipeEnds.read
        InlineHint.style = style
        InlineHint.source = { line in ShellHints.hint(for: line, catalog: session.catalog) }
        if stdoutIsTerminal {
            interpreter.output.write(banner())
        }

        while true {
            switch editor.read(prompt: prompt()) {
            case .endOfInput:
                if stdoutIsTerminal {
                    interpreter.output.write("\n")
                }
                return ExitCode.success
            case .interrupted:
                continue
            case .invalidEncoding:
                interpreter.output.diagnose(
                    "error: the line is not valid UTF-8 and was not run; set the terminal to "
                        + "UTF-8")
            case .line(let line):
                guard !line.allSatisfy(\.isWhitespace) else { continue }
                editor.remember(line)
                switch interpreter.run(line) {
                case .leave:
                    return ExitCode.success
                case .failed(ExitCode.unavailable):
                    // NOTE: libedit's readline() clears the line buffer after its pre-input
                    // hook runs, so the line cannot be put back on the prompt; the history
                    // keeps it instead.
                    interpreter.output.diagnose(
                        History.isRecordable(line)
                            ? "the line is kept in the history: once the daemon is back, press "
                                + "Up and Enter to run it again"
                            : "the line was not run; type it again once the daemon is back")
                case .success, .failed:
                    break
                }
            }
        }
    }

    private func banner() -> String {
        let session = interpreter.session
        return style.dim(
            "tcms shell on \(session.socketPath) as \(session.role). Type help for the "
                + "commands; Tab completes, Ctrl-C cancels the line, Ctrl-D leaves.") + "\n"
    }

    /// `tcms[operator]> `, with the escape sequences of any colour marked for libedit as taking
    /// no columns (between the \u{1} and \u{2} markers of the readline interface).
    private func prompt() -> String {
        let session = interpreter.session
        var who = session.login.map { "\(session.role) \($0)" } ?? session.role
        if let office = session.officeName {
            who += "@" + office
        }
        let text = "tcms[" + style.colored(who, .green) + "]> "
        var marked = ""
        var inEscape = false
        for character in text {
            if character == "\u{1B}" {
                marked += "\u{1}"
                inEscape = true
            }
            marked.append(character)
            if inEscape && character == "m" {
                marked += "\u{2}"
                inEscape = false
            }
        }
        return marked
    }
}
