import TCMSJSON
import TCMSTerminal

/// The text of `dashboard` and `stats BY...`. Both read only what they find, so a pane or a
/// group with more or fewer fields than expected still prints.
enum ReportViews {
    /// Renders the dashboard as a table of panes and counts, then each pane's newest items,
    /// and returns the ids shown. Returns nil when the result has no `panes`, so that the
    /// caller prints it as it is.
    static func dashboard(_ result: JSON, renderer: ResultRenderer)
        -> (text: String, ids: [String])?
    {
        guard let panes = result["panes"]?.arrayValue else { return nil }
        var summary = TablePrinter(
            columns: [.init("项目"), .init("数量", alignment: .right)], maxWidth: renderer.maxWidth)
        for pane in panes {
            summary.addRow([paneTitle(pane), ResultText.cell(pane["count"] ?? .null)])
        }
        var text = summary.render(style: renderer.style)
        var ids: [String] = []
        for pane in panes {
            let newest = (pane["newest"]?.arrayValue ?? []).compactMap(\.objectValue)
            guard !newest.isEmpty else { continue }
            ids += ListingView.ids(of: newest)
            text += "\n" + renderer.style.bold(paneTitle(pane)) + "\n"
            text += renderer.viewTable(newestView(newest), newest, footer: nil)
                .render(style: renderer.style)
        }
        return (text, ids)
    }

    /// Renders the groups of `stats.contracts` as a table or CSV, with nested keys spread out
    /// (`key.category`). A table is followed by the result's other fields, such as totals.
    /// Returns nil when the result has no `groups`.
    static func statistics(_ result: JSON, renderer: ResultRenderer) -> String? {
        guard let groups = result["groups"]?.arrayValue else { return nil }
        let rows = groups.compactMap(\.objectValue).map { row in
            JSON.object(JSONObject(ResultText.flattened(row).map { ($0.key, $0.value) }))
        }
        var text = renderer.render(.array(rows))
        guard renderer.format == .table else { return text }
        var others = JSONObject()
        for (key, value) in result.objectValue?.members ?? [] where key != "groups" {
            others[key] = value
        }
        if !others.isEmpty {
            text += "\n" + renderer.render(.object(others))
        }
        return text
    }

    private static func paneTitle(_ pane: JSON) -> String {
        pane["label"]?.stringValue ?? pane["key"]?.stringValue ?? ""
    }

    /// Picks the columns of a pane's newest items: the known ones present, else every field.
    private static func newestView(_ items: [JSONObject]) -> ListingView {
        let known: [ListingView.Column] = [
            .init("编号", "contractId", alignment: .right), .init("编号", "id", alignment: .right),
            .init("合同名称", "title", shrinksFirst: true), .init("状态", "status"),
            .init("时间", "at"),
        ]
        let present = known.filter { column in items.contains { $0[column.path[0]] != nil } }
        if !present.isEmpty {
            return ListingView(columns: present)
        }
        let keys = ResultRenderer.columnKeys(items)
        return ListingView(columns: keys.map { ListingView.Column($0, $0) })
    }
}
