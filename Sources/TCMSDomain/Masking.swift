/// Masking of identity and phone numbers for display and logs.
public enum Masking {
    private static let stars = "*****"

    /// Masks an identity or document number: one of 12 characters or more keeps its first 4
    /// and last 4 characters (`1101*****7216`), a shorter one its first 2 and last 2
    /// (`H1*****78`). A value of 4 characters or fewer becomes `*****` alone, because keeping
    /// 2 + 2 would show all of it.
    public static func mask(_ value: String) -> String {
        let characters = Array(value)
        if characters.count >= 12 {
            return String(characters.prefix(4)) + stars + String(characters.suffix(4))
        }
        if characters.count > 4 {
            return String(characters.prefix(2)) + stars + String(characters.suffix(2))
        }
        return stars
    }

    /// Masks a mobile number, keeping its first 2 and last 3 characters (`18*****609`). A value
    /// of 5 characters or fewer becomes `*****` alone.
    public static func maskMobile(_ value: String) -> String {
        let characters = Array(value)
        guard characters.count > 5 else {
            return stars
        }
        return String(characters.prefix(2)) + stars + String(characters.suffix(3))
    }
}
