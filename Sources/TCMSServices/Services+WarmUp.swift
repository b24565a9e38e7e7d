import TCMSDomain

extension Services {
    /// Parses the embedded code lists now, so the first request that checks a division or an
    /// industry code does not pay for the parse (a few hundred milliseconds in a debug build).
    public static func warmUp() {
        _ = Divisions.standard.count
        _ = Industries.standard
        _ = Countries.standard
        _ = ContractCodes.standard
    }
}
