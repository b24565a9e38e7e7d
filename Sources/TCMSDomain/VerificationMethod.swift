/// The method by which the identity behind a document is verified.
public enum VerificationMethod: String, Labelled {
    /// Checked online against the national platform (or the configured stand-in).
    case online
    /// Checked by a material reviewer from uploaded material.
    case manual

    public var label: String {
        switch self {
        case .online: "在线核验"
        case .manual: "人工审核"
        }
    }
}
