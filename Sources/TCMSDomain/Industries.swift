/// GB/T 4754-2017 national economic industry classification (国民经济行业分类).
public struct Industries: Sendable {
    static let header = ["code", "level", "name", "parent"]

    /// The embedded list, parsed on first use.
    public static let standard: Industries = {
        do {
            return try Industries(tsv: GB4754Data.tsv)
        } catch {
            fatalError("The embedded GB/T 4754 list is invalid: \(error)")
        }
    }()

    private let byCode: [String: Industry]

    /// Parses a list in the `gb4754-2017.tsv` format.
    public init(tsv: String) throws(DomainViolation) {
        try self.init(table: TSVTable(text: tsv, expectedHeader: Self.header, listName: "gb4754"))
    }

    /// Loads a list in the `gb4754-2017.tsv` format from `path`.
    public static func load(path: String) throws(DomainViolation) -> Industries {
        try Industries(
            table: TSVTable(contentsOf: path, expectedHeader: header, listName: "gb4754"))
    }

    private init(table: TSVTable) throws(DomainViolation) {
        var byCode: [String: Industry] = [:]

        for (index, row) in table.rows.enumerated() {
            guard let level = IndustryLevel(rawValue: row[1]) else {
                throw TSVTable.invalidRow(
                    "gb4754", line: index + 2,
                    "the level must be section, division, group or class",
                    "层级应为 section、division、group 或 class")
            }
            byCode[row[0]] = Industry(
                code: row[0], level: level, name: row[2], parent: row[3].isEmpty ? nil : row[3])
        }

        self.byCode = byCode
    }

    /// Number of codes at all levels.
    public var count: Int {
        byCode.count
    }

    /// Returns all codes of one level, sorted by code.
    public func all(at level: IndustryLevel) -> [Industry] {
        byCode.values.filter { $0.level == level }.sorted { $0.code < $1.code }
    }

    /// Returns the entry for `code` (`6513`, `65`, `I`), or nil for an unknown code.
    public func industry(_ code: String) -> Industry? {
        byCode[code]
    }

    /// Returns the Chinese name of `code`.
    public func name(of code: String) -> String? {
        byCode[code]?.name
    }

    /// Returns the level of `code`.
    public func level(of code: String) -> IndustryLevel? {
        byCode[code]?.level
    }

    /// Returns the code one level up.
    public func parent(of code: String) -> String? {
        byCode[code]?.parent
    }

    /// Tells whether `code` is a four-digit class (小类).
    public func isClass(_ code: String) -> Bool {
        byCode[code]?.level == .class
    }

    /// Returns the section letter above `code`, or the code itself for a section.
    public func section(of code: String) -> String? {
        var current = byCode[code]
        while let entry = current, entry.level != .section {
            current = entry.parent.flatMap { byCode[$0] }
        }
        return current?.code
    }

    /// Returns the section letter followed by the code (`I6513`), the combined form many other
    /// systems use; nil for an unknown code.
    public func combinedCode(of code: String) -> String? {
        guard let section = section(of: code) else {
            return nil
        }
        return section == code ? code : section + code
    }
}
