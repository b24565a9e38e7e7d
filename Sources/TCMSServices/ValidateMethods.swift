import Foundation
import TCMSDomain
import TCMSJSON
import TCMSRPC

/// `validate.field`: one value checked by the very validator registration uses, so a portal can
/// mark a field as the user types and get the reason registration would give.
enum ValidateMethods {
    static let kinds = [
        "documentNumber", "uscc", "divisionCode", "postcode", "mobile", "email", "loginName",
        "password",
    ]

    static func specs(environment: ServiceEnvironment) -> [MethodSpec] {
        [
            MethodSpec(
                "validate.field",
                summary: "Checks one value of a kind (documentNumber with documentType, uscc, "
                    + "divisionCode, postcode, mobile, email, loginName, password) and returns "
                    + "the normalised value or the reasons registration would give.",
                params: [
                    ParamSpec("kind", .string, required: true, kinds.joined(separator: ", ")),
                    ParamSpec("value", .string, required: true, "the value to check"),
                    ParamSpec("documentType", .string, "document type, for documentNumber"),
                ],
                result: "{valid, value?, problems: [{reason, message, messageZh}]}",
                roles: .everyone, errors: ["unknown_kind"]
            ) { _, params in
                let kind = try params.requiredString("kind")
                let value = try params.requiredString("value")
                guard kinds.contains(kind) else {
                    throw RPCError.invalidParams(
                        "params.kind must be one of \(kinds.joined(separator: ", "))",
                        field: "params.kind", reason: "unknown_kind")
                }
                let today = environment.clock.today()
                let (normalised, problems) = check(
                    kind, value, documentType: params.string("documentType"), today: today)
                var result: JSONObject = [
                    "valid": .bool(problems.isEmpty),
                    "problems": .array(problems.map { violation in
                        [
                            "reason": .string(violation.reason),
                            "message": .string(violation.message),
                            "messageZh": .string(violation.messageZh),
                        ]
                    }),
                ]
                if problems.isEmpty, let normalised { result["value"] = .string(normalised) }
                return .object(result)
            },
        ]
    }

    private static func check(
        _ kind: String, _ value: String, documentType: String?, today: CivilDate
    ) -> (String?, [DomainViolation]) {
        var reader = FieldReader(["value": .string(value)], prefix: "")
        var normalised: String?
        switch kind {
        case "documentNumber":
            let type = documentType.flatMap {
                DocumentType(rawValue: $0) ?? DocumentType(label: $0)
            } ?? .residentID
            normalised = reader.check("value", value) { (text) throws(DomainViolation) in
                try DocumentNumber(type: type, input: text, today: today).value
            }
        case "uscc":
            normalised = reader.check("value", value) { (text) throws(DomainViolation) in
                try USCC.parse(text).code
            }
        case "mobile":
            normalised = reader.check("value", value) { (text) throws(DomainViolation) in
                try MobileNumber.validate(text)
                return text
            }
        case "loginName":
            normalised = reader.check("value", value) { (text) throws(DomainViolation) in
                try LoginName.validate(text)
                return text
            }
        case "password":
            return (nil, PasswordRule.violations(of: value))
        case "email":
            normalised = reader.email("value")
        default:
            var renamed = FieldReader([kind: .string(value)], prefix: "")
            normalised = EntityValidation.profileChecks[kind]!(&renamed)
            return (normalised, renamed.problems.map(\.0))
        }
        return (normalised, reader.problems.map(\.0))
    }
}
