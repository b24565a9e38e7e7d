/// The code lists of the technology-contract registration form. The raw value is the list's
/// name in the `list` column of the code file.
public enum ContractCodeList: String, Labelled {
    /// Contract category: 技术开发, 技术转让, 技术许可, 技术咨询, 技术服务.
    case contractCategory = "contract_category"
    /// Sub-type of a category; its parent is the category code.
    case contractSubtype = "contract_subtype"
    /// Nature of a contract party (the pre-2011 registration types), official codes.
    case partyNature = "party_nature"
    /// Technology field.
    case techField = "tech_field"
    /// Kind of intellectual property the contract involves.
    case ipType = "ip_type"
    /// Payment method.
    case paymentMethod = "payment_method"
    /// Enterprise size.
    case enterpriseSize = "enterprise_size"

    public var label: String {
        switch self {
        case .contractCategory: "合同类别"
        case .contractSubtype: "合同子类"
        case .partyNature: "单位性质"
        case .techField: "技术领域"
        case .ipType: "知识产权类型"
        case .paymentMethod: "支付方式"
        case .enterpriseSize: "企业规模"
        }
    }
}
