import Foundation
import TCMSJSON
import TCMSTerminal

/// How a command ended.
enum CommandOutcome: Equatable {
    case success
    /// The command failed with this exit status: 1 a failed call, 64 a usage error, 69 the
    /// daemon unreachable.
    case failed(Int32)
    /// `quit` or `exit`.
    case leave
}

/// Runs one command line: resolves the command, calls the daemon, prints the result.
final class ShellInterpreter {
    let session: ShellSession
    var format: OutputFormat
    /// The last paged listing, so `next`, `prev` and `page K` repeat it with its filter.
    private var lastListing: PagedListing?
    let output: ShellOutput
    let environment: [String: String]
    let style: Style
    init(
        session: ShellSession, format: OutputFormat, output: ShellOutput,
        environment: [String: String], style: Style
    ) {
        self.session = session
        self.format = format
        self.output = output
        self.environment = environment
        self.style = style
    }

    /// Runs `line` and reports problems on stderr.
    func run(_ line: String) -> CommandOutcome {
        session.beginCommand()
        do {
            return try execute(line)
        } catch let error as ShellUsageError {
            output.diagnose("error: \(error.description)")
            return .failed(ExitCode.usage)
        } catch is CommandFailed {
            return .failed(ExitCode.failure)
        } catch let error as ShellSession.WriteInterruptedError {
            output.diagnose("error: \(error.description)")
            return .failed(ExitCode.failure)
        } catch let error as RPCClient.UnreachableError {
            output.diagnose("error: \(error.description)")
            return .failed(ExitCode.unavailable)
        } catch let error as RPCClient.ConnectionLostError {
            output.diagnose("error: \(error.description); the daemon at \(session.socketPath) "
                + "may have stopped")
            return .failed(ExitCode.unavailable)
        } catch {
            output.diagnose("error: \(error)")
            return .failed(ExitCode.failure)
        }
    }

    private func execute(_ line: String) throws -> CommandOutcome {
        let (word, rest) = ShellSyntax.firstWord(of: line)
        switch ShellCommand.resolution(of: word) {
        case .command(let command):
            return try execute(command, arguments: rest)
        case .ambiguous(let names):
            throw ShellUsageError(
                "\(word) is ambiguous: it could be \(names.joined(separator: ", "))")
        case .unknown:
            if let shortcut = ShellShortcut.named(word) {
                try callMethod(shortcut.method, paramsText: try shortcut.paramsText(from: rest))
                return .success
            }
            if word.contains(".") {
                try callMethod(word, paramsText: rest)
                return .success
            }
            let candidates = ShellCommand.names + ShellShortcut.all.map(\.name)
                + session.catalog.names
            let hint = closestMatch(to: word, in: candidates).map { "did you mean \($0)?" }
            throw ShellUsageError(
                "unknown command \(word); " + (hint ?? "type help for the list of commands"))
        }
    }

    private func execute(_ command: ShellCommand, arguments: String) throws -> CommandOutcome {
        switch command {
        case .help:
            output.write(try ShellHelp(catalog: session.catalog).text(for: arguments))
        case .call:
            let (method, paramsText) = ShellSyntax.firstWord(of: arguments)
            guard !method.isEmpty else {
                throw ShellUsageError("call needs a method name: \(command.usage)")
            }
            try callMethod(method, paramsText: paramsText)
        case .methods:
            try requireNoArguments(command, arguments)
            print(methodList())
        case .next, .prev, .first, .last, .page:
            try turnPage(command, arguments: arguments)
        case .login:
            try logIn(arguments)
        case .logout:
            try requireNoArguments(command, arguments)
            try session.logOut()
            output.diagnose("logged out; acting as \(session.role)")
        case .ping, .stats, .version, .whoami:
            try requireNoArguments(command, arguments)
            try callMethod(command.method!, paramsText: "")
        case .format:
            try setFormat(arguments)
        case .quit, .exit:
            return .leave
        }
        return .success
    }

    private func callMethod(_ method: String, paramsText: String) throws {
        let declared = session.catalog.method(named: method)?.params ?? []
        let stringParams = Set(declared.filter { $0.type == "string" }.map(\.name))
        let isListing = declared.contains { $0.name == "filter" }
        var params = try ShellSyntax.parseParams(
            paramsText, stringParams: stringParams, skippingFilterWords: isListing)
        if isListing {
            params = try ShellSyntax.movingFilterWords(
                params, declared: Set(declared.map(\.name)), text: paramsText)
        }
        try call(method, params)
    }

