/// The wording of each permit format, for the `invalid_format` message.
struct PermitFormat {
    let english: String
    let chinese: String

    init(_ type: DocumentType) {
        switch type {
        case .hkMacauTravelPermit:
            english = "one letter followed by 8 digits, such as C12345678"
            chinese = "1 位字母加 8 位数字，如 C12345678"
        case .taiwanTravelPermit:
            english = "8 digits, or one letter followed by 8 digits"
            chinese = "8 位数字，或 1 位字母加 8 位数字"
        case .hkMacauResidentPermit:
            english = "H or M followed by 8 or 10 digits"
            chinese = "H 或 M 加 8 位或 10 位数字"
        case .taiwanResidentPermit:
            english = "8 digits, or 10 characters of which the first 9 are digits"
            chinese = "8 位数字，或前 9 位为数字的 10 位字符"
        case .foreignPermanentResidentCard:
            english = "3 letters followed by 12 digits, or 18 characters starting with 9"
            chinese = "3 位字母加 12 位数字，或以 9 开头的 18 位字符"
        case .foreignPassport:
            english = "5 to 20 letters and digits"
            chinese = "5 至 20 位字母和数字"
        case .residentID:
            english = "18 characters"
            chinese = "18 位字符"
        }
    }
}
