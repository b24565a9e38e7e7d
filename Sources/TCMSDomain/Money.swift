/// An exact amount of yuan, counted in fen (0.01 yuan) as an `Int64`.
///
/// On the wire money is a JSON string with exactly two decimals (`"120000.00"`), never a
/// binary float. Arithmetic throws `money_out_of_range` instead of overflowing.
public struct Money: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The amount in fen.
    public let fen: Int64

    /// Zero yuan.
    public static let zero = Money(fen: 0)

    /// Creates an amount of `fen` fen.
    public init(fen: Int64) {
        self.fen = fen
    }

    /// Creates an amount of whole yuan; throws `money_out_of_range` if it does not fit.
    public init(yuan: Int64) throws(DomainViolation) {
        let (fen, overflow) = yuan.multipliedReportingOverflow(by: 100)
        guard !overflow else {
            throw Self.outOfRange()
        }
        self.fen = fen
    }

    /// Parses the wire form: optional `-` (only when `allowNegative`), whole yuan without
    /// leading zeros, a dot and exactly two digits. `"120000.00"` and `"0.50"` pass.
    /// `"1e5"`, `"12.5"`, `"012.00"`, `"+1.00"` and `" 1.00"` throw `invalid_money`. A minus
    /// sign without `allowNegative` throws `negative_money`. An amount beyond `Int64` fen
    /// throws `money_out_of_range`.
    public static func parse(_ text: String, allowNegative: Bool = false) throws(DomainViolation)
        -> Money
    {
        var digits = Substring(text)
        let negative = digits.first == "-"
        if negative {
            digits = digits.dropFirst()
        }

        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, String(parts[0]).isASCIIDigits, parts[1].count == 2,
            String(parts[1]).isASCIIDigits, parts[0] == "0" || parts[0].first != "0"
        else {
            throw invalid(text)
        }
        guard !negative || allowNegative else {
            throw DomainViolation(
                reason: "negative_money",
                message: "Invalid amount \(text): it must not be negative.",
                messageZh: "金额 \(text) 无效：不能为负数。")
        }

        guard let yuan = Int64(parts[0]), let cents = Int64(parts[1]) else {
            throw outOfRange()
        }
        let (scaled, overflow) = yuan.multipliedReportingOverflow(by: 100)
        let (total, carry) = scaled.addingReportingOverflow(cents)
        guard !overflow, !carry else {
            throw outOfRange()
        }
        return Money(fen: negative ? -total : total)
    }

    /// The wire form with exactly two decimals, `"120000.00"` or `"-0.01"`.
    public var description: String {
        let magnitude = fen.magnitude
        let cents = magnitude % 100
        let sign = fen < 0 ? "-" : ""
        return sign + String(magnitude / 100) + "." + (cents < 10 ? "0" : "") + String(cents)
    }

    /// Returns the sum; throws `money_out_of_range` on overflow.
    public func adding(_ other: Money) throws(DomainViolation) -> Money {
        let (sum, overflow) = fen.addingReportingOverflow(other.fen)
        guard !overflow else {
            throw Self.outOfRange()
        }
        return Money(fen: sum)
    }

    /// Returns the difference; throws `money_out_of_range` on overflow.
    public func subtracting(_ other: Money) throws(DomainViolation) -> Money {
        let (difference, overflow) = fen.subtractingReportingOverflow(other.fen)
        guard !overflow else {
            throw Self.outOfRange()
        }
        return Money(fen: difference)
    }

    /// Returns the amount times `factor`; throws `money_out_of_range` on overflow.
    public func multiplied(by factor: Int64) throws(DomainViolation) -> Money {
        let (product, overflow) = fen.multipliedReportingOverflow(by: factor)
        guard !overflow else {
            throw Self.outOfRange()
        }
        return Money(fen: product)
    }

    public static func < (lhs: Money, rhs: Money) -> Bool {
        lhs.fen < rhs.fen
    }

    private static func invalid(_ text: String) -> DomainViolation {
        DomainViolation(
            reason: "invalid_money",
            message: "Invalid amount \"\(text)\": expected yuan with exactly two decimals, "
                + "such as \"120000.00\".",
            messageZh: "金额“\(text)”无效：应为保留两位小数的元金额，如“120000.00”。")
    }

    private static func outOfRange() -> DomainViolation {
        DomainViolation(
            reason: "money_out_of_range",
            message: "The amount is too large: the limit is 92233720368547758.07 yuan.",
            messageZh: "金额过大：上限为 92233720368547758.07 元。")
    }
}
