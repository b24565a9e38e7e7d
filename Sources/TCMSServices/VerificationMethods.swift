import Foundation
import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// `verification.importReferences`: the operator's import of the reference list that the
/// embedded verifier checks persons against.
enum VerificationMethods {
    static let header = "name,documentType,documentNumber"

    static func specs(environment: ServiceEnvironment) -> [MethodSpec] {
        [
            MethodSpec(
                "verification.importReferences",
                summary: "Adds or replaces reference entries (name, document type, number) that "
                    + "the national platform confirmed. Once the list has entries, a person "
                    + "checked online is verified only when an entry matches.",
                params: [
                    ParamSpec(
                        "csv", .string, required: true,
                        "CSV text with the header \(header); fields contain no commas"),
                ],
                result: "{accepted, rejected: [{line, reason, message}]}",
                roles: [.operator], writes: true, errors: ["invalid_header"]
            ) { context, params in
                try importReferences(environment, context, params)
            },
        ]
    }

    private static func importReferences(
        _ environment: ServiceEnvironment, _ context: CallContext, _ params: Params
    ) throws -> JSON {
        let lines = try params.requiredString("csv").split(
            separator: "\n", omittingEmptySubsequences: false
        ).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard lines.first == header else {
            throw RPCError(
                code: RPCErrorCode.validationFailed, reason: "invalid_header",
                message: "The first line must be \(header)", messageZh: "首行应为 \(header)",
                field: "params.csv")
        }
        let now = environment.clock.now()
        let today = ChinaTime.date(of: now)

        var rows: [(name: String, document: DocumentNumber)] = []
        var rejected: [JSON] = []
        for (index, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == 3, !fields[0].isEmpty,
                let type = DocumentType(rawValue: fields[1]) ?? DocumentType(label: fields[1])
            else {
                rejected.append(
                    ["line": .int(Int64(index + 1)), "reason": "invalid_row",
                     "message": "expected name, a document type code and a number"])
                continue
            }
            do throws(DomainViolation) {
                let document = try DocumentNumber(type: type, input: fields[2], today: today)
                rows.append((fields[0], document))
            } catch {
                rejected.append(
                    ["line": .int(Int64(index + 1)), "reason": .string(error.reason),
                     "message": .string(error.message)])
            }
        }

        let nowText = ChinaTime.timestamp(of: now)
        try environment.store.write { database in
            for row in rows {
                try database.run(
                    """
                    INSERT OR REPLACE INTO verification_references
                        (document_type, document_number, name, imported_at)
                    VALUES (?, ?, ?, ?)
                    """, [row.document.type.rawValue, row.document.value, row.name, nowText])
            }
            try AuditLog.record(
                database, context: context, subject: "verification_references",
                after: ["accepted": .int(Int64(rows.count))], at: now)
        }
        return ["accepted": .int(Int64(rows.count)), "rejected": .array(rejected)]
    }
}
