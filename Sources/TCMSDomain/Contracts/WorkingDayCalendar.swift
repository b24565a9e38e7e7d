import Foundation

/// Working days in mainland China: Monday to Friday, except the public holidays, plus the
/// weekend days the State Council makes working days in exchange (调休上班).
///
/// The adjustments come from a TSV embedded in the binary (`embeddedTSV`), which an operator
/// can replace with `load(path:)`. Days of a year without any row in the file follow the
/// plain weekday rule, which `covers(year:)` reports as not covered.
public struct WorkingDayCalendar: Sendable {
    static let header = ["date", "kind", "name"]
    private static let listName = "holiday-calendar"

    /// The embedded calendar, parsed on first use.
    public static let standard: WorkingDayCalendar = {
        do {
            return try WorkingDayCalendar(tsv: embeddedTSV)
        } catch {
            fatalError("The embedded holiday calendar is invalid: \(error)")
        }
    }()

    /// Every adjusted day, in date order.
    public let adjustments: [CalendarAdjustment]

    /// The years that have at least one row, taken as fully covered by the file.
    public let coveredYears: Set<Int>

    private let byDay: [Int: CalendarAdjustment]

    /// Parses a calendar in the embedded format.
    ///
    /// Lines starting with `#` and blank lines are skipped. The first other line must be the header
    /// `date`, `kind`, `name`. Each row needs an existing date, the kind `holiday` or
    /// `workday` and a name. A date may appear only once. A `workday` must be a Saturday or
    /// Sunday, because a weekday already is a working day. Throws `invalid_code_list`
    /// naming the line.
    public init(tsv: String) throws(DomainViolation) {
        var adjustments: [CalendarAdjustment] = []
        var byDay: [Int: CalendarAdjustment] = [:]
        var headerSeen = false

        for (index, line) in Self.lines(of: tsv).enumerated() {
            let lineNumber = index + 1
            if line.isEmpty || line.hasPrefix("#") {
                continue
            }

            let fields = line.unicodeScalars.split(
                separator: "\t", omittingEmptySubsequences: false
            ).map { String(String.UnicodeScalarView($0)) }
            guard headerSeen else {
                guard fields == Self.header else {
                    throw Self.invalid(
                        line: lineNumber, "the header must be the columns date, kind, name",
                        "表头应为以下列：date, kind, name")
                }
                headerSeen = true
                continue
            }

            let adjustment = try Self.adjustment(from: fields, line: lineNumber)
            guard byDay[adjustment.date.daysSinceEpoch] == nil else {
                throw Self.invalid(
                    line: lineNumber, "the date \(adjustment.date) appears twice",
                    "日期 \(adjustment.date) 重复出现")
            }
            byDay[adjustment.date.daysSinceEpoch] = adjustment
            adjustments.append(adjustment)
        }

        guard headerSeen else {
            throw Self.invalid(line: 1, "the file has no header", "文件缺少表头")
        }

        self.adjustments = adjustments.sorted { $0.date < $1.date }
        self.byDay = byDay
        coveredYears = Set(adjustments.map(\.date.year))
    }

