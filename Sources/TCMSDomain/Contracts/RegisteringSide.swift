/// The party that registers a contract with its office.
public enum RegisteringSide: String, Labelled {
    /// The seller (developer, licensor, consultant, service provider) registers: the rule.
    case seller
    /// The buyer registers: technology imports and the buyer's own record.
    case buyer

    public var label: String {
        switch self {
        case .seller: "卖方合同登记"
        case .buyer: "买方合同登记"
        }
    }
}
