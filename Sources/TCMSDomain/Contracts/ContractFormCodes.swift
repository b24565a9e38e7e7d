/// The coded fields of a contract as they arrive on the wire, before validation.
///
/// Every field is optional so that a missing one is reported with the others instead of
/// failing decoding. An empty string counts as missing.
public struct ContractFormCodes: Sendable, Hashable {
    /// `contract_category` code, `params.category`.
    public var category: String?
    /// `contract_subtype` code, `params.subtype`; only for categories with sub-types.
    public var subtype: String?
    /// `seller` or `buyer`, `params.registeringSide`.
    public var registeringSide: String?
    /// `tech_field` code, `params.techField`.
    public var techField: String?
    /// `ip_type` code, `params.ipType`.
    public var ipType: String?
    /// `payment_method` code, `params.paymentMethod`.
    public var paymentMethod: String?
    /// The seller's `party_nature` code, `params.sellerNature`; checked when present.
    public var sellerNature: String?
    /// The buyer's `party_nature` code, `params.buyerNature`; checked when present.
    public var buyerNature: String?

    /// Creates the fields.
    public init(
        category: String? = nil, subtype: String? = nil, registeringSide: String? = nil,
        techField: String? = nil, ipType: String? = nil, paymentMethod: String? = nil,
        sellerNature: String? = nil, buyerNature: String? = nil
    ) {
        self.category = category
        self.subtype = subtype
        self.registeringSide = registeringSide
        self.techField = techField
        self.ipType = ipType
        self.paymentMethod = paymentMethod
        self.sellerNature = sellerNature
        self.buyerNature = buyerNature
    }
}