    /// Loads a calendar in the embedded format from `path`, for an operator's newer edition.
    public static func load(path: String) throws(DomainViolation) -> WorkingDayCalendar {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw DomainViolation(
                reason: "code_list_unreadable",
                message: "Failed to read the \(listName) list from \(path) as UTF-8 text.",
                messageZh: "无法以 UTF-8 文本读取代码表 \(listName)：\(path)。")
        }
        return try WorkingDayCalendar(tsv: text)
    }

    /// Tells whether the file has rows for `year`, so that its days are known exactly.
    public func covers(year: Int) -> Bool {
        coveredYears.contains(year)
    }

    /// Returns the adjustment for `date`, or nil for a day that follows the weekday rule.
    public func adjustment(on date: CivilDate) -> CalendarAdjustment? {
        byDay[date.daysSinceEpoch]
    }

    /// Tells whether `date` is a working day.
    public func isWorkingDay(_ date: CivilDate) -> Bool {
        switch adjustment(on: date)?.kind {
        case .holiday: false
        case .workday: true
        case nil: !date.isWeekend
        }
    }

    /// Returns the `count`-th working day after `date` (before it when `count` is negative),
    /// or `date` itself for 0. Days are counted from the day after `date`, so
    /// `workingDays(from: date, to: result) == count`. Traps past the years 1-9999.
    public func add(workingDays count: Int, to date: CivilDate) -> CivilDate {
        let step = count < 0 ? -1 : 1
        var remaining = count.magnitude
        var day = date

        while remaining > 0 {
            guard let next = day.adding(days: step) else {
                preconditionFailure("\(count) working days from \(date) leave the years 1-9999")
            }
            day = next
            if isWorkingDay(day) {
                remaining -= 1
            }
        }
        return day
    }

    /// Returns the number of working days after `start` up to and including `end`; negative
    /// when `end` is before `start`. The count of a received-on date to its deadline is the
    /// time limit itself.
    public func workingDays(from start: CivilDate, to end: CivilDate) -> Int {
        guard start <= end else {
            return -workingDays(from: end, to: start)
        }

        let first = start.daysSinceEpoch + 1
        let last = end.daysSinceEpoch
        var count = Self.weekdays(before: last + 1) - Self.weekdays(before: first)

        for adjustment in adjustments {
            let day = adjustment.date.daysSinceEpoch
            guard day >= first, day <= last else {
                continue
            }
            switch adjustment.kind {
            case .holiday where !adjustment.date.isWeekend: count -= 1
            case .workday: count += 1
            case .holiday: break
            }
        }
        return count
    }

    /// Number of Mondays to Fridays before the day `day` days after 1970-01-01, counted from
    /// a fixed Monday, so that differences give the weekdays of a range in constant time.
    private static func weekdays(before day: Int) -> Int {
        let sinceMonday = day + 3
        let weeks = (sinceMonday - CivilDate.floorModulo(sinceMonday, 7)) / 7
        return weeks * 5 + min(CivilDate.floorModulo(sinceMonday, 7), 5)
    }

    private static func adjustment(from fields: [String], line: Int) throws(DomainViolation)
        -> CalendarAdjustment
    {
        guard fields.count == header.count else {
            throw invalid(
                line: line, "expected 3 tab-separated fields, found \(fields.count)",
                "应有 3 个以制表符分隔的字段，实际为 \(fields.count) 个")
        }
        guard let date = CivilDate(fields[0]) else {
            throw invalid(
                line: line, "\"\(fields[0])\" is not a date as YYYY-MM-DD",
                "“\(fields[0])”不是 YYYY-MM-DD 格式的日期")
        }
        guard let kind = CalendarDayKind(rawValue: fields[1]) else {
            throw invalid(
                line: line, "the kind must be holiday or workday, not \"\(fields[1])\"",
                "类型应为 holiday 或 workday，而不是“\(fields[1])”")
        }
        guard !fields[2].isEmpty else {
            throw invalid(line: line, "the name is missing", "缺少名称")
        }
        guard kind == .holiday || date.isWeekend else {
            throw invalid(
                line: line, "\(date) is a weekday, so it cannot be an adjusted working day",
                "\(date) 本是工作日，不能列为调休上班日")
        }
        return CalendarAdjustment(date: date, kind: kind, name: fields[2])
    }

    /// Splits `text` into lines, dropping a trailing carriage return so CRLF files load.
    private static func lines(of text: String) -> [String] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map {
            var line = String.UnicodeScalarView($0)
            if line.last == "\r" {
                line.removeLast()
            }
            return String(line)
        }
    }

    private static func invalid(line: Int, _ english: String, _ chinese: String)
        -> DomainViolation
    {
        TSVTable.invalidRow(listName, line: line, english, chinese)
    }
}
