/// The level of a GB/T 4754-2017 industry code.
public enum IndustryLevel: String, Labelled {
    /// A letter A-T (门类).
    case section
    /// Two digits (大类).
    case division
    /// Three digits (中类).
    case group
    /// Four digits (小类), the level a registration form requires.
    case `class`

    public var label: String {
        switch self {
        case .section: "门类"
        case .division: "大类"
        case .group: "中类"
        case .class: "小类"
        }
    }
}
