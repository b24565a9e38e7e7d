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
        table.register(BackupMethods.specs(environment: environment))
        table.register(OfficeMethods.specs(environment: environment))
        table.register(TemplateMethods.specs(environment: environment))
        table.register(CodeMethods.specs(environment: environment))
        // The dummy hash is made now, so the first login with an unknown name costs one hash
        // like every other failed login, not two.
        _ = PasswordHasher.dummyHash
        let identity = SessionMethods.specs(environment: environment)
            + AccountMethods.specs(environment: environment)
            + PasswordResetMethods.specs(environment: environment)
            + SMSMethods.specs(environment: environment)
            + PersonMethods.specs(environment: environment)
            + EntityMethods.specs(environment: environment)
            + ImportMethods.specs(environment: environment)
            + ProfileMethods.specs(environment: environment)
            + ValidateMethods.specs(environment: environment)
            + MainAgentMethods.specs(environment: environment)
            + MaterialMethods.specs(environment: environment)
            + VerificationMethods.specs(environment: environment)
            + ClerkMethods.specs(environment: environment)
            + AccessMethods.specs(environment: environment)
            + AccessReview.specs(environment: environment)
            + AuthorizationMethods.specs(environment: environment)
            + AuthorizationListing.specs(environment: environment)
            + HandlerMethods.specs(environment: environment)
            + AuthorizationImport.specs(environment: environment)
            + AccountListing.specs(environment: environment)
            + ContractMethods.specs(environment: environment)
            + ContractReview.specs(environment: environment)
            + ContractListing.specs(environment: environment)
            + AuditMethods.specs(environment: environment)
            + ContractAttachmentMethods.specs(environment: environment)
            + ContractCertificate.specs(environment: environment)
            + ContractFilings.specs(environment: environment)
            + ContractFilingReview.specs(environment: environment)
            + ContractExecutions.specs(environment: environment)
            + DashboardMethods.specs(environment: environment)
            + ContractImport.specs(environment: environment)
            + ContractStatistics.specs(environment: environment)
            + ContractInbox.specs(environment: environment)
        for spec in identity {
            table.register(
                sessionUnchecked.contains(spec.name)
                    ? spec : SessionGuard.guarded(spec, environment: environment))
        }
        discovery.document = OpenRPCDocument.build(table: table, version: ProductVersion.current)
        return table
    }

    /// Methods that start or end a session themselves, so a dead session must not block them.
    private static let sessionUnchecked: Set<String> = [
        "session.login", "session.resume", "session.logout",
    ]
}

/// Holds the discovery document, built once after the table is complete.
private final class DiscoveryBox: @unchecked Sendable {
    // Unchecked because `document` is written once during start-up, before any request.
    var document: JSON = .null
}
