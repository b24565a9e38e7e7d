import Foundation
import TCMSServices

/// Collects the live figures of `system.stats` from the server.
final class StatisticsProvider: @unchecked Sendable {
    // Unchecked because `server` is set once during start-up, before any request is served.
    private let started: Date
    private weak var server: Server?

    init(started: Date) {
        self.started = started
    }

    func attach(server: Server) {
        self.server = server
    }

    func current() -> RuntimeStatistics {
        RuntimeStatistics(
            uptimeSeconds: Date().timeIntervalSince(started),
            openConnections: server?.registry.count ?? 0,
            maxConnections: server?.limits.maxConnections ?? 0,
            requestsServed: server?.dispatcher.requestsServed ?? 0)
    }
}
