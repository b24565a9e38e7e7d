import TCMSDomain

/// The validity period of a grant: inclusive China dates, either end open when nil.
struct AuthorizationPeriod {
    var from: CivilDate?
    var until: CivilDate?

    /// Reads `validFrom` and `validUntil`, reporting malformed dates and an end before the
    /// start (`invalid_period`, on `validUntil`). Returns nil when a problem was reported.
    static func read(_ reader: inout FieldReader) -> AuthorizationPeriod? {
        let before = reader.problems.count
        let from = reader.date("validFrom")
        let until = reader.date("validUntil")
        if let from, let until, until < from {
            reader.report(
                DomainViolation(
                    reason: "invalid_period",
                    message: "validUntil \(until) is before validFrom \(from).",
                    messageZh: "授权截止日期 \(until) 早于起始日期 \(from)。"), "validUntil")
        }
        guard reader.problems.count == before else { return nil }
        return AuthorizationPeriod(from: from, until: until)
    }
}

/// Reading of the fields that identify the person to authorize.
enum AuthorizationInput {
    /// Reads `name` (or `nameField`), `documentType` (code or Chinese label) and
    /// `documentNumber`, normalised as registration stores it: a resident ID's check character
    /// `x` becomes `X`. Returns nil when a problem was reported.
    static func person(
        _ reader: inout FieldReader, today: CivilDate, nameField: String = "name"
    ) -> (name: String, document: DocumentNumber)? {
        let name = reader.required(nameField, maxLength: 100)
        let type = reader.enumeration("documentType", DocumentType.self, required: true)
        let number = reader.required("documentNumber", maxLength: 40)
        guard let type else { return nil }
        let document = reader.check("documentNumber", number) {
            (input: String) throws(DomainViolation) -> DocumentNumber in
            try DocumentNumber(type: type, input: input, today: today)
        }
        guard let name, let document else { return nil }
        return (name, document)
    }

    /// Reads `matter` as a code or label; absent means `tech_contract_handler`, the one
    /// matter the service offers.
    static func matter(_ reader: inout FieldReader) -> AuthorizationMatter? {
        guard reader.object["matter"].map({ !$0.isNull }) ?? false else {
            return .techContractHandler
        }
        return reader.enumeration("matter", AuthorizationMatter.self, required: true)
    }
}
