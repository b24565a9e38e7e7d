import Foundation

/// The registration rules that differ between the 2000 measures and the measures in force
/// since 2026-03-01: categories, the office's time limit, the second approval of large
/// amounts, and who registers technology imports.
///
/// One value is chosen by the China Standard Time date on which the contract was first
/// submitted, so an old record stays under the old rules when it is corrected and resubmitted.
public struct ContractRuleSet: Sendable, Hashable {
    /// The first day of the 2026 measures, in China Standard Time.
    public static let effectiveDate2026 = CivilDate(year: 2026, month: 3, day: 1)!

    /// The 2000 measures and 2001 recognition rules.
    public static let measures2000 = ContractRuleSet(regime: .measures2000)

    /// The measures in force since 2026-03-01.
    public static let measures2026 = ContractRuleSet(regime: .measures2026)

    /// 技术交易额 from which the 2026 rules ask for a second approval and the longer limit:
    /// 5,000,000.00 yuan, inclusive.
    public static let largeAmountThreshold2026 = Money(fen: 500_000_000)

    /// The regime these rules belong to.
    public let regime: ContractRegime

    private init(regime: ContractRegime) {
        self.regime = regime
    }

    /// Returns the rules of `regime`, for a contract whose regime code is stored.
    public static func rules(of regime: ContractRegime) -> ContractRuleSet {
        switch regime {
        case .measures2000: measures2000
        case .measures2026: measures2026
        }
    }

    /// Returns the rules in force on the China Standard Time date `submittedOn`.
    public static func inForce(on submittedOn: CivilDate) -> ContractRuleSet {
        submittedOn < effectiveDate2026 ? measures2000 : measures2026
    }

    /// Returns the rules in force at the instant `submittedAt`, taken as a China Standard Time
    /// date: 2026-02-28T16:30:00Z is 2026-03-01 in China and falls under the 2026 rules.
    public static func inForce(at submittedAt: Date) -> ContractRuleSet {
        inForce(on: ChinaTime.date(of: submittedAt))
    }

    /// The contract categories the regime itself defines, as `contract_category` codes.
    ///
    /// The 2000 rules have four: 技术许可 was then part of 技术转让. The Civil Code of 2021
    /// (Articles 862 and 863) made it a category of its own, and the 2026 rules have five.
    public var categories: [String] {
        switch regime {
        case .measures2000: ["DEV", "TRF", "CON", "SRV"]
        // NOTE: the 2026 list is assumed to be the Civil Code's five categories, because the
        // text of the 2026 measures was not at hand to confirm it.
        case .measures2026: ["DEV", "TRF", "LIC", "CON", "SRV"]
        }
    }

    /// Tells whether a contract of `category` can be registered under these rules.
    ///
    /// Both regimes accept all five codes. Records registered between the Civil Code (2021)
    /// and 2026-03-01 already carry LIC and its sub-types. Older licences are stored with LIC
    /// too, so that a licence has one code whatever its date. The 2000 rules count them
    /// under 技术转让 through `reportingCategory(of:)`.
    public func accepts(category: String) -> Bool {
        ContractRuleSet.measures2026.categories.contains(category)
    }

    /// Returns the category under which these rules count a contract of `category`: under the
    /// 2000 rules LIC counts as TRF, since 专利实施许可 and 技术秘密使用许可 were kinds of
    /// 技术转让; otherwise the category itself.
    public func reportingCategory(of category: String) -> String {
        regime == .measures2000 && category == "LIC" ? "TRF" : category
    }

    /// Tells whether `techAmount` counts as a large amount: 5,000,000.00 yuan or more under
    /// the 2026 rules. The 2000 rules have no such class, so it is always false there.
    public func isLargeAmount(_ techAmount: Money) -> Bool {
        regime == .measures2026 && techAmount >= Self.largeAmountThreshold2026
    }

    /// Tells whether an approval must be followed by a second one from a different clerk
    /// carrying the large-amount approver flag: under the 2026 rules for large amounts only.
    public func needsSecondApproval(techAmount: Money) -> Bool {
        isLargeAmount(techAmount)
    }

    /// Returns the office's time limit after the text was received: 30 calendar days under
    /// the 2000 rules; 15 working days under the 2026 rules, or 30 working days for a large
    /// amount.
    public func timeLimit(techAmount: Money) -> ContractTimeLimit {
        switch regime {
        case .measures2000:
            .calendarDays(30)
        case .measures2026:
            isLargeAmount(techAmount) ? .workingDays(30) : .workingDays(15)
        }
    }

    /// The party that registers a technology import: the domestic buyer, since the seller is
    /// abroad and has no local office.
    public var technologyImportRegistrant: RegisteringSide {
        // NOTE: both regimes name the buyer, because a different registrant for imports under
        // the 2000 rules was not confirmed.
        .buyer
    }

    /// Checks that `side` may register the contract: a technology import only by
    /// `technologyImportRegistrant`, anything else by either side. Throws
    /// `import_registered_by_buyer`.
    public func checkRegisteringSide(_ side: RegisteringSide, isTechnologyImport: Bool)
        throws(DomainViolation)
    {
        guard isTechnologyImport, side != technologyImportRegistrant else {
            return
        }
        throw DomainViolation(
            reason: "import_registered_by_buyer",
            field: "params.registeringSide",
            message: "A technology import is registered by the domestic buyer: set "
                + "registeringSide to buyer.",
            messageZh: "技术进口合同由境内买方登记，请选择买方合同登记。")
    }
}
