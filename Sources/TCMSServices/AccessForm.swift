import TCMSDomain
import TCMSJSON
import TCMSRPC

/// The supplemental form of a system-access application (系统授权) for the service
/// 技术合同管理与服务: eleven required and ten optional fields, by wire name.
///
/// A draft stores whatever well-formed fields it was given, and `submissionProblems` lists what
/// a submission still lacks. Yes/no fields are JSON booleans, which the dispatcher enforces, so
/// `1`, `0`, `"true"` or `"否"` never reach this code.
enum AccessForm {
    /// The type of a field on the wire.
    enum Kind {
        case text(maxLength: Int)
        case boolean
    }

    /// One field of the form.
    struct Field {
        let name: String
        let labelZh: String
        let required: Bool
        let kind: Kind
    }

    static let fields: [Field] = [
        Field(name: "enterpriseName", labelZh: "企业名称", required: true, kind: .text(maxLength: 200)),
        Field(name: "legalRepName", labelZh: "法定代表人", required: true, kind: .text(maxLength: 100)),
        Field(name: "registeredAddress", labelZh: "注册地址", required: true,
              kind: .text(maxLength: 200)),
        Field(name: "enterpriseNature", labelZh: "企业性质", required: true,
              kind: .text(maxLength: 10)),
        Field(name: "countryCode", labelZh: "国别代码", required: true, kind: .text(maxLength: 2)),
        Field(name: "divisionCode", labelZh: "行政区划代码", required: true,
              kind: .text(maxLength: 6)),
        Field(name: "postcode", labelZh: "邮政编码", required: true, kind: .text(maxLength: 6)),
        Field(name: "industry", labelZh: "国民经济行业", required: true, kind: .text(maxLength: 4)),
        Field(name: "enterpriseSize", labelZh: "企业规模", required: true, kind: .text(maxLength: 4)),
        Field(name: "inHighTechZone", labelZh: "是否在国家高新区内", required: true, kind: .boolean),
        Field(name: "techTransferInstitution", labelZh: "是否技术转移机构", required: true,
              kind: .boolean),
        Field(name: "legalRepPhone", labelZh: "法定代表人电话", required: false,
              kind: .text(maxLength: 30)),
        Field(name: "legalRepFax", labelZh: "法定代表人传真", required: false,
              kind: .text(maxLength: 30)),
        Field(name: "legalRepIdNumber", labelZh: "法定代表人身份证号", required: false,
              kind: .text(maxLength: 18)),
        Field(name: "legalRepEmail", labelZh: "法定代表人电子邮箱", required: false,
              kind: .text(maxLength: 254)),
        Field(name: "convertedResearchInstitute", labelZh: "是否转制科研院所", required: false,
              kind: .boolean),
        Field(name: "rdInstitution", labelZh: "是否研发机构", required: false, kind: .boolean),
        Field(name: "listedCompany", labelZh: "是否上市公司", required: false, kind: .boolean),
        Field(name: "stockCode", labelZh: "股票代码", required: false, kind: .text(maxLength: 12)),
        Field(name: "park", labelZh: "所在园区", required: false, kind: .text(maxLength: 100)),
        Field(name: "techTransferInstitutionType", labelZh: "技术转移机构类型", required: false,
              kind: .text(maxLength: 50)),
    ]

    /// The params of `access.saveDraft`: every field, none required.
    static var params: [ParamSpec] {
        fields.map { field in
            switch field.kind {
            case .text:
                return ParamSpec(
                    field.name, .string, "\(field.labelZh); an empty string clears it")
            case .boolean:
                return ParamSpec(field.name, .boolean, "\(field.labelZh), true or false")
            }
        }
    }

