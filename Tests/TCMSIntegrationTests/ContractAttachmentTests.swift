import Foundation
import TCMSJSON
import TCMSSystem
import XCTest

/// Contract attachments: the registering handler uploads them in chunks with the declared
/// size and SHA-256 checked, and every caller who may read the contract lists and fetches them.
final class ContractAttachmentTests: XCTestCase {
    private var world: ContractWorld!

    override func setUpWithError() throws {
        world = try ContractWorld(self)
    }

    func testScanFetchedByEveryReader() throws {
        let handler = try world.handler()
        let id = try world.submitted(by: handler)
        let scan = sampleScan(1_100_000)
        let (attachment, complete) = try handler.attach(scan, to: id)
        XCTAssertEqual(complete["result"]?["status"]?.stringValue, "complete", "\(complete)")
        XCTAssertEqual(complete["result"]?["size"]?.intValue, 1_100_000)
        XCTAssertEqual(complete["result"]?["kindLabel"]?.stringValue, "合同扫描件")

        let path = world.daemon.stateDirectory + "/contract-attachments/\(attachment)"
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]
        XCTAssertEqual((mode as? NSNumber)?.intValue, 0o600)
        XCTAssertEqual(FileManager.default.contents(atPath: path), Data(scan))

        let shown = try handler.result("contract.get", ["contractId": .int(id)])
        let listed = try XCTUnwrap(shown["attachments"]?.arrayValue)
        XCTAssertEqual(listed.count, 1)
        XCTAssertEqual(listed.first?["sha256"]?.stringValue, SHA256.hexDigest(of: scan))
        XCTAssertEqual(listed.first?["fileName"]?.stringValue, "合同扫描件.pdf")

