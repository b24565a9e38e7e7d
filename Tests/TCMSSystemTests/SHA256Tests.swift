import XCTest

@testable import TCMSSystem

final class SHA256Tests: XCTestCase {
    func testKnownVectors() {
        XCTAssertEqual(
            SHA256.hexDigest(of: Array("".utf8)),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(
            SHA256.hexDigest(of: Array("abc".utf8)),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(
            SHA256.hexDigest(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    func testIncrementalUpdatesMatchOneShot() {
        let message = Array(String(repeating: "技术合同", count: 1000).utf8)
        var hasher = SHA256()
        for start in stride(from: 0, to: message.count, by: 37) {
            hasher.update(Array(message[start..<min(start + 37, message.count)]))
        }
        XCTAssertEqual(hasher.finalizeHex(), SHA256.hexDigest(of: message))
    }
}
