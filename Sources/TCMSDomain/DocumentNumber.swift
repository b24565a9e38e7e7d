/// A validated identity document number of any of the seven document types.
public struct DocumentNumber: Sendable, Hashable, CustomStringConvertible {
    /// Document type.
    public let type: DocumentType
    /// Normalised number: ASCII letters upper-cased, as it is stored and compared.
    public let value: String
    /// The parsed parts when `type` is `.residentID`.
    public let residentID: ResidentID?

    /// Validates `input` as a number of `type`: resident IDs by `ResidentID.parse` (with
    /// `today` and `divisions`), every other type by `PermitNumber.normalise`.
    public init(
        type: DocumentType, input: String, today: CivilDate, divisions: Divisions = .standard
    ) throws(DomainViolation) {
        self.type = type
        if type == .residentID {
            let parsed = try ResidentID.parse(input, today: today, divisions: divisions)
            value = parsed.number
            residentID = parsed
        } else {
            value = try PermitNumber.normalise(input, type: type)
            residentID = nil
        }
    }

    /// Masked number for display and logs.
    public var masked: String {
        Masking.mask(value)
    }

    public var description: String {
        "\(type.rawValue) \(masked)"
    }
}
