import TCMSStorage

/// Finds the registration office responsible for a division code.
public enum OfficeRouting {
    /// Returns the codes that can cover `code`, most specific first: the code itself, its prefecture
    /// (`XXYY00`) and its province (`XX0000`).
    static func coveringCandidates(of code: String) -> [String] {
        guard code.count == 6 else { return [] }
        let prefecture = code.prefix(4) + "00"
        let province = code.prefix(2) + "0000"
        var candidates: [String] = []
        for candidate in [code, String(prefecture), String(province)]
        where !candidates.contains(candidate) {
            candidates.append(candidate)
        }
        return candidates
    }

    /// Returns the id of the office covering `code` by its most specific region, or nil when
    /// no office covers it. Work for such a code waits in the operators' queue.
    public static func officeID(covering code: String, in database: Database) throws -> Int64? {
        for candidate in coveringCandidates(of: code) {
            let found = try database.queryFirst(
                "SELECT office_id FROM office_regions WHERE division_code = ?", [candidate]
            ) { $0.int64(0) }
            if let found { return found }
        }
        return nil
    }
}
