/// The statutory time limit for the office's decision, counted from the day after the text
/// was received.
public enum ContractTimeLimit: Sendable, Hashable, CustomStringConvertible {
    /// A number of calendar days.
    case calendarDays(Int)
    /// A number of working days of `WorkingDayCalendar`.
    case workingDays(Int)

    /// The number of days, in the limit's own unit.
    public var days: Int {
        switch self {
        case .calendarDays(let days), .workingDays(let days): days
        }
    }

    /// The limit as a person reads it: `30日` or `15个工作日`.
    public var label: String {
        switch self {
        case .calendarDays(let days): "\(days)日"
        case .workingDays(let days): "\(days)个工作日"
        }
    }

    /// The limit in English: `30 calendar days` or `15 working days`.
    public var description: String {
        switch self {
        case .calendarDays(let days): "\(days) calendar days"
        case .workingDays(let days): "\(days) working days"
        }
    }
}
