/// The written forms of an amount on printed documents: digits grouped by thousands, and the
/// Chinese capital numerals (大写金额) that banks and registration documents use.
extension Money {
    /// The amount with a comma between each group of three yuan digits and two decimals,
    /// `"1,200,000.00"`.
    public var groupedDescription: String {
        let plain = description
        let sign = plain.hasPrefix("-") ? "-" : ""
        let digits = Array(plain.dropFirst(sign.count).prefix { $0 != "." })
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return sign + grouped + plain.suffix(3)
    }

    /// The amount in Chinese capital numerals, `"壹佰贰拾万元整"` for 1,200,000.00, written the
    /// way banks and registration documents write amounts. 整 follows 元 when there are no 角
    /// and 分, and each run of skipped digits reads as one 零. 零 follows 元 when 角 or 分 come
    /// after yuan that end in zero or after a zero 角 (1,680.32 is 壹仟陆佰捌拾元零叁角贰分). A
    /// leading ten is 壹拾, not 拾.
    ///
    /// Nil for a negative amount or for 10^16 yuan or more, which no contract reaches and which
    /// would need units above 万亿.
    public var chineseCapital: String? {
        guard fen >= 0 else { return nil }
        let yuan = fen / 100
        let jiao = Int(fen / 10 % 10)
        let cents = Int(fen % 10)
        guard yuan < 10_000_000_000_000_000 else { return nil }

        var text = yuan == 0 ? "" : Self.capitalYuan(yuan) + "元"
        if jiao == 0 && cents == 0 { return yuan == 0 ? "零元整" : text + "整" }
        if yuan > 0 && (yuan % 10 == 0 || jiao == 0) { text += "零" }
        if jiao > 0 { text += Self.capitalDigits[jiao] + "角" }
        if cents > 0 { text += Self.capitalDigits[cents] + "分" }
        return text
    }

    private static let capitalDigits = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"]

    /// Whole yuan from 1 to 10^16 - 1 in capital numerals: four groups of four digits with the
    /// units 万 and 亿 between them, so 1,0001,0000,0000 reads 壹万零壹亿.
    private static func capitalYuan(_ yuan: Int64) -> String {
        let groups = [
            (Int(yuan / 1_000_000_000_000 % 10_000), "万"), (Int(yuan / 100_000_000 % 10_000), ""),
            (Int(yuan / 10_000 % 10_000), "万"), (Int(yuan % 10_000), ""),
        ]
        var text = ""
        var previousWasZero = false
        for (index, (group, unit)) in groups.enumerated() {
            if group == 0 {
                previousWasZero = !text.isEmpty
            } else {
                // A zero is read where digits are skipped: the group starts below 1000 or a
                // whole group before it was zero.
                if !text.isEmpty && (group < 1000 || previousWasZero) { text += "零" }
                text += capitalGroup(group) + unit
                previousWasZero = false
            }
            // The 亿 closes the upper half whenever the upper half has any digit.
            if index == 1 && yuan >= 100_000_000 { text += "亿" }
        }
        return text
    }

    /// Writes a group of 1 to 9999 with the units 仟, 佰 and 拾, reading zeros inside as one 零.
    private static func capitalGroup(_ group: Int) -> String {
        let units = ["仟", "佰", "拾", ""]
        let digits = [group / 1000, group / 100 % 10, group / 10 % 10, group % 10]
        var text = ""
        var pendingZero = false
        for (digit, unit) in zip(digits, units) {
            if digit == 0 {
                pendingZero = !text.isEmpty
            } else {
                if pendingZero { text += "零" }
                text += capitalDigits[digit] + unit
                pendingZero = false
            }
        }
        return text
    }
}
