import Glibc

/// An exclusive lock on a state directory, held for the daemon's lifetime, so two daemons never
/// share one database. The lock file records the holder's pid for the refusal message.
public final class StateLock: Sendable {
    /// Another process holds the lock.
    public struct HeldError: Error, Sendable, CustomStringConvertible {
        public let path: String
        public let holderPID: Int32?

        public var description: String {
            let holder = holderPID.map { "process \($0)" } ?? "another process"
            return "state directory lock \(path) is held by \(holder)"
        }
    }

    private let descriptor: FileDescriptor
    public let path: String

    private init(descriptor: FileDescriptor, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    /// Takes the lock at `path` without waiting; throws `HeldError` when another process has it.
    public static func acquire(path: String) throws -> StateLock {
        let raw = try syscall("open") { open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600) }
        let descriptor = FileDescriptor(rawValue: raw)

        if flock(raw, LOCK_EX | LOCK_NB) != 0 {
            let holder = readPID(raw)
            descriptor.close()
            throw HeldError(path: path, holderPID: holder)
        }

        _ = ftruncate(raw, 0)
        let text = Array("\(getpid())\n".utf8)
        _ = text.withUnsafeBytes { pwrite(raw, $0.baseAddress, $0.count, 0) }
        return StateLock(descriptor: descriptor, path: path)
    }

    private static func readPID(_ raw: Int32) -> Int32? {
        var bytes = [UInt8](repeating: 0, count: 32)
        let count = bytes.withUnsafeMutableBytes { pread(raw, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: bytes[0..<count], as: UTF8.self)
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Releases the lock; the file stays so the next daemon reuses it.
    public func release() {
        descriptor.close()
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: CharacterSetLite) -> String {
        String(self.drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}

fileprivate enum CharacterSetLite {
    case whitespacesAndNewlines

    func contains(_ character: Character) -> Bool {
        character.isWhitespace
    }
}
