/// The shell's own commands. Anything else that looks like a method name (`system.stats`) is
/// called as a method.
enum ShellCommand: String, CaseIterable {
    case help
    case call
    case methods
    case ping
    case stats
    case version
    case format
    case next
    case prev
    case first
    case last
    case page
    case login
    case logout
    case whoami
    case quit
    case exit

    /// The command and its arguments, as `help` shows them.
    var usage: String {
        switch self {
        case .help: return "help [COMMAND|METHOD]"
        case .call: return "call METHOD [PARAMS]"
        case .format: return "format [table|csv|json]"
        case .login: return "login LOGIN"
        case .page: return "page K"
        default: return rawValue
        }
    }

    var summary: String {
        switch self {
        case .help: return "List the commands, or describe one command or method"
        case .call: return "Call a method; PARAMS is a JSON object or name=value words"
        case .methods: return "List the methods the daemon offers"
        case .ping: return "Check that the daemon answers"
        case .stats: return "Show the daemon's uptime, connections, requests and database size"
        case .version: return "Show the versions of tcms, the database schema and SQLite"
        case .format: return "Show or set the output format"
        case .next: return "Show the next page of the last listing, with the same filter"
        case .prev: return "Show the previous page of the last listing"
        case .first: return "Show the first page of the last listing"
        case .last: return "Show the last page of the last listing"
        case .page: return "Show page K of the last listing"
        case .login:
            return "Log in; the password is read without echo (TCMS_PASSWORD in scripts)"
        case .logout: return "End the session and return to the connection's own role"
        case .whoami: return "Show the role and login this connection acts with"
        case .quit, .exit: return "Leave the shell (Ctrl-D also leaves)"
        }
    }

    /// The method a shortcut command calls.
    var method: String? {
        switch self {
        case .ping: return "system.ping"
        case .stats: return "system.stats"
        case .version: return "system.version"
        case .whoami: return "session.whoami"
        default: return nil
        }
    }

    /// How a typed word maps to a command.
    enum Resolution: Equatable {
        case command(ShellCommand)
        /// A prefix of several commands, listed.
        case ambiguous([String])
        case unknown
    }

    /// Resolves an exact name, `?` (help) or a prefix that only one command name starts with.
    static func resolution(of word: String) -> Resolution {
        if word == "?" {
            return .command(.help)
        }
        if let exact = ShellCommand(rawValue: word) {
            return .command(exact)
        }
        guard !word.isEmpty else { return .unknown }
        let matches = allCases.filter { $0.rawValue.hasPrefix(word) }
        switch matches.count {
        case 0: return .unknown
        case 1: return .command(matches[0])
        default: return .ambiguous(matches.map(\.rawValue))
        }
    }

    /// The command `word` stands for, when it stands for exactly one.
    static func resolve(_ word: String) -> ShellCommand? {
        if case .command(let command) = resolution(of: word) {
            return command
        }
        return nil
    }

    static var names: [String] { allCases.map(\.rawValue) }
}
