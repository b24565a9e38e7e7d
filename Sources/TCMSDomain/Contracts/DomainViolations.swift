/// Several broken rules of one input, reported together so the caller can fix them at once.
public struct DomainViolations: Error, Equatable, Sendable, CustomStringConvertible {
    /// The violations, each naming its wire field, in the order of the fields checked.
    public var all: [DomainViolation]

    /// Creates the error; `all` should not be empty.
    public init(_ all: [DomainViolation]) {
        self.all = all
    }

    /// The reasons, for matching in tests and logs.
    public var reasons: [String] {
        all.map(\.reason)
    }

    public var description: String {
        all.map(\.description).joined(separator: "; ")
    }
}