    /// Calls `method`, prints the result, and remembers a paged listing for `next` and `page`.
    private func call(_ method: String, _ params: JSONObject) throws {
        do {
            let result = try session.call(method, params)
            if let pages = result["pages"]?.intValue, let page = result["page"]?.intValue,
                result["items"]?.arrayValue != nil
            {
                lastListing = PagedListing(method: method, params: params, page: page, pages: pages)
            }
            print(result)
        } catch let reply as RPCClient.ErrorReply {
            // Daemon messages usually name the method; domain errors may not.
            let subject = reply.message.contains(method) ? "" : "\(method): "
            var message = "error: " + subject + describe(reply)
            if reply.code == -32601, let hint = closestMatch(to: method, in: session.catalog.names) {
                message += "; did you mean \(hint)?"
            }
            output.diagnose(message)
            throw CommandFailed()
        }
    }

    /// Logs in as `arguments` (one login name). The password comes from TCMS_PASSWORD when set,
    /// else from a prompt without echo on the terminal; it never reaches the history.
    private func logIn(_ arguments: String) throws {
        let words = try ShellSyntax.words(arguments)
        guard words.count == 1, let login = words.first else {
            throw ShellUsageError("login needs exactly one login name: \(ShellCommand.login.usage)")
        }
        let password: String
        if let given = environment["TCMS_PASSWORD"], !given.isEmpty {
            password = given
        } else if let typed = PasswordPrompt.read(prompt: "password for \(login): ") {
            password = typed
        } else {
            throw ShellUsageError(
                "no password: run login on a terminal, or set TCMS_PASSWORD for a script")
        }
        do {
            try session.logIn(login: login, password: password)
        } catch let reply as RPCClient.ErrorReply {
            output.diagnose("error: login: " + describe(reply))
            throw CommandFailed()
        }
        output.diagnose("logged in as \(login) (\(session.role))")
    }

    /// Calls the last listing again for another page, keeping its filter.
    private func turnPage(_ command: ShellCommand, arguments: String) throws {
        guard let listing = lastListing else {
            throw ShellUsageError("no listing to page through yet; run a *.list method first")
        }
        let target: Int64
        switch command {
        case .next: target = listing.page + 1
        case .prev: target = listing.page - 1
        case .first: target = 1
        case .last: target = listing.pages
        default:
            guard let number = Int64(arguments.trimmingCharacters(in: .whitespaces)) else {
                throw ShellUsageError("page needs a page number: \(ShellCommand.page.usage)")
            }
            target = number
        }
        guard target >= 1, target <= max(listing.pages, 1) else {
            throw ShellUsageError(
                "there is no page \(target); the listing has \(listing.pages) page(s)")
        }
        var params = listing.params
        params["page"] = .int(target)
        try call(listing.method, params)
    }

    private func setFormat(_ arguments: String) throws {
        if arguments.isEmpty {
            output.write("format \(format.rawValue)\n")
            return
        }
        guard let chosen = OutputFormat(rawValue: arguments) else {
            throw ShellUsageError("unknown format \(arguments); use table, csv or json")
        }
        format = chosen
    }

    private func requireNoArguments(_ command: ShellCommand, _ arguments: String) throws {
        if !arguments.isEmpty {
            throw ShellUsageError("\(command.rawValue) takes no arguments")
        }
    }

    /// The methods as records, so they print in the current format like any result.
    private func methodList() -> JSON {
        .array(session.catalog.methods.map { method in
            [
                "name": .string(method.name),
                "summary": .string(method.summary),
                "roles": .string(method.roles.joined(separator: ", ")),
                "writes": .bool(method.writes),
            ]
        })
    }

    private func print(_ result: JSON) {
        let width = TerminalInfo.columns(environment: environment)
        let renderer = ResultRenderer(format: format, maxWidth: width, style: style)
        output.write(renderer.render(result))
    }

    /// "Method not found [-32601]", with the reason and the field at fault when given.
    private func describe(_ reply: RPCClient.ErrorReply) -> String {
        var detail = "\(reply.code)"
        if let reason = reply.reason {
            detail += " \(reason)"
        }
        if let field = reply.object["data"]?["field"]?.stringValue {
            detail += " \(field)"
        }
        return "\(reply.message) [\(detail)]"
    }
}

/// A failure already reported on stderr; the command ends with status 1.
struct CommandFailed: Error {}

/// A listing call and where it stands, for the paging commands.
struct PagedListing {
    let method: String
    let params: JSONObject
    let page: Int64
    let pages: Int64
}
