/// One period in which a GB/T 2260 code carried one name.
///
/// A code can have several periods, for example 150105 was 郊区 from 1983 to 1999 and has been
/// 赛罕区 since 2000. Both years are inclusive.
public struct DivisionPeriod: Sendable, Equatable {
    /// Six-digit division code.
    public let code: String
    /// Name during this period.
    public let name: String
    /// Code of the province, `XX0000`.
    public let provinceCode: String
    /// Code of the prefecture, `XXYY00`; nil for province-level codes.
    public let prefectureCode: String?
    /// First year of the period; nil when the code predates the data (which starts in 1980).
    public let validFromYear: Int?
    /// Last year of the period; nil while the code is still in use.
    public let validUntilYear: Int?

    /// Level of the code.
    public var level: DivisionLevel {
        if prefectureCode == nil {
            return .province
        }
        return prefectureCode == code ? .prefecture : .county
    }

    /// Tells whether the period includes `year`.
    public func includes(year: Int) -> Bool {
        if let from = validFromYear, year < from {
            return false
        }
        if let until = validUntilYear, year > until {
            return false
        }
        return true
    }
}
