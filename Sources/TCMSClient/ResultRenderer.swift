import TCMSJSON
import TCMSTerminal

/// The layout of listings: `on` is one block per record, `off` always a table, and `auto`
/// blocks only when a table would cut amounts, dates or other columns that shrink last.
enum ExpandedDisplay: String {
    case off, on, auto
}

/// Turns a method's result into text in the shell's output format.
///
/// In table format a result with `items` (an array of objects) prints as a table with a page
/// footer, an array of objects as a table, an object as one field per line, and a scalar as it
/// is. CSV writes the same records with every key as a column. JSON prints the result itself.
/// With a `view`, a listing's table shows the view's columns and its CSV every field, nested
/// ones under dotted keys (`seller.name`).
struct ResultRenderer {
    var format: OutputFormat
    /// The terminal width that tables and records fit, or nil for no limit.
    var maxWidth: Int?
    var style: Style
    /// Whether a listing shows one block of `field | value` lines per record (psql's `\x`).
    var expanded = ExpandedDisplay.off
    /// Whether CSV starts with a UTF-8 byte order mark, for spreadsheet programs.
    var byteOrderMark = false
    /// The columns of a listing's table, or nil for every field that is not nested.
    var view: ListingView?

    /// Returns the text to print, ending in a line break unless it is empty.
    func render(_ result: JSON) -> String {
        switch format {
        case .json:
            return result.prettyPrinted() + "\n"
        case .csv:
            return renderCSV(result)
        case .table:
            return renderTable(result)
        }
    }

    private func renderTable(_ result: JSON) -> String {
        if let items = records(in: result) ?? objects(result) {
            let footer = pageFooter(result)
            if expanded == .on {
                return expandedRecords(items, footer: footer)
            }
            if let view {
                let table = viewTable(view, items, footer: footer)
                if expanded == .auto && table.cutsColumnsThatShrinkLast {
                    return expandedRecords(items, footer: footer)
                }
                return table.render(style: style)
            }
            return table(items, footer: footer).render(style: style)
        }
        if let object = result.objectValue {
            let fields = object.members.map { ExpandedRecordPrinter.Field($0.key, cell($0.value)) }
            return ExpandedRecordPrinter(fields: fields, maxWidth: maxWidth).render(style: style)
        }
        if let array = result.arrayValue {
            return array.map { cell($0) + "\n" }.joined()
        }
        return cell(result) + "\n"
    }

    private func renderCSV(_ result: JSON) -> String {
        let writer = CSVWriter(includesByteOrderMark: byteOrderMark)
        if view != nil, let items = records(in: result) ?? objects(result) {
            let flat = items.map { ResultText.flattened($0) }
            var keys: [String] = []
            for row in flat {
                for (key, _) in row where !keys.contains(key) { keys.append(key) }
            }
            let cells = flat.map { row in
                keys.map { key in ResultText.cell(row.first { $0.key == key }?.value ?? .null) }
            }
            return writer.encode(header: keys, rows: cells)
        }
        let rows: [JSONObject]
        if let items = records(in: result) ?? objects(result) {
            rows = items
        } else if let object = result.objectValue {
            rows = [object]
        } else if let array = result.arrayValue {
            return writer.encode(header: nil, rows: array.map { [cell($0)] })
        } else {
            return writer.encode(header: nil, rows: [[cell(result)]])
        }
        let keys = Self.columnKeys(rows)
        let cells = rows.map { row in keys.map { cell(row[$0] ?? .null) } }
        return writer.encode(header: keys, rows: cells)
    }

    /// Builds a table of the view's columns.
    func viewTable(_ view: ListingView, _ rows: [JSONObject], footer: String?) -> TablePrinter {
        var printer = TablePrinter(
            columns: view.columns.map { column in
                TablePrinter.Column(
                    column.title, alignment: column.alignment, shrinksFirst: column.shrinksFirst)
            },
            footer: footer, maxWidth: maxWidth)
        for row in rows {
            printer.addRow(view.columns.map { view.cell($0, of: row) })
        }
        return printer
    }

    /// Renders one block per record, headed `-[ 记录 N ]-`, with the view's columns or every
    /// field.
    private func expandedRecords(_ rows: [JSONObject], footer: String?) -> String {
        var text = ""
        for (index, row) in rows.enumerated() {
            text += style.dim("-[ 记录 \(index + 1) ]-") + "\n"
            let fields: [ExpandedRecordPrinter.Field]
            if let view {
                fields = view.columns.map { .init($0.title, view.cell($0, of: row)) }
            } else {
                fields = ResultText.flattened(row).map { .init($0.key, cell($0.value)) }
            }
            text += ExpandedRecordPrinter(fields: fields, maxWidth: maxWidth).render(style: style)
        }
        if let footer {
            text += footer + "\n"
        }
        return text
    }

    /// The `items` of a listing when it is an array of objects.
    private func records(in result: JSON) -> [JSONObject]? {
        guard let items = result["items"] else { return nil }
        return objects(items)
    }

    private func objects(_ value: JSON) -> [JSONObject]? {
        guard let array = value.arrayValue else { return nil }
        let objects = array.compactMap(\.objectValue)
        return objects.count == array.count ? objects : nil
    }

    /// "共找到 217 条记录 共22页 第1页" when the listing carries `total`, `page` and `pages`.
    func pageFooter(_ result: JSON) -> String? {
        guard let total = result["total"]?.intValue, let page = result["page"]?.intValue,
            let pages = result["pages"]?.intValue
        else { return nil }
        return "共找到 \(total) 条记录 共\(pages)页 第\(page)页"
    }

    /// Builds a table whose columns are the records' keys. A code with a `...Label` beside it
    /// (`status` and `statusLabel`) shows one column, titled with the code's key and holding
    /// the label, because the label is what a clerk reads.
    private func table(_ rows: [JSONObject], footer: String?) -> TablePrinter {
        let keys = Self.columnKeys(rows)
        var shown: [(title: String, key: String)] = []
        for key in keys where !Self.isNested(key, in: rows) {
            if keys.contains(key + "Label") {
                shown.append((key, key + "Label"))
            } else if key.hasSuffix("Label"), keys.contains(String(key.dropLast(5))) {
                continue
            } else {
                shown.append((key, key))
            }
        }

        let columns = shown.map { entry -> TablePrinter.Column in
            let numeric = rows.allSatisfy { row in
                switch row[entry.key] ?? .null {
                case .int, .double, .null: return true
                default: return false
                }
            }
            return TablePrinter.Column(entry.title, alignment: numeric ? .right : .left)
        }
        var printer = TablePrinter(columns: columns, footer: footer, maxWidth: maxWidth)
        for row in rows {
            printer.addRow(shown.map { cell(row[$0.key] ?? .null) })
        }
        return printer
    }

    /// Every key of the records, in the order of first appearance.
    /// True when every row has an object or an array under `key`, or nothing. A table leaves
    /// such columns out, because JSON in a narrow cell cannot be read; the expanded view and the
    /// csv and json formats still show them.
    static func isNested(_ key: String, in rows: [JSONObject]) -> Bool {
        var sawNested = false
        for row in rows {
            switch row[key] ?? .null {
            case .object, .array: sawNested = true
            case .null: continue
            default: return false
            }
        }
        return sawNested
    }

    static func columnKeys(_ rows: [JSONObject]) -> [String] {
        var keys: [String] = []
        for row in rows {
            for key in row.keys where !keys.contains(key) {
                keys.append(key)
            }
        }
        return keys
    }

    private func cell(_ value: JSON) -> String {
        ResultText.cell(value)
    }
}
