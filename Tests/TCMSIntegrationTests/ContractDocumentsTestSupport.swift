import Foundation
import TCMSJSON
import TCMSSystem
import XCTest

/// Helpers for the contract attachment and certificate tests.
extension ContractWorld {
    static let secondHandlerLogin = "user000002"

    /// A connection of a second fixture handler, `user000002`, authorized by `seller_1` too.
    func secondHandler() throws -> RawClient {
        try daemon.importFixtures(
            persons: { $0["login"]?.stringValue == Self.secondHandlerLogin },
            entities: { _ in false })
        let grant = try XCTUnwrap(
            try AuthorizationFixtures.grants(of: "unit000001").first {
                $0["personLogin"]?.stringValue == Self.secondHandlerLogin
            })
        _ = try daemon.loggedIn("seller_1").result("authorization.grant", grantParams(grant))
        let client = try daemon.session(Self.secondHandlerLogin)
        let context = try client.result("handler.context")
        let entity = try XCTUnwrap(context["entities"]?.arrayValue?.first?["entityId"])
        _ = try client.result("handler.select", ["entityId": entity])
        return client
    }

    /// Approves a received contract as `clerk_lin` with the verified 技术交易额 `techAmount`.
    func approved(_ changes: [String: JSON] = [:], techAmount: String = "900000.00") throws
        -> Int64
    {
        let id = try received(changes)
        _ = try clerk().result(
            "contract.approve", ["contractId": .int(id), "techAmount": .string(techAmount)])
        return id
    }
}

/// Bytes that look like a scan: several chunks long and not repetitive within a chunk.
func sampleScan(_ count: Int) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 13) }
}

extension RawClient {
    /// Begins an attachment of `bytes` to `contractID`, uploads it in the largest chunks the
    /// daemon takes, and returns the attachment id with the whole reply of the completion.
    func attach(
        _ bytes: [UInt8], to contractID: Int64, kind: String = "scan",
        fileName: String = "合同扫描件.pdf", declaredHash: String? = nil
    ) throws -> (id: Int64, complete: JSON) {
        let begun = try result(
            "contract.attachment.begin",
            ["contractId": .int(contractID), "kind": .string(kind),
             "fileName": .string(fileName), "contentType": "application/pdf",
             "size": .int(Int64(bytes.count)),
             "sha256": .string(declaredHash ?? SHA256.hexDigest(of: bytes))])
        let id = try XCTUnwrap(begun["attachmentId"]?.intValue)
        let chunk = Int(try XCTUnwrap(begun["maxChunkBytes"]?.intValue))
        for offset in stride(from: 0, to: bytes.count, by: chunk) {
            let piece = Data(bytes[offset..<min(offset + chunk, bytes.count)])
            _ = try result(
                "contract.attachment.upload",
                ["attachmentId": .int(id), "offset": .int(Int64(offset)),
                 "data": .string(piece.base64EncodedString())])
        }
        return (id, try call("contract.attachment.complete", ["attachmentId": .int(id)]))
    }

    /// Fetches a whole attachment chunk by chunk.
    func fetchAttachment(_ id: Int64) throws -> [UInt8] {
        var bytes: [UInt8] = []
        while true {
            let piece = try result(
                "contract.attachment.fetch",
                ["attachmentId": .int(id), "offset": .int(Int64(bytes.count))])
            bytes += [UInt8](try XCTUnwrap(Data(base64Encoded: piece["data"]?.stringValue ?? "")))
            if piece["eof"]?.boolValue ?? true { return bytes }
        }
    }
}
