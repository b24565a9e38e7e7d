import CCrypt
import Foundation

/// Password hashing with yescrypt through the system's libxcrypt (`crypt_gensalt_rn`,
/// `crypt_rn`), see crypt(5). Hashes are self-describing `$y$...` strings.
public enum PasswordHasher {
    /// Size of `struct crypt_data` in libxcrypt; it is allocated per call because it is too
    /// large for a thread's stack to hold comfortably and must not be shared between threads.
    private static let cryptDataSize = MemoryLayout<crypt_data>.size

    /// A hash of a random password, verified against when a login name does not exist so that
    /// a wrong name costs the same time as a wrong password.
    public static let dummyHash: String = {
        let random = SecureRandom.hex(byteCount: 16)
        guard let hash = try? hash(random) else {
            fatalError("libcrypt cannot make a yescrypt hash on this system")
        }
        return hash
    }()

    /// The failure of libcrypt to hash, such as an unsupported method.
    public struct HashingError: Error, CustomStringConvertible {
        public let errno: Int32
        public var description: String { "yescrypt hashing failed (errno \(errno))" }
    }

    /// Hashes `password` with a fresh random salt and libcrypt's default yescrypt cost.
    public static func hash(_ password: String) throws -> String {
        var setting = [CChar](repeating: 0, count: Int(CRYPT_GENSALT_OUTPUT_SIZE))
        guard crypt_gensalt_rn("$y$", 0, nil, 0, &setting, Int32(setting.count)) != nil else {
            throw HashingError(errno: errno)
        }
        return try crypt(password, setting: setting)
    }

    /// Checks `password` against a stored hash, comparing the results in constant time. A
    /// malformed stored hash never matches.
    public static func verify(_ password: String, against storedHash: String) -> Bool {
        guard let computed = try? crypt(password, setting: Array(storedHash.utf8CString)) else {
            return false
        }
        return constantTimeEqual(Array(computed.utf8), Array(storedHash.utf8))
    }

    /// Tells whether `text` looks like a yescrypt hash: `$y$`, then parameters, salt and hash
    /// in crypt's base-64 alphabet separated by `$`.
    public static func isYescryptHash(_ text: String) -> Bool {
        let parts = text.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0].isEmpty, parts[1] == "y", text.count <= 128 else {
            return false
        }
        let alphabet = Set("./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        return parts[2...].allSatisfy { !$0.isEmpty && $0.allSatisfy(alphabet.contains) }
    }

    private static func crypt(_ password: String, setting: [CChar]) throws -> String {
        let data = UnsafeMutableRawPointer.allocate(byteCount: cryptDataSize, alignment: 16)
        defer {
            // The buffer holds the password and its hash; clear it before freeing.
            memset(data, 0, cryptDataSize)
            data.deallocate()
        }
        memset(data, 0, cryptDataSize)
        let result = crypt_rn(password, setting, data, Int32(cryptDataSize))
        guard let result, result.pointee != 0x2A else {
            // crypt_rn returns NULL or a string starting with "*" on failure.
            throw HashingError(errno: errno)
        }
        return String(cString: result)
    }

    /// Compares two byte strings without stopping at the first difference.
    static func constantTimeEqual(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        var difference = UInt8(left.count == right.count ? 0 : 1)
        for index in 0..<max(left.count, right.count) {
            let a = index < left.count ? left[index] : 0
            let b = index < right.count ? right[index] : 0
            difference |= a ^ b
        }
        return difference == 0
    }
}
