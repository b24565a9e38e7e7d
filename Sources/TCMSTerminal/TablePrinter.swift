/// A text table whose columns line up by display width, for listings in the admin shell.
///
/// The output has a header row, a rule line, one line per row and an optional footer line,
/// with columns separated by `" | "` and no border. A line never ends in a space. Example:
///
///     序号 | 用户姓名 | 用户状态
///     -----+----------+---------
///        1 | 陈静怡   | 正常
///     共找到 1 条记录 共1页 第1页
///
/// With a `maxWidth`, the widest columns give up one column at a time until the table fits,
/// and cells that no longer fit are truncated with "…" (see `truncate(_:toWidth:)`). No column
/// shrinks below `minimumColumnWidth`, so a very narrow terminal may still get wider lines.
/// Columns marked not `shrinksFirst` (numbers, dates) keep their width until every column that
/// does is down to the minimum, because a cut amount or date misleads where a cut name does not.
/// Control characters in titles and cells are shown as symbols (a line feed as `␊`), so a
/// value can neither break the layout nor send escape sequences to the terminal.
public struct TablePrinter: Sendable {
    /// One column: its title in the header row and the side its cells align to.
    public struct Column: Sendable, Equatable {
        /// The text of the header cell.
        public var title: String

        /// The side of the column that the title and the cells align to.
        public var alignment: TextAlignment

        /// Whether the column gives up width before the others when the table is too wide.
        public var shrinksFirst: Bool

        /// Creates a column whose cells align left unless another `alignment` is given.
        public init(_ title: String, alignment: TextAlignment = .left, shrinksFirst: Bool = true) {
            self.title = title
            self.alignment = alignment
            self.shrinksFirst = shrinksFirst
        }
    }

    /// The narrowest a column is made when the table is shrunk to `maxWidth`: room for one
    /// wide character and "…". Columns narrower than this by nature keep their width.
    public static let minimumColumnWidth = 3

    /// The text between two columns.
    public static let separator = " | "

    /// The columns, left to right.
    public let columns: [Column]

    /// The rows added so far, each with one cell per column.
    public private(set) var rows: [[String]] = []

    /// The line printed under the rows, such as "共找到 217 条记录 共22页 第1页". It is never
    /// truncated, but spaces at its end are removed.
    public var footer: String?

    /// The terminal width in columns that the table should fit, or nil for no limit.
    public var maxWidth: Int?

    /// Creates a table without rows. Rows are added with `addRow(_:)`.
    public init(columns: [Column], footer: String? = nil, maxWidth: Int? = nil) {
        self.columns = columns
        self.footer = footer
        self.maxWidth = maxWidth
    }

    /// Appends a row. It must have exactly one cell per column.
    public mutating func addRow(_ cells: [String]) {
        precondition(
            cells.count == columns.count,
            "row has \(cells.count) cells but the table has \(columns.count) columns")
        rows.append(cells)
    }

    /// Renders the table as lines, each ending in "\n". `style` sets the header titles in bold.
    public func render(style: Style = .plain) -> String {
        if columns.isEmpty {
            return footer.map { trimmingTrailingSpaces($0) + "\n" } ?? ""
        }

        let titles = columns.map { printable($0.title) }
        let body = rows.map { $0.map(printable) }
        var widths = naturalWidths()
        if let maxWidth {
            widths = Self.shrink(widths, toFit: maxWidth, only: shrinkingFirst)
            widths = Self.shrink(widths, toFit: maxWidth)
        }

        var lines = [line(titles, widths: widths, decorate: style.bold)]
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "-+-"))
        for row in body {
            lines.append(line(row, widths: widths, decorate: { $0 }))
        }
        if let footer {
            lines.append(trimmingTrailingSpaces(footer))
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// Whether the table fits `maxWidth` only by cutting columns that are not `shrinksFirst`,
    /// which is when a caller may rather show the records one field per line.
    public var cutsColumnsThatShrinkLast: Bool {
        guard let maxWidth else { return false }
        let widths = Self.shrink(naturalWidths(), toFit: maxWidth, only: shrinkingFirst)
        return Self.totalWidth(widths) > maxWidth
    }

    private var shrinkingFirst: Set<Int> {
        Set(columns.indices.filter { columns[$0].shrinksFirst })
    }

    /// Measures each column's widest title or cell.
    private func naturalWidths() -> [Int] {
        var widths = columns.map { DisplayWidth.of(printable($0.title)) }
        for row in rows {
            for (index, cell) in row.enumerated() {
                widths[index] = max(widths[index], DisplayWidth.of(printable(cell)))
            }
        }
        return widths
    }

    /// Returns the display width of a table whose columns have `widths`.
    static func totalWidth(_ widths: [Int]) -> Int {
        widths.reduce(0, +) + DisplayWidth.of(separator) * max(0, widths.count - 1)
    }

    /// Narrows the widest column by one, again and again, until the table fits `maxWidth` or
    /// every column (of `allowed`, when given) is down to `minimumColumnWidth`. Among equally
    /// wide columns the leftmost goes first.
    static func shrink(_ widths: [Int], toFit maxWidth: Int, only allowed: Set<Int>? = nil)
        -> [Int]
    {
        var widths = widths
        while totalWidth(widths) > maxWidth {
            var widest: Int?
            var widestWidth = minimumColumnWidth
            for (index, width) in widths.enumerated()
            where width > widestWidth && allowed?.contains(index) ?? true {
                widest = index
                widestWidth = width
            }
            guard let widest else {
                break
            }
            widths[widest] -= 1
        }
        return widths
    }

    /// Lays out one line of cells: each truncated to its column, decorated, then padded.
    private func line(
        _ cells: [String], widths: [Int], decorate: (String) -> String
    ) -> String {
        var parts: [String] = []
        for (index, cell) in cells.enumerated() {
            let text = truncate(cell, toWidth: widths[index])
            let fill = String(repeating: " ", count: max(0, widths[index] - DisplayWidth.of(text)))
            switch columns[index].alignment {
            case .left:
                parts.append(decorate(text) + fill)
            case .right:
                parts.append(fill + decorate(text))
            }
        }
        return trimmingTrailingSpaces(parts.joined(separator: Self.separator))
    }
}
