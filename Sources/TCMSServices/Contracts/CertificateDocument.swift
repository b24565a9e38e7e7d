import TCMSDomain

/// The registration certificate (技术合同登记证明) of an approved contract, as rows of a label
/// and a value, rendered as HTML that prints on A4 or as aligned plain text.
///
/// NOTE: the layout is the product's own; the ministry's printed certificate form was not at
/// hand, so its exact wording and order may differ.
struct CertificateDocument: Sendable, Equatable {
    static let title = "技术合同登记证明"

    /// One line of the certificate.
    struct Row: Sendable, Equatable {
        let label: String
        let value: String
    }

    let registrationNumber: String
    let rows: [Row]
    /// The office that registered the contract, signed under the rows.
    let officeName: String
    /// The day of the final approval, in Chinese (`2026年4月1日`).
    let approvedOn: String

    /// The whole document as one HTML page: every value is escaped, and `@page` sets A4.
    var html: String {
        let rowsHTML = rows.map { row in
            "<tr><th>\(Self.escape(row.label))</th><td>\(Self.escape(row.value))</td></tr>"
        }.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <title>\(Self.title) \(Self.escape(registrationNumber))</title>
            <style>
            @page { size: A4; margin: 25mm 20mm; }
            body { font-family: "SimSun", "Songti SC", serif; font-size: 12pt; color: #000; }
            h1 { text-align: center; font-size: 22pt; letter-spacing: 0.3em; margin: 0 0 8mm; }
            p.number { text-align: right; margin: 0 0 4mm; }
            table { width: 100%; border-collapse: collapse; }
            th, td { border: 1px solid #000; padding: 3mm 4mm; }
            th, td { text-align: left; vertical-align: top; }
            th { width: 30%; font-weight: normal; white-space: nowrap; }
            p.office, p.date { text-align: right; margin: 10mm 0 0; }
            p.date { margin-top: 3mm; }
            </style>
            </head>
            <body>
            <h1>\(Self.title)</h1>
            <p class="number">合同登记编号：\(Self.escape(registrationNumber))</p>
            <table>
            \(rowsHTML)
            </table>
            <p class="office">登记机构：\(Self.escape(officeName))</p>
            <p class="date">\(Self.escape(approvedOn))</p>
            </body>
            </html>

            """
    }

    /// The document as plain text: labels padded with ideographic spaces (U+3000) to one
    /// width, so the values line up in a monospaced font where every Chinese character is two
    /// columns wide.
    var text: String {
        let width = rows.map(\.label.count).max() ?? 0
        let lines = rows.map { row in
            row.label + String(repeating: "\u{3000}", count: width - row.label.count) + "："
                + row.value
        }
        return ([Self.title, "", "合同登记编号：" + registrationNumber, ""] + lines
            + ["", "登记机构：" + officeName, approvedOn]).joined(separator: "\n") + "\n"
    }

    /// `text` with the five characters that HTML gives meaning to replaced by references.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
