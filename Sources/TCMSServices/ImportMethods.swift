import Dispatch
import Foundation
import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// `import.persons` and `import.entities`: the operator's bulk import, one batch of lines per
/// call, through exactly the checks of registration. Each line succeeds or fails alone; the
/// good lines of a batch commit together.
///
/// A line whose login already exists with the same document number (persons) or the same unit
/// name (entities) counts as `unchanged`, so importing a file twice changes nothing.
enum ImportMethods {
    /// Lines per call; `tcms import` sends batches of this size.
    static let maxLinesPerCall = 500

    static func specs(environment: ServiceEnvironment) -> [MethodSpec] {
        [
            spec("import.persons", kind: .person, environment: environment),
            spec("import.entities", kind: .entity, environment: environment),
        ]
    }

    enum Kind {
        case person
        case entity
    }

    /// One line's verdict, reported back with its line number.
    private struct Rejection {
        let line: Int64
        let error: RPCError
    }

    private enum Validated {
        case person(PersonRecord)
        case entity(EntityRecord)

        var credential: Credential {
            switch self {
            case .person(let record): record.credential
            case .entity(let record): record.credential
            }
        }
    }

    private static func spec(_ name: String, kind: Kind, environment: ServiceEnvironment)
        -> MethodSpec
    {
        MethodSpec(
            name,
            summary: "Imports a batch of "
                + (kind == .person ? "natural persons" : "legal entities")
                + " as JSON lines; each line is checked as registration checks it.",
            params: [
                ParamSpec(
                    "lines", .array, required: true,
                    "up to \(maxLinesPerCall) items {line: number in the file, record: object}"),
            ],
            result: "{accepted, unchanged, rejected: [{line, reason, field?, message, "
                + "messageZh, errors?}]}",
            roles: [.operator], writes: true, errors: ["too_many_lines", "invalid_line_item"]
        ) { context, params in
            try run(kind, environment, context, params)
        }
    }

    private static func run(
        _ kind: Kind, _ environment: ServiceEnvironment, _ context: CallContext, _ params: Params
    ) throws -> JSON {
        let items = params["lines"]?.arrayValue ?? []
        guard items.count <= maxLinesPerCall else {
            throw RPCError.invalidParams(
                "params.lines contains \(items.count) items; send at most \(maxLinesPerCall) "
                    + "per call",
                field: "params.lines", reason: "too_many_lines")
        }
        let now = environment.clock.now()
        let today = ChinaTime.date(of: now)

        var rejections: [Rejection] = []
        var valid: [(line: Int64, record: Validated)] = []
        for (index, item) in items.enumerated() {
            guard let line = item["line"]?.intValue, let object = item["record"]?.objectValue else {
                throw RPCError.invalidParams(
                    "params.lines[\(index)] must be {line: integer, record: object}",
                    field: "params.lines", reason: "invalid_line_item")
            }
            switch validate(kind, object, today: today) {
            case .success(let record): valid.append((line, record))
            case .failure(let error): rejections.append(Rejection(line: line, error: error))
            }
        }

        // Lines already stored are counted before hashing, so a second import of a file costs
        // no yescrypt time.
        let stored = try environment.store.read { database in
            try valid.map { try isUnchanged(database, $0.record) }
        }
        let unchangedBefore = stored.filter { $0 }.count
        valid = zip(valid, stored).filter { !$0.1 }.map(\.0)
        let hashes = try hashPasswords(valid.map(\.record.credential))

        let hasCommand = environment.verifyCommand != nil
        let outcome = try environment.store.write { database in
            var accepted = 0
            var unchanged = unchangedBefore
            var rejected: [Rejection] = []
            var toVerify: [(table: String, id: Int64, request: JSON)] = []
            for (index, entry) in valid.enumerated() {
                try database.execute("SAVEPOINT import_line")
                do {
                    if try isUnchanged(database, entry.record) {
                        unchanged += 1
                    } else {
                        let pending = try insert(
                            database, entry.record, hash: hashes[index], now: now, today: today,
                            context: context, hasVerifyCommand: hasCommand)
                        toVerify += pending.map { [$0] } ?? []
                        accepted += 1
                    }
                    try database.execute("RELEASE import_line")
                } catch let error as RPCError {
                    try database.execute("ROLLBACK TO import_line")
                    try database.execute("RELEASE import_line")
                    rejected.append(Rejection(line: entry.line, error: error))
                }
            }
            return (accepted, unchanged, rejected, toVerify)
        }
        let (accepted, unchanged, storeRejections, toVerify) = outcome
        for entry in toVerify {
            Verifier.startCommand(
                environment, table: entry.table, id: entry.id, request: entry.request)
        }

        let all = (rejections + storeRejections).sorted { $0.line < $1.line }
        return [
            "accepted": .int(Int64(accepted)),
            "unchanged": .int(Int64(unchanged)),
            "rejected": .array(all.map { rejection in
                var object = rejection.error.json["data"]?.objectValue ?? JSONObject()
                object["line"] = .int(rejection.line)
                object["message"] = .string(rejection.error.message)
                return .object(object)
            }),
        ]
    }

