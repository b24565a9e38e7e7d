import Foundation

/// A published ground on which an office does not register a contract and returns it.
///
/// A return names one or more grounds plus free text. The codes are stable; the labels
/// follow the grounds as the registration rules word them.
public enum ReturnGround: String, Labelled {
    /// The contract is void or not yet in effect.
    case voidOrNotEffective = "void_or_not_effective"
    /// The contract is not a technology contract.
    case notTechnologyContract = "not_technology_contract"
    /// The parties, the subject matter or the price are not clearly agreed.
    case unclearTerms = "unclear_terms"
    /// An approval that the contract needs was not obtained.
    case missingApproval = "missing_approval"
    /// The contract's title does not match its content.
    case titleMismatch = "title_mismatch"
    /// The contract restricts technological competition or development.
    case restrictiveClauses = "restrictive_clauses"
    /// Proof material is missing or does not meet the requirements.
    case missingProof = "missing_proof"
    /// A seal is missing or does not match the party's name.
    case sealMismatch = "seal_mismatch"
    /// Any other ground, explained in the free text.
    case other

    public var label: String {
        switch self {
        case .voidOrNotEffective: "合同无效或尚未生效"
        case .notTechnologyContract: "不属于技术合同"
        case .unclearTerms: "当事人、标的、价款等约定不明确"
        case .missingApproval: "需经审批而未审批"
        case .titleMismatch: "合同名称与内容不符"
        case .restrictiveClauses: "含有限制技术竞争和技术发展的条款"
        case .missingProof: "证明材料缺失或不符合要求"
        case .sealMismatch: "印章缺失或与名称不符"
        case .other: "其他"
        }
    }

    /// Parses the grounds of a return from their codes, as the wire sends them.
    ///
    /// Requires at least one ground, each a known code and none twice. The ground `other`
    /// requires a note, because the code alone gives no reason. Throws every violation at
    /// once, naming `params.reasons` or `params.note`: `missing_param`,
    /// `unknown_return_ground`, `duplicate_return_ground` and `missing_note`.
    public static func parse(codes: [String], note: String?) throws(DomainViolations)
        -> [ReturnGround]
    {
        var found: [DomainViolation] = []
        var grounds: [ReturnGround] = []

        if codes.isEmpty {
            found.append(
                DomainViolation(
                    reason: "missing_param", field: "params.reasons",
                    message: "A return needs at least one ground from the published list.",
                    messageZh: "退回时至少应选择一项不予登记的理由。"))
        }
        for (index, code) in codes.enumerated() {
            let field = "params.reasons[\(index)]"
            guard let ground = ReturnGround(rawValue: code) else {
                let known = allCases.map(\.rawValue).joined(separator: ", ")
                found.append(
                    DomainViolation(
                        reason: "unknown_return_ground", field: field,
                        message: "Unknown return ground \"\(code)\": use one of \(known).",
                        messageZh: "退回理由“\(code)”不存在，可选：\(known)。"))
                continue
            }
            guard !grounds.contains(ground) else {
                found.append(
                    DomainViolation(
                        reason: "duplicate_return_ground", field: field,
                        message: "Return ground \(code) is given twice.",
                        messageZh: "退回理由“\(ground.label)”重复。"))
                continue
            }
            grounds.append(ground)
        }

        let text = note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if grounds.contains(.other), text.isEmpty {
            found.append(
                DomainViolation(
                    reason: "missing_note", field: "params.note",
                    message: "The ground other needs a note that explains it.",
                    messageZh: "选择“其他”理由时应填写说明。"))
        }

        guard found.isEmpty else {
            throw DomainViolations(found)
        }
        return grounds
    }
}
