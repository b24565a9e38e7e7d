import Foundation

/// One line per event on stderr, prefixed with its syslog priority (`<6>`) so journald files it
/// at the right level; no timestamp of its own, because journald adds one. Messages are fixed
/// text and details go into dot-named keys (`socket.path=/run/tcms/tcms.sock`).
public final class Logger: @unchecked Sendable {
    // Unchecked because `threshold` is guarded by `lock`, which also serialises writes.

    /// Syslog priorities (syslog(3)); lower is more severe.
    public enum Level: Int, Sendable, Comparable, CaseIterable {
        case error = 3
        case warning = 4
        case notice = 5
        case info = 6
        case debug = 7

        public init?(name: String) {
            switch name.lowercased() {
            case "error", "err": self = .error
            case "warning", "warn": self = .warning
            case "notice": self = .notice
            case "info": self = .info
            case "debug": self = .debug
            default: return nil
            }
        }

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    private var threshold: Level
    private let lock = NSLock()
    private let sink: @Sendable (String) -> Void

    public init(level: Level, sink: @escaping @Sendable (String) -> Void = Logger.standardError) {
        threshold = level
        self.sink = sink
    }

    public static let standardError: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// True when events of `level` are written; lets a caller skip building costly fields.
    public func isEnabled(_ level: Level) -> Bool {
        lock.withLock { level <= threshold }
    }

    public var level: Level {
        get { lock.withLock { threshold } }
        set { lock.withLock { threshold = newValue } }
    }

    /// Writes one event when `level` passes the threshold. Values must already be masked when
    /// they carry personal numbers; newlines in values are escaped so one event stays one line.
    public func log(_ level: Level, _ message: String, _ fields: KeyValuePairs<String, Any> = [:]) {
        lock.lock()
        defer { lock.unlock() }
        guard level <= threshold else { return }
        var line = "<\(level.rawValue)>\(message)"
        for (key, value) in fields {
            line += " \(key)=\(Logger.quoted(String(describing: value)))"
        }
        sink(line + "\n")
    }

    public func error(_ message: String, _ fields: KeyValuePairs<String, Any> = [:]) {
        log(.error, message, fields)
    }

    public func warning(_ message: String, _ fields: KeyValuePairs<String, Any> = [:]) {
        log(.warning, message, fields)
    }

    public func notice(_ message: String, _ fields: KeyValuePairs<String, Any> = [:]) {
        log(.notice, message, fields)
    }

    public func info(_ message: String, _ fields: KeyValuePairs<String, Any> = [:]) {
        log(.info, message, fields)
    }

    public func debug(_ message: String, _ fields: KeyValuePairs<String, Any> = [:]) {
        log(.debug, message, fields)
    }

    /// Quotes a value that contains spaces, quotes or control characters.
    static func quoted(_ value: String) -> String {
        let needsQuotes = value.isEmpty || value.contains { $0 == " " || $0 == "\"" || $0.isNewline }
        guard needsQuotes else { return value }
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\r", with: "\\r")
        return "\"\(escaped)\""
    }
}
