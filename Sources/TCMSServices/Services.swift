import TCMSJSON
import TCMSRPC
import TCMSStorage

/// Builds the method table from every service of the product.
public enum Services {
    /// Every method the daemon serves. `rpc.discover` describes this same table.
    public static func methodTable(
        environment: ServiceEnvironment, statistics: @escaping @Sendable () -> RuntimeStatistics
    ) -> MethodTable {
        let discovery = DiscoveryBox()
        var table = MethodTable()
        table.register(
            SystemMethods.specs(store: environment.store, statistics: statistics) {
                discovery.document
            })
        table.register(SessionMethods.specs(environment: environment))
        table.register(AccountMethods.specs(environment: environment))
        table.register(PasswordResetMethods.specs(environment: environment))
        table.register(SMSMethods.specs(environment: environment))
        table.register(PersonMethods.specs(environment: environment))
        table.register(EntityMethods.specs(environment: environment))
        table.register(ImportMethods.specs(environment: environment))
        table.register(ProfileMethods.specs(environment: environment))
        table.register(ValidateMethods.specs(environment: environment))
        discovery.document = OpenRPCDocument.build(table: table, version: ProductVersion.current)
        return table
    }
}

/// Holds the discovery document, built once after the table is complete.
private final class DiscoveryBox: @unchecked Sendable {
    // Unchecked because `document` is written once during start-up, before any request.
    var document: JSON = .null
}
