/// The last day on which the office may decide a contract, for the clerk's view.
public struct StatutoryDeadline: Sendable, Hashable {
    /// The China Standard Time date on which the office received the signed text.
    public let textReceivedOn: CivilDate
    /// The limit that applies.
    public let limit: ContractTimeLimit
    /// The last day of the limit, inclusive.
    public let lastDay: CivilDate
    /// Whether some year from receipt to the last day has no rows in the holiday calendar,
    /// so that the last day assumes plain Monday-to-Friday weeks and may be wrong.
    public let isEstimate: Bool
}

extension WorkingDayCalendar {
    /// Returns the deadline of a contract whose text was received on `textReceivedOn`.
    ///
    /// The count starts on the day after receipt, as the Civil Code (Article 201) counts
    /// periods in days. A working-day limit ends on its last working day. A calendar-day limit
    /// ending on a rest day moves to the next working day (Article 203).
    public func deadline(
        textReceivedOn: CivilDate, ruleSet: ContractRuleSet, techAmount: Money
    ) -> StatutoryDeadline {
        // NOTE: neither registration measure was at hand to confirm that it counts this way,
        // so the Civil Code's general rules on periods are applied.
        let limit = ruleSet.timeLimit(techAmount: techAmount)

        var lastDay: CivilDate
        switch limit {
        case .workingDays(let days):
            lastDay = add(workingDays: days, to: textReceivedOn)
        case .calendarDays(let days):
            guard let day = textReceivedOn.adding(days: days) else {
                preconditionFailure("\(days) days after \(textReceivedOn) leave the years 1-9999")
            }
            lastDay = isWorkingDay(day) ? day : add(workingDays: 1, to: day)
        }

        let uncovered = (textReceivedOn.year...lastDay.year).contains { !covers(year: $0) }
        return StatutoryDeadline(
            textReceivedOn: textReceivedOn, limit: limit, lastDay: lastDay, isEstimate: uncovered)
    }

    /// Returns the days left before `deadline` on `today`, in the unit of its limit.
    ///
    /// It is 0 on the last day itself and positive before it: the working days (or calendar
    /// days) after `today` up to the last day. After the last day it is negative, minus the
    /// days overdue, and at least -1 even when only rest days have passed since.
    public func daysLeft(until deadline: StatutoryDeadline, today: CivilDate) -> Int {
        switch deadline.limit {
        case .calendarDays:
            return deadline.lastDay.days(since: today)
        case .workingDays:
            let left = workingDays(from: today, to: deadline.lastDay)
            return today > deadline.lastDay ? min(left, -1) : left
        }
    }

    /// Returns the days left on `today` for a contract whose text was received on
    /// `textReceivedOn`; see `daysLeft(until:today:)`.
    public func daysLeft(
        textReceivedOn: CivilDate, ruleSet: ContractRuleSet, techAmount: Money, today: CivilDate
    ) -> Int {
        let deadline = deadline(
            textReceivedOn: textReceivedOn, ruleSet: ruleSet, techAmount: techAmount)
        return daysLeft(until: deadline, today: today)
    }
}
