import TCMSStorage

/// Draws seeded contracts one by one, in the order they were first submitted. The statuses are
/// those of a long-running instance: mostly approved, a few returned, withdrawn, cancelled or
/// still drafts, and the newest 5 % still before the office (submitted or text received).
struct ContractMaker {
    let units: [SeedUnit]
    let divisionOfOffice: [Int64: String]
    let clerks: [String]
    let total: Int
    private var lastSequence: [SequenceKey: Int] = [:]

    private struct SequenceKey: Hashable {
        let office: Int64
        let year: Int
    }

    /// Days from 1970-01-01 of the first and last submission day.
    private static let firstDay = daysFromCivil(2016, 1, 4)
    private static let lastDay = daysFromCivil(2026, 11, 30)
    private static let regime2026Day = daysFromCivil(2026, 3, 1)

    init(units: [SeedUnit], divisionOfOffice: [Int64: String], clerks: [String], total: Int) {
        self.units = units
        self.divisionOfOffice = divisionOfOffice
        self.clerks = clerks
        self.total = total
    }

    /// Returns the highest sequence issued per office and year, for `registration_sequences`.
    func sequences() -> [(Int64, Int, Int)] {
        lastSequence.map { ($0.key.office, $0.key.year, $0.value) }
    }

    mutating func make(index: Int, _ generator: inout SeededGenerator) -> SeedContract {
        let unit = generator.pick(units)
        let district = generator.pick(SeedVocabulary.districts)
        let project = generator.pick(SeedVocabulary.projects)
        let kind = generator.pick(SeedVocabulary.categories)
        let city = String(generator.pick(SeedVocabulary.districts).cityName.prefix(2))
        var contract = SeedContract()
        contract.entityID = unit.id
        contract.handlerLogin = "bench_handler_" + String(unit.id)
        contract.title = city + project.place + project.work + kind.words
        contract.category = kind.category
        contract.subtype = kind.subtype

        let registering = (name: unit.name, division: unit.division, nature: "180")
        var names = Set<String>()
        let counterpart = generator.below(10) < 6
            ? (name: generator.pick(units).name, division: district.code,
               nature: generator.pick(SeedVocabulary.partyNatures))
            : (name: unitName(city: district.cityName, &generator, unique: &names),
               division: district.code, nature: generator.pick(SeedVocabulary.partyNatures))
        let buyerSide = generator.below(100) < 8
        contract.side = buyerSide ? "buyer" : "seller"
        contract.seller = buyerSide ? counterpart : registering
        contract.buyer = buyerSide ? registering : counterpart

        contract.techField = generator.pick(SeedVocabulary.techFields)
        contract.ipType = generator.pick(SeedVocabulary.ipTypes)
        contract.payment = generator.pick(SeedVocabulary.payments)
        let yuan = generator.pick(SeedVocabulary.amountsYuan) + Int64(generator.below(100)) * 100
        contract.amountFen = yuan * 100
        contract.techAmountFen = yuan * generator.pick(SeedVocabulary.techShares)

        let span = Self.lastDay - Self.firstDay
        let submittedDay = Self.firstDay + span * index / max(1, total)
        let signedDay = submittedDay - 5 - generator.below(40)
        contract.signedOn = civilText(signedDay)
        contract.validFrom = contract.signedOn
        contract.validUntil = civilText(signedDay + 90 + generator.below(1000))
        let clock = 8 * 3600 + 1800 + generator.below(9 * 3600)
        let submittedAt = timestamp(submittedDay, clock)
        contract.createdAt = timestamp(submittedDay - 1, clock)
        contract.updatedAt = submittedAt

        if generator.below(1000) < 15 {
            contract.status = "draft"
            contract.createdAt = submittedAt
            return contract
        }
        contract.officeID = unit.officeID
        contract.round = 1
        contract.regime = submittedDay < Self.regime2026Day ? "measures_2000" : "measures_2026"
        contract.firstSubmittedAt = submittedAt
        contract.submittedAt = submittedAt
        contract.events.append(("submit", "submitted", submittedAt, "handler", nil, nil))

        let pending = index >= total - total / 20
        let draw = generator.below(100)
        if pending && draw < 40 {
            contract.status = "submitted"
            return contract
        }
        if !pending && draw < 1 {
            contract.status = "withdrawn"
            let at = timestamp(submittedDay + 1, clock)
            contract.updatedAt = at
            contract.events.append(("withdraw", "withdrawn", at, "handler", nil, nil))
            return contract
        }

        let receivedDay = submittedDay + 1 + generator.below(5)
        let receivedAt = timestamp(receivedDay, clock)
        let clerk = generator.pick(clerks)
        contract.textReceivedAt = receivedAt
        contract.textReceivedOn = civilText(receivedDay)
        contract.updatedAt = receivedAt
        contract.events.append(("receive_text", "text_received", receivedAt, "clerk", clerk, nil))
        if pending {
            contract.status = "text_received"
            return contract
        }

        let decidedDay = receivedDay + 1 + generator.below(15)
        let decidedAt = timestamp(decidedDay, clock)
        contract.updatedAt = decidedAt
        if draw < 3 {
            contract.status = "returned"
            contract.returnedAt = decidedAt
            contract.returnGrounds = #"["seal_mismatch"]"#
            contract.events.append(
                ("return", "returned", decidedAt, "clerk", clerk,
                 #"{"reasons":["seal_mismatch"],"note":null}"#))
            return contract
        }

        let year = civil(decidedDay).year
        let key = SequenceKey(office: unit.officeID, year: year)
        let sequence = (lastSequence[key] ?? 0) + 1
        lastSequence[key] = sequence
        let digits = String(sequence)
        let number = String(year) + (divisionOfOffice[unit.officeID] ?? "000000")
            + String(repeating: "0", count: 6 - digits.count) + digits
        contract.status = draw < 5 ? "cancelled" : "approved"
        contract.approvedTechFen = contract.techAmountFen
        contract.firstApprovedBy = clerk
        contract.firstApprovedAt = decidedAt
        contract.approvedBy = clerk
        contract.approvedAt = decidedAt
        contract.registrationNumber = number
        let detail = #"{"techAmount":"\#(yuanText(contract.techAmountFen))","#
            + #""registrationNumber":"\#(number)"}"#
        contract.events.append(("approve", "approved", decidedAt, "clerk", clerk, detail))
        if contract.status == "cancelled" {
            let at = timestamp(decidedDay + 30 + generator.below(300), clock)
            contract.updatedAt = at
            contract.events.append(("cancel", "cancelled", at, "clerk", clerk, nil))
        }
        return contract
    }
}

/// One generated contract row and its history.
struct SeedContract {
    var entityID: Int64 = 0
    var handlerLogin = ""
    var officeID: Int64?
    var status = "draft"
    var round: Int64 = 0
    var regime: String?
    var side = "seller"
    var title = ""
    var category = ""
    var subtype: String?
    var signedOn = ""
    var validFrom = ""
    var validUntil = ""
    var seller = (name: "", division: "", nature: "")
    var buyer = (name: "", division: "", nature: "")
    var techField = ""
    var ipType = ""
    var payment = ""
    var amountFen: Int64 = 0
    var techAmountFen: Int64 = 0
    var approvedTechFen: Int64?
    var firstSubmittedAt: String?
    var submittedAt: String?
    var textReceivedAt: String?
    var textReceivedOn: String?
    var firstApprovedBy: String?
    var firstApprovedAt: String?
    var approvedBy: String?
    var approvedAt: String?
    var registrationNumber: String?
    var returnedAt: String?
    var returnGrounds: String?
    var createdAt = ""
    var updatedAt = ""
    /// (action, status, at, role, login, detail) in order.
    var events: [(String, String, String, String, String?, String?)] = []

    static let insertSQL = """
        INSERT INTO contracts (entity_id, handler_login, office_id, status, round, regime,
            registering_side, title, category, subtype, signed_on, valid_from, valid_until,
            seller_name, seller_country, seller_division, seller_nature, buyer_name,
            buyer_country, buyer_division, buyer_nature, tech_field, ip_type, payment_method,
            amount_fen, tech_amount_fen, approved_tech_amount_fen, first_submitted_at,
            submitted_at, text_received_at, text_received_on, first_approved_by,
            first_approved_at, approved_by, approved_at, registration_number, returned_at,
            return_grounds, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'CN', ?, ?, ?, 'CN', ?, ?, ?, ?, ?,
            ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    static let eventSQL = """
        INSERT INTO contract_events (contract_id, round, action, status, at, role, login,
            office_id, detail)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    func insert(into database: Database) throws {
        let contract = try database.statement(Self.insertSQL)
        try contract.bind([
            entityID, handlerLogin, officeID, status, round, regime, side, title, category,
            subtype, signedOn, validFrom, validUntil, seller.name, seller.division,
            seller.nature, buyer.name, buyer.division, buyer.nature, techField, ipType,
            payment, amountFen, techAmountFen, approvedTechFen, firstSubmittedAt, submittedAt,
            textReceivedAt, textReceivedOn, firstApprovedBy, firstApprovedAt, approvedBy,
            approvedAt, registrationNumber, returnedAt, returnGrounds, createdAt, updatedAt,
        ])
        try contract.run()
        let id = database.lastInsertRowID
        let event = try database.statement(Self.eventSQL)
        for (action, status, at, role, login, detail) in events {
            try event.bind([
                id, round, action, status, at, role, login, officeID, detail,
            ])
            try event.run()
        }
    }
}

/// Days from 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
}

/// Returns the date of a day count from 1970-01-01 (Howard Hinnant's civil_from_days).
func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
}

private func twoDigits(_ value: Int) -> String {
    value < 10 ? "0" + String(value) : String(value)
}

func civilText(_ days: Int) -> String {
    let date = civil(days)
    return String(date.year) + "-" + twoDigits(date.month) + "-" + twoDigits(date.day)
}

/// Formats an RFC 3339 time in China Standard Time, `seconds` after midnight of the day.
func timestamp(_ days: Int, _ seconds: Int) -> String {
    civilText(days) + "T" + twoDigits(seconds / 3600) + ":" + twoDigits(seconds / 60 % 60) + ":"
        + twoDigits(seconds % 60) + "+08:00"
}

/// Fen as the wire's yuan text, such as 960000.00.
func yuanText(_ fen: Int64) -> String {
    String(fen / 100) + "." + twoDigits(Int(fen % 100))
}
