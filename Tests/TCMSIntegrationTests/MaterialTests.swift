import Foundation
import TCMSJSON
import XCTest

/// Proof material: chunked upload with size and hash checks, and review by a reviewer.
final class MaterialTests: XCTestCase {
    private var daemon: DaemonProcess!
    private let mobiles = MobileNumbers()

    override func setUpWithError() throws {
        daemon = try DaemonProcess(self)
        let mobile = mobiles.make()
        let proof = try daemon.proveMobile(mobile)
        let registered = try RawClient(path: daemon.socketPath).result(
            "person.register",
            personParams(login: "ada_lin", mobile: mobile, proof: proof).with(
                ["name": "Ada Lin", "identityType": "other", "documentType": "foreign_passport",
                 "documentNumber": "E12345678", "birthDate": nil, "gender": nil,
                 "documentValidFrom": nil]))
        XCTAssertEqual(registered["verificationStatus"], "pending_review")
        let operatorClient = try RawClient(path: daemon.socketPath)
        _ = try operatorClient.result(
            "account.createReviewer", ["login": "reviewer_li", "password": "Review-2026!"])
    }

    private func loggedIn(_ login: String, _ password: String) throws -> RawClient {
        let client = try RawClient(path: daemon.socketPath)
        _ = try client.result(
            "session.login", ["login": .string(login), "password": .string(password)])
        return client
    }

    /// A scan of several megabytes, so it needs several chunks.
    private static let scanBytes: [UInt8] = (0..<2_600_000).map {
        UInt8(truncatingIfNeeded: $0 &* 31 >> 3)
    }

    private var scan: [UInt8] { Self.scanBytes }

