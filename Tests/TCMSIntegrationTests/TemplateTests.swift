import Foundation
import TCMSJSON
import TCMSSystem
import XCTest

/// Downloadable templates (资料下载): the embedded model texts and registration form, open to
/// anonymous callers, and an operator's directory that replaces them.
final class TemplateTests: XCTestCase {
    /// The template sources in the repository, which the binary embeds.
    private static let resourceDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("../../resources/templates")
        .standardized.path

    private func fetch(_ name: String, _ call: (String, JSON) throws -> JSON) throws -> [UInt8] {
        var bytes: [UInt8] = []
        while true {
            let reply = try call(
                "template.get", ["name": .string(name), "offset": .int(Int64(bytes.count))])
            let result = try XCTUnwrap(reply["result"], "\(reply)")
            bytes += [UInt8](try XCTUnwrap(Data(base64Encoded: result["data"]?.stringValue ?? "")))
            if result["eof"]?.boolValue ?? true { return bytes }
        }
    }

    func testAnonymousListsAndFetchesEmbeddedTemplates() throws {
        let daemon = try DaemonProcess(self)
        let anonymous = try UnprivilegedClient(self, daemon: daemon)
        let listing = try anonymous.call("template.list")
        let items = try XCTUnwrap(listing["result"]?["items"]?.arrayValue, "\(listing)")
        let names = items.compactMap { $0["name"]?.stringValue }
        XCTAssertEqual(
            names,
            ["contract-consulting.md", "contract-development.md", "contract-license.md",
             "contract-service.md", "contract-transfer.md", "registration-form.md"])
        let titles = items.compactMap { $0["title"]?.stringValue }
        XCTAssertEqual(titles.first, "技术咨询合同（示例文本）")
        XCTAssertEqual(titles.last, "技术合同登记表　填写项目（示例）")

        for item in items {
            let name = try XCTUnwrap(item["name"]?.stringValue)
            let bytes = try fetch(name) { try anonymous.call($0, $1) }
            XCTAssertEqual(Int64(bytes.count), item["size"]?.intValue, name)
            XCTAssertEqual(SHA256.hexDigest(of: bytes), item["sha256"]?.stringValue, name)
            XCTAssertEqual(item["contentType"]?.stringValue, "text/markdown; charset=utf-8")
        }
    }

    func testEmbeddedTemplatesMatchResourceFiles() throws {
        let daemon = try DaemonProcess(self)
        let client = try RawClient(path: daemon.socketPath)
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.resourceDirectory)
            .filter { !$0.hasPrefix(".") }.sorted()
        let listed = try client.result("template.list")["items"]?.arrayValue ?? []
        XCTAssertEqual(listed.compactMap { $0["name"]?.stringValue }, files)
        for name in files {
            let source = try XCTUnwrap(
                FileManager.default.contents(atPath: Self.resourceDirectory + "/" + name))
            let served = try fetch(name) { try client.call($0, $1) }
            XCTAssertEqual(
                served, [UInt8](source),
                "\(name) differs from its file; run scripts/embed-templates.py")
        }
    }

    func testTemplatesDirectoryReplacesEmbedded() throws {
        let directory = makeTemporaryDirectory(self)
        let templates = directory + "/templates"
        try FileManager.default.createDirectory(
            atPath: templates, withIntermediateDirectories: true)
        let model = "# 本省技术开发合同示范文本\n\n正文\n"
        try model.write(toFile: templates + "/dev-model.md", atomically: true, encoding: .utf8)
        let binary = Data([0x25, 0x50, 0x44, 0x46, 0xFF, 0xFE, 0x00, 0x01])
        try binary.write(to: URL(fileURLWithPath: templates + "/form.pdf"))
        try "hidden".write(toFile: templates + "/.draft.md", atomically: true, encoding: .utf8)
        try "space".write(toFile: templates + "/with space.md", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: templates + "/passwd", withDestinationPath: "/etc/passwd")

        let daemon = try DaemonProcess(
            self, directory: directory, config: "templates_directory = \(templates)\n")
        let client = try RawClient(path: daemon.socketPath)
        let items = try client.result("template.list")["items"]?.arrayValue ?? []
        XCTAssertEqual(items.compactMap { $0["name"]?.stringValue }, ["dev-model.md", "form.pdf"])
        XCTAssertEqual(items.first?["title"]?.stringValue, "本省技术开发合同示范文本")
        XCTAssertEqual(items.last?["title"]?.stringValue, "form.pdf")
        XCTAssertEqual(items.last?["contentType"]?.stringValue, "application/pdf")

        XCTAssertEqual(try fetch("form.pdf") { try client.call($0, $1) }, [UInt8](binary))
        XCTAssertEqual(try fetch("dev-model.md") { try client.call($0, $1) }, Array(model.utf8))
        let refused = [
            "passwd", ".draft.md", "with space.md", "../tcms.conf", "contract-service.md",
        ]
        for name in refused {
            let reply = try client.call("template.get", ["name": .string(name)])
            XCTAssertEqual(reply.errorCode, 3004, name)
            XCTAssertEqual(reply.errorReason, "not_found", name)
        }
        let past = try client.call("template.get", ["name": "form.pdf", "offset": 9])
        XCTAssertEqual(past.errorReason, "out_of_range")
        // A changed file is read again, and a removed one disappears at once.
        let revised = "# 本省技术开发合同示范文本（2027 年修订）\n"
        try revised.write(toFile: templates + "/dev-model.md", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: templates + "/form.pdf")
        let after = try client.result("template.list")["items"]?.arrayValue ?? []
        XCTAssertEqual(after.compactMap { $0["name"]?.stringValue }, ["dev-model.md"])
        XCTAssertEqual(after.first?["title"]?.stringValue, "本省技术开发合同示范文本（2027 年修订）")
        XCTAssertEqual(
            after.first?["sha256"]?.stringValue, SHA256.hexDigest(of: Array(revised.utf8)))
        XCTAssertEqual(try fetch("dev-model.md") { try client.call($0, $1) }, Array(revised.utf8))
    }

    func testMissingTemplatesDirectoryIsReported() throws {
        let directory = makeTemporaryDirectory(self)
        let daemon = try DaemonProcess(
            self, directory: directory, config: "templates_directory = \(directory)/absent\n")
        let reply = try RawClient(path: daemon.socketPath).call("template.list")
        XCTAssertEqual(reply.errorCode, 5500)
        XCTAssertEqual(reply.errorReason, "templates_unavailable")
    }

    func testRelativeTemplatesDirectoryStopsStart() throws {
        let directory = makeTemporaryDirectory(self)
        let daemon = try DaemonProcess(
            self, directory: directory, config: "templates_directory = templates\n",
            waitForSocket: false)
        daemon.process.waitUntilExit()
        XCTAssertNotEqual(daemon.process.terminationStatus, 0)
        XCTAssertTrue(
            daemon.log.contains("templates_directory must be an absolute path"), daemon.log)
    }
}
