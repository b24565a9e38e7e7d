/// One ISO 3166-1 country or territory.
public struct Country: Sendable, Equatable {
    /// Two-letter code, upper case (`CN`).
    public let alpha2: String
    /// Three-letter code (`CHN`).
    public let alpha3: String
    /// Three-digit numeric code with leading zeros (`156`).
    public let numeric: String
    /// English short name.
    public let name: String
    /// Chinese name; nil when the list carries none.
    public let nameZh: String?
}
