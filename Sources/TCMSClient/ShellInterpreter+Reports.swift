import TCMSJSON
import TCMSTerminal

/// `dashboard` and `stats BY...`: thin renderers of `dashboard.get` and `stats.contracts`
/// that print whatever panes and groups the daemon returns.
extension ShellInterpreter {
    /// `dashboard [PARAMS]`: one line per pane with its count, then each pane's newest items.
    func showDashboard(_ arguments: String) throws {
        let method = "dashboard.get"
        try requireMethod(method)
        let result = try fetch(method, try params(for: method, arguments))
        let renderer = renderer()
        guard renderer.format == .table, let panes = result["panes"]?.arrayValue else {
            output.write(renderer.render(result))
            return
        }

        var summary = TablePrinter(
            columns: [.init("项目"), .init("数量", alignment: .right)], maxWidth: renderer.maxWidth)
        for pane in panes {
            summary.addRow([Self.paneTitle(pane), ResultText.cell(pane["count"] ?? .null)])
        }
        var text = summary.render(style: style)
        var ids: [String] = []
        for pane in panes {
            let newest = (pane["newest"]?.arrayValue ?? []).compactMap(\.objectValue)
            guard !newest.isEmpty else { continue }
            ids += ListingView.ids(of: newest)
            text += "\n" + style.bold(Self.paneTitle(pane)) + "\n"
            text += renderer.viewTable(Self.newestView(newest), newest, footer: nil)
                .render(style: style)
        }
        rememberShown(ids)
        showingContracts = true
        output.write(text)
    }

    /// `stats BY... [FILTERS]`: `stats.contracts` grouped by the words without `=`.
    func contractStatistics(_ arguments: String) throws {
        let method = "stats.contracts"
        try requireMethod(method)
        let words = ShellSyntax.rawWords(arguments)
        let groups = words.filter { !$0.contains("=") && !$0.contains("~") }
        let rest = words.filter { $0.contains("=") || $0.contains("~") }
        var params = try self.params(for: method, rest.joined(separator: " "))

        let declared = session.catalog.method(named: method)?.params ?? []
        let groupParam = declared.first { ["by", "groupBy", "groups"].contains($0.name) }
        if !groups.isEmpty {
            let name = groupParam?.name ?? "by"
            params[name] = groupParam?.type == "string"
                ? .string(groups.joined(separator: ","))
                : .array(groups.map { .string($0) })
        }

        let result = try fetch(method, params)
        let renderer = renderer()
        let rows = (result["groups"]?.arrayValue ?? []).compactMap(\.objectValue)
        guard renderer.format != .json, !rows.isEmpty || result["groups"] != nil else {
            output.write(renderer.render(result))
            return
        }
        let flat = rows.map { row in JSONObject(ResultText.flattened(row).map { ($0.key, $0.value) }) }
        output.write(renderer.render(.array(flat.map(JSON.object))))
        if renderer.format == .table {
            var totals = JSONObject()
            for (key, value) in result.objectValue?.members ?? [] where key != "groups" {
                totals[key] = value
            }
            if !totals.isEmpty {
                output.write("\n" + renderer.render(.object(totals)))
            }
        }
    }

    /// The params of a method from `name=value` words, with filter words moved into `filter`
    /// when the method is a listing.
    private func params(for method: String, _ text: String) throws -> JSONObject {
        let declared = session.catalog.method(named: method)?.params ?? []
        let stringParams = Set(declared.filter { $0.type == "string" }.map(\.name))
        let isListing = declared.contains { $0.name == "filter" }
        var params = try ShellSyntax.parseParams(
            text, stringParams: stringParams, skippingFilterWords: isListing)
        if isListing {
            params = try ShellSyntax.movingFilterWords(
                params, declared: Set(declared.map(\.name)), text: text)
        }
        return params
    }

    private func requireMethod(_ method: String) throws {
        guard session.catalog.method(named: method) != nil else {
            output.diagnose(
                "error: the daemon at \(session.socketPath) has no method \(method) for "
                    + "\(session.role); it may be an older version")
            throw CommandFailed()
        }
    }

    private static func paneTitle(_ pane: JSON) -> String {
        pane["label"]?.stringValue ?? pane["key"]?.stringValue ?? ""
    }

    /// The columns of a pane's newest items: the known ones that are there, else every field.
    private static func newestView(_ items: [JSONObject]) -> ListingView {
        let known: [ListingView.Column] = [
            .init("编号", "contractId", alignment: .right), .init("编号", "id", alignment: .right),
            .init("合同名称", "title", shrinksFirst: true), .init("状态", "status"), .init("时间", "at"),
        ]
        let present = known.filter { column in items.contains { $0[column.path[0]] != nil } }
        if !present.isEmpty {
            return ListingView(columns: present)
        }
        let keys = ResultRenderer.columnKeys(items)
        return ListingView(columns: keys.map { ListingView.Column($0, $0) })
    }
}
