/// A domain rule that an input breaks, as every validator in this module reports it.
///
/// `reason` is a stable snake_case code that callers match on and that travels as
/// `data.reason` on the wire. The messages are for people and may change. A message can
/// repeat part of the caller's own input (a birth date, an address code, the 18-digit form
/// of a first-generation ID), so log `reason` and `field`, not the messages.
public struct DomainViolation: Error, Equatable, Sendable, CustomStringConvertible {
    /// Stable snake_case code, for example `invalid_check_character`.
    public var reason: String

    /// The field at fault, when exactly one is; validators leave it nil and callers set it
    /// with `at(_:)`, because only they know the wire name.
    public var field: String?

    /// English message.
    public var message: String

    /// Chinese message.
    public var messageZh: String

    /// Creates a violation.
    public init(reason: String, field: String? = nil, message: String, messageZh: String) {
        self.reason = reason
        self.field = field
        self.message = message
        self.messageZh = messageZh
    }

    /// Returns a copy that names `field` as the field at fault.
    public func at(_ field: String) -> DomainViolation {
        var copy = self
        copy.field = field
        return copy
    }

    public var description: String {
        "\(reason): \(message)"
    }
}
