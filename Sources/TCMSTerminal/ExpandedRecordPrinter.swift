/// One record shown one field per line, `key | value`, like psql's expanded display (`\x`).
///
/// Keys are padded to the widest key by display width, so the separators line up:
///
///     用户登录名 | chen_jingyi
///     用户姓名   | 陈静怡
///
/// A value keeps its line breaks: each line of it starts a new output line under the first, with
/// the key column left blank. With a `maxWidth`, a value line longer than the room beside the keys
/// is wrapped at character boundaries (not at spaces, because Chinese text has none). No part of
/// a value is cut off, but spaces that fall at the end of an output line are dropped. When fewer
/// than `minimumValueWidth` columns remain beside the keys, values are kept whole and the
/// terminal wraps them. Other control characters are shown as symbols, as in `TablePrinter`.
public struct ExpandedRecordPrinter: Sendable {
    /// One line of the record: a field name and its value.
    public struct Field: Sendable, Equatable {
        /// The field name shown on the left, such as "用户姓名".
        public var key: String

        /// The field value shown on the right.
        public var value: String

        /// Creates a field from its name and value.
        public init(_ key: String, _ value: String) {
            self.key = key
            self.value = value
        }
    }

    /// The narrowest room for values that is still worth wrapping into.
    public static let minimumValueWidth = 10

    /// The fields in the order they are printed.
    public var fields: [Field]

    /// The terminal width in columns that value lines are wrapped to, or nil to keep them whole.
    public var maxWidth: Int?

    /// Creates a printer for one record.
    public init(fields: [Field], maxWidth: Int? = nil) {
        self.fields = fields
        self.maxWidth = maxWidth
    }

    /// Renders the record as lines, each ending in "\n". `style` sets the keys in bold.
    public func render(style: Style = .plain) -> String {
        let keys = fields.map { printable($0.key) }
        let keyWidth = keys.map { DisplayWidth.of($0) }.max() ?? 0
        let blankKey = String(repeating: " ", count: keyWidth)
        let separator = TablePrinter.separator

        var valueWidth: Int?
        if let maxWidth {
            let room = maxWidth - keyWidth - DisplayWidth.of(separator)
            valueWidth = room >= Self.minimumValueWidth ? room : nil
        }

        var output = ""
        for (key, field) in zip(keys, fields) {
            let fill = String(repeating: " ", count: keyWidth - DisplayWidth.of(key))
            var prefix = style.bold(key) + fill + separator
            for valueLine in Self.lines(of: field.value, wrappedTo: valueWidth) {
                output += trimmingTrailingSpaces(prefix + valueLine) + "\n"
                prefix = blankKey + separator
            }
        }
        return output
    }

    /// Splits a value at its line breaks (`Character.isNewline`: LF, CR, CRLF, VT, FF, NEL,
    /// U+2028, U+2029), makes each line printable and wraps it to `width` columns if given.
    static func lines(of value: String, wrappedTo width: Int?) -> [String] {
        let valueLines = value.split(
            omittingEmptySubsequences: false, whereSeparator: { $0.isNewline })
        var result: [String] = []
        for valueLine in valueLines {
            let text = printable(String(valueLine))
            if let width {
                result += wrap(text, toWidth: width)
            } else {
                result.append(text)
            }
        }
        return result
    }
}
