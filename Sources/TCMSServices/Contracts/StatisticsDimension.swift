import TCMSDomain
import TCMSJSON
import TCMSStorage

/// One way `stats.contracts` groups contracts: the SQL expression of the group's key over
/// `contracts c` (joined with `offices o`), and the members a group shows for it.
enum StatisticsDimension: String, CaseIterable, Sendable {
    /// The office the contract was submitted to.
    case office
    /// The province of the registering party: the first two digits of its division + 0000.
    case province
    case category
    case techField
    /// The month (China time) of the statistics date, see `StatisticsQuery.daySQL`.
    case month
    /// 技术输出: the seller's region, a province for a party in mainland China and the ISO
    /// 3166 code for one abroad.
    case outflow
    /// 技术吸纳: the buyer's region, in the same form as `outflow`.
    case inflow

    /// The key's SQL expression; `office` adds the office's name as a second column.
    var keySQL: String {
        switch self {
        case .office: "c.office_id"
        case .province:
            "substr(CASE c.registering_side WHEN 'seller' THEN c.seller_division "
                + "ELSE c.buyer_division END, 1, 2) || '0000'"
        case .category: "c.category"
        case .techField: "c.tech_field"
        case .month: "substr(\(StatisticsQuery.daySQL), 1, 7)"
        case .outflow: Self.regionSQL("seller")
        case .inflow: Self.regionSQL("buyer")
        }
    }

    /// The columns the dimension reads from a result row, starting at its first.
    var columnCount: Int { self == .office ? 2 : 1 }

    /// The SQL of the columns the dimension selects: its key, and for `office` the name.
    var selectSQL: String { self == .office ? "c.office_id, min(o.name)" : keySQL }

    /// Writes the group's key and its label into `group`, reading from column `first`.
    func describe(_ row: Row, from first: Int, into group: inout JSONObject) {
        let key = row.optionalString(first)
        let codes = ContractCodes.standard
        switch self {
        case .office:
            group["officeId"] = row.optionalInt64(first).map { .int($0) } ?? .null
            group["officeName"] = row.optionalString(first + 1).map { .string($0) } ?? .null
        case .province:
            group["province"] = key.map { .string($0) } ?? .null
            group["provinceName"] = key.flatMap(Self.regionName).map { .string($0) } ?? .null
        case .category:
            group["category"] = key.map { .string($0) } ?? .null
            group["categoryLabel"] = key.flatMap { codes.label(of: $0, in: .contractCategory) }
                .map { .string($0) } ?? .null
        case .techField:
            group["techField"] = key.map { .string($0) } ?? .null
            group["techFieldLabel"] = key.flatMap { codes.label(of: $0, in: .techField) }
                .map { .string($0) } ?? .null
        case .month:
            group["month"] = key.map { .string($0) } ?? .null
        case .outflow, .inflow:
            group[rawValue] = key.map { .string($0) } ?? .null
            group[rawValue + "Name"] = key.flatMap(Self.regionName).map { .string($0) } ?? .null
        }
    }

    /// Returns the SQL of one party's region: the province code of a party in mainland China
    /// (null when it has no division code), the ISO 3166 code of a party abroad.
    private static func regionSQL(_ party: String) -> String {
        "CASE WHEN c.\(party)_country <> 'CN' THEN c.\(party)_country "
            + "WHEN c.\(party)_division IS NULL THEN NULL "
            + "ELSE substr(c.\(party)_division, 1, 2) || '0000' END"
    }

    /// Returns the name of a province code from GB/T 2260, or of a country code from ISO 3166
    /// (the Chinese name where the list has one).
    static func regionName(_ code: String) -> String? {
        if code.count == 2 {
            let country = Countries.standard.country(alpha2: code)
            return country?.nameZh ?? country?.name
        }
        return Divisions.standard.name(of: code)
    }
}
