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
    case expanded
    case inbox
    case contracts
    case contract
    case receive
    case access
    case dashboard
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
        case .format: return "format [table|csv|json] [bom]"
        case .expanded: return "expanded [on|off|auto], or \\x"
        case .stats: return "stats [BY...] [FILTERS]"
        case .inbox: return "inbox [FILTERS]"
        case .contracts: return "contracts [FILTERS]"
        case .contract:
            return "contract show|receive N, contract approve N [AMOUNT], "
                + "contract return N GROUND... [-- NOTE]"
        case .receive: return "receive N"
        case .access: return "access show|approve N, access return N REASON"
        case .dashboard: return "dashboard [PARAMS]"
        case .login: return "login LOGIN"
        case .page: return "page K"
        default: return rawValue
        }
    }

    /// The usage in the command list of `help`, where the longest forms are cut short.
    var shortUsage: String {
        switch self {
        case .contract: return "contract ACTION N ..."
        case .access: return "access ACTION N ..."
        case .expanded: return "expanded [on|off|auto], \\x"
        default: return usage
        }
    }

    var summary: String {
        switch self {
        case .help: return "List the commands, or describe one command or method"
        case .call: return "Call a method; PARAMS is a JSON object or name=value words"
        case .methods: return "List the methods the daemon offers"
        case .ping: return "Check that the daemon answers"
        case .stats:
            return "Show the daemon's figures, or with BY words contract counts per group"
        case .version: return "Show the versions of tcms, the database schema and SQLite"
        case .format:
            return "Show or set the output format; bom starts CSV with a UTF-8 byte order mark"
        case .expanded:
            return "Show listings as a table or as one block per record"
        case .inbox:
            return "List the contracts your office has to act on, oldest first, with days left"
        case .contracts: return "List contracts: status=approved title~环境 signedFrom=..."
        case .contract:
            return "Show, receive, approve or return contract N (help contract)"
        case .receive: return "Record that the office has contract N's signed paper text"
        case .access: return "Show, approve or return access application N (help access)"
        case .dashboard: return "Show the counts and newest contracts of each stage"
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

    /// A longer description than the summary, shown by `help COMMAND`.
    var details: String? {
        switch self {
        case .expanded:
            return "\\x switches between on and off; auto uses blocks only when a table would "
                + "have to cut amounts or dates."
        case .stats:
            return "Without words: the daemon's uptime, connections and requests (system.stats). "
                + "With words such as category, status or month: contract counts and amounts "
                + "per group (stats.contracts); name=value words filter."
        case .contract:
            return "AMOUNT is the verified 技术交易额 in yuan; a second approval may leave it out. "
                + "GROUND is a code or label of contract.returnGrounds (Tab completes them); "
                + "the note follows --."
        case .access:
            return "approve N and return N REASON without access decide on applications too, "
                + "except while contracts are on screen."
        case .inbox:
            return "Waiting for the text (未收文本), text received (已收文本) and waiting for the "
                + "second approval (待复核); 剩余天数 counts down the statutory time limit."
        default:
            return nil
        }
    }

    /// Lines a clerk could type, shown by `help COMMAND`.
    var examples: [String] {
        switch self {
        case .help: return ["help contract", "help contract.approve"]
        case .call: return ["call contract.get contractId=17", "call office.list {\"page\": 2}"]
        case .format: return ["format csv bom", "format table"]
        case .expanded: return ["\\x", "expanded auto"]
        case .stats: return ["stats", "stats category", "stats status month signedFrom=2026-01-01"]
        case .inbox: return ["inbox", "inbox status=text_received", "inbox --format csv --bom"]
        case .contracts:
            return ["contracts status=approved title~环境", "contracts signedFrom=2026-03-01 "
                + "signedUntil=2026-03-31", "contracts party~清源 --format csv"]
        case .contract:
            return ["contract show 17", "contract receive 17", "contract approve 17 900000.00",
                    "contract return 17 seal_mismatch -- 乙方盖章名称与合同不一致"]
        case .receive: return ["receive 17"]
        case .access: return ["access approve 5", "access return 5 注册地址与营业执照不一致"]
        case .dashboard: return ["dashboard"]
        case .page: return ["page 22"]
        case .login: return ["login clerk_lin"]
        default: return []
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

    /// Resolves an exact name, `?` (help) or a prefix that only one command name and no
    /// shortcut word starts with.
    static func resolution(of word: String) -> Resolution {
        if word == "?" {
            return .command(.help)
        }
        if word == "\\x" {
            return .command(.expanded)
        }
        if let exact = ShellCommand(rawValue: word) {
            return .command(exact)
        }
        guard !word.isEmpty else { return .unknown }
        let matches = allCases.filter { $0.rawValue.hasPrefix(word) }
        // Shortcut words are typed in full, but a prefix they share with a command must not
        // run the command: `re 17` could mean return as well as receive.
        let shortcuts = ShellShortcut.all.map(\.name).filter { $0.hasPrefix(word) }
        switch (matches.count, shortcuts.count) {
        case (0, _): return .unknown
        case (1, 0): return .command(matches[0])
        default: return .ambiguous(matches.map(\.rawValue) + shortcuts)
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
