/// A quantity in thousandths of a unit (3 decimals), integer only.
public struct Quantity: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var thousandths: Int64
    public init(thousandths: Int64) { self.thousandths = thousandths }
    public init(units: Int64) { thousandths = units * 1000 }
    public static let zero = Quantity(thousandths: 0)

    public static func < (a: Quantity, b: Quantity) -> Bool { a.thousandths < b.thousandths }
    public static func + (a: Quantity, b: Quantity) -> Quantity { Quantity(thousandths: a.thousandths + b.thousandths) }
    public static func - (a: Quantity, b: Quantity) -> Quantity { Quantity(thousandths: a.thousandths - b.thousandths) }

    /// `12`, `12.5`, `0.125` — trailing zeros dropped.
    public var description: String {
        let neg = thousandths < 0
        let m = thousandths.magnitude
        var s = String(m / 1000)
        var frac = m % 1000
        if frac != 0 {
            var f = String(frac + 1000).dropFirst()
            while f.last == "0" { f.removeLast(); frac /= 10 }
            s += "." + f
        }
        return (neg ? "-" : "") + s
    }

    public static func parse(_ text: String) throws(DomainError) -> Quantity {
        let t = text.filter { $0 != "," && $0 != " " }
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard !t.isEmpty, !t.hasPrefix("-"), parts.count <= 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }), !parts[0].isEmpty || parts.count == 2 else {
            throw DomainError("'\(text)' is not a quantity", code: "error.quantity", text)
        }
        let frac = parts.count == 2 ? String(parts[1]) : ""
        guard frac.count <= 3 else { throw DomainError("'\(text)' has more than 3 decimals", code: "error.quantity", text) }
        guard let whole = Int64(parts[0].isEmpty ? "0" : String(parts[0])), whole < 1_000_000_000_000,
              let f = Int64(frac.padding(toLength: 3)) else { throw DomainError("'\(text)' is too large", code: "error.quantity", text) }
        return Quantity(thousandths: whole * 1000 + f)
    }
}

extension Quantity {
    /// Rounded half to even to `decimals` places (0–3): items per order to one decimal.
    public func rounded(decimals: Int) -> Quantity {
        let step = Int128([1000, 100, 10, 1][max(0, min(3, decimals))])
        return Quantity(thousandths: Int64(LineAmount.roundHalfEven(Int128(thousandths), dividedBy: step) * step))
    }
}
