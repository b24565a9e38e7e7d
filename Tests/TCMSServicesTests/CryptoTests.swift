import TCMSSystem
import XCTest

@testable import TCMSServices

/// SHA-256 against the FIPS 180-4 examples, and yescrypt hashing through libcrypt.
final class CryptoTests: XCTestCase {
    func testSHA256MatchesPublishedVectors() {
        XCTAssertEqual(
            SHA256.hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(
            SHA256.hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(
            SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(
            SHA256.hex(String(repeating: "a", count: 1_000)),
            "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    func testSHA256PaddingBoundaries() {
        // 55 bytes leave room for the padding and length in one block; 56 and 64 need a second.
        XCTAssertEqual(
            SHA256.hex(String(repeating: "a", count: 55)),
            "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        XCTAssertEqual(
            SHA256.hex(String(repeating: "a", count: 56)),
            "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
        XCTAssertEqual(
            SHA256.hex(String(repeating: "a", count: 64)),
            "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }

    func testYescryptHashVerifiesOnlyItsPassword() throws {
        let hash = try PasswordHasher.hash("Secret-2026!")
        XCTAssertTrue(hash.hasPrefix("$y$"), hash)
        XCTAssertTrue(PasswordHasher.isYescryptHash(hash))
        XCTAssertTrue(PasswordHasher.verify("Secret-2026!", against: hash))
        XCTAssertFalse(PasswordHasher.verify("Secret-2026?", against: hash))
        XCTAssertNotEqual(try PasswordHasher.hash("Secret-2026!"), hash)
    }

    func testMalformedStoredHashNeverMatches() {
        XCTAssertFalse(PasswordHasher.verify("", against: ""))
        XCTAssertFalse(PasswordHasher.verify("x", against: "*"))
        XCTAssertFalse(PasswordHasher.verify("x", against: "$y$"))
        XCTAssertFalse(PasswordHasher.isYescryptHash("$6$salt$hash"))
        XCTAssertFalse(PasswordHasher.isYescryptHash("$y$j9T$salt"))
        XCTAssertFalse(PasswordHasher.isYescryptHash("$y$j9T$sa lt$hash"))
    }

    func testConstantTimeEqualComparesWholeInput() {
        XCTAssertTrue(PasswordHasher.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        XCTAssertFalse(PasswordHasher.constantTimeEqual([1, 2, 3], [1, 2, 4]))
        XCTAssertFalse(PasswordHasher.constantTimeEqual([1, 2, 3], [1, 2]))
        XCTAssertFalse(PasswordHasher.constantTimeEqual([], [0]))
    }
}
