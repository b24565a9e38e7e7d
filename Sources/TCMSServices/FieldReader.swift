import Foundation
import TCMSDomain
import TCMSJSON

/// Reads the fields of one record (a call's params or an imported line) and collects every
/// problem, so a caller learns about all missing and malformed fields at once.
///
/// Field names in problems carry `prefix`: `params.documentNumber` for a call, plain
/// `documentNumber` for an imported line.
struct FieldReader {
    let object: JSONObject
    let prefix: String
    private(set) var problems: [(DomainViolation, String)] = []

    init(_ object: JSONObject, prefix: String) {
        self.object = object
        self.prefix = prefix
    }

    func path(_ name: String) -> String {
        prefix + name
    }

    mutating func report(_ violation: DomainViolation, _ name: String) {
        problems.append((violation, path(name)))
    }

    /// Rejects every member whose name is not in `known`; calls get this check from the
    /// dispatcher, imported lines from here.
    mutating func rejectUnknown(_ known: Set<String>) {
        for key in object.keys where !known.contains(key) {
            report(
                DomainViolation(
                    reason: "unknown_field", message: "Unknown field \(key).",
                    messageZh: "未知字段 \(key)。"), key)
        }
    }

    /// The field as trimmed text; nil when absent, null or blank. A present field that is not a
    /// string is reported as `wrong_type`.
    mutating func text(_ name: String, maxLength: Int = 200) -> String? {
        guard let value = object[name], !value.isNull else { return nil }
        guard let raw = value.stringValue else {
            report(
                DomainViolation(
                    reason: "wrong_type",
                    message: "\(name) must be a string, not \(value.typeName).",
                    messageZh: "\(name) 应为字符串。"), name)
            return nil
        }
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        // Counted in code points, as SQLite's length() counts them in the tables' CHECKs.
        if trimmed.unicodeScalars.count > maxLength {
            report(
                DomainViolation(
                    reason: "too_long", message: "\(name) is longer than \(maxLength) characters.",
                    messageZh: "\(name) 超过 \(maxLength) 个字符。"), name)
            return nil
        }
        if trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            report(
                DomainViolation(
                    reason: "control_character",
                    message: "\(name) contains a control character.",
                    messageZh: "\(name) 含有控制字符。"), name)
            return nil
        }
        return trimmed
    }

    /// The field as text, reporting `missing_field` when it is absent or blank.
    mutating func required(_ name: String, maxLength: Int = 200) -> String? {
        let present = object[name].map { !$0.isNull } ?? false
        let value = text(name, maxLength: maxLength)
        if value == nil && !(present && problems.last?.1 == path(name)) {
            report(Self.missing(name), name)
        }
        return value
    }

    static func missing(_ name: String) -> DomainViolation {
        DomainViolation(
            reason: "missing_field", message: "\(name) is required.",
            messageZh: "\(name) 为必填项。")
    }

    /// Reports `not_applicable` when `name` is given although this kind of record has no such
    /// field.
    mutating func forbid(_ name: String, because: String) {
        guard let value = object[name], !value.isNull else { return }
        report(
            DomainViolation(
                reason: "not_applicable", message: "\(name) does not apply to \(because).",
                messageZh: "\(name) 不适用于\(because)。"), name)
    }

    /// The field as a case of `E`, by code or by Chinese label.
    mutating func enumeration<E: Labelled>(_ name: String, _ type: E.Type, required: Bool)
        -> E?
    {
        let value = required ? self.required(name) : text(name)
        guard let value else { return nil }
        guard let parsed = E(rawValue: value) ?? E(label: value) else {
            let codes = E.allCases.map(\.rawValue).joined(separator: ", ")
            report(
                DomainViolation(
                    reason: "invalid_code",
                    message: "Invalid \(name) \(value): expected one of \(codes).",
                    messageZh: "\(name) 的取值 \(value) 无效。"), name)
            return nil
        }
        return parsed
    }

    /// The field as a calendar date `YYYY-MM-DD`.
    mutating func date(_ name: String, required: Bool = false) -> CivilDate? {
        let value = required ? self.required(name) : text(name)
        guard let value else { return nil }
        do throws(DomainViolation) {
            return try CivilDate.parse(value)
        } catch {
            report(error, name)
            return nil
        }
    }

    /// Runs a domain check on a present field and reports its violation.
    mutating func check<T>(
        _ name: String, _ value: String?, _ body: (String) throws(DomainViolation) -> T
    ) -> T?
    {
        guard let value else { return nil }
        do throws(DomainViolation) {
            return try body(value)
        } catch {
            report(error, name)
            return nil
        }
    }

    /// An e-mail address: one `@` with text on both sides and a dot in the domain.
    mutating func email(_ name: String) -> String? {
        guard let value = text(name, maxLength: 254) else { return nil }
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            !value.contains(" ")
        else {
            report(
                DomainViolation(
                    reason: "invalid_email", message: "Invalid e-mail address.",
                    messageZh: "电子邮箱格式无效。"), name)
            return nil
        }
        return value
    }
}

extension String {
    /// True when the string is not empty and holds only the ASCII digits 0-9.
    var isASCIIDigitString: Bool {
        !isEmpty && utf8.allSatisfy { (0x30...0x39).contains($0) }
    }
}
