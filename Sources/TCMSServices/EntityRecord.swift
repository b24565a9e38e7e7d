import TCMSDomain
import TCMSJSON

/// A legal entity's registration, checked and normalised, ready to be stored.
struct EntityRecord {
    var login: String
    var credential: Credential
    var mobile: String?
    var mobileProof: String?
    var regionType: RegionType
    var entityType: EntityType?
    var name: String
    var englishName: String?
    var shortName: String?
    var homepage: String?
    var uscc: USCC?
    var uniqueID: String?
    var countryCode: String?
    var nature: String?
    var legalRepName: String
    var legalRepDocument: DocumentNumber
    var divisionCode: String?
    var address: String?
    var postcode: String?
    var email: String?
    var industry: String?
    var size: String?

    /// Domestic enterprises, social organisations and public institutions are verified online
    /// by their USCC; everybody else waits for a material reviewer.
    var verificationStatus: VerificationStatus {
        regionType == .domestic && entityType?.requiresUSCC == true ? .verified : .pendingReview
    }
}

/// The field checks of entity registration, shared by `entity.register` and the import.
///
/// Every entity gives its name and its legal representative's name and document number.
/// Domestic entities also give their entity type and unit nature, and all but `other` their
/// USCC. Hong Kong, Macau, Taiwan and foreign units give their unique identifier instead.
enum EntityValidation {
    static let registrationFields: Set<String> = [
        "login", "password", "mobile", "mobileProof", "regionType", "entityType", "name",
        "englishName", "shortName", "homepage", "uscc", "uniqueId", "countryCode", "nature",
        "legalRepName", "legalRepDocumentType", "legalRepDocumentNumber", "divisionCode",
        "address", "postcode", "email", "industry", "size",
    ]

    static let importFields: Set<String> = registrationFields
        .subtracting(["mobileProof"]).union(["passwordHash"])

    static func read(_ reader: inout FieldReader, source: RecordSource, today: CivilDate)
        -> EntityRecord?
    {
        let login = reader.check("login", reader.required("login", maxLength: 64)) {
            (value) throws(DomainViolation) in
            try LoginName.validate(value)
            return value
        }
        let credential = AccountFields.credential(&reader, source: source)
        var mobile: String?
        var mobileProof: String?
        if source == .registration {
            mobile = reader.check("mobile", reader.required("mobile", maxLength: 20)) {
                (value) throws(DomainViolation) in
                try MobileNumber.validate(value)
                return value
            }
            mobileProof = reader.required("mobileProof")
        } else {
            mobile = reader.check("mobile", reader.text("mobile", maxLength: 20)) {
                (value) throws(DomainViolation) in
                try MobileNumber.validate(value)
                return value
            }
        }

        let regionType = reader.enumeration("regionType", RegionType.self, required: true)
        let name = reader.required("name", maxLength: 200)
        let englishName = profileChecks["englishName"]!(&reader)
        let shortName = profileChecks["shortName"]!(&reader)
        let homepage = profileChecks["homepage"]!(&reader)
        let legalRepName = reader.required("legalRepName", maxLength: 100)
        let legalRepType = reader.enumeration(
            "legalRepDocumentType", DocumentType.self, required: false) ?? .residentID
        let legalRepNumber = reader.required("legalRepDocumentNumber", maxLength: 40)
        let legalRepDocument = reader.check("legalRepDocumentNumber", legalRepNumber) {
            (value) throws(DomainViolation) in
            try DocumentNumber(type: legalRepType, input: value, today: today)
        }

        var entityType: EntityType?
        var uscc: USCC?
        var uniqueID: String?
        var nature: String?
        switch regionType {
        case .domestic?:
            entityType = reader.enumeration("entityType", EntityType.self, required: true)
            let usccText = entityType?.requiresUSCC == false
                ? reader.text("uscc", maxLength: 18) : reader.required("uscc", maxLength: 18)
            uscc = reader.check("uscc", usccText) { (value) throws(DomainViolation) in
                try USCC.parse(value)
            }
            reader.forbid("uniqueId", because: "domestic units, which give a USCC")
            nature = reader.required("nature", maxLength: 10)
        case .hmt?, .foreign?:
            reader.forbid("entityType", because: "units outside the mainland")
            reader.forbid("uscc", because: "units outside the mainland")
            uniqueID = reader.required("uniqueId", maxLength: 64)
            nature = reader.text("nature", maxLength: 10)
        case nil:
            break
        }
        if let value = nature, !ContractCodes.standard.contains(value, in: .partyNature) {
            reader.report(invalidCode("nature", value, "单位性质"), "nature")
            nature = nil
        }

        let countryCode = profileChecks["countryCode"]!(&reader)
        let divisionCode = profileChecks["divisionCode"]!(&reader)
        let industry = profileChecks["industry"]!(&reader)
        let size = profileChecks["size"]!(&reader)
        let postcode = profileChecks["postcode"]!(&reader)
        let address = profileChecks["address"]!(&reader)
        let email = profileChecks["email"]!(&reader)

        guard reader.problems.isEmpty, let login, let credential, let regionType, let name,
            let legalRepName, let legalRepDocument
        else {
            return nil
        }
        return EntityRecord(
            login: login, credential: credential, mobile: mobile, mobileProof: mobileProof,
            regionType: regionType, entityType: entityType, name: name,
            englishName: englishName, shortName: shortName, homepage: homepage, uscc: uscc,
            uniqueID: uniqueID, countryCode: countryCode, nature: nature,
            legalRepName: legalRepName, legalRepDocument: legalRepDocument,
            divisionCode: divisionCode, address: address, postcode: postcode, email: email,
            industry: industry, size: size)
    }

