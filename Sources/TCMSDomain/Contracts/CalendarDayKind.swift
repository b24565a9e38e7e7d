/// The change that the State Council's holiday arrangement makes to a day.
public enum CalendarDayKind: String, Labelled {
    /// A rest day of a public holiday, including weekdays given as rest in exchange (调休).
    case holiday
    /// A Saturday or Sunday made a working day in exchange (调休上班).
    case workday

    public var label: String {
        switch self {
        case .holiday: "放假"
        case .workday: "调休上班"
        }
    }
}
