/// The command-line options of `tcms daemon`; they override the configuration file.
public struct DaemonOptions: Sendable {
    public var configPath: String?
    public var stateDirectory: String?
    public var socketPath: String?

    public init(configPath: String? = nil, stateDirectory: String? = nil, socketPath: String? = nil) {
        self.configPath = configPath
        self.stateDirectory = stateDirectory
        self.socketPath = socketPath
    }
}
