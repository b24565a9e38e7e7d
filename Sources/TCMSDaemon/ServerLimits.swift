/// The limits that protect one client from another, taken from the configuration. They can
/// change on SIGHUP, so connections read them when they need them.
public struct ServerLimits: Sendable {
    public var maxConnections: Int
    public var maxConnectionsPerUID: Int
    public var maxLineBytes: Int
    public var idleTimeoutSeconds: Int
    public var readTimeoutSeconds: Int
    public var writeTimeoutSeconds: Int

    public init(_ configuration: Configuration) {
        maxConnections = configuration.maxConnections
        maxConnectionsPerUID = configuration.maxConnectionsPerUID
        maxLineBytes = configuration.maxLineBytes
        idleTimeoutSeconds = configuration.idleTimeoutSeconds
        readTimeoutSeconds = configuration.readTimeoutSeconds
        writeTimeoutSeconds = configuration.writeTimeoutSeconds
    }
}
