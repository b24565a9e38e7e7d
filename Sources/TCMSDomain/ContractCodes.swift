/// The registration form's classification lists (contract category and sub-type, party
/// nature, technology field, IP type, payment method, enterprise size).
public struct ContractCodes: Sendable {
    static let header = ["list", "code", "name", "parent", "confirmed"]

    /// A file that replaces the embedded lists. The daemon sets it once at start, after
    /// checking the file with `load(path:)` and before anything reads `standard`.
    nonisolated(unsafe) public static var replacementPath: String?

    /// The lists in force: the operator's file when `replacementPath` is set, else the
    /// embedded lists; parsed on first use.
    public static let standard: ContractCodes = {
        do {
            if let path = replacementPath { return try load(path: path) }
            return try ContractCodes(tsv: ContractCodesData.tsv)
        } catch {
            fatalError("The contract code lists are invalid: \(error)")
        }
    }()

    private let byList: [ContractCodeList: [ContractCode]]

    /// Parses lists in the `contract-codes.tsv` format.
    public init(tsv: String) throws(DomainViolation) {
        try self.init(
            table: TSVTable(text: tsv, expectedHeader: Self.header, listName: "contract-codes"))
    }

    /// Loads lists in the `contract-codes.tsv` format from `path`.
    public static func load(path: String) throws(DomainViolation) -> ContractCodes {
        try ContractCodes(
            table: TSVTable(contentsOf: path, expectedHeader: header, listName: "contract-codes"))
    }

    private init(table: TSVTable) throws(DomainViolation) {
        var byList: [ContractCodeList: [ContractCode]] = [:]

        for (index, row) in table.rows.enumerated() {
            guard let list = ContractCodeList(rawValue: row[0]),
                row[4] == "yes" || row[4] == "no"
            else {
                throw TSVTable.invalidRow(
                    "contract-codes", line: index + 2,
                    "unknown list name or a confirmed value other than yes or no",
                    "列表名称未知，或 confirmed 不是 yes 或 no")
            }
            let code = ContractCode(
                list: list, code: row[1], label: row[2], parent: row[3].isEmpty ? nil : row[3],
                confirmed: row[4] == "yes")
            byList[list, default: []].append(code)
        }

        self.byList = byList
    }

    /// Returns all codes of `list`, in file order.
    public func codes(in list: ContractCodeList) -> [ContractCode] {
        byList[list] ?? []
    }

    /// Returns the entry for `code` in `list`, or nil for an unknown code.
    public func code(_ code: String, in list: ContractCodeList) -> ContractCode? {
        codes(in: list).first { $0.code == code }
    }

    /// Tells whether `code` exists in `list`.
    public func contains(_ code: String, in list: ContractCodeList) -> Bool {
        self.code(code, in: list) != nil
    }

    /// Returns the Chinese label of `code` in `list`.
    public func label(of code: String, in list: ContractCodeList) -> String? {
        self.code(code, in: list)?.label
    }

    /// Returns the parent code of `code` in `list`.
    public func parent(of code: String, in list: ContractCodeList) -> String? {
        self.code(code, in: list)?.parent
    }

    /// Returns the codes of `list` whose parent is `parent`.
    public func children(of parent: String, in list: ContractCodeList) -> [ContractCode] {
        codes(in: list).filter { $0.parent == parent }
    }
}
