import Foundation
import Glibc

/// The shell's history file: one command per line, UTF-8, mode 0600, appended as each line is
/// entered so that a crash loses nothing and two shells do not overwrite each other.
struct History {
    /// The number of entries loaded at start and kept when the file is rewritten.
    static let maxEntries = 1000

    let path: String

    /// `$XDG_STATE_HOME/tcms/shell_history`, else `~/.local/state/tcms/shell_history`.
    static func defaultPath(environment: [String: String]) -> String {
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty {
            return state + "/tcms/shell_history"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "/root"
        return home + "/.local/state/tcms/shell_history"
    }

    /// Reports whether a line may be stored. Lines that may carry a secret are not: any line
    /// that mentions a password (`password`, `passwd`, `密码`, any letter case) or a session
    /// token. A line typed with a leading space is not stored either, as in bash's
    /// `HISTCONTROL=ignorespace`, so a clerk can keep any line out on purpose.
    static func isRecordable(_ line: String) -> Bool {
        if line.first == " " || line.allSatisfy(\.isWhitespace) {
            return false
        }
        let lowered = line.lowercased()
        let secretWords = ["password", "passwd", "密码", "token"]
        return !secretWords.contains { lowered.contains($0) }
    }

    /// Reads the stored entries, oldest first, and rewrites the file with the newest
    /// `maxEntries` when it has grown past twice that. A missing file gives no entries.
    func load() -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let lines = String(decoding: data, as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        let kept = Array(lines.suffix(Self.maxEntries))
        if lines.count > 2 * Self.maxEntries {
            rewrite(kept)
        }
        return kept
    }

    /// Appends one entry, creating the file and its directory (mode 0700) when missing.
    /// Failures are ignored because history is a convenience.
    func append(_ line: String) {
        guard let descriptor = open(flags: O_WRONLY | O_APPEND | O_CREAT) else { return }
        defer { close(descriptor) }
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }

    private func rewrite(_ lines: [String]) {
        guard let descriptor = open(flags: O_WRONLY | O_TRUNC | O_CREAT) else { return }
        defer { close(descriptor) }
        let bytes = Array(lines.map { $0 + "\n" }.joined().utf8)
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }

    /// Opens the file with mode 0600 and tightens the mode of a file made earlier with a wider
    /// one, since the history shows what a clerk looked up.
    private func open(flags: Int32) -> Int32? {
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        let descriptor = Glibc.open(path, flags | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return nil }
        _ = fchmod(descriptor, 0o600)
        return descriptor
    }
}
