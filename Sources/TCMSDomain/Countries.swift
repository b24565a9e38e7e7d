/// ISO 3166-1 countries with Chinese names.
///
/// The Chinese names are the zh_CN translations that Debian's iso-codes ship, not the names of
/// GB/T 2659 (for example TW is 中国台湾省).
public struct Countries: Sendable {
    static let header = ["alpha2", "alpha3", "numeric", "name", "name_zh"]

    /// The embedded list, parsed on first use.
    public static let standard: Countries = {
        do {
            return try Countries(tsv: ISO3166Data.tsv)
        } catch {
            fatalError("The embedded ISO 3166 list is invalid: \(error)")
        }
    }()

    /// Every country, sorted by the two-letter code.
    public let all: [Country]
    private let byAlpha2: [String: Country]
    private let byAlpha3: [String: Country]
    private let byNumeric: [String: Country]

    /// Parses a list in the `iso3166.tsv` format.
    public init(tsv: String) throws(DomainViolation) {
        try self.init(table: TSVTable(text: tsv, expectedHeader: Self.header, listName: "iso3166"))
    }

    /// Loads a list in the `iso3166.tsv` format from `path`.
    public static func load(path: String) throws(DomainViolation) -> Countries {
        try Countries(
            table: TSVTable(contentsOf: path, expectedHeader: header, listName: "iso3166"))
    }

    private init(table: TSVTable) throws(DomainViolation) {
        var countries: [Country] = []

        for (index, row) in table.rows.enumerated() {
            guard row[0].count == 2, row[1].count == 3, row[2].count == 3 else {
                throw TSVTable.invalidRow(
                    "iso3166", line: index + 2,
                    "the codes must have 2 letters, 3 letters and 3 digits",
                    "代码应分别为 2 位字母、3 位字母和 3 位数字")
            }
            countries.append(
                Country(
                    alpha2: row[0], alpha3: row[1], numeric: row[2], name: row[3],
                    nameZh: row[4].isEmpty ? nil : row[4]))
        }

        all = countries.sorted { $0.alpha2 < $1.alpha2 }
        byAlpha2 = Dictionary(countries.map { ($0.alpha2, $0) }, uniquingKeysWith: { a, _ in a })
        byAlpha3 = Dictionary(countries.map { ($0.alpha3, $0) }, uniquingKeysWith: { a, _ in a })
        byNumeric = Dictionary(countries.map { ($0.numeric, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Returns the country with the two-letter code `code`, in either case.
    public func country(alpha2 code: String) -> Country? {
        byAlpha2[code.asciiUppercased]
    }

    /// Returns the country with the three-letter code `code`, in either case.
    public func country(alpha3 code: String) -> Country? {
        byAlpha3[code.asciiUppercased]
    }

    /// Returns the country with the three-digit numeric code `code` (`156`).
    public func country(numeric code: String) -> Country? {
        byNumeric[code]
    }

    /// Tells whether `code` is a known two-letter code, in either case.
    public func isValid(alpha2 code: String) -> Bool {
        country(alpha2: code) != nil
    }
}
