import TCMSStorage

/// One party of a contract as the registration form records it: name, ISO 3166 country,
/// GB/T 2260 division (domestic parties) and the form's party-nature code.
struct ContractParty: Sendable, Equatable {
    var name: String
    var country: String
    var division: String?
    var nature: String?

    /// Whether the party is outside mainland China, which makes a contract whose seller is
    /// such a party and whose buyer is not a technology import.
    var isAbroad: Bool { country != "CN" }

    /// Reads the registering entity as a party: its name, country (CN for a domestic entity),
    /// division and nature. Nil when the entity does not exist.
    static func entity(_ entityID: Int64, in database: Database) throws -> ContractParty? {
        try database.queryFirst(
            """
            SELECT name, region_type, country_code, division_code, nature
            FROM entities WHERE id = ?
            """, [entityID]
        ) { row in
            let domestic = row.string(1) == "domestic"
            return ContractParty(
                name: row.string(0),
                country: domestic ? "CN" : (row.optionalString(2) ?? "ZZ"),
                division: row.optionalString(3), nature: row.optionalString(4))
        }
    }
}
