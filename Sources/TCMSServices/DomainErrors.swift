import TCMSDomain
import TCMSRPC

extension RPCError {
    /// Converts a broken domain rule into a protocol error: code 2001 with the rule's reason, messages and
    /// the wire field it concerns.
    public init(_ violation: DomainViolation, field: String? = nil) {
        self.init(
            code: RPCErrorCode.validationFailed, reason: violation.reason,
            message: violation.message, messageZh: violation.messageZh,
            field: field ?? violation.field)
    }

    /// Builds the error of a rule that a service checks rather than the domain: code 2001 with
    /// `reason`, the messages and the one field at fault.
    static func validationFailed(
        _ reason: String, field: String, _ message: String, _ messageZh: String
    ) -> RPCError {
        RPCError(
            code: RPCErrorCode.validationFailed, reason: reason, message: message,
            messageZh: messageZh, field: field)
    }

    /// Several broken rules reported at once, each with its own field.
    public static func validation(_ violations: [(DomainViolation, String)]) -> RPCError {
        let details = violations.map { RPCError($0.0, field: $0.1) }
        if details.count == 1 { return details[0] }
        return RPCError(
            code: RPCErrorCode.validationFailed, reason: "several_problems",
            message: "\(details.count) fields are invalid: "
                + details.compactMap(\.field).joined(separator: ", "),
            messageZh: "有 \(details.count) 项内容不符合要求", errors: details)
    }
}
