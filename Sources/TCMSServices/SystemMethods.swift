import Foundation
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// `system.ping`, `system.version`, `system.stats` and `rpc.discover`.
enum SystemMethods {
    static func specs(
        store: Store, statistics: @escaping @Sendable () -> RuntimeStatistics,
        discover: @escaping @Sendable () -> JSON
    ) -> [MethodSpec] {
        [
            MethodSpec(
                "system.ping", summary: "Checks that the daemon answers.",
                result: "the string \"pong\"", roles: .everyone
            ) { _, _ in "pong" },

            MethodSpec(
                "system.version",
                summary: "Reports the tcms release, the schema version and the SQLite library.",
                result: "{version, schemaVersion, sqliteVersion}", roles: .everyone
            ) { _, _ in
                [
                    "version": .string(ProductVersion.current),
                    "schemaVersion": .int(Int64(store.schemaVersion)),
                    "sqliteVersion": .string(Database.libraryVersion),
                ]
            },

            MethodSpec(
                "system.stats",
                summary: "Reports uptime, open connections, requests served and database size.",
                result: "{uptimeSeconds, openConnections, maxConnections, requestsServed, "
                    + "databaseBytes}",
                roles: .everyone
            ) { _, _ in
                let figures = statistics()
                return [
                    "uptimeSeconds": .double((figures.uptimeSeconds * 1000).rounded() / 1000),
                    "openConnections": .int(Int64(figures.openConnections)),
                    "maxConnections": .int(Int64(figures.maxConnections)),
                    "requestsServed": .int(Int64(figures.requestsServed)),
                    "databaseBytes": .int(store.sizeInBytes),
                ]
            },

            MethodSpec(
                "rpc.discover",
                summary: "Describes every method: params, result, errors, roles and writes.",
                result: "an OpenRPC document", roles: .everyone
            ) { _, _ in discover() },
        ]
    }
}
