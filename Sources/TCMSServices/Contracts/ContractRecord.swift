import TCMSDomain
import TCMSStorage

/// The workflow columns of one stored contract: what the methods check before they change it.
struct ContractRecord: Sendable {
    let id: Int64
    let entityID: Int64
    let handlerLogin: String
    let officeID: Int64?
    let status: ContractStatus
    let round: Int64
    let regime: ContractRegime?
    let amount: Money
    let techAmount: Money
    /// The 技术交易额 the first approval verified; nil before it.
    let approvedTechAmount: Money?
    let firstApprovedBy: String?
    let textReceivedOn: CivilDate?
    let validUntil: CivilDate?

    static let columns = """
        id, entity_id, handler_login, office_id, status, round, regime, tech_amount_fen,
        first_approved_by, text_received_on, valid_until, amount_fen, approved_tech_amount_fen
        """

    /// The rules the contract falls under: its stored regime, or for a contract never
    /// submitted the rules in force `today`.
    func ruleSet(today: CivilDate) -> ContractRuleSet {
        regime.map(ContractRuleSet.rules(of:)) ?? ContractRuleSet.inForce(on: today)
    }

    static func find(id: Int64, in database: Database) throws -> ContractRecord? {
        try database.queryFirst("SELECT \(columns) FROM contracts WHERE id = ?", [id]) { row in
            ContractRecord(
                id: row.int64(0), entityID: row.int64(1), handlerLogin: row.string(2),
                officeID: row.optionalInt64(3),
                status: ContractStatus(rawValue: row.string(4)) ?? .draft,
                round: row.int64(5), regime: row.optionalString(6).flatMap(ContractRegime.init),
                amount: Money(fen: row.int64(11)), techAmount: Money(fen: row.int64(7)),
                approvedTechAmount: row.optionalInt64(12).map(Money.init(fen:)),
                firstApprovedBy: row.optionalString(8),
                textReceivedOn: row.optionalString(9).flatMap(CivilDate.init),
                validUntil: row.optionalString(10).flatMap(CivilDate.init))
        }
    }
}
