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
    /// Whether CSV output starts with a UTF-8 byte order mark (`--bom`, `format csv bom`).
    var byteOrderMark = false
    /// Whether listings print one block per record (`\x`).
    var expanded = ExpandedDisplay.off
    /// The last paged listing, so `next`, `prev` and `page K` repeat it with its filter.
    var lastListing: PagedListing?
    /// Whether the records on screen are contracts, which makes `approve` and `return`
    /// (access applications) ambiguous.
    var showingContracts = false
    /// The ids of the records shown last, offered by completion after `contract show` etc.
    private(set) var shownIDs: [String] = []
    /// The coded values from `code.list`, read on first use.
    lazy var codes = CodeCatalog(session: session)
    /// The output options of the running command.
    private(set) var commandOptions = CommandOptions()
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
        } catch let cancelled as RPCClient.CancelledError {
            output.diagnose("cancelled: stopped waiting for \(cancelled.method)"
                + (session.catalog.method(named: cancelled.method)?.writes ?? true
                    ? "; the daemon may still complete it, so check before running it again"
                    : ""))
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
        let (word, arguments) = ShellSyntax.firstWord(of: line)
        commandOptions = CommandOptions()
        var rest = arguments
        if ShellCommand.resolve(word) != .format {
            commandOptions = try ShellSyntax.outputOptions(in: arguments)
            rest = commandOptions.rest
        }
        switch ShellCommand.resolution(of: word) {
        case .command(let command):
            return try execute(command, arguments: rest)
        case .ambiguous(let names):
            throw ShellUsageError(
                "\(word) is ambiguous: it could be \(names.joined(separator: ", "))")
        case .unknown:
            if let shortcut = ShellShortcut.named(word) {
                try checkDecisionShortcut(shortcut)
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
            try print(methodList())
        case .next, .prev, .first, .last, .page:
            try turnPage(command, arguments: arguments)
        case .login:
            try logIn(arguments)
        case .logout:
            try requireNoArguments(command, arguments)
            try session.logOut()
            output.diagnose("logged out; acting as \(session.role)")
        case .stats where !arguments.isEmpty:
            try contractStatistics(arguments)
        case .ping, .stats, .version, .whoami:
            try requireNoArguments(command, arguments)
            try callMethod(command.method!, paramsText: "")
        case .format:
            try setFormat(arguments)
        case .expanded:
            try setExpanded(arguments)
        case .inbox:
            try callMethod("contract.inbox", paramsText: arguments, view: ContractViews.inbox)
        case .contracts:
            try callMethod("contract.list", paramsText: arguments, view: ContractViews.list)
        case .contract:
            try runContractCommand(arguments)
        case .receive:
            try receiveText(arguments)
        case .access:
            try runAccessCommand(arguments)
        case .dashboard:
            try showDashboard(arguments)
        case .quit, .exit:
            return .leave
        }
        return .success
    }

    func callMethod(_ method: String, paramsText: String, view: ListingView? = nil) throws {
        let params = try params(for: method, paramsText)
        try call(method, params, view: view)
    }

    /// Calls `method`, prints the result, and remembers a paged listing for `next` and `page`.
    func call(_ method: String, _ params: JSONObject, view: ListingView? = nil) throws {
        if commandOptions.allPages {
            let all = try fetchAllPages(method, params)
            shownIDs = ListingView.ids(of: (all["items"]?.arrayValue ?? []).compactMap(\.objectValue))
            try print(all, view: view)
            return
        }
        let result = try fetch(method, params)
        if let pages = result["pages"]?.intValue, let page = result["page"]?.intValue,
            let items = result["items"]?.arrayValue
        {
            lastListing = PagedListing(
                method: method, params: params, page: page, pages: pages, view: view)
            showingContracts = method.hasPrefix("contract.")
            shownIDs = ListingView.ids(of: items.compactMap(\.objectValue))
        }
        try print(result, view: view)
    }

    /// Calls `method` and returns its result; a daemon error is reported and ends the command.
    func fetch(_ method: String, _ params: JSONObject) throws -> JSON {
        do {
            return try session.call(method, params)
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

    /// Remembers the ids a command showed, for completion.
    func rememberShown(_ ids: [String]) {
        shownIDs = ids
    }

    func requireNoArguments(_ command: ShellCommand, _ arguments: String) throws {
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

    /// Returns a renderer in the running command's format.
    func renderer(view: ListingView? = nil) -> ResultRenderer {
        let toFile = commandOptions.outputPath != nil
        var renderer = ResultRenderer(
            format: commandOptions.format ?? format,
            maxWidth: toFile ? nil : TerminalInfo.columns(environment: environment),
            style: toFile ? .plain : style)
        renderer.byteOrderMark = commandOptions.byteOrderMark || byteOrderMark
        renderer.expanded = expanded
        renderer.view = view
        return renderer
    }

    func print(_ result: JSON, view: ListingView? = nil) throws {
        try emit(renderer(view: view).render(result))
    }

    /// "Method not found [-32601]", with the reason and the field at fault when given.
    func describe(_ reply: RPCClient.ErrorReply) -> String {
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
    /// The columns the listing was shown with, kept for its other pages.
    var view: ListingView?

}
