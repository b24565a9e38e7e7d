import TCMSJSON
import TCMSTerminal

/// The clerk's contract commands: `contract show|receive|approve|return`, `receive`, and the
/// explicit `access` forms of the application decisions.
extension ShellInterpreter {
    func runContractCommand(_ arguments: String) throws {
        let (action, rest) = ShellSyntax.firstWord(of: arguments)
        switch action {
        case "show": try showContract(rest)
        case "receive": try receiveText(rest)
        case "approve": try approveContract(rest)
        case "return": try returnContract(rest)
        case _ where Int64(action) != nil && rest.isEmpty:
            try showContract(action)
        default:
            throw ShellUsageError(
                (action.isEmpty ? "contract needs an action" : "unknown contract action \(action)")
                    + "; usage: \(ShellCommand.contract.usage)")
        }
    }

    /// `contract show N`: every field one per line, then the history as a table.
    func showContract(_ arguments: String) throws {
        let words = try ShellSyntax.words(arguments)
        guard words.count == 1 else {
            throw ShellUsageError("usage: contract show N")
        }
        let id = try Self.recordID(words[0], of: "contract")
        let result = try fetch("contract.get", ["contractId": .int(id)])
        showingContracts = true
        rememberShown([String(id)])

        let renderer = renderer(view: ContractViews.history)
        guard renderer.format == .table, let contract = result.objectValue else {
            try emit(renderer.render(renderer.format == .csv ? .array([result]) : result))
            return
        }
        var text = ExpandedRecordPrinter(
            fields: ContractViews.fields(of: contract), maxWidth: renderer.maxWidth
        ).render(style: style)
        let steps = ContractViews.historyRows(of: contract)
        if !steps.isEmpty {
            text += "\n" + style.bold("历史记录") + "\n"
            text += renderer.render(.array(steps.map(JSON.object)))
        }
        try emit(text)
    }

    /// `receive N` and `contract receive N`: the office has the signed paper text.
    func receiveText(_ arguments: String) throws {
        let words = try ShellSyntax.words(arguments)
        guard words.count == 1 else {
            throw ShellUsageError("usage: \(ShellCommand.receive.usage)")
        }
        let id = try Self.recordID(words[0], of: "contract")
        try decide("contract.receiveText", ["contractId": .int(id)])
    }

    /// `contract approve N AMOUNT`; a second approval may leave the amount out.
    private func approveContract(_ arguments: String) throws {
        let words = try ShellSyntax.words(arguments)
        guard words.count == 1 || words.count == 2 else {
            throw ShellUsageError("usage: contract approve N [AMOUNT], such as "
                + "contract approve 17 900000.00 (the verified 技术交易额 in yuan)")
        }
        var params: JSONObject = ["contractId": .int(try Self.recordID(words[0], of: "contract"))]
        if words.count == 2 {
            params["techAmount"] = .string(try Self.yuan(words[1]))
        }
        try decide("contract.approve", params)
    }

    /// `contract return N GROUND... [-- NOTE]`: grounds as codes or labels, then a note.
    private func returnContract(_ arguments: String) throws {
        var words = try ShellSyntax.words(arguments)
        var note: String?
        if let dashes = words.firstIndex(of: "--") {
            note = words[(dashes + 1)...].joined(separator: " ")
            words.removeSubrange(dashes...)
        }
        guard words.count >= 2 else {
            let grounds = codes.codes("return_ground")
                .map { "\($0.code) (\($0.label))" }.joined(separator: ", ")
            throw ShellUsageError(
                "usage: contract return N GROUND... [-- NOTE]; the grounds are "
                    + (grounds.isEmpty ? "listed by contract.returnGrounds" : grounds))
        }
        let grounds = words.dropFirst().map { JSON.string(codes.code($0, in: "return_ground")) }
        var params: JSONObject = [
            "contractId": .int(try Self.recordID(words[0], of: "contract")),
            "reasons": .array(Array(grounds)),
        ]
        if let note, !note.isEmpty {
            params["note"] = .string(note)
        }
        try decide("contract.return", params)
    }

    /// Runs a decision on a contract and shows the contract's status after it.
    private func decide(_ method: String, _ params: JSONObject) throws {
        let result = try fetch(method, params)
        showingContracts = true
        let renderer = renderer(view: ContractViews.decision)
        guard renderer.format == .table, let contract = result.objectValue else {
            try emit(renderer.render(result))
            return
        }
        let fields = ContractViews.decision.columns.compactMap { column in
            let text = ContractViews.decision.cell(column, of: contract)
            return text.isEmpty ? nil : ExpandedRecordPrinter.Field(column.title, text)
        }
        try emit(
            ExpandedRecordPrinter(fields: fields, maxWidth: renderer.maxWidth).render(style: style))
    }

    /// `access show N`, `access approve N`, `access return N REASON`.
    func runAccessCommand(_ arguments: String) throws {
        let (action, rest) = ShellSyntax.firstWord(of: arguments)
        let words = try ShellSyntax.words(rest)
        let usage = ShellUsageError("usage: \(ShellCommand.access.usage)")
        guard let first = words.first else { throw usage }
        let id = JSON.int(try Self.recordID(first, of: "application"))
        switch action {
        case "show" where words.count == 1:
            try call("access.get", ["applicationId": id])
        case "approve" where words.count == 1:
            try call("access.approve", ["applicationId": id])
        case "return" where words.count >= 2:
            let reason = words.dropFirst().joined(separator: " ")
            try call("access.return", ["applicationId": id, "reason": .string(reason)])
        default:
            throw usage
        }
        showingContracts = false
    }

    /// Refuses the bare `approve N` and `return N REASON`, which decide on system-access
    /// applications, while the records on screen are contracts: a clerk who just read the
    /// inbox means the contract with that number.
    func checkDecisionShortcut(_ shortcut: ShellShortcut) throws {
        guard shortcut.method.hasPrefix("access."), showingContracts else { return }
        let verb = shortcut.name
        throw ShellUsageError(
            "\(verb) N decides on a system-access application, but the records shown are "
                + "contracts: type contract \(verb) N \(verb == "approve" ? "AMOUNT" : "GROUND...")"
                + " for a contract, or access \(verb) N for an application")
    }

    /// Parses a record id typed by the clerk: a whole number from 1.
    static func recordID(_ word: String, of kind: String) throws -> Int64 {
        guard let id = Int64(word), id >= 1 else {
            throw ShellUsageError("\(word) is not a \(kind) number; type the number shown in "
                + "the first column of the listing")
        }
        return id
    }

    /// Writes an amount in yuan as the daemon takes it, with exactly two decimals: `900000`
    /// gives "900000.00" and `900,000.5` gives "900000.50".
    static func yuan(_ word: String) throws -> String {
        let text = word.replacingOccurrences(of: ",", with: "")
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let digits = parts.allSatisfy { $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
        guard digits, (1...2).contains(parts.count), !parts[0].isEmpty,
            parts.count == 1 || (1...2).contains(parts[1].count)
        else {
            throw ShellUsageError(
                "\(word) is not an amount in yuan; write it like 900000.00")
        }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        return parts[0] + "." + fraction.padding(toLength: 2, withPad: "0", startingAt: 0)
    }
}
