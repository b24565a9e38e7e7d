/// A matter (事项) an entity can authorize a natural person to handle on its behalf.
public enum AuthorizationMatter: String, Labelled {
    /// Handling technology contracts for the entity (技术合同管理-事项办理员).
    case techContractHandler = "tech_contract_handler"

    public var label: String {
        switch self {
        case .techContractHandler: "技术合同管理-事项办理员"
        }
    }
}