        let readers = [try world.clerk(), try world.daemon.loggedIn("seller_1"), handler]
        for reader in readers {
            let page = try reader.result("contract.attachment.list", ["contractId": .int(id)])
            XCTAssertEqual(page["total"]?.intValue, 1)
            XCTAssertEqual(try reader.fetchAttachment(attachment), scan)
        }
        XCTAssertEqual(
            try world.daemon.count("audit_log", where: "subject = 'contract:\(id)' "
                + "AND method LIKE 'contract.attachment.%'"), 2)
    }

    func testWrongHashIsRejectedAndUploadStartsAgain() throws {
        let handler = try world.handler()
        let id = try world.submitted(by: handler)
        let scan = sampleScan(700_000)
        let wrong = String(repeating: "ab", count: 32)
        let (attachment, complete) = try handler.attach(scan, to: id, declaredHash: wrong)
        XCTAssertEqual(complete.errorCode, 2001)
        XCTAssertEqual(complete.errorReason, "hash_mismatch")

        let page = try handler.result("contract.attachment.list", ["contractId": .int(id)])
        let item = try XCTUnwrap(page["items"]?.arrayValue?.first)
        XCTAssertEqual(item["status"]?.stringValue, "uploading")
        XCTAssertEqual(item["receivedBytes"]?.intValue, 0)
        let part = world.daemon.stateDirectory + "/contract-attachments/\(attachment).part"
        XCTAssertFalse(FileManager.default.fileExists(atPath: part))

        // Other readers never see an unfinished upload, and it cannot be fetched.
        let clerk = try world.clerk()
        let clerkPage = try clerk.result("contract.attachment.list", ["contractId": .int(id)])
        XCTAssertEqual(clerkPage["total"]?.intValue, 0)
        XCTAssertEqual(
            try clerk.call("contract.attachment.fetch", ["attachmentId": .int(attachment)])
                .errorReason, "not_found")
        XCTAssertEqual(
            try handler.result("contract.get", ["contractId": .int(id)])["attachments"]?
                .arrayValue?.count, 0)
    }

    func testOversizeUploadIsRejected() throws {
        let handler = try world.handler()
        let id = try world.submitted(by: handler)
        let tooLarge = try handler.call(
            "contract.attachment.begin",
            ["contractId": .int(id), "kind": "scan", "fileName": "big.pdf",
             "size": .int(10 * 1024 * 1024 + 1),
             "sha256": .string(String(repeating: "0", count: 64))])
        XCTAssertEqual(tooLarge.errorCode, -32602)
        XCTAssertEqual(tooLarge.errorReason, "out_of_range")

        let small = sampleScan(1_000)
        let begun = try handler.result(
            "contract.attachment.begin",
            ["contractId": .int(id), "kind": "other", "fileName": "note.txt",
             "size": .int(Int64(small.count)), "sha256": .string(SHA256.hexDigest(of: small))])
        let attachment = try XCTUnwrap(begun["attachmentId"])
        let past = try handler.call(
            "contract.attachment.upload",
            ["attachmentId": attachment, "offset": 0,
             "data": .string(Data(sampleScan(1_001)).base64EncodedString())])
        XCTAssertEqual(past.errorReason, "beyond_declared_size")
        let huge = try handler.call(
            "contract.attachment.upload",
            ["attachmentId": attachment, "offset": 0,
             "data": .string(Data(sampleScan(512 * 1024 + 1)).base64EncodedString())])
        XCTAssertEqual(huge.errorReason, "chunk_too_large")
        let gap = try handler.call(
            "contract.attachment.upload",
            ["attachmentId": attachment, "offset": 10,
             "data": .string(Data(small.prefix(10)).base64EncodedString())])
        XCTAssertEqual(gap.errorReason, "offset_mismatch")
        XCTAssertEqual(gap.errorCode, 4022)
    }

    func testOtherHandlersAttachmentIsNotFound() throws {
        let handler = try world.handler()
        let id = try world.submitted(by: handler)
        let (attachment, _) = try handler.attach(sampleScan(2_000), to: id)
        let open = try handler.result(
            "contract.attachment.begin",
            ["contractId": .int(id), "kind": "other", "fileName": "补充.txt", "size": 5,
             "sha256": .string(SHA256.hexDigest(of: Array("hello".utf8)))])

        let other = try world.secondHandler()
        let calls: [(String, JSON)] = [
            ("contract.attachment.fetch", ["attachmentId": .int(attachment)]),
            ("contract.attachment.list", ["contractId": .int(id)]),
            ("contract.attachment.begin",
             ["contractId": .int(id), "kind": "scan", "fileName": "x.pdf", "size": 1,
              "sha256": .string(String(repeating: "0", count: 64))]),
            ("contract.attachment.upload",
             ["attachmentId": open["attachmentId"] ?? .null, "offset": 0, "data": "aGVsbG8="]),
            ("contract.attachment.complete", ["attachmentId": open["attachmentId"] ?? .null]),
        ]
        for (method, params) in calls {
            let reply = try other.call(method, params)
            XCTAssertEqual(reply.errorCode, 3004, "\(method): \(reply)")
            XCTAssertEqual(reply.errorReason, "not_found", method)
        }
    }

    func testUploadClosesOnceOfficeHoldsText() throws {
        let handler = try world.handler()
        let draft = try XCTUnwrap(
            try handler.result("contract.create", ContractWorld.form)["id"]?.intValue)
        XCTAssertEqual(
            try handler.attach(sampleScan(100), to: draft, kind: "contract_text")
                .complete["result"]?["status"]?.stringValue, "complete")

        let id = try world.submitted(by: handler)
        let open = try handler.result(
            "contract.attachment.begin",
            ["contractId": .int(id), "kind": "scan", "fileName": "a.pdf", "size": 5,
             "sha256": .string(SHA256.hexDigest(of: Array("hello".utf8)))])
        _ = try world.clerk().result("contract.receiveText", ["contractId": .int(id)])

        let begin = try handler.call(
            "contract.attachment.begin",
            ["contractId": .int(id), "kind": "scan", "fileName": "b.pdf", "size": 5,
             "sha256": .string(SHA256.hexDigest(of: Array("hello".utf8)))])
        XCTAssertEqual(begin.errorCode, 4022)
        XCTAssertEqual(begin.errorReason, "attachments_closed")
        let chunk = try handler.call(
            "contract.attachment.upload",
            ["attachmentId": open["attachmentId"] ?? .null, "offset": 0, "data": "aGVsbG8="])
        XCTAssertEqual(chunk.errorReason, "attachments_closed")
    }

    func testBeginChecksDescriptionFields() throws {
        let handler = try world.handler()
        let id = try world.submitted(by: handler)
        let reply = try handler.call(
            "contract.attachment.begin",
            ["contractId": .int(id), "kind": "photo", "fileName": "../etc/passwd",
             "contentType": "pdf", "size": 5, "sha256": .string(String(repeating: "0", count: 64))])
        XCTAssertEqual(
            Set(reply.errorReasons), ["invalid_code", "invalid_file_name", "invalid_content_type"])
        let badHash = try handler.call(
            "contract.attachment.begin",
            ["contractId": .int(id), "kind": "scan", "fileName": "a.pdf", "size": 5,
             "sha256": "xyz"])
        XCTAssertEqual(badHash.errorReason, "invalid_sha256")
        XCTAssertEqual(try world.daemon.count("contract_attachments"), 0)
    }

    func testCheckReportsOrphanAttachmentFiles() throws {
        let handler = try world.handler()
        let id = try world.submitted(by: handler)
        _ = try handler.attach(sampleScan(100), to: id)
        world.daemon.terminate()

        let healthy = try runTCMS(["check", "--state-dir", world.daemon.stateDirectory])
        XCTAssertEqual(healthy.status, 0, healthy.stdout)
        XCTAssertTrue(
            healthy.stdout.contains(
                "contract attachment files: every file belongs to a contract attachment record"),
            healthy.stdout)

        let directory = world.daemon.stateDirectory + "/contract-attachments"
        try "stray".write(toFile: directory + "/4242.part", atomically: true, encoding: .utf8)
        let check = try runTCMS(["check", "--state-dir", world.daemon.stateDirectory])
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(
            check.stdout.contains("contract attachment files without a record (1): 4242.part"),
            check.stdout)
    }
}
