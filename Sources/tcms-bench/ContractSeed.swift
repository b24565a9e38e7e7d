import Foundation
import TCMSClient
import TCMSJSON
import TCMSServices
import TCMSStorage

/// The contents of a seeded state directory that the figures use.
struct SeededWorld {
    /// The office with the most contracts, and the clerks of it the benchmark logs in as.
    var busiestOfficeID: Int64 = 0
    var clerkLogins: [String] = []
    var contracts = 0
    var entities = 0
    /// Lines per second of `import.entities` (lines carry `passwordHash`) while seeding.
    var entityImportPerSecond = 0.0
    /// Contract rows per second of the bulk load (with their history rows).
    var contractLoadPerSecond = 0.0
    /// Seconds to rebuild the count tables and the bigram index after the load.
    var rebuildSeconds = 0.0
}

/// Writes a national-scale state directory: offices, clerks and entities through the daemon's
/// own methods, then contracts straight into the product's schema in large transactions.
///
/// Everything is drawn from `SeededGenerator` with a fixed seed, so the same options give the
/// same rows. Handler logins of seeded contracts name no account: the figures act as clerks
/// and as the operator, never as a handler.
struct ContractSeeder {
    static let clerkPassword = "Bench-2026#clerk"
    static let clerkCount = 16

    let contracts: Int
    let seed: UInt64
    let entityCount: Int

    /// Seeds `contracts` contracts registered by `entities` units; without a count, one unit
    /// per 25 contracts, at most 200,000, as a national instance has.
    init(contracts: Int, entities: Int?, seed: UInt64) {
        self.contracts = contracts
        self.seed = seed
        entityCount = entities ?? min(200_000, max(400, contracts / 25))
    }

    /// Seeds through the daemon at `socketPath` (offices, clerks, entities); the caller stops
    /// the daemon before `loadContracts`.
    func seedThroughDaemon(socketPath: String, into world: inout SeededWorld) throws {
        let operatorClient = try RPCClient(path: socketPath)
        var officeByCity: [String: Int64] = [:]
        for office in SeedVocabulary.offices {
            let created = try operatorClient.call(
                "office.create",
                ["name": .string(office.name), "divisionCodes": [.string(office.divisionCode)]])
            officeByCity[office.divisionCode] = created["id"]?.intValue ?? 0
        }
        world.busiestOfficeID = officeByCity["110000"] ?? 0
        for index in 1...Self.clerkCount {
            let login = "bench_clerk_" + (index < 10 ? "0" : "") + String(index)
            _ = try operatorClient.call(
                "clerk.create",
                ["login": .string(login), "password": .string(Self.clerkPassword),
                 "name": "审核员", "officeId": .int(world.busiestOfficeID),
                 "largeAmountApprover": .bool(index == 1)])
            world.clerkLogins.append(login)
        }

        let hash = try PasswordHasher.hash("Bench-2026#unit")
        var generator = SeededGenerator(seed: seed)
        var names = Set<String>()
        var lines: [JSON] = []
        let started = Date()
        for index in 1...entityCount {
            let district = weightedDistrict(&generator)
            let name = unitName(city: district.cityName, &generator, unique: &names)
            let number = String(index)
            let mobile = "139" + String(repeating: "0", count: 8 - number.count) + number
            lines.append([
                "line": .int(Int64(index)),
                "record": [
                    "login": .string("bench_unit_" + number), "passwordHash": .string(hash),
                    "regionType": "domestic", "entityType": "other", "nature": "180",
                    "name": .string(name), "legalRepName": "陈静怡",
                    "legalRepDocumentNumber": "35010219871123006X",
                    "divisionCode": .string(district.code), "mobile": .string(mobile),
                ],
            ])
            if lines.count == 500 || index == entityCount {
                let result = try operatorClient.call("import.entities", ["lines": .array(lines)])
                let rejected = result["rejected"]?.arrayValue ?? []
                guard rejected.isEmpty else {
                    throw BenchError("import.entities rejected lines: \(rejected.prefix(3))")
                }
                lines.removeAll(keepingCapacity: true)
            }
        }
        world.entityImportPerSecond = Double(entityCount) / Date().timeIntervalSince(started)
        world.entities = entityCount
    }

