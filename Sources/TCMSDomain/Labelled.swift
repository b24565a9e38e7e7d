/// An enumeration whose cases travel as stable lower-case codes (the raw values) and are shown
/// to people by their Chinese `label`. Codes never change; labels may.
public protocol Labelled: RawRepresentable, CaseIterable, Sendable, Hashable
where RawValue == String {
    /// The Chinese text a person reads beside the code.
    var label: String { get }
}

extension Labelled {
    /// Finds the case whose Chinese label is `label`, for input written by people.
    public init?(label: String) {
        guard let match = Self.allCases.first(where: { $0.label == label }) else {
            return nil
        }
        self = match
    }
}
