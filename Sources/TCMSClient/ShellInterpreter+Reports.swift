import TCMSJSON
import TCMSTerminal

/// `dashboard` and `stats BY...`: thin renderers of `dashboard.get` and `stats.contracts`
/// that print whatever panes and groups the daemon returns.
///
/// The renderers read `{panes: [{key, label, count, newest}]}` and `{groups: [...]}`; the stats
/// grouping param is `by` (`groupBy` and `groups` are accepted too).
extension ShellInterpreter {
    /// `dashboard [PARAMS]`: one line per pane with its count, then each pane's newest items.
    func showDashboard(_ arguments: String) throws {
        let method = "dashboard.get"
        try requireMethod(method)
        let result = try fetch(method, try params(for: method, arguments))
        let renderer = renderer()
        guard renderer.format == .table,
            let shown = ReportViews.dashboard(result, renderer: renderer)
        else {
            try emit(renderer.render(result))
            return
        }
        rememberShown(shown.ids)
        showingContracts = true
        try emit(shown.text)
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
        guard renderer.format != .json,
            let text = ReportViews.statistics(result, renderer: renderer)
        else {
            try emit(renderer.render(result))
            return
        }
        try emit(text)
    }

    /// The params of a method from `name=value` words, with filter words moved into `filter`
    /// when the method is a listing.
    func params(for method: String, _ text: String) throws -> JSONObject {
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
}
