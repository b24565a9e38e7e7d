import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// The fields of the registration form (技术合同登记表) as a handler enters them, checked
/// together so that every problem is reported at once.
///
/// The registering party's own fields (`sellerName` … for seller-side registration) come from
/// the entity's record. A handler may repeat them, but a value that differs is rejected.
struct ContractForm: Sendable, Equatable {
    var title: String
    var category: String
    var subtype: String?
    var side: RegisteringSide
    var signedOn: CivilDate
    var signedPlace: String?
    var validFrom: CivilDate?
    var validUntil: CivilDate?
    var seller: ContractParty
    var buyer: ContractParty
    var techField: String
    var ipType: String
    var planSource: String?
    var objective: String?
    var paymentMethod: String
    var amounts: ContractAmounts

    /// Every wire field of the form, for `contract.create`, `contract.update` and import.
    static let fieldNames: [String] = [
        "title", "category", "subtype", "registeringSide", "signedOn", "signedPlace",
        "validFrom", "validUntil", "sellerName", "sellerCountry", "sellerDivision",
        "sellerNature", "buyerName", "buyerCountry", "buyerDivision", "buyerNature",
        "techField", "ipType", "planSource", "objective", "paymentMethod", "amount",
        "techAmount", "expectedNewInvestment", "expectedNewOutput",
    ]

    /// The params of `contract.create`; `contract.update` takes the same, all optional.
    static let params: [ParamSpec] = fieldNames.map { name in
        ParamSpec(name, .string, description(of: name))
    }

    /// Whether the contract is a technology import: a seller abroad and a buyer at home.
    var isTechnologyImport: Bool { seller.isAbroad && !buyer.isAbroad }

    /// The party that registers the contract.
    var registeringParty: ContractParty { side == .seller ? seller : buyer }

    /// Reads and checks the whole form from `object`, taking the registering side's party
    /// from `entity`. `ruleSet` decides which categories count; `today` bounds the signing
    /// date. Throws `RPCError.validation` with every problem found.
    static func parse(
        _ object: JSONObject, prefix: String, entity: ContractParty, ruleSet: ContractRuleSet,
        today: CivilDate
    ) throws -> ContractForm {
        var reader = FieldReader(object, prefix: prefix)
        let title = reader.required("title", maxLength: 200)
        let signedOn = reader.date("signedOn", required: true)
        let signedPlace = reader.text("signedPlace", maxLength: 100)
        let validFrom = reader.date("validFrom")
        let validUntil = reader.date("validUntil")
        // NOTE: plan source (计划类别) and socio-economic objective are coded on the paper form,
        // but the shipped code lists carry no values for them, so they are kept as short text.
        let planSource = reader.text("planSource", maxLength: 50)
        let objective = reader.text("objective", maxLength: 50)

        let codes = ContractFormCodes(
            category: reader.text("category", maxLength: 20),
            subtype: reader.text("subtype", maxLength: 20),
            registeringSide: reader.text("registeringSide", maxLength: 10),
            techField: reader.text("techField", maxLength: 20),
            ipType: reader.text("ipType", maxLength: 20),
            paymentMethod: reader.text("paymentMethod", maxLength: 20),
            sellerNature: reader.text("sellerNature", maxLength: 10),
            buyerNature: reader.text("buyerNature", maxLength: 10))
        for violation in ContractCategoryRules().violations(of: codes, ruleSet: ruleSet) {
            reader.report(violation, String(violation.field?.dropFirst(7) ?? "category"))
        }
        let side = codes.registeringSide.flatMap(RegisteringSide.init(rawValue:))

        var parties: [String: ContractParty] = [:]
        for prefixName in ["seller", "buyer"] {
            let registering = side?.rawValue == prefixName
            parties[prefixName] = party(
                prefixName, registering ? entity : nil, signedOn: signedOn, reader: &reader)
        }

        let amounts = readAmounts(&reader, category: codes.category)

        if let signedOn, signedOn > today {
            reader.report(
                DomainViolation(
                    reason: "date_in_future",
                    message: "signedOn \(signedOn) is after today (\(today)).",
                    messageZh: "签订日期不能晚于今天。"), "signedOn")
        }
        if let validFrom, let validUntil, validFrom > validUntil {
            reader.report(
                DomainViolation(
                    reason: "invalid_period",
                    message: "validUntil \(validUntil) is before validFrom \(validFrom).",
                    messageZh: "合同有效期的截止日期早于起始日期。"), "validUntil")
        }

        guard reader.problems.isEmpty, let title, let signedOn, let side, let amounts,
            let category = codes.category, let techField = codes.techField,
            let ipType = codes.ipType, let paymentMethod = codes.paymentMethod,
            let seller = parties["seller"], let buyer = parties["buyer"]
        else {
            throw RPCError.validation(reader.problems)
        }

        let form = ContractForm(
            title: title, category: category, subtype: codes.subtype, side: side,
            signedOn: signedOn, signedPlace: signedPlace, validFrom: validFrom,
            validUntil: validUntil, seller: seller, buyer: buyer, techField: techField,
            ipType: ipType, planSource: planSource, objective: objective,
            paymentMethod: paymentMethod, amounts: amounts)
        do throws(DomainViolation) {
            try ruleSet.checkRegisteringSide(side, isTechnologyImport: form.isTechnologyImport)
        } catch {
            throw RPCError(error, field: prefix + "registeringSide")
        }
        return form
    }

