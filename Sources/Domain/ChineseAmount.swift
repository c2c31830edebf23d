/// An amount written in Chinese financial capitals (大写金额), as cheques, invoices and printed
/// order forms show it beside the figures: 12,345.67 → 壹万贰仟叁佰肆拾伍元陆角柒分;
/// 100.00 → 壹佰元整. Zeros follow the usual rules: one 零 for a run of zeros inside a
/// section, none at a section's end, and 零 before a section that starts below its thousands.
public enum ChineseAmount {
    static let digits: [Character] = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"]
    static let units = ["", "拾", "佰", "仟"]
    static let sections = ["", "万", "亿", "万亿"]

    public static func words(_ money: Money) -> String {
        let negative = money.minorUnits < 0
        let m = money.minorUnits.magnitude
        let yuan = m / 100, jiao = Int(m / 10 % 10), fen = Int(m % 10)
        var text = yuan > 0 ? integerWords(yuan) + "元" : ""
        if jiao == 0 && fen == 0 {
            text += yuan > 0 ? "整" : "零元整"
        } else {
            if jiao > 0 { text += String(digits[jiao]) + "角" } else if yuan > 0 { text += "零" }
            if fen > 0 { text += String(digits[fen]) + "分" } else { text += "整" }
        }
        return (negative ? "负" : "") + text
    }

    static func integerWords(_ n: UInt64) -> String {
        var groups: [Int] = []
        var rest = n
        while rest > 0 { groups.append(Int(rest % 10_000)); rest /= 10_000 }
        var text = ""
        var pendingZero = false
        for index in stride(from: groups.count - 1, through: 0, by: -1) {
            let g = groups[index]
            if g == 0 { pendingZero = !text.isEmpty; continue }
            if !text.isEmpty && (pendingZero || g < 1000) { text += "零" }
            pendingZero = false
            text += groupWords(g) + sections[min(index, sections.count - 1)]
        }
        return text
    }

    static func groupWords(_ g: Int) -> String {
        var text = ""
        var zero = false
        for position in stride(from: 3, through: 0, by: -1) {
            var p = 1
            for _ in 0..<position { p *= 10 }
            let d = g / p % 10
            if d == 0 { zero = !text.isEmpty; continue }
            if zero { text += "零"; zero = false }
            text += String(digits[d]) + units[position]
        }
        return text
    }
}
