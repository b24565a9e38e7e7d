/// Comma-separated values as RFC 4180 defines them, for `--format csv`.
///
/// Records end in CRLF. A field is enclosed in double quotes when it contains a comma, a double
/// quote, CR or LF, and each double quote inside it is doubled. Every other field is written
/// as it is, so leading and trailing spaces are kept and nothing is ever padded. A record of one
/// empty field is written as `""`, so that it does not read back as an empty line.
///
/// NOTE: fields are written verbatim, including those that start with `=`, `+`, `-` or `@`,
/// which spreadsheet programs may evaluate as formulas when the file is opened in one.
public struct CSVWriter: Sendable {
    /// U+FEFF, written first so that spreadsheet programs read the file as UTF-8. Without it,
    /// Excel on Chinese Windows reads a CSV file in the legacy code page GBK.
    public static let byteOrderMark = "\u{FEFF}"

    /// Whether `encode(header:rows:)` starts its output with `byteOrderMark`.
    public var includesByteOrderMark: Bool

    /// Creates a writer that writes no byte order mark unless `includesByteOrderMark` is true.
    public init(includesByteOrderMark: Bool = false) {
        self.includesByteOrderMark = includesByteOrderMark
    }

    /// Encodes a whole document: the byte order mark if enabled, the header record if given,
    /// then one record per row.
    public func encode(header: [String]?, rows: [[String]]) -> String {
        var output = includesByteOrderMark ? Self.byteOrderMark : ""
        if let header {
            output += Self.encodeRecord(header)
        }
        for row in rows {
            output += Self.encodeRecord(row)
        }
        return output
    }

    /// Encodes one record, CRLF included, for callers that write records as they arrive.
    public static func encodeRecord(_ fields: [String]) -> String {
        if fields == [""] {
            return "\"\"\r\n"
        }
        return fields.map(encodeField).joined(separator: ",") + "\r\n"
    }

    /// Encodes one field, quoting it only when RFC 4180 requires.
    public static func encodeField(_ field: String) -> String {
        // Scan the UTF-8 bytes, not the Characters: "\r\n" is one Character in Swift, and it
        // would match neither "\r" nor "\n".
        let needsQuotes = field.utf8.contains { byte in
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"")
                || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
        }
        if !needsQuotes {
            return field
        }

        // Double quotes are doubled per code point: a quote followed by a combining mark is
        // one Character, and comparing Characters would miss it.
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in field.unicodeScalars {
            quoted.append(scalar)
            if scalar == "\"" {
                quoted.append(scalar)
            }
        }
        quoted.append("\"")
        return String(quoted)
    }
}
