/// Checks of a contract's coded fields against the registration form's lists and the rule
/// set in force: the sub-type belongs to its category, the side is seller or buyer, and each
/// coded field is a code of its list.
public struct ContractCategoryRules: Sendable {
    /// The lists the checks use.
    public let codes: ContractCodes

    /// Creates the checks over `codes`, by default the embedded lists.
    public init(codes: ContractCodes = .standard) {
        self.codes = codes
    }

    /// Returns the sub-types of `category`, empty for a category without any (技术咨询).
    public func subtypes(of category: String) -> [ContractCode] {
        codes.children(of: category, in: .contractSubtype)
    }

    /// Tells whether `subtype` is a sub-type of `category`, such as DEV-COMM of DEV.
    public func isSubtype(_ subtype: String, of category: String) -> Bool {
        codes.parent(of: subtype, in: .contractSubtype) == category
    }

    /// Returns every broken rule of `form` at once, each naming its wire field
    /// (`params.subtype`), or none.
    ///
    /// A required field left out is `missing_param`, and a code not in its list is
    /// `unknown_code`. A category that `ruleSet` does not register is `category_not_in_rules`.
    /// A sub-type of another category is `subtype_category_mismatch`, and a sub-type on a
    /// category without sub-types is `subtype_not_allowed`.
    public func violations(of form: ContractFormCodes, ruleSet: ContractRuleSet)
        -> [DomainViolation]
    {
        var found: [DomainViolation] = []

        let category = present(form.category)
        if let category {
            if !codes.contains(category, in: .contractCategory) {
                found.append(unknown(category, in: .contractCategory, field: "params.category"))
            } else if !ruleSet.accepts(category: category) {
                found.append(notInRules(category, ruleSet: ruleSet))
            } else {
                found += subtypeViolations(present(form.subtype), category: category)
            }
        } else {
            found.append(missing("params.category", list: .contractCategory))
        }

        if let side = present(form.registeringSide) {
            if RegisteringSide(rawValue: side) == nil {
                found.append(
                    DomainViolation(
                        reason: "unknown_code", field: "params.registeringSide",
                        message: "Unknown registering side \"\(side)\": use seller or buyer.",
                        messageZh: "登记方“\(side)”无效：应为 seller（卖方）或 buyer（买方）。"))
            }
        } else {
            found.append(
                DomainViolation(
                    reason: "missing_param", field: "params.registeringSide",
                    message: "params.registeringSide is missing: use seller or buyer.",
                    messageZh: "缺少登记方：应为 seller（卖方）或 buyer（买方）。"))
        }

        let required: [(String?, ContractCodeList, String)] = [
            (form.techField, .techField, "params.techField"),
            (form.ipType, .ipType, "params.ipType"),
            (form.paymentMethod, .paymentMethod, "params.paymentMethod"),
        ]
        for (value, list, field) in required {
            guard let code = present(value) else {
                found.append(missing(field, list: list))
                continue
            }
            if !codes.contains(code, in: list) {
                found.append(unknown(code, in: list, field: field))
            }
        }

        let optional = [
            (form.sellerNature, "params.sellerNature"), (form.buyerNature, "params.buyerNature"),
        ]
        for case let (code?, field) in optional where !codes.contains(code, in: .partyNature) {
            found.append(unknown(code, in: .partyNature, field: field))
        }

        return found
    }

    private func subtypeViolations(_ subtype: String?, category: String) -> [DomainViolation] {
        let allowed = subtypes(of: category)

        guard let subtype else {
            return allowed.isEmpty ? [] : [missing("params.subtype", list: .contractSubtype)]
        }
        if allowed.isEmpty {
            return [
                DomainViolation(
                    reason: "subtype_not_allowed", field: "params.subtype",
                    message: "Category \(category) has no sub-types: leave params.subtype out.",
                    messageZh: "合同类别“\(label(category, .contractCategory))”没有子类，"
                        + "请不要填写子类。")
            ]
        }
        guard codes.contains(subtype, in: .contractSubtype) else {
            return [unknown(subtype, in: .contractSubtype, field: "params.subtype")]
        }
        guard isSubtype(subtype, of: category) else {
            let choices = allowed.map(\.code).joined(separator: ", ")
            return [
                DomainViolation(
                    reason: "subtype_category_mismatch", field: "params.subtype",
                    message: "Sub-type \(subtype) does not belong to category \(category): use "
                        + "one of \(choices).",
                    messageZh: "子类“\(label(subtype, .contractSubtype))”不属于合同类别"
                        + "“\(label(category, .contractCategory))”，可选：\(choices)。")
            ]
        }
        return []
    }

    private func present(_ value: String?) -> String? {
        guard let value, !value.isEmpty else {
            return nil
        }
        return value
    }

    private func label(_ code: String, _ list: ContractCodeList) -> String {
        codes.label(of: code, in: list) ?? code
    }

    private func missing(_ field: String, list: ContractCodeList) -> DomainViolation {
        DomainViolation(
            reason: "missing_param", field: field,
            message: "\(field) is missing: give a code of the list \(list.rawValue).",
            messageZh: "缺少\(list.label)：请填写代码。")
    }

    private func unknown(_ code: String, in list: ContractCodeList, field: String)
        -> DomainViolation
    {
        DomainViolation(
            reason: "unknown_code", field: field,
            message: "Unknown code \"\(code)\" for \(field): it is not in the list "
                + "\(list.rawValue).",
            messageZh: "\(list.label)代码“\(code)”不存在。")
    }

    private func notInRules(_ category: String, ruleSet: ContractRuleSet) -> DomainViolation {
        DomainViolation(
            reason: "category_not_in_rules", field: "params.category",
            message: "Category \(category) cannot be registered under the rules "
                + "\(ruleSet.regime.rawValue).",
            messageZh: "“\(ruleSet.regime.label)”不办理“\(label(category, .contractCategory))”"
                + "合同的登记。")
    }
}
