/// One row of the holiday calendar: a day whose status differs from the plain rule that
/// Monday to Friday are working days.
public struct CalendarAdjustment: Sendable, Hashable {
    /// The day, in China Standard Time.
    public let date: CivilDate
    /// Whether the day is a rest day or a working day.
    public let kind: CalendarDayKind
    /// The holiday's Chinese name, such as 春节.
    public let name: String
}
