import TCMSDomain
import TCMSJSON

/// How a record reaches the service, which decides the credential and proof fields it needs.
enum RecordSource {
    /// A registration call: `password` and a mobile proof from `sms.verify`.
    case registration
    /// An operator's import line: `password` or `passwordHash` (a yescrypt string), no proof.
    case importLine
}

/// The login credential of a new account.
enum Credential {
    case password(String)
    case hash(String)
}

/// A natural person's profile, checked and normalised, ready to be stored.
struct PersonRecord {
    var login: String
    var credential: Credential
    var mobileProof: String?
    var name: String
    var gender: Gender?
    var ethnicity: String?
    var position: String?
    var birthDate: CivilDate?
    var email: String?
    var mobile: String
    var phone: String?
    var address: String?
    var identityType: IdentityType
    var document: DocumentNumber
    var documentValidFrom: CivilDate?
    /// nil when not given; `DocumentValidity.longTerm` for 长期.
    var documentValidUntil: DocumentValidity?

    /// Verified when the document type is checked online and the document has not expired;
    /// manual types wait for material review.
    func verificationStatus(today: CivilDate) -> VerificationStatus {
        guard document.type.verification == .online else { return .pendingReview }
        if case .date(let until) = documentValidUntil, until < today { return .unverified }
        return .verified
    }
}

/// The end of a document's validity: a date, or 长期 (no end).
enum DocumentValidity: Equatable {
    case date(CivilDate)
    case longTerm

    var stored: String {
        switch self {
        case .date(let date): return date.description
        case .longTerm: return "long_term"
        }
    }

    init?(stored: String) {
        if stored == "long_term" || stored == "长期" {
            self = .longTerm
        } else if let date = CivilDate(stored) {
            self = .date(date)
        } else {
            return nil
        }
    }
}

/// The verification state of a person, an entity or a main agent.
enum VerificationStatus: String, Labelled {
    /// The online check passed.
    case verified
    /// The configured `verify_command` is checking the record.
    case verifying
    /// Waiting for a material reviewer.
    case pendingReview = "pending_review"
    /// The online check did not pass, for example because the document has expired.
    case unverified

    var label: String {
        switch self {
        case .verified: "国家平台实名认证通过"
        case .verifying: "实名认证核验中"
        case .pendingReview: "待人工审核"
        case .unverified: "未通过实名认证"
        }
    }
}

/// The field checks of person registration, shared by `person.register` and the import.
enum PersonValidation {
    static let registrationFields: Set<String> = [
        "login", "password", "mobileProof", "name", "gender", "ethnicity", "position",
        "birthDate", "email", "mobile", "phone", "address", "identityType", "documentType",
        "documentNumber", "documentValidFrom", "documentValidUntil",
    ]

    static let importFields: Set<String> = registrationFields
        .subtracting(["mobileProof"]).union(["passwordHash"])

    /// The document types each identity type may register with. Residence permits for Hong
    /// Kong, Macau and Taiwan residents carry resident-ID numbers, so `hmt` allows resident_id.
    static let documentTypes: [IdentityType: Set<DocumentType>] = [
        .mainland: [.residentID, .hkMacauTravelPermit, .taiwanTravelPermit],
        .hmt: [.residentID, .hkMacauResidentPermit, .taiwanResidentPermit],
        .other: [.foreignPassport, .foreignPermanentResidentCard],
    ]

