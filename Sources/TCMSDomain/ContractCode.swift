/// One code of a registration-form list.
public struct ContractCode: Sendable, Equatable {
    /// List the code belongs to.
    public let list: ContractCodeList
    /// Code, unique within its list and never renumbered.
    public let code: String
    /// Chinese label.
    public let label: String
    /// Parent code in the same list; nil at the top level.
    public let parent: String?
    /// Whether both code and label are printed on the official form or its filling-in
    /// instructions. It is false where the code is our own or the label was reconstructed.
    public let confirmed: Bool
}
