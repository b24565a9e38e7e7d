import TCMSJSON

/// The coded values of the connected daemon (`code.list`), read once on first use, for
/// completing `status=app` to `status=approved` and return grounds by code.
final class CodeCatalog {
    struct Code: Equatable {
        let code: String
        let label: String
    }

    private let session: ShellSession
    private var lists: [String: [Code]]?

    init(session: ShellSession) {
        self.session = session
    }

    /// Returns the codes of `list`, or none when the daemon does not offer it. A daemon
    /// without `code.list` still gives the return grounds through `contract.returnGrounds`.
    func codes(_ list: String) -> [Code] {
        if lists == nil {
            lists = load()
        }
        return lists?[list] ?? []
    }

    /// Returns the code a clerk typed as a code or as its label, such as 印章缺失或与名称不符.
    func code(_ typed: String, in list: String) -> String {
        codes(list).first { $0.label == typed }?.code ?? typed
    }

    /// Reads the lists, or returns nil when the daemon could not be asked, so that the next
    /// completion asks again.
    private func load() -> [String: [Code]]? {
        var result: [String: [Code]] = [:]
        if session.catalog.method(named: "code.list") != nil {
            guard let reply = try? session.call("code.list") else { return nil }
            for list in reply["lists"]?.arrayValue ?? [] {
                guard let name = list["name"]?.stringValue else { continue }
                result[name] = Self.codes(list["codes"])
            }
        } else if session.catalog.method(named: "contract.returnGrounds") != nil {
            guard let reply = try? session.call("contract.returnGrounds") else { return nil }
            result["return_ground"] = Self.codes(reply)
        }
        return result
    }

    private static func codes(_ array: JSON?) -> [Code] {
        (array?.arrayValue ?? []).compactMap { entry in
            guard let code = entry["code"]?.stringValue else { return nil }
            return Code(code: code, label: entry["label"]?.stringValue ?? "")
        }
    }

    /// Names the list whose codes a param or filter key of `method` takes, or nil for free
    /// text.
    static func list(forKey key: String, method: String) -> String? {
        switch key {
        case "status":
            if method.hasPrefix("contract.") { return "contract_status" }
            if method.hasPrefix("access.") { return "access_status" }
            if method.hasPrefix("authorization.") { return "authorization_status" }
            return nil
        case "category": return "contract_category"
        case "subtype": return "contract_subtype"
        case "side", "registeringSide": return "registering_side"
        case "techField": return "tech_field"
        case "ipType": return "ip_type"
        case "paymentMethod": return "payment_method"
        case "buyerNature", "sellerNature", "nature", "unitNature": return "party_nature"
        case "documentType": return "document_type"
        case "identityType": return "identity_type"
        case "reasons": return "return_ground"
        default: return nil
        }
    }
}