    /// Reads one party. The registering party is the entity; its fields, when given, must
    /// repeat the entity's values.
    private static func party(
        _ name: String, _ entity: ContractParty?, signedOn: CivilDate?,
        reader: inout FieldReader
    ) -> ContractParty? {
        let partyName = entity == nil
            ? reader.required(name + "Name", maxLength: 200)
            : reader.text(name + "Name", maxLength: 200)
        let country = reader.text(name + "Country", maxLength: 2)?.uppercased()
        let division = reader.text(name + "Division", maxLength: 6)
        let nature = reader.text(name + "Nature", maxLength: 10)

        if let entity {
            let given: [(String, String?, String?)] = [
                ("Name", partyName, entity.name), ("Country", country, entity.country),
                ("Division", division, entity.division), ("Nature", nature, entity.nature),
            ]
            for (field, value, stored) in given where value != nil && value != stored {
                reader.report(
                    DomainViolation(
                        reason: "registering_party_mismatch",
                        message: "\(name)\(field) must be the registering entity's own value "
                            + "(\(stored ?? "none")), or be left out.",
                        messageZh: "登记方的信息取自本单位档案，请勿填写不同的值。"), name + field)
            }
            return entity
        }

        let resolvedCountry = country ?? "CN"
        if !Countries.standard.isValid(alpha2: resolvedCountry) {
            reader.report(
                DomainViolation(
                    reason: "unknown_code",
                    message: "\(name)Country \(resolvedCountry) is not an ISO 3166 code.",
                    messageZh: "国别代码无效。"), name + "Country")
        }
        if resolvedCountry == "CN" {
            // A counterpart's code counts as of the signing year, so a contract signed before
            // its district was renamed or merged keeps the code it was signed with.
            let valid = division.map { code in
                signedOn.map { Divisions.standard.isValid(code: code, inYear: $0.year) }
                    ?? Divisions.standard.isInUse(code)
            } ?? true
            if let division, !valid {
                reader.report(
                    DomainViolation(
                        reason: "unknown_code",
                        message: "\(name)Division \(division) is not a GB/T 2260 code valid in "
                            + "the year the contract was signed.",
                        messageZh: "行政区划代码在合同签订当年无效。"), name + "Division")
            }
        } else if division != nil {
            reader.forbid(name + "Division", because: "a party outside mainland China")
        }
        guard let partyName else { return nil }
        return ContractParty(
            name: partyName, country: resolvedCountry, division: division, nature: nature)
    }

    private static func readAmounts(_ reader: inout FieldReader, category: String?)
        -> ContractAmounts?
    {
        let names = ["amount", "techAmount", "expectedNewInvestment", "expectedNewOutput"]
        let texts = names.map { reader.text($0, maxLength: 30) }
        do throws(DomainViolations) {
            return try ContractAmounts.parse(
                amount: texts[0], techAmount: texts[1], expectedNewInvestment: texts[2],
                expectedNewOutput: texts[3], category: category)
        } catch {
            for violation in error.all {
                reader.report(violation, String(violation.field?.dropFirst(7) ?? "amount"))
            }
            return nil
        }
    }

    private static func description(of name: String) -> String {
        switch name {
        case "category": "contract_category code: DEV, TRF, LIC, CON, SRV"
        case "subtype": "contract_subtype code of the category, e.g. DEV-COMM"
        case "registeringSide": "seller (卖方合同登记) or buyer (买方合同登记)"
        case "signedOn", "validFrom", "validUntil": "date YYYY-MM-DD"
        case "sellerCountry", "buyerCountry": "ISO 3166 alpha-2 code, default CN"
        case "sellerDivision", "buyerDivision": "GB/T 2260 division code of a domestic party"
        case "sellerNature", "buyerNature": "party_nature code of the form, e.g. 110"
        case "techField": "tech_field code"
        case "ipType": "ip_type code, IP-NONE when no IP is involved"
        case "paymentMethod": "payment_method code"
        case "amount": "成交额 in yuan, e.g. \"120000.00\""
        case "techAmount": "技术交易额 in yuan, at most the amount"
        case "expectedNewInvestment", "expectedNewOutput": "yuan; transfers and licences only"
        default: "text"
        }
    }
}
