import Glibc
import TCMSTerminal

/// `tcms shell`: the interactive admin shell, or a runner of commands from `-c` or stdin.
public final class Shell {
    let options: ShellOptions
    let environment: [String: String]
    private let output = ShellOutput()

    public init(options: ShellOptions, environment: [String: String]) {
        self.options = options
        self.environment = environment
    }

    /// Runs the shell and returns the process exit status.
    public func run() -> Int32 {
        let stdoutIsTerminal = TerminalInfo.isTerminal(STDOUT_FILENO)
        let interactive = options.command == nil && TerminalInfo.isTerminal(STDIN_FILENO)

        let session = ShellSession(socketPath: options.socketPath, diagnose: output.diagnose)
        do {
            try session.connect()
        } catch {
            output.diagnose("error: \(error)")
            return ExitCode.unavailable
        }

        let style = Style(
            isEnabled: Style.colorEnabled(isTerminal: stdoutIsTerminal, environment: environment))
        let interpreter = ShellInterpreter(
            session: session,
            format: options.format ?? .defaultFormat(isTerminal: stdoutIsTerminal),
            output: output, environment: environment, style: style)
        interpreter.byteOrderMark = options.byteOrderMark

        if interactive {
            return InteractiveShell(
                interpreter: interpreter, style: style, stdoutIsTerminal: stdoutIsTerminal,
                history: History(path: History.defaultPath(environment: environment))
            ).run()
        }
        return runScript(interpreter)
    }

    /// Runs the commands of `-c`, or of stdin one line at a time. Stops at the first failing
    /// command and returns its status, unless `--continue` is set; an unreachable daemon
    /// always stops. Otherwise returns the status of the last command.
    private func runScript(_ interpreter: ShellInterpreter) -> Int32 {
        var status = ExitCode.success
        var pending = options.command.map(ShellSyntax.splitCommands) ?? []
        var readsStandardInput = options.command == nil

        while true {
            if pending.isEmpty && readsStandardInput {
                guard let line = readLine(strippingNewline: true) else { break }
                pending = ShellSyntax.splitCommands(line)
                continue
            }
            guard !pending.isEmpty else { break }
            let command = pending.removeFirst()

            switch interpreter.run(command) {
            case .success:
                status = ExitCode.success
            case .leave:
                readsStandardInput = false
                pending = []
            case .failed(let code):
                status = code
                if code == ExitCode.unavailable || !options.continueOnError {
                    return code
                }
            }
        }
        fflush(nil)
        return status
    }
}
