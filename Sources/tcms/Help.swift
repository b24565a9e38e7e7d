/// The help text of `tcms` and of each subcommand.
enum Help {
    static let overview = """
        tcms — the technology-contract management and registration service

        USAGE
          tcms <subcommand> [options]

        SUBCOMMANDS
          daemon    Run the service in the foreground (systemd runs it this way)
          shell     Open the interactive admin shell, or run shell commands with -c
          call      Call one RPC method and print its result as JSON
          import    Import persons, entities, authorizations or contracts from a JSON-lines
                    file (operators only)
          backup    Write an online, consistent copy of the database to a file
          restore   Put a backup in place as the database of a state directory
          check     Check a state directory's database: integrity and schema version
          version   Print the version of this binary
          help      Show this text, or `tcms help SUBCOMMAND` for one subcommand

        ENVIRONMENT
          TCMS_SOCKET   Socket path for every client subcommand (overridden by --socket)

        EXIT STATUS
          0 success, 1 the call failed, 64 usage error, 69 daemon unreachable

        EXAMPLES
          tcms daemon
          tcms call system.ping
          tcms call rpc.discover
          tcms shell -c 'help'
        """

    static let daemon = """
        USAGE
          tcms daemon [--config FILE] [--state-dir DIR] [--socket PATH]

        Runs in the foreground until SIGTERM or SIGINT; SIGHUP re-reads FILE. With no options
        the state lives in $XDG_STATE_HOME/tcms (or ~/.local/state/tcms) and the socket at
        $XDG_RUNTIME_DIR/tcms.sock (or inside the state directory).

        OPTIONS
          --config FILE     Settings file (see etc/tcms.conf); options below override it
          --state-dir DIR   Directory of the database, created with mode 0700 when missing
          --socket PATH     Listening socket path, created with mode 0660

        EXAMPLES
          tcms daemon --state-dir /tmp/tcms-demo --socket /tmp/tcms-demo/tcms.sock
        """

    static let call = """
        USAGE
          tcms call [--socket PATH] METHOD [PARAMS_JSON]

        Prints the result as indented JSON on stdout. On an error the message goes to stderr
        and the exit status is 1; 69 when the daemon cannot be reached.

        EXAMPLES
          tcms call system.ping
          tcms call system.stats '{}'
        """

    static let shell = """
        USAGE
          tcms shell [--socket PATH] [-c COMMAND] [--format table|csv|json] [--bom] [--continue]

        Without -c and with a terminal on stdin, opens the interactive shell. Commands can also
        come one per line on stdin; the shell stops at the first failing one unless
        --continue is given, and exits with the status of the last command. --bom starts CSV
        output with a UTF-8 byte order mark, so that spreadsheet programs read it as UTF-8.

        EXAMPLES
          tcms shell
          tcms shell -c 'help'
          tcms shell -c 'call system.stats {}' --format json
          tcms shell -c 'contracts status=approved' --format csv --bom > approved.csv
        """

    static let backup = """
        USAGE
          tcms backup [--socket PATH] DEST

        Asks the daemon for a consistent snapshot of the database while it keeps serving, and
        writes it to DEST (which must not exist yet) with its integrity checked.

        EXAMPLES
          tcms backup /var/backups/tcms-2026-12-04.sqlite
        """

    static let restore = """
        USAGE
          tcms restore BACKUP --state-dir DIR

        Checks BACKUP (integrity, schema version) and installs it as the database of DIR. The
        daemon must be stopped and DIR must not hold a database yet.

        EXAMPLES
          tcms restore /var/backups/tcms-2026-12-04.sqlite --state-dir /var/lib/tcms
        """

    static let check = """
        USAGE
          tcms check [--state-dir DIR]

        Prints the integrity check, schema version and size of the database, and material
        files without a record; exit status 1 when the database is damaged or newer than this
        build, or such files exist.

        EXAMPLES
          tcms check --state-dir /var/lib/tcms
        """

    static let importText = """
        USAGE
          tcms import [--socket PATH] persons|entities|authorizations|contracts FILE.jsonl

        Sends the file's lines in batches of 200 to the daemon, which checks each line as
        registration does; an authorization line must name a registered entity and person
        and keeps its grantedOn date. A line may carry passwordHash (a yescrypt string)
        instead of password. A contract line names its registering entity and its handler,
        whose authorization must be in force today; the contract is registered and
        submitted as that handler, and waits at its office for the paper text.
        Progress goes to stderr; the report on stdout gives the accepted, unchanged and
        rejected counts and every rejected line with its number and reason. Exits 1 when
        any line was rejected. Importing the same file again changes nothing.

        EXAMPLES
          tcms import persons persons.jsonl
          tcms import entities entities.jsonl
          tcms import authorizations authorizations.jsonl
          tcms import contracts contracts.jsonl
        """

    static let version = """
        USAGE
          tcms version
        """

    static func text(for subcommand: String) -> String? {
        switch subcommand {
        case "daemon": return daemon
        case "call": return call
        case "shell": return shell
        case "backup": return backup
        case "restore": return restore
        case "check": return check
        case "import": return importText
        case "version": return version
        default: return nil
        }
    }
}
