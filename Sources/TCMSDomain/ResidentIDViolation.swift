/// The violations that resident ID checks raise, so that each reason has one wording.
enum ResidentIDViolation {
    static func format() -> DomainViolation {
        DomainViolation(
            reason: "invalid_format",
            message: "Invalid resident ID number: expected 18 characters, 17 digits followed by "
                + "a digit or X.",
            messageZh: "居民身份证号码格式无效：应为 18 位，前 17 位为数字，最后一位为数字或 X。")
    }

    static func birthDateNotReal(_ text: String) -> DomainViolation {
        DomainViolation(
            reason: "invalid_birth_date",
            message: "Invalid birth date \(text) in the resident ID number: no such date exists.",
            messageZh: "居民身份证号码中的出生日期 \(text) 无效：该日期不存在。")
    }

    static func birthDateInFuture(_ date: CivilDate, today: CivilDate) -> DomainViolation {
        DomainViolation(
            reason: "invalid_birth_date",
            message: "Invalid birth date \(date) in the resident ID number: it is after today, "
                + "\(today).",
            messageZh: "居民身份证号码中的出生日期 \(date) 无效：晚于今天（\(today)）。")
    }

    static func unknownAddressCode(_ code: String) -> DomainViolation {
        DomainViolation(
            reason: "unknown_address_code",
            message: "Unknown address code \(code) in the resident ID number: it is not a "
                + "GB/T 2260 division code of any year.",
            messageZh: "居民身份证号码中的地址码 \(code) 不存在："
                + "不是任何年份的 GB/T 2260 行政区划代码。")
    }

    static func provinceAddressCode(_ code: String) -> DomainViolation {
        DomainViolation(
            reason: "invalid_address_code",
            message: "Invalid address code \(code) in the resident ID number: it is a "
                + "province-level code, but a resident ID carries a county or prefecture code.",
            messageZh: "居民身份证号码中的地址码 \(code) 无效：这是省级代码，"
                + "身份证号码应使用县级或地级代码。")
    }

    static func abolishedAddressCode(_ code: String, _ lastYear: Int, _ birthYear: Int)
        -> DomainViolation
    {
        DomainViolation(
            reason: "address_code_abolished",
            message: "Invalid address code \(code) in the resident ID number: it was last valid "
                + "in \(lastYear), before the birth year \(birthYear).",
            messageZh: "居民身份证号码中的地址码 \(code) 无效："
                + "该代码最后有效年份为 \(lastYear) 年，"
                + "早于出生年份 \(birthYear) 年。")
    }

    static func checkCharacter(_ found: Character) -> DomainViolation {
        DomainViolation(
            reason: "invalid_check_character",
            message: "Invalid check character \(found) in the resident ID number: it does not "
                + "match the first 17 digits; check the number for a typing error.",
            messageZh: "居民身份证号码的校验码 \(found) 错误：与前 17 位不符，"
                + "请检查号码是否输入有误。")
    }

    static func birthDateMismatch(_ given: CivilDate, _ encoded: CivilDate) -> DomainViolation {
        DomainViolation(
            reason: "birth_date_mismatch",
            message: "The birth date \(given) does not match the date \(encoded) in the "
                + "resident ID number.",
            messageZh: "出生日期 \(given) 与居民身份证号码中的日期 \(encoded) 不一致。")
    }

    static func genderMismatch(_ given: Gender, _ encoded: Gender) -> DomainViolation {
        DomainViolation(
            reason: "gender_mismatch",
            message: "The gender \(given.rawValue) does not match the gender "
                + "\(encoded.rawValue) that the resident ID number encodes.",
            messageZh: "性别“\(given.label)”与居民身份证号码所示性别“\(encoded.label)”不一致。")
    }
}
