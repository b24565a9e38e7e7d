/// Exit statuses of the client subcommands, after sysexits(3).
public enum ExitCode {
    public static let success: Int32 = 0
    /// The call reached the daemon and failed.
    public static let failure: Int32 = 1
    /// EX_USAGE: the command line was wrong.
    public static let usage: Int32 = 64
    /// EX_UNAVAILABLE: the daemon could not be reached.
    public static let unavailable: Int32 = 69
}