    /// Checks of the optional profile fields by wire name, shared with `entity.update`: each
    /// reads its field, reports any problem and returns the text to store.
    static let profileChecks: [String: @Sendable (inout FieldReader) -> String?] = [
        "englishName": { $0.text("englishName", maxLength: 200) },
        "shortName": { $0.text("shortName", maxLength: 100) },
        "homepage": { $0.text("homepage", maxLength: 200) },
        "address": { $0.text("address", maxLength: 200) },
        "email": { $0.email("email") },
        "countryCode": { reader in
            code(&reader, "countryCode", "国家或地区代码", maxLength: 2) {
                Countries.standard.isValid(alpha2: $0)
            }
        },
        // Any code of the list counts, abolished ones included: units registered under a code
        // that was later merged away keep it until they update their profile.
        "divisionCode": { reader in
            code(&reader, "divisionCode", "行政区划代码", maxLength: 6) {
                Divisions.standard.isKnown($0)
            }
        },
        "industry": { reader in
            code(&reader, "industry", "国民经济行业代码", maxLength: 4) {
                Industries.standard.industry($0) != nil
            }
        },
        "size": { reader in
            code(&reader, "size", "企业规模", maxLength: 4) {
                ContractCodes.standard.contains($0, in: .enterpriseSize)
            }
        },
        "nature": { reader in
            code(&reader, "nature", "单位性质", maxLength: 10) {
                ContractCodes.standard.contains($0, in: .partyNature)
            }
        },
        "postcode": { reader in
            guard let postcode = reader.text("postcode", maxLength: 6) else { return nil }
            guard postcode.count == 6, postcode.isASCIIDigitString else {
                reader.report(
                    DomainViolation(
                        reason: "invalid_postcode", message: "Invalid postcode: expected 6 digits.",
                        messageZh: "邮政编码无效：应为 6 位数字。"), "postcode")
                return nil
            }
            return postcode
        },
    ]

    private static func code(
        _ reader: inout FieldReader, _ name: String, _ listZh: String, maxLength: Int,
        isValid: (String) -> Bool
    ) -> String? {
        guard let value = reader.text(name, maxLength: maxLength) else { return nil }
        guard isValid(value) else {
            reader.report(invalidCode(name, value, listZh), name)
            return nil
        }
        return value
    }

    static func invalidCode(_ name: String, _ value: String, _ listZh: String) -> DomainViolation {
        DomainViolation(
            reason: "invalid_code", message: "Invalid \(name) \(value): not in its code list.",
            messageZh: "\(listZh) \(value) 无效：不在代码表中。")
    }
}
