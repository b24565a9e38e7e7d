import Foundation
import TCMSRPC
import TCMSSystem

/// One downloadable template (资料下载): a model contract text or the registration form.
struct Template: Sendable, Equatable {
    let name: String
    let title: String
    let size: Int64
    let sha256: String

    /// Describes the file `name` with contents `bytes`.
    init(name: String, bytes: Data) {
        self.name = name
        title = Self.title(of: bytes, name: name)
        size = Int64(bytes.count)
        sha256 = SHA256.hexDigest(of: [UInt8](bytes))
    }

    /// The media type, from the file name's extension.
    var contentType: String {
        switch (name as NSString).pathExtension.lowercased() {
        case "md": "text/markdown; charset=utf-8"
        case "txt": "text/plain; charset=utf-8"
        case "html", "htm": "text/html; charset=utf-8"
        case "pdf": "application/pdf"
        case "doc": "application/msword"
        case "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        default: "application/octet-stream"
        }
    }

    /// Returns the first non-empty line of a UTF-8 text, without Markdown's leading `#` and cut
    /// to 100 characters, or the file name for anything else.
    private static func title(of bytes: Data, name: String) -> String {
        guard let text = String(data: bytes, encoding: .utf8) else { return name }
        for line in text.prefix(4096).split(whereSeparator: \.isNewline) {
            let trimmed = line.drop { $0 == "#" || $0 == " " }
                .trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { return String(trimmed.prefix(100)) }
        }
        return name
    }
}

/// The templates the daemon serves: those embedded in the binary, or, when the operator set
/// `templates_directory`, the files of that directory instead. The directory is listed on each
/// call, so files put there or removed show at once. A file is read again only when its size
/// or modification time changed, so listing does not hash every file on every call.
final class TemplateCatalog: @unchecked Sendable {
    // Unchecked because `summaries`, the only mutable state, is used only under `mutex`.
    /// Largest file served from the operator's directory.
    static let maxFileBytes = 10 << 20
    /// Most files listed from the operator's directory; the rest are left out.
    static let maxFiles = 100

    /// The operator's directory, or nil for the embedded templates.
    let directory: String?
    private let mutex = Mutex()
    // The summary of each file read so far, with the size and modification time it had.
    private var summaries: [String: (Int64, Date, Template)] = [:]

    init(directory: String?) {
        self.directory = directory
    }

    private static let embedded: [(template: Template, bytes: Data)] = TemplatesData.files.map {
        let bytes = Data($0.text.utf8)
        return (Template(name: $0.name, bytes: bytes), bytes)
    }

    /// Returns every template, in name order.
    func all() throws -> [Template] {
        guard let directory else { return Self.embedded.map(\.template) }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            throw Self.unavailable(directory)
        }
        var templates: [Template] = []
        for name in names where Self.isServable(name) && templates.count < Self.maxFiles {
            guard let template = summary(directory + "/" + name, name: name) else { continue }
            templates.append(template)
        }
        return templates
    }

    /// Returns the template called `name` with its bytes, or nil.
    func contents(of name: String) throws -> (Template, Data)? {
        guard let directory else { return Self.embedded.first { $0.template.name == name } }
        guard Self.isServable(name) else { return nil }
        if !FileManager.default.fileExists(atPath: directory) { throw Self.unavailable(directory) }
        // The summary checks the kind and size of the entry before its bytes are read. A file
        // that changes between the two reads is not served.
        let path = directory + "/" + name
        guard let template = summary(path, name: name),
            let bytes = FileManager.default.contents(atPath: path),
            Int64(bytes.count) == template.size
        else {
            return nil
        }
        return (template, bytes)
    }

    /// Returns the summary of a regular file of at most `maxFileBytes`, from the cache while
    /// its size and modification time are unchanged. Symbolic links and other kinds of entry
    /// are skipped.
    private func summary(_ path: String, name: String) -> Template? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            attributes[.type] as? FileAttributeType == .typeRegular,
            let size = (attributes[.size] as? NSNumber)?.int64Value,
            size <= Self.maxFileBytes,
            let modified = attributes[.modificationDate] as? Date
        else {
            return nil
        }
        let cached = mutex.withLock { summaries[name] }
        if let cached, cached.0 == size, cached.1 == modified { return cached.2 }

        guard let contents = FileManager.default.contents(atPath: path),
            contents.count <= Self.maxFileBytes
        else {
            return nil
        }
        let template = Template(name: name, bytes: contents)
        mutex.withLock { summaries[name] = (Int64(contents.count), modified, template) }
        return template
    }

    /// Tells whether a directory entry may be served: a name of letters, digits, `.`, `_` and
    /// `-` that does not start with a dot, so hidden and editor files stay out.
    private static func isServable(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first != ".", name.count <= 100 else {
            return false
        }
        return name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII
                && (CharacterSet.alphanumerics.contains(scalar)
                    || "._-".unicodeScalars.contains(scalar))
        }
    }

    private static func unavailable(_ directory: String) -> RPCError {
        RPCError(
            code: RPCErrorCode.storageFailed, reason: "templates_unavailable",
            message: "The templates directory \(directory) cannot be read; check "
                + "templates_directory in the daemon's configuration",
            messageZh: "资料下载目录无法读取，请检查配置")
    }
}
