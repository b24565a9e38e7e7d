/// Where tcms keeps its state and its socket when nothing else is configured.
///
/// Under systemd, StateDirectory= and RuntimeDirectory= set STATE_DIRECTORY and
/// RUNTIME_DIRECTORY (systemd.exec(5)); elsewhere the XDG base directories apply.
public enum DefaultPaths {
    public static let socketName = "tcms.sock"

    /// `$STATE_DIRECTORY`, else `$XDG_STATE_HOME/tcms`, else `~/.local/state/tcms`.
    public static func stateDirectory(environment: [String: String]) -> String {
        if let systemd = firstPath(environment["STATE_DIRECTORY"]) { return systemd }
        if let xdg = nonEmpty(environment["XDG_STATE_HOME"]) { return xdg + "/tcms" }
        let home = nonEmpty(environment["HOME"]) ?? "/root"
        return home + "/.local/state/tcms"
    }

    /// `$RUNTIME_DIRECTORY/tcms.sock`, else `$XDG_RUNTIME_DIR/tcms.sock`, else the socket
    /// inside the state directory.
    public static func socketPath(environment: [String: String], stateDirectory: String) -> String {
        if let systemd = firstPath(environment["RUNTIME_DIRECTORY"]) {
            return systemd + "/" + socketName
        }
        if let runtime = nonEmpty(environment["XDG_RUNTIME_DIR"]) {
            return runtime + "/" + socketName
        }
        return stateDirectory + "/" + socketName
    }

    /// The socket a client connects to: `--socket`, else `TCMS_SOCKET`, else the daemon's
    /// default for the same environment.
    public static func clientSocketPath(flag: String?, environment: [String: String]) -> String {
        if let flag = nonEmpty(flag) { return flag }
        if let variable = nonEmpty(environment["TCMS_SOCKET"]) { return variable }
        let state = stateDirectory(environment: environment)
        return socketPath(environment: environment, stateDirectory: state)
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }

    /// systemd separates several directories with colons; tcms uses the first.
    private static func firstPath(_ value: String?) -> String? {
        nonEmpty(value).flatMap { $0.split(separator: ":").first.map(String.init) }
    }
}
