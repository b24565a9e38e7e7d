import Foundation

/// A contract registration number (合同登记编号): 16 ASCII digits, the year of approval in
/// China Standard Time (4), the registering office's GB/T 2260 division code (6) and the
/// office's sequence in that year (6, from 000001).
///
/// `make` and `parse` are the only places that know the layout, so a province's variant is
/// a change to these two functions.
public struct RegistrationNumber: Sendable, Hashable, CustomStringConvertible {
    /// Highest sequence an office can issue in one year.
    public static let maxSequence = 999_999

    /// Year of approval, China Standard Time.
    public let year: Int
    /// The office's 6-digit division code.
    public let divisionCode: String
    /// Sequence within the office and year, 1 to 999999.
    public let sequence: Int

    /// The 16-digit number.
    public var description: String {
        Self.zeroPadded(year, 4) + divisionCode + Self.zeroPadded(sequence, 6)
    }

    /// Builds the number of the `sequence`-th approval of the office with `divisionCode` in
    /// `year`.
    ///
    /// Throws `invalid_registration_year` for a year outside 1000-9999,
    /// `invalid_division_code` unless the code is 6 ASCII digits, `invalid_sequence` below 1
    /// and `sequence_exhausted` above 999999, where the number would need a 7th digit.
    public static func make(year: Int, divisionCode: String, sequence: Int)
        throws(DomainViolation) -> RegistrationNumber
    {
        guard (1000...9999).contains(year) else {
            throw DomainViolation(
                reason: "invalid_registration_year",
                message: "Invalid registration year \(year): expected 4 digits.",
                messageZh: "登记年份 \(year) 无效：应为 4 位数字。")
        }
        guard divisionCode.count == 6, divisionCode.isASCIIDigits else {
            throw DomainViolation(
                reason: "invalid_division_code",
                message: "Invalid office division code \"\(divisionCode)\": expected 6 digits.",
                messageZh: "登记机构行政区划代码“\(divisionCode)”无效：应为 6 位数字。")
        }
        guard sequence >= 1 else {
            throw DomainViolation(
                reason: "invalid_sequence",
                message: "Invalid registration sequence \(sequence): it starts at 1.",
                messageZh: "登记流水号 \(sequence) 无效：应从 1 开始。")
        }
        guard sequence <= maxSequence else {
            throw DomainViolation(
                reason: "sequence_exhausted",
                message: "Office \(divisionCode) has used all 999999 registration numbers of "
                    + "\(year).",
                messageZh: "登记机构 \(divisionCode) 的 \(year) 年登记编号已用完（上限 999999）。")
        }
        return RegistrationNumber(year: year, divisionCode: divisionCode, sequence: sequence)
    }

    /// Builds the number for an approval at `approvedAt`, taking the year in China Standard
    /// Time: an approval at 2025-12-31T16:30:00Z gets the year 2026.
    public static func make(approvedAt: Date, divisionCode: String, sequence: Int)
        throws(DomainViolation) -> RegistrationNumber
    {
        try make(
            year: ChinaTime.date(of: approvedAt).year, divisionCode: divisionCode,
            sequence: sequence)
    }

    /// Parses a 16-digit number; throws `invalid_registration_number` for any other text,
    /// including a sequence of 000000.
    public static func parse(_ text: String) throws(DomainViolation) -> RegistrationNumber {
        let invalid = DomainViolation(
            reason: "invalid_registration_number",
            message: "Invalid registration number \"\(text)\": expected 16 digits, the year, the "
                + "office's division code and a sequence from 000001.",
            messageZh: "合同登记编号“\(text)”无效：应为 16 位数字，依次为年份、登记机构行政区划代码"
                + "和从 000001 起的流水号。")
        guard text.utf8.count == 16, text.isASCIIDigits else {
            throw invalid
        }

        let digits = Array(text)
        let year = Int(String(digits[0..<4]))!
        let divisionCode = String(digits[4..<10])
        let sequence = Int(String(digits[10..<16]))!
        do {
            return try make(year: year, divisionCode: divisionCode, sequence: sequence)
        } catch {
            throw invalid
        }
    }

    private static func zeroPadded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
