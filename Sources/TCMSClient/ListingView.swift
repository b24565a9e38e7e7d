import TCMSJSON
import TCMSTerminal

/// The columns a listing's table shows, each picked from the records by a key path, so a
/// contract listing shows eight readable columns instead of fifty raw fields.
struct ListingView {
    struct Column {
        let title: String
        /// The keys leading to the value: `["seller", "name"]` is `seller.name`.
        let path: [String]
        let alignment: TextAlignment
        /// Whether the column is cut before the others in a narrow terminal: names and titles
        /// are, numbers and dates only when nothing else is left to cut.
        let shrinksFirst: Bool

        init(
            _ title: String, _ path: String, alignment: TextAlignment = .left,
            shrinksFirst: Bool = false
        ) {
            self.title = title
            self.path = path.split(separator: ".").map(String.init)
            self.alignment = alignment
            self.shrinksFirst = shrinksFirst
        }
    }

    let columns: [Column]

    /// Returns the text of `column` in `record`. A code with a `...Label` beside it shows the
    /// label, because the label is what a clerk reads. An array shows its items' labels.
    func cell(_ column: Column, of record: JSONObject) -> String {
        var container = record
        for key in column.path.dropLast() {
            guard let inner = container[key]?.objectValue else { return "" }
            container = inner
        }
        guard let last = column.path.last else { return "" }
        if let label = container[last + "Label"]?.stringValue, !label.isEmpty {
            return label
        }
        let value = container[last] ?? .null
        if let array = value.arrayValue {
            return array.map { $0["label"]?.stringValue ?? ResultText.cell($0) }
                .joined(separator: "；")
        }
        return ResultText.cell(value)
    }

    /// Collects the ids of the records, for completing `contract show N` and the like.
    static func ids(of records: [JSONObject]) -> [String] {
        records.compactMap { record in
            (record["id"] ?? record["contractId"] ?? record["applicationId"])?.intValue
                .map(String.init)
        }
    }
}

/// Text conversions of single values and nested records.
enum ResultText {
    /// Converts one value to text: strings as they are, null as nothing, containers as JSON.
    static func cell(_ value: JSON) -> String {
        switch value {
        case .null: return ""
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double, .array, .object: return value.encodedString()
        }
    }

    /// Lists the fields of a record in order, with nested objects spread out under dotted
    /// keys (`seller.name`). Arrays stay whole.
    static func flattened(_ record: JSONObject, prefix: String = "")
        -> [(key: String, value: JSON)]
    {
        var fields: [(key: String, value: JSON)] = []
        for (key, value) in record.members {
            if let inner = value.objectValue {
                fields += flattened(inner, prefix: prefix + key + ".")
            } else {
                fields.append((prefix + key, value))
            }
        }
        return fields
    }
}