    /// Checks every field and returns the record, or every problem found.
    static func read(_ reader: inout FieldReader, source: RecordSource, today: CivilDate)
        -> PersonRecord?
    {
        let login = reader.check("login", reader.required("login", maxLength: 64)) {
            (value) throws(DomainViolation) in
            try LoginName.validate(value)
            return value
        }
        let credential = AccountFields.credential(&reader, source: source)
        let mobileProof = source == .registration ? reader.required("mobileProof") : nil
        let name = reader.required("name", maxLength: 100)
        let gender = reader.enumeration("gender", Gender.self, required: false)
        let ethnicity = reader.text("ethnicity", maxLength: 20)
        let position = reader.text("position", maxLength: 100)
        let birthDate = reader.date("birthDate")
        let email = reader.email("email")
        let mobile = reader.check("mobile", reader.required("mobile", maxLength: 20)) {
            (value) throws(DomainViolation) in
            try MobileNumber.validate(value)
            return value
        }
        let phone = reader.text("phone", maxLength: 30)
        let address = reader.text("address", maxLength: 200)
        let identityType = reader.enumeration("identityType", IdentityType.self, required: true)
        let documentType = reader.enumeration("documentType", DocumentType.self, required: true)
        let numberText = reader.required("documentNumber", maxLength: 40)
        let validFrom = reader.date(
            "documentValidFrom", required: documentType == .residentID)
        let validUntil = validity(&reader, "documentValidUntil")

        var document: DocumentNumber?
        if let documentType {
            document = reader.check("documentNumber", numberText) {
                (value) throws(DomainViolation) in
                try DocumentNumber(type: documentType, input: value, today: today)
            }
        }
        if let identityType, let documentType,
            documentTypes[identityType]?.contains(documentType) != true
        {
            reader.report(
                DomainViolation(
                    reason: "document_type_mismatch",
                    message: "The document type \(documentType.rawValue) does not fit the "
                        + "identity type \(identityType.rawValue).",
                    messageZh: "证件类型“\(documentType.label)”与身份类型“\(identityType.label)”"
                        + "不符。"), "documentType")
        }
        if let residentID = document?.residentID {
            for violation in residentID.disagreements(birthDate: birthDate, gender: nil) {
                reader.report(violation, "birthDate")
            }
            for violation in residentID.disagreements(birthDate: nil, gender: gender) {
                reader.report(violation, "gender")
            }
        }
        if let validFrom, case .date(let until) = validUntil, until < validFrom {
            reader.report(
                DomainViolation(
                    reason: "invalid_validity",
                    message: "The document's validity ends before it starts.",
                    messageZh: "证件有效期的截止日期早于起始日期。"), "documentValidUntil")
        }

        guard reader.problems.isEmpty, let login, let credential, let name, let mobile,
            let identityType, let document
        else {
            return nil
        }
        return PersonRecord(
            login: login, credential: credential, mobileProof: mobileProof, name: name,
            gender: gender ?? document.residentID?.gender, ethnicity: ethnicity,
            position: position, birthDate: birthDate ?? document.residentID?.birthDate,
            email: email, mobile: mobile, phone: phone, address: address,
            identityType: identityType, document: document, documentValidFrom: validFrom,
            documentValidUntil: validUntil)
    }

    /// A validity end: a date, or 长期 / `long_term`.
    static func validity(_ reader: inout FieldReader, _ name: String) -> DocumentValidity? {
        guard let value = reader.text(name) else { return nil }
        guard let validity = DocumentValidity(stored: value) else {
            reader.report(
                DomainViolation(
                    reason: "invalid_date",
                    message: "Invalid date \"\(value)\": expected YYYY-MM-DD or long_term (长期).",
                    messageZh: "日期“\(value)”无效：应为 YYYY-MM-DD 或“长期”。"), name)
            return nil
        }
        return validity
    }
}

/// Credential fields shared by person and entity registration.
enum AccountFields {
    /// `password` checked by the password rule; for imports a yescrypt `passwordHash` instead.
    static func credential(_ reader: inout FieldReader, source: RecordSource) -> Credential? {
        if source == .importLine, let hash = reader.text("passwordHash", maxLength: 200) {
            if reader.object["password"].map({ !$0.isNull }) ?? false {
                reader.report(
                    DomainViolation(
                        reason: "password_and_hash",
                        message: "Give password or passwordHash, not both.",
                        messageZh: "password 与 passwordHash 只能填写其一。"), "passwordHash")
                return nil
            }
            guard PasswordHasher.isYescryptHash(hash) else {
                reader.report(
                    DomainViolation(
                        reason: "invalid_password_hash",
                        message: "Invalid passwordHash: expected a yescrypt string ($y$...).",
                        messageZh: "passwordHash 无效：应为 yescrypt 格式（$y$...）。"),
                    "passwordHash")
                return nil
            }
            return .hash(hash)
        }
        guard let password = reader.object["password"]?.stringValue, !password.isEmpty else {
            if reader.object["password"].map({ !$0.isNull && $0.stringValue == nil }) ?? false {
                _ = reader.text("password")
            } else {
                reader.report(FieldReader.missing("password"), "password")
            }
            return nil
        }
        let violations = PasswordRule.violations(of: password)
        for violation in violations { reader.report(violation, "password") }
        return violations.isEmpty ? .password(password) : nil
    }
}