    /// Loads the contracts and their history into the database at `path`. The triggers that
    /// keep the count tables and the bigram index are dropped for the load and restored after,
    /// with both rebuilt by the statements the migration itself runs.
    func loadContracts(databasePath path: String, into world: inout SeededWorld) throws {
        let store = try Store(path: path, migrations: Schema.migrations)
        defer { try? store.close() }
        let units = try store.read { database in
            try database.query(
                "SELECT e.id, e.name, e.division_code, r.office_id FROM entities e "
                    + "JOIN office_regions r ON r.division_code = substr(e.division_code, 1, 4) "
                    + "|| '00' OR r.division_code = substr(e.division_code, 1, 2) || '0000' "
                    + "ORDER BY e.id"
            ) { row in
                SeedUnit(id: row.int64(0), name: row.string(1), division: row.string(2),
                         officeID: row.int64(3))
            }
        }
        guard !units.isEmpty else { throw BenchError("no seeded entities to register contracts") }
        let officeDivisions = try store.read { database in
            try database.query("SELECT office_id, min(division_code) FROM office_regions "
                                + "GROUP BY office_id") { ($0.int64(0), $0.string(1)) }
        }
        var divisionOfOffice: [Int64: String] = [:]
        for (office, division) in officeDivisions { divisionOfOffice[office] = division }

        let triggers = try store.read { database in
            try database.query(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = "
                    + "'contracts'"
            ) { ($0.string(0), $0.string(1)) }
        }.filter { ContractCounts.maintainingTriggers.contains($0.0) }
        try store.write { database in
            for (name, _) in triggers { try database.execute("DROP TRIGGER \(name)") }
        }

        var generator = SeededGenerator(seed: seed &+ 1)
        var maker = ContractMaker(
            units: units, divisionOfOffice: divisionOfOffice, clerks: world.clerkLogins,
            total: contracts)
        let started = Date()
        let batch = 20_000
        var written = 0
        while written < contracts {
            let count = min(batch, contracts - written)
            let rows = (0..<count).map { offset in
                maker.make(index: written + offset, &generator)
            }
            try store.write { database in
                try database.execute("PRAGMA cache_size = -1000000")
                for row in rows { try row.insert(into: database) }
            }
            written += count
        }
        try store.write { database in
            for (office, year, last) in maker.sequences() {
                try database.run(
                    "INSERT INTO registration_sequences (office_id, year, last_sequence) "
                        + "VALUES (?, ?, ?)", [office, year, last])
            }
        }
        world.contractLoadPerSecond = Double(contracts) / Date().timeIntervalSince(started)

        let rebuildStarted = Date()
        try store.write { database in
            try database.execute("PRAGMA cache_size = -1000000")
            try database.execute(ContractCounts.rebuildSQL)
            try database.execute(ContractTextIndex.rebuildSQL)
            for (_, sql) in triggers { try database.execute(sql) }
        }
        try store.write { database in try database.execute("ANALYZE") }
        world.rebuildSeconds = Date().timeIntervalSince(rebuildStarted)
        world.contracts = contracts
    }

    private func weightedDistrict(_ generator: inout SeededGenerator) -> SeedVocabulary.District {
        let total = SeedVocabulary.districts.reduce(0) { $0 + $1.weight }
        var draw = generator.below(total)
        for district in SeedVocabulary.districts {
            if draw < district.weight { return district }
            draw -= district.weight
        }
        return SeedVocabulary.districts[0]
    }
}

/// A registered unit that seeded contracts name as registering party.
struct SeedUnit {
    let id: Int64
    let name: String
    let division: String
    let officeID: Int64
}

/// A unit name such as 北京华晋环保科技有限公司, made unique with one more core character.
func unitName(city: String, _ generator: inout SeededGenerator, unique names: inout Set<String>)
    -> String
{
    let prefix = String(city.prefix(2))
    while true {
        var core = String(generator.pick(SeedVocabulary.nameCores))
            + String(generator.pick(SeedVocabulary.nameCores))
        var name = prefix + core + generator.pick(SeedVocabulary.sectors) + "科技有限公司"
        var extra = 0
        while names.contains(name) && extra < 4 {
            core += String(generator.pick(SeedVocabulary.nameCores))
            name = prefix + core + generator.pick(SeedVocabulary.sectors) + "科技有限公司"
            extra += 1
        }
        if names.insert(name).inserted { return name }
    }
}
