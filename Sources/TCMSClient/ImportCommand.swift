import Foundation
import TCMSJSON

/// `tcms import persons|entities|authorizations|contracts FILE.jsonl`: sends the file's lines in
/// batches to the operator-only `import.<kind>` method, prints a progress line per batch on
/// stderr and a report on stdout: how many lines were accepted or unchanged, and every rejected
/// line with its number and reason.
///
/// Lines that are not valid UTF-8 or not one JSON object are rejected here, by line number,
/// and never sent; blank lines are skipped.
public enum ImportCommand {
    /// Lines per request: large enough to keep the round trips few, small enough to stay far
    /// under the daemon's 1 MiB line limit with the fixture's lines of about 450 bytes.
    public static let batchSize = 200

    public static let kinds = ["persons", "entities", "authorizations", "contracts"]

    /// One rejected line as the report prints it.
    struct Rejection {
        let line: Int
        let reason: String
        let field: String?
        let message: String
    }

    public static func run(socketPath: String, kind: String, path: String) -> Int32 {
        guard kinds.contains(kind) else {
            printError("tcms import: unknown kind \(kind); expected \(kinds.joined(separator: ", "))")
            return ExitCode.usage
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            printError("tcms import: cannot read \(path)")
            return ExitCode.failure
        }

        let client: RPCClient
        do {
            client = try RPCClient(path: socketPath)
        } catch {
            printError("tcms import: \(error)")
            return ExitCode.unavailable
        }

        var rejections: [Rejection] = []
        var items: [(line: Int, record: JSONObject)] = []
        for (index, bytes) in lines(of: [UInt8](data)).enumerated() {
            let number = index + 1
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            switch parseLine(bytes) {
            case .success(let object): items.append((number, object))
            case .failure(let rejection):
                rejections.append(
                    Rejection(line: number, reason: rejection.reason, field: nil,
                              message: rejection.message))
            }
        }

        var accepted: Int64 = 0
        var unchanged: Int64 = 0
        let method = "import.\(kind)"
        var sent = 0
        for start in stride(from: 0, to: items.count, by: batchSize) {
            let batch = items[start..<min(start + batchSize, items.count)]
            let lines = batch.map { item -> JSON in
                ["line": .int(Int64(item.line)), "record": .object(item.record)]
            }
            let result: JSON
            do {
                result = try client.call(method, ["lines": .array(lines)])
            } catch let reply as RPCClient.ErrorReply {
                printError("tcms import: \(method) failed: \(reply.message) [\(reply.code)"
                           + (reply.reason.map { " \($0)" } ?? "") + "]")
                return ExitCode.failure
            } catch {
                printError("tcms import: \(error)")
                return ExitCode.unavailable
            }
            accepted += result["accepted"]?.intValue ?? 0
            unchanged += result["unchanged"]?.intValue ?? 0
            for rejected in result["rejected"]?.arrayValue ?? [] {
                rejections.append(rejection(from: rejected))
            }
            sent += batch.count
            printError("tcms import: \(sent)/\(items.count) lines sent")
        }

        print("accepted \(accepted), unchanged \(unchanged), rejected \(rejections.count)")
        for rejection in rejections.sorted(by: { $0.line < $1.line }) {
            let field = rejection.field.map { " \($0)" } ?? ""
            print("line \(rejection.line): \(rejection.reason)\(field): \(rejection.message)")
        }
        return rejections.isEmpty ? ExitCode.success : ExitCode.failure
    }

    /// Splits on `\n`, dropping one trailing empty line, and strips a `\r` before each `\n`.
    static func lines(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines.map { $0.last == 0x0D ? $0.dropLast() : $0 }
    }

    private struct LineProblem: Error {
        let reason: String
        let message: String
    }

    private static func parseLine(_ bytes: ArraySlice<UInt8>) -> Result<JSONObject, LineProblem> {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            return .failure(
                LineProblem(reason: "invalid_utf8", message: "the line is not valid UTF-8"))
        }
        let value: JSON
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            return .failure(
                LineProblem(reason: "invalid_json", message: "the line is not JSON: \(error)"))
        }
        guard let object = value.objectValue else {
            return .failure(
                LineProblem(reason: "not_an_object", message: "the line is not a JSON object"))
        }
        return .success(object)
    }

    /// A rejection as the daemon reports it; with several problems, each is listed.
    private static func rejection(from value: JSON) -> Rejection {
        let line = Int(value["line"]?.intValue ?? 0)
        let details = value["errors"]?.arrayValue ?? []
        let message: String
        if details.isEmpty {
            message = value["message"]?.stringValue ?? ""
        } else {
            message = details.map { detail in
                let field = detail["field"]?.stringValue.map { "\($0): " } ?? ""
                return field + (detail["reason"]?.stringValue ?? "") + " ("
                    + (detail["message"]?.stringValue ?? "") + ")"
            }.joined(separator: "; ")
        }
        return Rejection(
            line: line, reason: value["reason"]?.stringValue ?? "rejected",
            field: value["field"]?.stringValue, message: message)
    }
}
