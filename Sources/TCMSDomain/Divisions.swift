/// GB/T 2260 administrative division codes with their history.
///
/// The table keeps every code with the years it was valid, not only today's list, because
/// identity numbers keep the code of the place where they were first issued.
public struct Divisions: Sendable {
    static let header = [
        "code", "name", "province_code", "prefecture_code", "valid_from_year",
        "valid_until_year",
    ]

    /// Address codes of residence-permit numbers for Hong Kong (810000), Macau (820000) and
    /// Taiwan (830000) residents. They are issued whatever the holder's birth year, so they
    /// count as valid address codes for every year, although GB/T 2260 lists 810000 only
    /// from 1997 and 820000 only from 1999.
    public static let residencePermitCodes: Set<String> = ["810000", "820000", "830000"]

    /// The embedded list, parsed on first use.
    public static let standard: Divisions = {
        do {
            return try Divisions(tsv: GB2260Data.tsv)
        } catch {
            fatalError("The embedded GB/T 2260 list is invalid: \(error)")
        }
    }()

    private let periodsByCode: [String: [DivisionPeriod]]

    /// Parses a list in the `gb2260.tsv` format, for example an operator's newer edition.
    public init(tsv: String) throws(DomainViolation) {
        try self.init(table: TSVTable(text: tsv, expectedHeader: Self.header, listName: "gb2260"))
    }

    /// Loads a list in the `gb2260.tsv` format from `path`.
    public static func load(path: String) throws(DomainViolation) -> Divisions {
        try Divisions(
            table: TSVTable(contentsOf: path, expectedHeader: header, listName: "gb2260"))
    }

    private init(table: TSVTable) throws(DomainViolation) {
        var periods: [String: [DivisionPeriod]] = [:]

        for (index, row) in table.rows.enumerated() {
            let period = try Self.period(from: row, line: index + 2)
            periods[period.code, default: []].append(period)
        }

        periodsByCode = periods
    }

    /// Number of distinct codes.
    public var count: Int {
        periodsByCode.count
    }

    /// Returns all periods of `code`, oldest first, or none for a code that never existed.
    public func periods(of code: String) -> [DivisionPeriod] {
        periodsByCode[code] ?? []
    }

    /// Tells whether `code` exists in any period.
    public func isKnown(_ code: String) -> Bool {
        periodsByCode[code] != nil
    }

    /// Returns the name of `code` in `year`, or its latest name when `year` is nil.
    public func name(of code: String, inYear year: Int? = nil) -> String? {
        let periods = self.periods(of: code)
        guard let year else {
            return periods.last?.name
        }
        return periods.last(where: { $0.includes(year: year) })?.name
    }

    /// Tells whether `code` was valid in `year`, with both ends of each period inclusive.
    public func isValid(code: String, inYear year: Int) -> Bool {
        periods(of: code).contains { $0.includes(year: year) }
    }

    /// Tells whether `code` was valid in `year` or in any later year, or is a residence-permit
    /// code. This is the rule for the address code of a resident ID: numbers are often
    /// assigned years after birth, so a code created after the birth year is fine, while one
    /// abolished before the birth year is not.
    public func isValidAddressCode(_ code: String, birthYear: Int) -> Bool {
        if Self.residencePermitCodes.contains(code) {
            return true
        }
        return periods(of: code).contains { period in
            period.validUntilYear.map { $0 >= birthYear } ?? true
        }
    }

    /// Tells whether `code` is still in use, that is, has a period without an end year.
    public func isInUse(_ code: String) -> Bool {
        periods(of: code).contains { $0.validUntilYear == nil }
    }

    /// Returns the level of `code`, or nil for an unknown code.
    public func level(of code: String) -> DivisionLevel? {
        periods(of: code).last?.level
    }

    /// Tells whether `code` is a county-level code (county, county-level city or district).
    public func isCounty(_ code: String) -> Bool {
        level(of: code) == .county
    }

    /// Returns the province code (`XX0000`) of a known code.
    public func provinceCode(of code: String) -> String? {
        periods(of: code).last?.provinceCode
    }

    /// Returns the prefecture code (`XXYY00`) of a known code below province level.
    public func prefectureCode(of code: String) -> String? {
        periods(of: code).last?.prefectureCode
    }

    /// Tells whether the region `region` covers `code`: a province code covers every code
    /// that starts with its two digits, a prefecture code every code with its four, and any
    /// other code only itself. This works on the digits alone, so it also covers codes that
    /// are not in the list.
    public static func region(_ region: String, covers code: String) -> Bool {
        guard region.count == 6, code.count == 6 else {
            return false
        }
        if region.hasSuffix("0000") {
            return code.prefix(2) == region.prefix(2)
        }
        if region.hasSuffix("00") {
            return code.prefix(4) == region.prefix(4)
        }
        return code == region
    }

    private static func period(from row: [String], line: Int) throws(DomainViolation)
        -> DivisionPeriod
    {
        let code = row[0]
        guard code.count == 6, code.allSatisfy(\.isASCIIDigit), row[2].count == 6 else {
            throw TSVTable.invalidRow(
                "gb2260", line: line, "the code and province code must have six digits",
                "代码和省级代码应为 6 位数字")
        }

        let from = Int(row[4])
        let until = Int(row[5])
        guard row[4].isEmpty || from != nil, row[5].isEmpty || until != nil else {
            throw TSVTable.invalidRow(
                "gb2260", line: line, "the validity years must be whole numbers or blank",
                "有效年份应为整数或留空")
        }

        return DivisionPeriod(
            code: code, name: row[1], provinceCode: row[2],
            prefectureCode: row[3].isEmpty ? nil : row[3],
            validFromYear: from, validUntilYear: until)
    }
}
