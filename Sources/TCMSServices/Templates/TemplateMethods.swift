import Foundation
import TCMSJSON
import TCMSRPC

/// Downloadable templates (资料下载): model contract texts and the registration form, open to
/// every role, anonymous callers included.
enum TemplateMethods {
    static func specs(environment: ServiceEnvironment) -> [MethodSpec] {
        let catalog = TemplateCatalog(directory: environment.templatesDirectory)
        return [
            MethodSpec(
                "template.list",
                summary: "Lists the downloadable templates (资料下载): model contract texts and "
                    + "the registration form, in name order.",
                result: "{items: [{name, title, contentType, size, sha256}], total}",
                roles: .everyone, errors: ["templates_unavailable"]
            ) { _, _ in
                let items = try catalog.all().map(summary)
                return ["items": .array(items), "total": .int(Int64(items.count))]
            },

            MethodSpec(
                "template.get",
                summary: "Returns up to 512 KiB of a template from the given offset, as base64, "
                    + "with its title, size and SHA-256.",
                params: [
                    ParamSpec("name", .string, required: true, "a name from template.list"),
                    ParamSpec("offset", .integer(min: 0, max: nil), "byte offset, default 0"),
                ],
                result: "{name, title, contentType, size, sha256, offset, data, eof}",
                roles: .everyone, errors: ["not_found", "out_of_range", "templates_unavailable"]
            ) { _, params in
                let name = try params.requiredString("name")
                let offset = params.int("offset") ?? 0
                guard let (template, bytes) = try catalog.contents(of: name) else {
                    throw RPCError(
                        code: RPCErrorCode.notFound, reason: "not_found",
                        message: "No template is called \(name); template.list names them",
                        messageZh: "没有该名称的资料", field: "params.name")
                }
                let size = Int64(bytes.count)
                guard offset <= size else {
                    throw RPCError.invalidParams(
                        "params.offset \(offset) is past the end of the file (\(size) bytes)",
                        field: "params.offset", reason: "out_of_range")
                }
                let end = min(size, offset + Int64(ChunkedFiles.maxChunkBytes))
                let chunk = bytes.subdata(in: Int(offset)..<Int(end))
                guard case .object(var object) = summary(template) else { return .null }
                object["offset"] = .int(offset)
                object["data"] = .string(chunk.base64EncodedString())
                object["eof"] = .bool(end == size)
                return .object(object)
            },
        ]
    }

    private static func summary(_ template: Template) -> JSON {
        [
            "name": .string(template.name), "title": .string(template.title),
            "contentType": .string(template.contentType),
            "size": .int(template.size), "sha256": .string(template.sha256),
        ]
    }
}
