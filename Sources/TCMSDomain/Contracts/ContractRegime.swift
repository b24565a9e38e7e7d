/// The registration rules a contract falls under, stored with the contract as its code.
public enum ContractRegime: String, Labelled {
    /// The 2000 registration measures (技术合同认定登记管理办法) with the 2001 recognition
    /// rules (技术合同认定规则), for contracts submitted before 2026-03-01.
    case measures2000 = "measures_2000"
    /// The registration measures in force since 2026-03-01.
    case measures2026 = "measures_2026"

    public var label: String {
        switch self {
        case .measures2000: "2000年认定登记管理办法及2001年认定规则"
        case .measures2026: "2026年3月1日起施行的认定登记管理办法"
        }
    }
}
