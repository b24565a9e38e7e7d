/// The money of a contract: the contract amount (成交额) and the technology transaction
/// amount (技术交易额), and for transfers the expected new investment and output.
///
/// 技术交易额 is the part of the amount paid for the technology itself. It is never more
/// than the amount; the difference is the non-technical cost such as equipment and materials.
public struct ContractAmounts: Sendable, Hashable {
    /// Categories that may state the expected new investment and output: technology
    /// transfers and licences, which the 2000 rules counted as transfers.
    public static let transferCategories: Set<String> = ["TRF", "LIC"]

    /// The contract amount, 成交额.
    public let amount: Money
    /// The technology transaction amount, 技术交易额.
    public let techAmount: Money
    /// Expected new investment from using the technology (transfers only).
    public let expectedNewInvestment: Money?
    /// Expected new output value from using the technology (transfers only).
    public let expectedNewOutput: Money?

    /// Creates the amounts, throwing the first of `violations(...)`.
    public init(
        amount: Money, techAmount: Money, expectedNewInvestment: Money? = nil,
        expectedNewOutput: Money? = nil
    ) throws(DomainViolation) {
        let found = Self.violations(
            amount: amount, techAmount: techAmount, expectedNewInvestment: expectedNewInvestment,
            expectedNewOutput: expectedNewOutput)
        if let first = found.first {
            throw first
        }

        self.amount = amount
        self.techAmount = techAmount
        self.expectedNewInvestment = expectedNewInvestment
        self.expectedNewOutput = expectedNewOutput
    }

    /// The non-technical cost: the amount minus 技术交易额, never negative.
    public var nonTechnicalCost: Money {
        // Both amounts are at least zero and techAmount <= amount, so this cannot overflow.
        Money(fen: amount.fen - techAmount.fen)
    }

    /// Returns every broken rule of the amounts: `negative_money` for any amount below zero
    /// and `tech_amount_exceeds_amount` when 技术交易额 is more than the amount.
    public static func violations(
        amount: Money, techAmount: Money, expectedNewInvestment: Money? = nil,
        expectedNewOutput: Money? = nil
    ) -> [DomainViolation] {
        var found: [DomainViolation] = []
        let named: [(String, Money?)] = [
            ("params.amount", amount), ("params.techAmount", techAmount),
            ("params.expectedNewInvestment", expectedNewInvestment),
            ("params.expectedNewOutput", expectedNewOutput),
        ]

        for case let (field, value?) in named where value.fen < 0 {
            found.append(
                DomainViolation(
                    reason: "negative_money", field: field,
                    message: "Invalid amount \(value): it must not be negative.",
                    messageZh: "金额 \(value) 无效：不能为负数。"))
        }
        if amount.fen >= 0, techAmount > amount {
            found.append(
                DomainViolation(
                    reason: "tech_amount_exceeds_amount", field: "params.techAmount",
                    message: "The technology transaction amount \(techAmount) exceeds the "
                        + "contract amount \(amount); it must not be more.",
                    messageZh: "技术交易额 \(techAmount) 超过成交额 \(amount)，不能大于成交额。"))
        }
        return found
    }

    /// Parses the wire strings (`"120000.00"`) and checks them together.
    ///
    /// `category` is the contract's category code: the expected new investment and output
    /// are accepted only for transfers and licences, and are otherwise refused with
    /// `field_not_applicable`. Throws every violation at once, each naming its field
    /// (`params.amount`, `params.techAmount`, ...): `missing_param`, `invalid_money`,
    /// `negative_money`, `money_out_of_range` and `tech_amount_exceeds_amount`.
    public static func parse(
        amount: String?, techAmount: String?, expectedNewInvestment: String? = nil,
        expectedNewOutput: String? = nil, category: String? = nil
    ) throws(DomainViolations) -> ContractAmounts {
        var found: [DomainViolation] = []
        let parsedAmount = parseRequired(amount, field: "params.amount", into: &found)
        let parsedTech = parseRequired(techAmount, field: "params.techAmount", into: &found)
        let investment = parseOptional(
            expectedNewInvestment, field: "params.expectedNewInvestment", category: category,
            into: &found)
        let output = parseOptional(
            expectedNewOutput, field: "params.expectedNewOutput", category: category,
            into: &found)

        guard found.isEmpty, let parsedAmount, let parsedTech else {
            throw DomainViolations(found)
        }
        do {
            return try ContractAmounts(
                amount: parsedAmount, techAmount: parsedTech, expectedNewInvestment: investment,
                expectedNewOutput: output)
        } catch {
            throw DomainViolations(
                violations(
                    amount: parsedAmount, techAmount: parsedTech,
                    expectedNewInvestment: investment, expectedNewOutput: output))
        }
    }

    private static func parseRequired(
        _ text: String?, field: String, into found: inout [DomainViolation]
    ) -> Money? {
        guard let text else {
            found.append(missing(field))
            return nil
        }
        do {
            return try Money.parse(text)
        } catch {
            found.append(error.at(field))
            return nil
        }
    }

    private static func parseOptional(
        _ text: String?, field: String, category: String?, into found: inout [DomainViolation]
    ) -> Money? {
        guard let text else {
            return nil
        }
        if let category, !transferCategories.contains(category) {
            found.append(
                DomainViolation(
                    reason: "field_not_applicable", field: field,
                    message: "\(field) applies only to technology transfers and licences "
                        + "(TRF, LIC), not to category \(category); leave it out.",
                    messageZh: "预计新增投资和产值只适用于技术转让和技术许可合同，请不要填写。"))
            return nil
        }
        return parseRequired(text, field: field, into: &found)
    }

    private static func missing(_ field: String) -> DomainViolation {
        DomainViolation(
            reason: "missing_param", field: field,
            message: "\(field) is missing: give the amount in yuan with two decimals.",
            messageZh: "缺少 \(field)：请填写保留两位小数的元金额。")
    }
}
