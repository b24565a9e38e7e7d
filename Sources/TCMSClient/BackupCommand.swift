/// `tcms backup DEST`.
public enum BackupCommand {
    public static func run(socketPath: String, destination: String) -> Int32 {
        // FIXME: backups need the backup.* methods of the daemon; until they exist the command
        // reports that it cannot run instead of writing a partial copy.
        printError("tcms backup: the daemon at \(socketPath) offers no backup method yet")
        return ExitCode.failure
    }
}
