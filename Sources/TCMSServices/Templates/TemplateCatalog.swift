import Foundation
import TCMSRPC
import TCMSSystem

/// One downloadable template (资料下载): a model contract text or the registration form.
struct Template: Sendable {
    let name: String
    let title: String
    let bytes: Data

    var sha256: String { SHA256.hexDigest(of: [UInt8](bytes)) }

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
}

/// The templates the daemon serves: those embedded in the binary, or, when the operator set
/// `templates_directory`, the files of that directory instead. The directory is read on each
/// call, so files put there or removed show at once.
struct TemplateCatalog: Sendable {
    /// Largest file served from the operator's directory.
    static let maxFileBytes = 10 << 20
    /// Most files listed from the operator's directory; the rest are left out.
    static let maxFiles = 100

    /// The operator's directory, or nil for the embedded templates.
    let directory: String?

    /// Returns every template, in name order.
    func all() throws -> [Template] {
        guard let directory else {
            return TemplatesData.files.map { file in
                let bytes = Data(file.text.utf8)
                return Template(
                    name: file.name, title: Self.title(of: bytes, name: file.name), bytes: bytes)
            }
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            throw Self.unavailable(directory)
        }
        var templates: [Template] = []
        for name in names where Self.isServable(name) && templates.count < Self.maxFiles {
            guard let template = Self.read(directory + "/" + name, name: name) else { continue }
            templates.append(template)
        }
        return templates
    }

    /// Returns the template called `name`, or nil.
    func template(named name: String) throws -> Template? {
        guard let directory else { return try all().first { $0.name == name } }
        guard Self.isServable(name) else { return nil }
        if !FileManager.default.fileExists(atPath: directory) { throw Self.unavailable(directory) }
        return Self.read(directory + "/" + name, name: name)
    }

    /// Tells whether a directory entry may be served: a name of letters, digits, `.`, `_` and `-`
    /// that does not start with a dot, so hidden and editor files stay out.
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

    /// Reads a regular file of at most `maxFileBytes`; symbolic links and other kinds of entry
    /// are skipped.
    private static func read(_ path: String, name: String) -> Template? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            attributes[.type] as? FileAttributeType == .typeRegular,
            let size = attributes[.size] as? NSNumber, size.intValue <= maxFileBytes,
            let bytes = FileManager.default.contents(atPath: path)
        else {
            return nil
        }
        return Template(name: name, title: title(of: bytes, name: name), bytes: bytes)
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

    private static func unavailable(_ directory: String) -> RPCError {
        RPCError(
            code: RPCErrorCode.storageFailed, reason: "templates_unavailable",
            message: "The templates directory \(directory) cannot be read; check "
                + "templates_directory in the daemon's configuration",
            messageZh: "资料下载目录无法读取，请检查配置")
    }
}
