import Foundation
import TCMSStorage

/// Every daemon setting with its default. etc/tcms.conf documents each one; the names there are
/// the `key` strings below.
public struct Configuration: Sendable, Equatable {
    public var stateDirectory: String?
    public var socketPath: String?
    public var logLevel: Logger.Level = .info
    public var synchronous: Store.Synchronous = .full
    public var busyTimeoutMilliseconds = 5_000
    public var readerConnections = 4
    public var maxConnections = 1_024
    public var maxConnectionsPerUID = 512
    public var maxLineBytes = 1_048_576
    public var maxBatchSize = 100
    public var idleTimeoutSeconds = 600
    public var readTimeoutSeconds = 30
    public var writeTimeoutSeconds = 30
    public var shutdownGraceSeconds = 10
    /// An executable that sends text messages, run with the mobile number and the text as its
    /// two arguments; nil keeps messages in the outbox.
    public var smsCommand: String?
    /// An executable that verifies real names in place of the national platform: a JSON
    /// record on stdin, `{"verified": true|false}` on stdout; nil uses the embedded checks.
    public var verifyCommand: String?
    /// A holiday calendar file (TSV: date, kind, name) that replaces the embedded one for the
    /// statutory time limits of contracts; nil uses the embedded calendar.
    public var holidayCalendar: String?
    /// A file of the registration form's code lists (TSV: list, code, name, parent, confirmed)
    /// that replaces the embedded one; nil uses the embedded lists.
    public var contractCodes: String?
    /// A directory whose files replace the embedded templates (资料下载); nil serves the
    /// embedded ones.
    public var templatesDirectory: String?
    /// Days before the end of an approved contract's validity from which a contract without
    /// execution records shows as an execution reminder (执行提醒).
    public var executionReminderDays = 30

    public init() {}

    /// A configuration file that cannot be used, with the line at fault.
    public struct FileError: Error, Sendable, CustomStringConvertible {
        public let path: String
        public let line: Int
        public let detail: String

        public var description: String { "\(path):\(line): \(detail)" }
    }

    /// Reads `key = value` lines; `#` starts a comment. An unknown key or a bad value is an
    /// error naming the line, so a typo never silently leaves a default in force.
    public static func load(path: String) throws -> Configuration {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw FileError(
                path: path, line: 0,
                detail: "cannot read the file as UTF-8 text: \(error.localizedDescription)")
        }

        var configuration = Configuration()
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
        {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                .first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
            if line.isEmpty { continue }
            guard let equals = line.firstIndex(of: "=") else {
                throw FileError(path: path, line: index + 1, detail: "expected key = value")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            do {
                try configuration.set(key: key, value: value)
            } catch let error as SettingError {
                throw FileError(path: path, line: index + 1, detail: error.detail)
            }
        }
        return configuration
    }

    struct SettingError: Error {
        let detail: String
    }

    mutating func set(key: String, value: String) throws {
        func integer(_ range: ClosedRange<Int>) throws -> Int {
            guard let number = Int(value), range.contains(number) else {
                throw SettingError(
                    detail: "\(key) must be a whole number from \(range.lowerBound) "
                        + "to \(range.upperBound), not \"\(value)\"")
            }
            return number
        }
        // An empty value means the setting is off; any other must be an absolute path.
        func absolutePath() throws -> String? {
            guard value.isEmpty || value.hasPrefix("/") else {
                throw SettingError(detail: "\(key) must be an absolute path, not \"\(value)\"")
            }
            return value.isEmpty ? nil : value
        }

        switch key {
        case "state_dir": stateDirectory = value.isEmpty ? nil : value
        case "socket": socketPath = value.isEmpty ? nil : value
        case "log_level":
            guard let level = Logger.Level(name: value) else {
                throw SettingError(detail: "log_level must be error, warning, notice, info or debug")
            }
            logLevel = level
        case "synchronous":
            guard let mode = Store.Synchronous(rawValue: value.uppercased()) else {
                throw SettingError(detail: "synchronous must be full or normal")
            }
            synchronous = mode
        case "busy_timeout_ms": busyTimeoutMilliseconds = try integer(100...600_000)
        case "reader_connections": readerConnections = try integer(1...64)
        case "max_connections": maxConnections = try integer(1...100_000)
        case "max_connections_per_uid": maxConnectionsPerUID = try integer(1...100_000)
        case "max_line_bytes": maxLineBytes = try integer(1_024...(256 << 20))
        case "max_batch_size": maxBatchSize = try integer(1...10_000)
        case "idle_timeout_seconds": idleTimeoutSeconds = try integer(1...86_400)
        case "read_timeout_seconds": readTimeoutSeconds = try integer(1...3_600)
        case "write_timeout_seconds": writeTimeoutSeconds = try integer(1...3_600)
        case "shutdown_grace_seconds": shutdownGraceSeconds = try integer(0...600)
        case "execution_reminder_days": executionReminderDays = try integer(0...3_650)
        case "sms_command": smsCommand = try absolutePath()
        case "verify_command": verifyCommand = try absolutePath()
        case "holiday_calendar": holidayCalendar = try absolutePath()
        case "contract_codes": contractCodes = try absolutePath()
        case "templates_directory": templatesDirectory = try absolutePath()
        default:
            throw SettingError(detail: "unknown setting \"\(key)\"; etc/tcms.conf lists them all")
        }
    }
}
