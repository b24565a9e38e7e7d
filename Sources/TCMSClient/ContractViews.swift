import TCMSJSON
import TCMSTerminal

/// The shell's views of contracts: the columns of `inbox` and `contracts`, the Chinese names
/// of a contract's fields for `contract show`, and its history table.
enum ContractViews {
    /// `inbox`: what the office has to act on, with the days left of the time limit.
    static let inbox = ListingView(columns: [
        .init("编号", "id", alignment: .right),
        .init("状态", "status"),
        .init("合同名称", "title", shrinksFirst: true),
        .init("卖方", "seller.name", shrinksFirst: true),
        .init("买方", "buyer.name", shrinksFirst: true),
        .init("成交额", "amount", alignment: .right),
        .init("收文日期", "textReceivedOn"),
        .init("剩余天数", "timeLimit.daysLeft", alignment: .right),
    ])

    /// `contracts`: any contract visible to the caller.
    static let list = ListingView(columns: [
        .init("编号", "id", alignment: .right),
        .init("状态", "status"),
        .init("合同名称", "title", shrinksFirst: true),
        .init("类别", "category", shrinksFirst: true),
        .init("卖方", "seller.name", shrinksFirst: true),
        .init("买方", "buyer.name", shrinksFirst: true),
        .init("成交额", "amount", alignment: .right),
        .init("登记号", "registrationNumber"),
    ])

    /// The fields shown after a decision (`receive`, `contract approve`, `contract return`).
    static let decision = ListingView(columns: [
        .init("编号", "id"),
        .init("合同名称", "title", shrinksFirst: true),
        .init("状态", "status"),
        .init("办理时限", "timeLimit.limit"),
        .init("时限截止日", "timeLimit.lastDay"),
        .init("剩余天数", "timeLimit.daysLeft"),
        .init("核定技术交易额", "approvedTechAmount"),
        .init("登记号", "registrationNumber"),
        .init("退回理由", "returnGrounds"),
        .init("退回说明", "returnNote"),
    ])

    /// The history of `contract show`, one row per step.
    static let history = ListingView(columns: [
        .init("轮次", "round", alignment: .right),
        .init("操作", "action"),
        .init("状态", "status"),
        .init("时间", "at"),
        .init("经办人", "login", shrinksFirst: true),
        .init("机构", "officeName", shrinksFirst: true),
        .init("说明", "detailText", shrinksFirst: true),
    ])

    /// The Chinese names of a contract's fields, by flattened key; other keys show as they are.
    static let fieldNames: [String: String] = [
        "id": "编号", "status": "状态", "round": "轮次", "regime": "适用规则",
        "registeringSide": "登记方", "title": "合同名称", "category": "合同类别",
        "subtype": "合同子类", "signedOn": "签订日期", "signedPlace": "签订地点",
        "validFrom": "有效期起", "validUntil": "有效期止",
        "seller.name": "卖方名称", "seller.country": "卖方国别", "seller.division": "卖方所在地区",
        "seller.nature": "卖方单位性质",
        "buyer.name": "买方名称", "buyer.country": "买方国别", "buyer.division": "买方所在地区",
        "buyer.nature": "买方单位性质",
        "techField": "技术领域", "ipType": "知识产权类型", "planSource": "计划来源",
        "objective": "社会经济目标", "paymentMethod": "支付方式", "amount": "成交额",
        "techAmount": "技术交易额", "expectedNewInvestment": "预计新增投资",
        "expectedNewOutput": "预计新增产值", "approvedTechAmount": "核定技术交易额",
        "entityId": "单位编号", "entityName": "登记单位", "handlerLogin": "办件人",
        "officeId": "登记机构编号", "officeName": "登记机构", "registrationNumber": "登记号",
        "firstSubmittedAt": "首次提交时间", "submittedAt": "提交时间",
        "textReceivedAt": "收文时间", "textReceivedOn": "收文日期",
        "firstApprovedBy": "初次批准人", "firstApprovedAt": "初次批准时间",
        "approvedBy": "批准人", "approvedAt": "批准时间", "returnedAt": "退回时间",
        "returnGrounds": "退回理由", "returnNote": "退回说明", "createdAt": "创建时间",
        "updatedAt": "更新时间", "timeLimit": "办理时限", "timeLimit.limit": "办理时限",
        "timeLimit.days": "时限天数",
        "timeLimit.lastDay": "时限截止日", "timeLimit.daysLeft": "剩余天数",
        "timeLimit.isEstimate": "截止日为估算", "allowedActions": "可执行操作",
    ]

    /// Every field of a contract, one per line: a code shows as `label (code)`, the return
    /// grounds by their labels, and the history is left to its own table.
    static func fields(of contract: JSONObject) -> [ExpandedRecordPrinter.Field] {
        let flat = ResultText.flattened(contract)
        let keys = Set(flat.map(\.key))
        var fields: [ExpandedRecordPrinter.Field] = []
        for (key, value) in flat where key != "history" && !key.hasSuffix("Label") {
            let name = fieldNames[key] ?? key
            let label = flat.first { $0.key == key + "Label" }?.value.stringValue ?? ""
            var text = ResultText.cell(value)
            if keys.contains(key + "Label"), !label.isEmpty, !text.isEmpty {
                text = label == text ? text : "\(label) (\(text))"
            } else if let array = value.arrayValue {
                text = array.map { item in
                    item["label"]?.stringValue ?? item.stringValue ?? ResultText.cell(item)
                }.joined(separator: "；")
            }
            fields.append(.init(name, text))
        }
        return fields
    }

    /// Returns the history steps with their detail as `key=value` text, for the history
    /// table.
    static func historyRows(of contract: JSONObject) -> [JSONObject] {
        (contract["history"]?.arrayValue ?? []).compactMap(\.objectValue).map { step in
            var row = step
            if let detail = step["detail"]?.objectValue {
                row["detailText"] = .string(detail.members.map { key, value in
                    let text = value.arrayValue.map {
                        $0.map(ResultText.cell).joined(separator: ",")
                    }
                    return "\(key)=\(text ?? ResultText.cell(value))"
                }.joined(separator: " "))
            }
            return row
        }
    }
}
