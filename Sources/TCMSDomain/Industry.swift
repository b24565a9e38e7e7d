/// One GB/T 4754-2017 industry code.
public struct Industry: Sendable, Equatable {
    /// Code as the standard writes it: a section letter, or 2, 3 or 4 digits without the letter.
    public let code: String
    /// Level of the code.
    public let level: IndustryLevel
    /// Chinese name.
    public let name: String
    /// Code one level up; nil for sections.
    public let parent: String?
}
