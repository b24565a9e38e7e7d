/// The violations that unified social credit code checks raise.
enum USCCViolation {
    static func format() -> DomainViolation {
        DomainViolation(
            reason: "invalid_format",
            message: "Invalid unified social credit code: expected 18 characters of digits and "
                + "capital letters other than I, O, Z, S and V.",
            messageZh: "统一社会信用代码格式无效：应为 18 位，由数字和除 I、O、Z、S、"
                + "V 以外的大写字母组成。")
    }

    static func authority(_ authority: Character) -> DomainViolation {
        DomainViolation(
            reason: "unknown_registration_authority",
            message: "Invalid unified social credit code: \(authority) is not a registration "
                + "authority code.",
            messageZh: "统一社会信用代码无效：\(authority) 不是登记管理部门代码。")
    }

    static func category(_ authority: Character, _ category: Character) -> DomainViolation {
        DomainViolation(
            reason: "unknown_organization_category",
            message: "Invalid unified social credit code: \(category) is not an organization "
                + "category of registration authority \(authority).",
            messageZh: "统一社会信用代码无效："
                + "\(category) 不是登记管理部门 \(authority) 下的机构类别代码。")
    }

    static func division(_ code: String) -> DomainViolation {
        DomainViolation(
            reason: "unknown_division_code",
            message: "Invalid unified social credit code: characters 3 to 8 (\(code)) are not "
                + "an administrative division code.",
            messageZh: "统一社会信用代码无效：第 3 至 8 位（\(code)）不是行政区划代码。")
    }

    static func organizationCode(_ code: String) -> DomainViolation {
        DomainViolation(
            reason: "invalid_organization_code",
            message: "Invalid unified social credit code: the check character of the "
                + "organization code \(code) (characters 9 to 17) does not match.",
            messageZh: "统一社会信用代码无效：第 9 至 17 位的组织机构代码 \(code) 校验码错误。")
    }

    static func checkCharacter(_ found: Character) -> DomainViolation {
        DomainViolation(
            reason: "invalid_check_character",
            message: "Invalid check character \(found) in the unified social credit code: it "
                + "does not match the first 17 characters; check the code for a typing error.",
            messageZh: "统一社会信用代码的校验码 \(found) 错误：与前 17 位不符，"
                + "请检查是否输入有误。")
    }
}
