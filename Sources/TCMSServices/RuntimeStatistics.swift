/// Figures about the running daemon that `system.stats` reports; the daemon supplies them.
public struct RuntimeStatistics: Sendable {
    public var uptimeSeconds: Double
    public var openConnections: Int
    public var maxConnections: Int
    public var requestsServed: UInt64

    public init(
        uptimeSeconds: Double, openConnections: Int, maxConnections: Int, requestsServed: UInt64
    ) {
        self.uptimeSeconds = uptimeSeconds
        self.openConnections = openConnections
        self.maxConnections = maxConnections
        self.requestsServed = requestsServed
    }
}
