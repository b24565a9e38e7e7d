import TCMSJSON
import TCMSRPC
import TCMSStorage

/// The steps every `import.*` method shares: reading the `{line, record}` items of a call,
/// storing each line in its own savepoint, and the `{accepted, unchanged, rejected}` reply.
enum ImportBatch {
    /// A rejected line: its number in the file and why.
    typealias Rejection = (line: Int64, error: RPCError)

    /// Reads `params.lines` and gives each record to `read`; returns the lines read and the
    /// records `read` refused. Throws `too_many_lines` and `invalid_line_item`.
    static func read<Line>(
        _ params: Params, _ read: (JSONObject, Int64) -> Result<Line, RPCError>
    ) throws -> (valid: [Line], rejected: [Rejection]) {
        let items = params["lines"]?.arrayValue ?? []
        guard items.count <= ImportMethods.maxLinesPerCall else {
            throw RPCError.invalidParams(
                "params.lines contains \(items.count) items; send at most "
                    + "\(ImportMethods.maxLinesPerCall) per call",
                field: "params.lines", reason: "too_many_lines")
        }

        var rejected: [Rejection] = []
        var valid: [Line] = []
        for (index, item) in items.enumerated() {
            guard let number = item["line"]?.intValue, let object = item["record"]?.objectValue
            else {
                throw RPCError.invalidParams(
                    "params.lines[\(index)] must be {line: integer, record: object}",
                    field: "params.lines", reason: "invalid_line_item")
            }
            switch read(object, number) {
            case .success(let line): valid.append(line)
            case .failure(let error): rejected.append((number, error))
            }
        }
        return (valid, rejected)
    }

    /// Stores each line in its own savepoint inside the caller's write job: `store` returns
    /// true for a new record and false for one already there, and a line it refuses is rolled
    /// back alone.
    static func storeEach<Line>(
        _ lines: [Line], number: (Line) -> Int64, in database: Database,
        _ store: (Line) throws -> Bool
    ) throws -> (accepted: Int, unchanged: Int, rejected: [Rejection]) {
        var accepted = 0
        var unchanged = 0
        var rejections: [Rejection] = []
        for line in lines {
            try database.execute("SAVEPOINT import_line")
            do {
                if try store(line) {
                    accepted += 1
                } else {
                    unchanged += 1
                }
                try database.execute("RELEASE import_line")
            } catch let error as RPCError {
                try database.execute("ROLLBACK TO import_line")
                try database.execute("RELEASE import_line")
                rejections.append((number(line), error))
            }
        }
        return (accepted, unchanged, rejections)
    }

    /// Builds the reply of an import call, with the rejections in line order.
    static func reply(accepted: Int, unchanged: Int, rejected: [Rejection]) -> JSON {
        let all = rejected.sorted { $0.line < $1.line }
        return [
            "accepted": .int(Int64(accepted)),
            "unchanged": .int(Int64(unchanged)),
            "rejected": .array(all.map { entry in
                var object = entry.error.json["data"]?.objectValue ?? JSONObject()
                object["line"] = .int(entry.line)
                object["message"] = .string(entry.error.message)
                return .object(object)
            }),
        ]
    }
}
