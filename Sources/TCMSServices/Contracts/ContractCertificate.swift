import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// `contract.certificate`: the registration certificate (技术合同登记证明) of an approved
/// contract, for every caller who may read the contract.
enum ContractCertificate {
    static func specs(environment: ServiceEnvironment) -> [MethodSpec] {
        [
            MethodSpec(
                "contract.certificate",
                summary: "Returns the registration certificate (技术合同登记证明) of an approved "
                    + "contract as an HTML page that prints on A4, or as aligned plain text.",
                params: [
                    ContractMethods.contractIDParam,
                    ParamSpec("format", .string, required: true, "html or text"),
                ],
                result: "{contractId, registrationNumber, format, contentType, content}",
                roles: ContractMethods.readerRoles,
                errors: ["not_found", "not_a_clerk", "invalid_state", "invalid_code"]
            ) { context, params in
                let id = params.int("contractId") ?? 0
                let format = try params.requiredString("format")
                guard format == "html" || format == "text" else {
                    throw RPCError(
                        code: RPCErrorCode.validationFailed, reason: "invalid_code",
                        message: "Invalid format \(format): expected html or text",
                        messageZh: "格式无效：应为 html 或 text", field: "params.format")
                }
                let isHTML = format == "html"
                let document = try environment.store.read { database in
                    try ContractVisibility.require(id, context, in: database)
                    return try load(id, in: database)
                }
                return [
                    "contractId": .int(id),
                    "registrationNumber": .string(document.registrationNumber),
                    "format": .string(format),
                    "contentType": .string(
                        isHTML ? "text/html; charset=utf-8" : "text/plain; charset=utf-8"),
                    "content": .string(isHTML ? document.html : document.text),
                ]
            },
        ]
    }

    /// Builds the certificate of contract `id`; throws `invalid_state` unless it is approved.
    static func load(_ id: Int64, in database: Database) throws -> CertificateDocument {
        let found = try database.queryFirst(
            """
            SELECT c.status, c.registration_number, c.title, c.category, c.subtype,
                c.registering_side, c.seller_name, c.seller_country, c.seller_division,
                c.buyer_name, c.buyer_country, c.buyer_division, c.signed_on, c.valid_from,
                c.valid_until, c.amount_fen, c.approved_tech_amount_fen, c.approved_at, o.name
            FROM contracts c LEFT JOIN offices o ON o.id = c.office_id WHERE c.id = ?
            """, [id]
        ) { row in
            (ContractStatus(rawValue: row.string(0)) ?? .draft, document(row))
        }
        guard let (status, document) = found else { throw ContractErrors.notFound }
        guard let document else {
            throw RPCError(
                code: RPCErrorCode.invalidState, reason: "invalid_state",
                message: "The contract is \(status.rawValue): only an approved contract has a "
                    + "registration certificate",
                messageZh: "当前状态为“\(status.label)”的合同没有登记证明",
                field: "params.contractId")
        }
        return document
    }

    /// Builds the certificate from the current row of `load`'s query; returns nil unless the
    /// contract is approved.
    private static func document(_ row: Row) -> CertificateDocument? {
        guard row.string(0) == ContractStatus.approved.rawValue,
            let number = row.optionalString(1), let approvedAt = row.optionalString(17)
        else {
            return nil
        }
        let codes = ContractCodes.standard
        let category = codes.label(of: row.string(3), in: .contractCategory) ?? row.string(3)
        let subtype = row.optionalString(4)
            .map { codes.label(of: $0, in: .contractSubtype) ?? $0 }
        let side = RegisteringSide(rawValue: row.string(5))?.label ?? row.string(5)
        let amount = Money(fen: row.int64(15))
        let techAmount = Money(fen: row.optionalInt64(16) ?? 0)
        let rows: [CertificateDocument.Row] = [
            .init(label: "合同名称", value: row.string(2)),
            .init(label: "合同类别", value: category + (subtype.map { "（\($0)）" } ?? "")),
            .init(label: "登记方式", value: side),
            .init(label: "卖方", value: row.string(6)),
            .init(label: "卖方所在地区",
                  value: place(country: row.string(7), division: row.optionalString(8))),
            .init(label: "买方", value: row.string(9)),
            .init(label: "买方所在地区",
                  value: place(country: row.string(10), division: row.optionalString(11))),
            .init(label: "签订日期", value: chineseDate(row.optionalString(12))),
            .init(label: "合同有效期",
                  value: chineseDate(row.optionalString(13)) + " 至 "
                    + chineseDate(row.optionalString(14))),
            .init(label: "成交额", value: amount.groupedDescription + " 元"),
            .init(label: "成交额（大写）", value: capital(amount)),
            .init(label: "技术交易额", value: techAmount.groupedDescription + " 元"),
            .init(label: "技术交易额（大写）", value: capital(techAmount)),
        ]
        return CertificateDocument(
            registrationNumber: number, rows: rows, officeName: row.optionalString(18) ?? "",
            approvedOn: chineseDate(String(approvedAt.prefix(10))))
    }

    /// Returns a party's place: the full division name with its code for a domestic party, the
    /// country's name for a party abroad.
    static func place(country: String, division: String?) -> String {
        guard country == "CN" else {
            let found = Countries.standard.country(alpha2: country)
            return (found?.nameZh ?? found?.name ?? country) + "（\(country)）"
        }
        guard let division else { return "中国" }
        return fullDivisionName(division) + "（\(division)）"
    }

    /// Returns the province, prefecture and county names of a GB/T 2260 code, leaving out the
    /// placeholder prefectures (市辖区, 县) of the municipalities.
    static func fullDivisionName(_ code: String) -> String {
        let divisions = Divisions.standard
        let placeholders: Set<String> = ["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]
        var codes: [String] = []
        let parts = [divisions.provinceCode(of: code), divisions.prefectureCode(of: code), code]
        for part in parts.compactMap({ $0 }) where !codes.contains(part) {
            codes.append(part)
        }
        let names = codes.compactMap { divisions.name(of: $0) }
            .filter { !placeholders.contains($0) }
        return names.isEmpty ? code : names.joined()
    }

    /// Writes `2026-04-01` as `2026年4月1日`, and a missing date as "未填写".
    static func chineseDate(_ text: String?) -> String {
        guard let text, let date = CivilDate(text) else { return "未填写" }
        return "\(date.year)年\(date.month)月\(date.day)日"
    }

    private static func capital(_ money: Money) -> String {
        money.chineseCapital.map { "人民币" + $0 } ?? "—"
    }
}
