import Foundation

/// A parsed tab-separated code list: one header row, then rows with exactly as many fields.
///
/// This is the format of every national list the module embeds: UTF-8, no quoting, no field
/// containing a tab or newline. Operators may replace a list with a file of the same format.
struct TSVTable: Sendable {
    let header: [String]
    let rows: [[String]]

    /// Parses `text`, requiring the header to equal `expectedHeader`.
    ///
    /// A trailing carriage return on each line is dropped, so a file saved with CRLF line ends
    /// still loads. Blank lines at the end are ignored.
    init(text: String, expectedHeader: [String], listName: String) throws(DomainViolation) {
        var lines = Self.split(text, at: "\n").map { line in
            line.unicodeScalars.last == "\r" ? String(line.unicodeScalars.dropLast()) : line
        }
        while let last = lines.last, last.isEmpty {
            lines.removeLast()
        }

        guard let first = lines.first else {
            throw Self.invalidRow(listName, line: 1, "the file is empty", "文件为空")
        }
        let header = Self.fields(of: first)
        guard header == expectedHeader else {
            let expected = expectedHeader.joined(separator: ", ")
            throw Self.invalidRow(
                listName, line: 1, "the header must be the columns \(expected)",
                "表头应为以下列：\(expected)")
        }

        var rows: [[String]] = []
        rows.reserveCapacity(lines.count - 1)
        for (index, line) in lines.enumerated().dropFirst() {
            let row = Self.fields(of: line)
            guard row.count == header.count else {
                throw Self.invalidRow(
                    listName, line: index + 1,
                    "expected \(header.count) tab-separated fields, found \(row.count)",
                    "应有 \(header.count) 个以制表符分隔的字段，实际为 \(row.count) 个")
            }
            rows.append(row)
        }

        self.header = header
        self.rows = rows
    }

    /// Reads and parses the file at `path`, for an operator-supplied replacement list.
    init(contentsOf path: String, expectedHeader: [String], listName: String)
        throws(DomainViolation)
    {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw DomainViolation(
                reason: "code_list_unreadable",
                message: "Failed to read the \(listName) list from \(path) as UTF-8 text.",
                messageZh: "无法以 UTF-8 文本读取代码表 \(listName)：\(path)。")
        }
        try self.init(text: text, expectedHeader: expectedHeader, listName: listName)
    }

    private static func fields(of line: String) -> [String] {
        split(line, at: "\t")
    }

    /// Splits on an ASCII separator's byte rather than a `Character`, because Swift treats
    /// "\r\n" as one character that would never equal "\n". An ASCII byte never occurs
    /// inside a multi-byte UTF-8 sequence, and slicing bytes keeps the daemon's start-up
    /// short: the division list alone has thousands of rows.
    private static func split(_ text: String, at separator: Unicode.Scalar) -> [String] {
        precondition(separator.isASCII, "TSV separators are ASCII")
        return text.utf8.split(
            separator: UInt8(separator.value), omittingEmptySubsequences: false
        ).map { String(Substring($0)) }
    }

    /// Builds the violation for line `line` of the list `listName`.
    static func invalidRow(
        _ listName: String, line: Int, _ english: String, _ chinese: String
    ) -> DomainViolation {
        DomainViolation(
            reason: "invalid_code_list",
            message: "Invalid \(listName) list, line \(line): \(english).",
            messageZh: "代码表 \(listName) 第 \(line) 行无效：\(chinese)。")
    }
}
