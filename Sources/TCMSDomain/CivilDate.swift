/// A calendar date in the proleptic Gregorian calendar, with no time or zone attached.
///
/// tcms keeps dates as China Standard Time calendar dates; `ChinaTime` converts instants.
/// Day arithmetic uses the days-from-civil algorithm by Howard Hinnant ("chrono-compatible
/// low-level date algorithms"), so no `Calendar` and no process time zone is involved.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Year, 1 to 9999.
    public let year: Int
    /// Month, 1 to 12.
    public let month: Int
    /// Day of the month, 1 to the length of the month.
    public let day: Int

    /// Creates a date; returns nil unless it exists in the calendar and the year is 1-9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else {
            return nil
        }
        guard day >= 1, day <= Self.daysInMonth(year: year, month: month) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD` with ASCII digits, for a date that exists.
    public init?(_ text: String) {
        let characters = Array(text)
        guard characters.count == 10, characters[4] == "-", characters[7] == "-" else {
            return nil
        }

        let digits = characters.enumerated().filter { $0.offset != 4 && $0.offset != 7 }
        guard digits.allSatisfy({ $0.element.isASCIIDigit }) else {
            return nil
        }

        let year = Int(String(characters[0..<4]))!
        let month = Int(String(characters[5..<7]))!
        let day = Int(String(characters[8..<10]))!
        self.init(year: year, month: month, day: day)
    }

    /// Parses `YYYY-MM-DD`, throwing `invalid_date` naming `text` when it is not a real date.
    public static func parse(_ text: String) throws(DomainViolation) -> CivilDate {
        guard let date = CivilDate(text) else {
            throw DomainViolation(
                reason: "invalid_date",
                message: "Invalid date \"\(text)\": expected an existing date as YYYY-MM-DD.",
                messageZh: "日期“\(text)”无效：应为实际存在的日期，格式为 YYYY-MM-DD。")
        }
        return date
    }

    /// Tells whether `year` is a leap year in the Gregorian calendar.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Number of days in `month` of `year`.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The date as `YYYY-MM-DD`.
    public var description: String {
        Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2)
    }

    /// Days since 1970-01-01 (negative before it).
    public var daysSinceEpoch: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Creates the date `days` days after 1970-01-01; nil outside the years 1-9999.
    public init?(daysSinceEpoch days: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra =
            (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(year: year, month: month, day: day)
    }

    /// Returns the date `days` days later (earlier when negative); nil past the years 1-9999.
    public func adding(days: Int) -> CivilDate? {
        CivilDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// Number of days from `other` to this date, positive when this date is later.
    public func days(since other: CivilDate) -> Int {
        daysSinceEpoch - other.daysSinceEpoch
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
