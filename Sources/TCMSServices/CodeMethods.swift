import TCMSDomain
import TCMSJSON
import TCMSRPC

/// `code.list`: the coded values that params and filters take, with their labels, so a client
/// such as the shell can offer them for completion without a copy compiled into it.
enum CodeMethods {
    /// Collects the lists by name: the registration form's lists plus the product's own
    /// states and kinds.
    static func lists() -> [(name: String, label: String, codes: [JSON])] {
        func labelled<T: Labelled>(_ type: T.Type) -> [JSON] {
            T.allCases.map { ["code": .string($0.rawValue), "label": .string($0.label)] }
        }
        var result: [(name: String, label: String, codes: [JSON])] = [
            ("contract_status", "合同状态", labelled(ContractStatus.self)),
            ("registering_side", "登记方", labelled(RegisteringSide.self)),
            ("return_ground", "不予登记理由", labelled(ReturnGround.self)),
            ("document_type", "证件类型", labelled(DocumentType.self)),
            ("identity_type", "身份类型", labelled(IdentityType.self)),
            ("authorization_status", "授权状态", labelled(AuthorizationStatus.self)),
            ("access_status", "系统授权申请状态", AccessStore.statuses.map {
                ["code": .string($0), "label": .string(AccessStore.statusLabel($0))]
            }),
        ]
        for list in ContractCodeList.allCases {
            let codes = ContractCodes.standard.codes(in: list).map { code -> JSON in
                var entry: JSONObject = ["code": .string(code.code), "label": .string(code.label)]
                if let parent = code.parent { entry["parent"] = .string(parent) }
                return .object(entry)
            }
            result.append((list.rawValue, list.label, codes))
        }
        return result
    }

    static func specs(environment: ServiceEnvironment) -> [MethodSpec] {
        [
            MethodSpec(
                "code.list",
                summary: "Lists coded values with their labels: contract_status, "
                    + "registering_side, return_ground, document_type, identity_type, "
                    + "authorization_status, access_status and the registration form's lists "
                    + "(contract_category, contract_subtype, party_nature, tech_field, ip_type, "
                    + "payment_method, enterprise_size). Without list, every list.",
                params: [ParamSpec("list", .string, "the name of one list")],
                result: "{lists: [{name, label, codes: [{code, label, parent?}]}]}",
                roles: .everyone, errors: ["unknown_list"]
            ) { _, params in
                let all = lists()
                let wanted = params.string("list")
                let chosen = all.filter { wanted == nil || $0.name == wanted }
                if let wanted, chosen.isEmpty {
                    throw RPCError.invalidParams(
                        "unknown list \(wanted); lists: "
                            + all.map(\.name).joined(separator: ", "),
                        field: "params.list", reason: "unknown_list")
                }
                return [
                    "lists": .array(chosen.map { list in
                        [
                            "name": .string(list.name), "label": .string(list.label),
                            "codes": .array(list.codes),
                        ]
                    }),
                ]
            },
        ]
    }
}