    /// Reads the fields present in `params`, checks each and returns the changes: a value to
    /// store, or nil to clear the field. Every problem is reported in one error and nothing is
    /// returned then.
    static func changes(_ params: Params, today: CivilDate) throws -> [(String, JSON?)] {
        var reader = FieldReader(params.object, prefix: "params.")
        var changes: [(String, JSON?)] = []
        for field in fields {
            guard let value = params[field.name] else { continue }
            switch field.kind {
            case .boolean:
                changes.append((field.name, value))
            case .text(let maxLength):
                let raw = value.stringValue ?? ""
                if raw.trimmingCharacters(in: .whitespaces).isEmpty {
                    changes.append((field.name, nil))
                    continue
                }
                guard let text = reader.text(field.name, maxLength: maxLength) else { continue }
                do throws(DomainViolation) {
                    let stored = try check(field.name, text, today: today)
                    changes.append((field.name, .string(stored)))
                } catch {
                    reader.report(error, field.name)
                }
            }
        }
        guard reader.problems.isEmpty else { throw RPCError.validation(reader.problems) }
        return changes
    }

    /// Checks one text field and returns the value to store (codes upper-cased where the list
    /// is upper case, ID numbers normalised).
    static func check(_ name: String, _ value: String, today: CivilDate)
        throws(DomainViolation) -> String
    {
        switch name {
        case "enterpriseNature":
            guard ContractCodes.standard.contains(value, in: .partyNature) else {
                throw EntityValidation.invalidCode(name, value, "企业性质")
            }
        case "countryCode":
            let upper = value.uppercased()
            guard Countries.standard.isValid(alpha2: upper) else {
                throw EntityValidation.invalidCode(name, value, "国别代码（ISO 3166）")
            }
            return upper
        case "divisionCode":
            guard Divisions.standard.isInUse(value) else {
                throw EntityValidation.invalidCode(name, value, "行政区划代码（GB/T 2260，现行）")
            }
        case "postcode":
            guard value.count == 6, value.isASCIIDigitString else {
                throw DomainViolation(
                    reason: "invalid_postcode", message: "Invalid postcode: expected 6 digits.",
                    messageZh: "邮政编码无效：应为 6 位数字。")
            }
        case "industry":
            guard Industries.standard.isClass(value) else {
                throw DomainViolation(
                    reason: "invalid_code",
                    message: "Invalid industry \(value): expected a four-digit GB/T 4754-2017 "
                        + "class.",
                    messageZh: "国民经济行业 \(value) 无效：应为 GB/T 4754-2017 的四位小类代码。")
            }
        case "enterpriseSize":
            let upper = value.uppercased()
            guard ContractCodes.standard.contains(upper, in: .enterpriseSize) else {
                throw EntityValidation.invalidCode(name, value, "企业规模")
            }
            return upper
        case "legalRepPhone", "legalRepFax":
            try checkPhone(name, value)
        case "legalRepIdNumber":
            return try DocumentNumber(type: .residentID, input: value, today: today).value
        case "legalRepEmail":
            try checkEmail(value)
        case "stockCode":
            let allowed = value.utf8.allSatisfy {
                (0x30...0x39).contains($0) || (0x41...0x5A).contains($0)
                    || (0x61...0x7A).contains($0) || $0 == 0x2E
            }
            guard allowed else {
                throw DomainViolation(
                    reason: "invalid_stock_code",
                    message: "Invalid stockCode: use letters, digits and dots, such as 600519 "
                        + "or 0700.HK.",
                    messageZh: "股票代码无效：只能包含字母、数字和点。")
            }
            return value.uppercased()
        default:
            break
        }
        return value
    }

    /// Checks a telephone or fax number: digits with optional `+`, `-`, spaces and brackets, at
    /// least five digits.
    private static func checkPhone(_ name: String, _ value: String) throws(DomainViolation) {
        let allowed = value.utf8.allSatisfy {
            (0x30...0x39).contains($0) || [0x2B, 0x2D, 0x20, 0x28, 0x29].contains($0)
        }
        let digits = value.utf8.filter { (0x30...0x39).contains($0) }.count
        guard allowed, digits >= 5 else {
            throw DomainViolation(
                reason: "invalid_phone",
                message: "Invalid \(name): use digits with +, -, spaces or brackets, such as "
                    + "0591-87654321.",
                messageZh: "电话或传真号码无效：只能包含数字、+、-、空格和括号。")
        }
    }

