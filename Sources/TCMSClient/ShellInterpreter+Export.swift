import Glibc
import TCMSJSON

/// `--all` and `--output FILE`: a whole listing in one piece, written to the screen or to a
/// new file.
extension ShellInterpreter {
    /// The page size `--all` fetches with, the most a listing gives at once.
    static let exportPageSize: Int64 = 200

    /// Fetches every page of a listing and returns `{items, total}` with all the items.
    func fetchAllPages(_ method: String, _ params: JSONObject) throws -> JSON {
        let declared = session.catalog.method(named: method)?.params ?? []
        guard declared.contains(where: { $0.name == "page" }) else {
            throw ShellUsageError("--all goes with listings only, and \(method) is not one")
        }
        var items: [JSON] = []
        var total: JSON = .null
        var page: Int64 = 1
        var pages: Int64 = 1
        while page <= pages {
            var paged = params
            paged["page"] = .int(page)
            paged["pageSize"] = .int(Self.exportPageSize)
            let result = try fetch(method, paged)
            items += result["items"]?.arrayValue ?? []
            total = result["total"] ?? .null
            pages = result["pages"]?.intValue ?? page
            page += 1
        }
        return ["items": .array(items), "total": total]
    }

    /// Writes a result's text to the screen, or to the `--output` file, which must not exist
    /// yet, so that an export never overwrites another file. The file is readable by its owner
    /// only, because listings carry names and amounts.
    func emit(_ text: String) throws {
        guard let path = commandOptions.outputPath else {
            output.write(text)
            return
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            output.diagnose("error: cannot create \(path): \(reason); choose another file name")
            throw CommandFailed()
        }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes {
                write(descriptor, $0.baseAddress! + written, bytes.count - written)
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                let reason = String(cString: strerror(errno))
                output.diagnose("error: writing \(path) failed: \(reason)")
                throw CommandFailed()
            }
            written += count
        }
        output.diagnose("wrote \(bytes.count) bytes to \(path)")
    }
}
