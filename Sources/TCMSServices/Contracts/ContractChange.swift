import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// The fields of a change registration (变更登记): what a handler's filing changes, checked
/// against the whole merged form, and how the clerk's approval applies it.
///
/// The registering party's fields always come from the entity's current record, as in
/// `ContractForm`, so a renamed entity shows up in the difference of its next change.
enum ContractChange {
    /// Wire fields a change may not alter: the registering side decides which party is the
    /// entity and which office registered the contract.
    static let fixedFields = ["registeringSide"]

    /// Merges `changes` (wire fields, where null or "" clears one) into the stored form of
    /// contract `id` and checks the whole result. Returns the stored wire fields and the form.
    static func merge(
        _ changes: JSONObject, into id: Int64, entity: ContractParty, ruleSet: ContractRuleSet,
        today: CivilDate, prefix: String, in database: Database
    ) throws -> (stored: JSONObject, form: ContractForm) {
        let stored = try ContractStore.wireForm(id: id, in: database)
        var problems: [(DomainViolation, String)] = []
        for name in fixedFields {
            if let value = changes[name], !value.isNull, value != stored[name] {
                problems.append((
                    DomainViolation(
                        reason: "field_not_changeable",
                        message: "\(name) cannot be changed after registration. Cancel the "
                            + "contract and register it again instead.",
                        messageZh: "登记后不能变更该项，请注销后重新登记。"), prefix + name))
            }
        }
        if !problems.isEmpty { throw RPCError.validation(problems) }

        var merged = stored
        for name in registeringPartyFields(stored) { merged[name] = nil }
        for (name, value) in changes.members {
            merged[name] = value.isNull || value.stringValue == "" ? nil : value
        }
        let form = try ContractForm.parse(
            merged, prefix: prefix, entity: entity, ruleSet: ruleSet, today: today)
        return (stored, form)
    }

    /// Lists each wire field whose value differs between `stored` and `form`, as
    /// `{"before": …, "after": …}` with null for an empty field.
    static func difference(stored: JSONObject, form: ContractForm) -> JSONObject {
        let after = wire(form)
        var changed = JSONObject()
        for name in ContractForm.fieldNames where stored[name] != after[name] {
            changed[name] = ["before": stored[name] ?? .null, "after": after[name] ?? .null]
        }
        return changed
    }

    /// Returns the `after` values of a filing's difference, as wire fields to merge.
    static func afterValues(_ difference: JSONObject) -> JSONObject {
        var values = JSONObject()
        for (name, change) in difference.members {
            values[name] = change["after"] ?? .null
        }
        return values
    }

    /// Returns whether the difference touches the amounts the office verified at approval.
    static func changesAmounts(_ difference: JSONObject) -> Bool {
        difference["amount"] != nil || difference["techAmount"] != nil
    }

    /// Converts the form to the wire fields that `ContractStore.wireForm` reads back from the
    /// table.
    static func wire(_ form: ContractForm) -> JSONObject {
        var object = JSONObject()
        let values = ContractStore.formValues(form)
        for (index, name) in ContractForm.fieldNames.enumerated() {
            if ContractStore.formColumns[index].hasSuffix("_fen") {
                if let fen = values[index] as? Int64 {
                    object[name] = .string(Money(fen: fen).description)
                }
            } else if let text = values[index] as? String {
                object[name] = .string(text)
            }
        }
        return object
    }

    /// Returns the wire fields of the registering party (`sellerName` … for seller-side
    /// registration).
    private static func registeringPartyFields(_ stored: JSONObject) -> [String] {
        let side = stored["registeringSide"]?.stringValue ?? RegisteringSide.seller.rawValue
        return ["Name", "Country", "Division", "Nature"].map { side + $0 }
    }
}
