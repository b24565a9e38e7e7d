/// Random secrets: session tokens, verification codes, salts and mobile proofs.
///
/// `SystemRandomNumberGenerator` reads getrandom(2) on Linux, a cryptographically secure source.
enum SecureRandom {
    /// `byteCount` random bytes as lower-case hex.
    static func hex(byteCount: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<byteCount).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return String(byte, radix: 16).leftPadded(to: 2)
        }.joined()
    }

    /// A string of `count` random decimal digits, such as a six-digit SMS code.
    static func digits(_ count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = (0..<count).map { _ in String(Int.random(in: 0...9, using: &generator)) }
        return digits.joined()
    }
}

extension String {
    /// The string with `0` prepended until it is `width` characters long.
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
