/// An amount in integer minor units (fen, cents) of the company currency. Never a floating
/// point number: arithmetic, storage and reports all stay in `Int64`.
public struct Money: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var minorUnits: Int64

    public init(minorUnits: Int64) { self.minorUnits = minorUnits }
    public static let zero = Money(minorUnits: 0)
    public static let scale: Int64 = 100

    public static func < (a: Money, b: Money) -> Bool { a.minorUnits < b.minorUnits }
    public static func + (a: Money, b: Money) -> Money { Money(minorUnits: a.minorUnits + b.minorUnits) }
    public static func - (a: Money, b: Money) -> Money { Money(minorUnits: a.minorUnits - b.minorUnits) }
    public static prefix func - (a: Money) -> Money { Money(minorUnits: -a.minorUnits) }
    public static func += (a: inout Money, b: Money) { a.minorUnits += b.minorUnits }
    public static func -= (a: inout Money, b: Money) { a.minorUnits -= b.minorUnits }
    public var isZero: Bool { minorUnits == 0 }
    public var isNegative: Bool { minorUnits < 0 }

    /// `1,234,567.89`; negative amounts get a leading minus.
    public var description: String { formatted() }

    public func formatted(grouping: Bool = true) -> String {
        let negative = minorUnits < 0
        let magnitude = minorUnits.magnitude
        let whole = magnitude / UInt64(Money.scale)
        let cents = magnitude % UInt64(Money.scale)
        var digits = String(whole)
        if grouping { digits = Money.group(digits) }
        let frac = cents < 10 ? "0\(cents)" : "\(cents)"
        return (negative ? "-" : "") + digits + "." + frac
    }

    /// Short form for dashboards: `12.3k`, `4.56M`, exact below 10,000.
    public var compact: String {
        let m = minorUnits.magnitude / UInt64(Money.scale)
        let sign = minorUnits < 0 ? "-" : ""
        func tenths(_ v: UInt64, _ unit: UInt64, _ suffix: String) -> String {
            let t = (v * 10 + unit / 2) / unit
            return "\(sign)\(t / 10).\(t % 10)\(suffix)"
        }
        if m >= 1_000_000_000 { return tenths(m, 1_000_000_000, "B") }
        if m >= 1_000_000 { return tenths(m, 1_000_000, "M") }
        if m >= 10_000 { return tenths(m, 1_000, "k") }
        return formatted()
    }

    static func group(_ digits: String) -> String {
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }

    /// Reads `1234.5`, `1,234.50`, `-12`, `¥88`. More than two decimals, letters or an empty
    /// field are errors.
    public static func parse(_ text: String) throws(DomainError) -> Money {
        var t = text.filter { $0 != "," && $0 != " " && $0 != "¥" && $0 != "$" && $0 != "€" }
        var negative = false
        if t.hasPrefix("-") { negative = true; t.removeFirst() }
        guard !t.isEmpty else { throw DomainError("enter an amount", code: "error.money", text) }
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              !(parts[0].isEmpty && (parts.count == 1 || parts[1].isEmpty)) else {
            throw DomainError("'\(text)' is not an amount", code: "error.money", text)
        }
        let frac = parts.count == 2 ? String(parts[1]) : ""
        guard frac.count <= 2 else { throw DomainError("'\(text)' has more than 2 decimals", code: "error.money", text) }
        guard let whole = Int64(parts[0].isEmpty ? "0" : String(parts[0])),
              let cents = Int64(frac.padding(toLength: 2)),
              whole < Int64.max / Money.scale - 1 else { throw DomainError("'\(text)' is too large", code: "error.money", text) }
        let v = whole * Money.scale + cents
        return Money(minorUnits: negative ? -v : v)
    }
}

extension String {
    func padding(toLength n: Int) -> String {
        count >= n ? self : self + String(repeating: "0", count: n - count)
    }
}