    private static func checkEmail(_ value: String) throws(DomainViolation) {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !value.contains(" ")
        else {
            throw DomainViolation(
                reason: "invalid_email", message: "Invalid e-mail address.",
                messageZh: "电子邮箱格式无效。")
        }
    }

    /// Lists every problem that stops `form` from being submitted: missing required fields, a
    /// listed company without a stock code, a stock code without a listing, and stored values
    /// that no longer pass their checks. Fields are named `form.<name>`.
    static func submissionProblems(_ form: JSONObject, today: CivilDate)
        -> [(DomainViolation, String)]
    {
        var problems: [(DomainViolation, String)] = []
        for field in fields {
            let value = form[field.name]
            guard let value, !value.isNull else {
                if field.required {
                    problems.append((missing(field), "form.\(field.name)"))
                }
                continue
            }
            if case .text = field.kind, let text = value.stringValue {
                do throws(DomainViolation) {
                    _ = try check(field.name, text, today: today)
                } catch {
                    problems.append((error, "form.\(field.name)"))
                }
            }
        }

        let listed = form["listedCompany"]?.boolValue ?? false
        let hasStockCode = form["stockCode"]?.stringValue != nil
        if listed && !hasStockCode {
            problems.append(
                (DomainViolation(
                    reason: "missing_field",
                    message: "stockCode is required when listedCompany is true.",
                    messageZh: "上市公司须填写股票代码。"), "form.stockCode"))
        }
        if !listed && hasStockCode {
            problems.append(
                (DomainViolation(
                    reason: "not_applicable",
                    message: "stockCode applies only when listedCompany is true.",
                    messageZh: "非上市公司不应填写股票代码。"), "form.stockCode"))
        }
        return problems
    }

    private static func missing(_ field: Field) -> DomainViolation {
        DomainViolation(
            reason: "missing_field", message: "\(field.name) is required.",
            messageZh: "\(field.labelZh)为必填项。")
    }

    /// Returns the names of the required fields `form` still lacks, for a draft's display.
    static func missingFields(_ form: JSONObject) -> [String] {
        fields.filter { $0.required && (form[$0.name]?.isNull ?? true) }.map(\.name)
    }

    /// Renders the form as callers see it: every field (null when unset), the ID number
    /// masked, and a `...Label` beside each coded field.
    static func display(_ form: JSONObject) -> JSON {
        var shown = JSONObject()
        for field in fields {
            var value = form[field.name] ?? .null
            if field.name == "legalRepIdNumber", let number = value.stringValue {
                value = .string(Masking.mask(number))
            }
            shown[field.name] = value
        }
        let codes = ContractCodes.standard
        let labels: [(String, String?)] = [
            ("enterpriseNature", form["enterpriseNature"]?.stringValue.flatMap {
                codes.label(of: $0, in: .partyNature)
            }),
            ("countryCode", form["countryCode"]?.stringValue.flatMap {
                Countries.standard.country(alpha2: $0)?.nameZh
            }),
            ("divisionCode", form["divisionCode"]?.stringValue.flatMap {
                Divisions.standard.name(of: $0)
            }),
            ("industry", form["industry"]?.stringValue.flatMap {
                Industries.standard.name(of: $0)
            }),
            ("enterpriseSize", form["enterpriseSize"]?.stringValue.flatMap {
                codes.label(of: $0, in: .enterpriseSize)
            }),
        ]
        for (name, label) in labels {
            shown[name + "Label"] = label.map { .string($0) } ?? .null
        }
        return .object(shown)
    }

    /// Returns the form with ID numbers masked, for audit records.
    static func masked(_ form: JSONObject) -> JSON {
        var copy = form
        if let number = copy["legalRepIdNumber"]?.stringValue {
            copy["legalRepIdNumber"] = .string(Masking.mask(number))
        }
        return .object(copy)
    }
}
