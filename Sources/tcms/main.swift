import Foundation
import TCMSClient
import TCMSDaemon
import TCMSServices
import TCMSSystem
import TCMSTerminal

/// Entry point: picks the subcommand and returns the process exit status.
func runTCMS(_ arguments: [String]) -> Int32 {
    let environment = ProcessInfo.processInfo.environment
    guard let subcommand = arguments.dropFirst().first else {
        print(Help.overview)
        return ExitCode.usage
    }
    let rest = arguments.dropFirst(2)

    do {
        switch subcommand {
        case "daemon":
            return try runDaemon(rest, environment: environment)
        case "call":
            return try runCall(rest, environment: environment)
        case "shell":
            return try runShell(rest, environment: environment)
        case "backup":
            return try runBackup(rest, environment: environment)
        case "check":
            return try runCheck(rest, environment: environment)
        case "restore":
            return try runRestore(rest, environment: environment)
        case "import":
            return try runImport(rest, environment: environment)
        case "version", "--version":
            print("tcms \(ProductVersion.current)")
            return ExitCode.success
        case "help", "--help", "-h":
            guard let topic = rest.first else {
                print(Help.overview)
                return ExitCode.success
            }
            guard let text = Help.text(for: topic) else {
                printError("tcms help: no subcommand \(topic); see tcms help")
                return ExitCode.usage
            }
            print(text)
            return ExitCode.success
        default:
            let known = [
                "daemon", "call", "shell", "import", "backup", "restore", "check", "version", "help",
            ]
            let hint = closestMatch(to: subcommand, in: known).map { "; did you mean \($0)?" }
            printError("tcms: unknown subcommand \(subcommand)\(hint ?? ""); see tcms help")
            return ExitCode.usage
        }
    } catch let error as UsageError {
        printError("tcms \(subcommand): \(error.description)")
        if let text = Help.text(for: subcommand),
            let usage = text.split(separator: "\n").dropFirst().first
        {
            printError("usage: \(usage.trimmingCharacters(in: .whitespaces))")
        }
        return ExitCode.usage
    } catch {
        printError("tcms \(subcommand): \(error)")
        return ExitCode.failure
    }
}

func runDaemon(_ arguments: ArraySlice<String>, environment: [String: String]) throws -> Int32 {
    let parsed = try parseArguments(
        arguments, valued: ["--config", "--state-dir", "--socket"], flags: ["--help"])
    if parsed.flags.contains("--help") {
        print(Help.daemon)
        return ExitCode.success
    }
    guard parsed.operands.isEmpty else {
        throw UsageError(description: "unexpected argument \(parsed.operands[0])")
    }
    for (name, value) in parsed.options where value.isEmpty {
        throw UsageError(description: "\(name) needs a non-empty value")
    }
    let options = DaemonOptions(
        configPath: parsed.options["--config"], stateDirectory: parsed.options["--state-dir"],
        socketPath: parsed.options["--socket"])
    return try Daemon(options: options, environment: environment).run()
}

func runCall(_ arguments: ArraySlice<String>, environment: [String: String]) throws -> Int32 {
    let parsed = try parseArguments(arguments, valued: ["--socket"], flags: ["--help"])
    if parsed.flags.contains("--help") {
        print(Help.call)
        return ExitCode.success
    }
    guard let method = parsed.operands.first, parsed.operands.count <= 2 else {
        throw UsageError(description: "expected METHOD and at most one PARAMS_JSON")
    }
    let socket = DefaultPaths.clientSocketPath(
        flag: parsed.options["--socket"], environment: environment)
    return CallCommand.run(
        socketPath: socket, method: method, paramsText: parsed.operands.dropFirst().first)
}

func runShell(_ arguments: ArraySlice<String>, environment: [String: String]) throws -> Int32 {
    let parsed = try parseArguments(
        arguments, valued: ["--socket", "-c", "--command", "--format"],
        flags: ["--help", "--continue", "--bom"], shortAliases: [:])
    if parsed.flags.contains("--help") {
        print(Help.shell)
        return ExitCode.success
    }
    guard parsed.operands.isEmpty else {
        throw UsageError(description: "unexpected argument \(parsed.operands[0])")
    }
    var options = ShellOptions()
    options.socketPath = DefaultPaths.clientSocketPath(
        flag: parsed.options["--socket"], environment: environment)
    options.command = parsed.options["-c"] ?? parsed.options["--command"]
    options.continueOnError = parsed.flags.contains("--continue")
    options.byteOrderMark = parsed.flags.contains("--bom")
    if let format = parsed.options["--format"] {
        guard let chosen = OutputFormat(rawValue: format) else {
            throw UsageError(description: "--format must be table, csv or json")
        }
        options.format = chosen
    }
    return Shell(options: options, environment: environment).run()
}

func runBackup(_ arguments: ArraySlice<String>, environment: [String: String]) throws -> Int32 {
    let parsed = try parseArguments(arguments, valued: ["--socket"], flags: ["--help"])
    if parsed.flags.contains("--help") {
        print(Help.backup)
        return ExitCode.success
    }
    guard parsed.operands.count == 1 else {
        throw UsageError(description: "expected exactly one DEST")
    }
    let socket = DefaultPaths.clientSocketPath(
        flag: parsed.options["--socket"], environment: environment)
    return BackupCommand.run(socketPath: socket, destination: parsed.operands[0])
}

func runCheck(_ arguments: ArraySlice<String>, environment: [String: String]) throws -> Int32 {
    let parsed = try parseArguments(arguments, valued: ["--state-dir"], flags: ["--help"])
    if parsed.flags.contains("--help") {
        print(Help.check)
        return ExitCode.success
    }
    let state = parsed.options["--state-dir"] ?? DefaultPaths.stateDirectory(environment: environment)
    let report = try Maintenance.check(stateDirectory: state)
    report.lines.forEach { print($0) }
    return report.healthy ? ExitCode.success : ExitCode.failure
}

func runRestore(_ arguments: ArraySlice<String>, environment: [String: String]) throws -> Int32 {
    let parsed = try parseArguments(arguments, valued: ["--state-dir"], flags: ["--help"])
    if parsed.flags.contains("--help") {
        print(Help.restore)
        return ExitCode.success
    }
    guard parsed.operands.count == 1, let state = parsed.options["--state-dir"] else {
        throw UsageError(description: "expected BACKUP and --state-dir DIR")
    }
    try Maintenance.restore(backup: parsed.operands[0], stateDirectory: state)
    print("restored \(parsed.operands[0]) into \(state); start the daemon with --state-dir \(state)")
    return ExitCode.success
}

func runImport(_ arguments: ArraySlice<String>, environment: [String: String]) throws -> Int32 {
    let parsed = try parseArguments(arguments, valued: ["--socket"], flags: ["--help"])
    if parsed.flags.contains("--help") {
        print(Help.importText)
        return ExitCode.success
    }
    guard parsed.operands.count == 2 else {
        throw UsageError(
            description: "expected persons|entities|authorizations|contracts and FILE.jsonl")
    }
    guard ImportCommand.kinds.contains(parsed.operands[0]) else {
        throw UsageError(
            description: "unknown kind \(parsed.operands[0]); expected persons, entities, "
                + "authorizations or contracts")
    }
    let socket = DefaultPaths.clientSocketPath(
        flag: parsed.options["--socket"], environment: environment)
    return ImportCommand.run(
        socketPath: socket, kind: parsed.operands[0], path: parsed.operands[1])
}

exit(runTCMS(CommandLine.arguments))
