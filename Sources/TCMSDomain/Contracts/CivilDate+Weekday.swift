extension CivilDate {
    /// ISO 8601 day of the week: 1 is Monday, 7 is Sunday. 1970-01-01 was a Thursday.
    public var isoWeekday: Int {
        Self.floorModulo(daysSinceEpoch + 3, 7) + 1
    }

    /// Whether the date is a Saturday or a Sunday.
    public var isWeekend: Bool {
        isoWeekday >= 6
    }

    static func floorModulo(_ value: Int, _ divisor: Int) -> Int {
        let remainder = value % divisor
        return remainder < 0 ? remainder + divisor : remainder
    }
}