    private static func validate(_ kind: Kind, _ object: JSONObject, today: CivilDate)
        -> Result<Validated, RPCError>
    {
        var reader = FieldReader(object, prefix: "")
        switch kind {
        case .person:
            reader.rejectUnknown(PersonValidation.importFields)
            if let record = PersonValidation.read(&reader, source: .importLine, today: today) {
                return .success(.person(record))
            }
        case .entity:
            reader.rejectUnknown(EntityValidation.importFields)
            if let record = EntityValidation.read(&reader, source: .importLine, today: today) {
                return .success(.entity(record))
            }
        }
        return .failure(RPCError.validation(reader.problems))
    }

    /// Hashes the plain passwords on every core, outside the write transaction, because
    /// yescrypt is deliberately slow and the single writer must not wait for it.
    private static func hashPasswords(_ credentials: [Credential]) throws -> [String] {
        let results = HashResults(count: credentials.count)
        DispatchQueue.concurrentPerform(iterations: credentials.count) { index in
            switch credentials[index] {
            case .hash(let hash):
                results.set(index, .success(hash))
            case .password(let password):
                results.set(index, Result { try PasswordHasher.hash(password) })
            }
        }
        return try results.values.map { try $0!.get() }
    }

    private static func isUnchanged(_ database: Database, _ record: Validated) throws -> Bool {
        switch record {
        case .person(let person):
            guard let (_, login) = try PersonStore.holder(database, document: person.document)
            else { return false }
            return AccountStore.key(login) == AccountStore.key(person.login)
        case .entity(let entity):
            return try database.scalarInt(
                """
                SELECT count(*) FROM entities e JOIN accounts a ON a.id = e.account_id
                WHERE a.login_key = ? AND e.name = ?
                """, [AccountStore.key(entity.login), entity.name]) > 0
        }
    }

    /// Stores one record and returns what the verification command must check, if anything.
    private static func insert(
        _ database: Database, _ record: Validated, hash: String, now: Date, today: CivilDate,
        context: CallContext, hasVerifyCommand: Bool
    ) throws -> (table: String, id: Int64, request: JSON)? {
        switch record {
        case .person(let person):
            let (id, status) = try PersonStore.insert(
                database, person, passwordHash: hash, now: now, today: today, prefix: "",
                hasVerifyCommand: hasVerifyCommand)
            try AuditLog.record(
                database, context: context, subject: "person:\(id)",
                after: PersonStore.auditJSON(person), at: now)
            return status == .verifying
                ? ("persons", id, PersonStore.verifyRequest(person)) : nil
        case .entity(let entity):
            let (id, status) = try EntityStore.insert(
                database, entity, passwordHash: hash, now: now, prefix: "",
                hasVerifyCommand: hasVerifyCommand)
            try AuditLog.record(
                database, context: context, subject: "entity:\(id)",
                after: EntityStore.auditJSON(entity), at: now)
            return status == .verifying
                ? ("entities", id, EntityStore.verifyRequest(entity)) : nil
        }
    }
}

/// Results written by `concurrentPerform` workers, one slot each.
private final class HashResults: @unchecked Sendable {
    // Unchecked because every slot is written by exactly one worker under `lock`, and read
    // only after `concurrentPerform` returned.
    private(set) var values: [Result<String, any Error>?]
    private let lock = NSLock()

    init(count: Int) {
        values = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: Result<String, any Error>) {
        lock.withLock { values[index] = value }
    }
}