    private func sha256Hex(_ bytes: [UInt8]) throws -> String {
        let path = daemon.directory + "/scan.bin"
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(
            decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return String(text.prefix(64))
    }

    /// Uploads `bytes` in 512 KiB chunks and returns the finish reply.
    private func upload(_ client: RawClient, _ bytes: [UInt8], declaredHash: String? = nil)
        throws -> (id: JSON, finish: JSON)
    {
        let started = try client.result(
            "material.start",
            ["description": "护照扫描件", "size": .int(Int64(bytes.count)),
             "sha256": .string(try declaredHash ?? sha256Hex(bytes))])
        let id = started["materialId"]!
        let chunk = started["maxChunkBytes"]!.intValue!
        for offset in stride(from: 0, to: bytes.count, by: Int(chunk)) {
            let piece = Data(bytes[offset..<min(offset + Int(chunk), bytes.count)])
            _ = try client.result(
                "material.upload",
                ["materialId": id, "offset": .int(Int64(offset)),
                 "data": .string(piece.base64EncodedString())])
        }
        return (id, try client.call("material.finish", ["materialId": id]))
    }

    func testPassportHolderIsVerifiedAfterApproval() throws {
        let holder = try loggedIn("ada_lin", "Secret-2026!")
        let (id, finish) = try upload(holder, scan)
        XCTAssertEqual(finish["result"]?["status"], "submitted", finish.encodedString())

        let reviewer = try loggedIn("reviewer_li", "Review-2026!")
        let listing = try reviewer.result("material.list", ["status": "submitted"])
        XCTAssertEqual(listing["total"], 1)
        let item = listing["items"]?.arrayValue?.first
        XCTAssertEqual(item?["subjectName"], "Ada Lin")
        XCTAssertEqual(item?["documentNumber"], "E1*****78")

        var readBack: [UInt8] = []
        while readBack.count < scan.count {
            let piece = try reviewer.result(
                "material.read", ["materialId": id, "offset": .int(Int64(readBack.count))])
            readBack += [UInt8](Data(base64Encoded: piece["data"]!.stringValue!)!)
        }
        XCTAssertEqual(readBack, scan)

        let approved = try reviewer.result(
            "material.review", ["materialId": id, "decision": "approve"])
        XCTAssertEqual(approved["status"], "approved")
        let profile = try holder.result("person.get")
        XCTAssertEqual(profile["verificationStatus"], "verified")
        XCTAssertEqual(profile["verificationStatusLabel"], "国家平台实名认证通过")

        let again = try reviewer.call(
            "material.review", ["materialId": id, "decision": "reject", "reason": "模糊"])
        XCTAssertEqual(again.errorCode, 4010)
        XCTAssertEqual(again.errorReason, "already_decided")
        XCTAssertEqual(try daemon.count("audit_log", where: "method = 'material.review'"), 1)
    }

    func testStoredFileIsNamedByIdOnly() throws {
        let holder = try loggedIn("ada_lin", "Secret-2026!")
        let (id, _) = try upload(holder, Array(scan.prefix(1000)))
        let path = daemon.stateDirectory + "/materials/\(id.intValue!)"
        XCTAssertEqual(FileManager.default.contents(atPath: path), Data(scan.prefix(1000)))
    }

    func testRejectionNeedsReasonAndLeavesUnverified() throws {
        let holder = try loggedIn("ada_lin", "Secret-2026!")
        let (id, _) = try upload(holder, Array(scan.prefix(1000)))
        let reviewer = try loggedIn("reviewer_li", "Review-2026!")
        let bare = try reviewer.call("material.review", ["materialId": id, "decision": "reject"])
        XCTAssertEqual(bare.errorReason, "missing_field")
        _ = try reviewer.result(
            "material.review", ["materialId": id, "decision": "reject", "reason": "照片页不清晰"])
        XCTAssertEqual(try holder.result("person.get")["verificationStatus"], "unverified")
        let listing = try reviewer.result("material.list", ["status": "rejected"])
        XCTAssertEqual(listing["items"]?.arrayValue?.first?["reason"], "照片页不清晰")
    }

    func testWrongHashSendsUploadBackToStart() throws {
        let holder = try loggedIn("ada_lin", "Secret-2026!")
        let (id, finish) = try upload(
            holder, Array(scan.prefix(1000)), declaredHash: String(repeating: "0", count: 64))
        XCTAssertEqual(finish.errorReason, "hash_mismatch")
        let resend = try holder.call(
            "material.upload",
            ["materialId": id, "offset": 1000, "data": .string(Data([1]).base64EncodedString())])
        XCTAssertEqual(resend.errorReason, "offset_mismatch")
        XCTAssertEqual(try daemon.count("materials", where: "status = 'submitted'"), 0)
    }

    func testChunkChecks() throws {
        let holder = try loggedIn("ada_lin", "Secret-2026!")
        let started = try holder.result(
            "material.start",
            ["description": "x", "size": 10,
             "sha256": .string(try sha256Hex(Array(scan.prefix(10))))])
        let id = started["materialId"]!
        let bad = try holder.call(
            "material.upload", ["materialId": id, "offset": 0, "data": "not base64!"])
        XCTAssertEqual(bad.errorReason, "invalid_base64")
        let gap = try holder.call(
            "material.upload", ["materialId": id, "offset": 5, "data": "AAAA"])
        XCTAssertEqual(gap.errorReason, "offset_mismatch")
        let tooMuch = try holder.call(
            "material.upload",
            ["materialId": id, "offset": 0,
             "data": .string(Data(repeating: 0, count: 11).base64EncodedString())])
        XCTAssertEqual(tooMuch.errorReason, "beyond_declared_size")
        let early = try holder.call("material.finish", ["materialId": id])
        XCTAssertEqual(early.errorReason, "size_mismatch")
    }

    func testOthersCannotTouchOrReviewMaterial() throws {
        let holder = try loggedIn("ada_lin", "Secret-2026!")
        let (id, _) = try upload(holder, Array(scan.prefix(1000)))
        XCTAssertEqual(try holder.call("material.list").errorCode, 1003)
        XCTAssertEqual(
            try holder.call("material.review", ["materialId": id, "decision": "approve"])
                .errorCode, 1003)

        try daemon.registerPerson(
            login: "chen_jing", documentNumber: sampleResidentIDs[0], mobiles: mobiles)
        let other = try loggedIn("chen_jing", "Secret-2026!")
        XCTAssertEqual(
            try other.call("material.finish", ["materialId": id]).errorReason,
            "material_not_found")
        XCTAssertEqual(
            try other.call(
                "material.start", ["description": "x", "size": 1,
                                   "sha256": .string(String(repeating: "a", count: 64))])
                .errorReason, "already_verified")
        XCTAssertEqual(try daemon.count("materials"), 1)
    }

    func testConcurrentReviewsOnlyFirstWins() throws {
        let holder = try loggedIn("ada_lin", "Secret-2026!")
        let (id, _) = try upload(holder, Array(scan.prefix(1000)))
        let socketPath = daemon.socketPath
        let outcomes = OutcomeBox()
        DispatchQueue.concurrentPerform(iterations: 10) { index in
            guard let client = try? RawClient(path: socketPath),
                (try? client.call(
                    "session.login", ["login": "reviewer_li", "password": "Review-2026!"])) != nil
            else { return }
            let params: JSON = index % 2 == 0
                ? ["materialId": id, "decision": "approve"]
                : ["materialId": id, "decision": "reject", "reason": "注册地址与营业执照不一致"]
            let reply = try? client.call("material.review", params)
            outcomes.append(reply?["result"] != nil ? "won" : reply?.errorReason ?? "none")
        }
        XCTAssertEqual(outcomes.values.filter { $0 == "won" }.count, 1, "\(outcomes.values)")
        XCTAssertEqual(outcomes.values.filter { $0 == "already_decided" }.count, 9)
        XCTAssertEqual(try daemon.count("audit_log", where: "method = 'material.review'"), 1)
    }
}

/// Outcomes collected from concurrent calls.
private final class OutcomeBox: @unchecked Sendable {
    // Unchecked because `collected` is guarded by `lock`.
    private var collected: [String] = []
    private let lock = NSLock()

    var values: [String] { lock.withLock { collected } }

    func append(_ value: String) {
        lock.withLock { collected.append(value) }
    }
}
