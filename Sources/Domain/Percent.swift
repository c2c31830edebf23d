/// A ratio shown as a percentage, kept in basis points (1 % = 100). `nil` ratios (zero
/// denominators) display as "—", never as 0 %.
public struct BasisPoints: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var value: Int64
    public init(_ value: Int64) { self.value = value }
    public static func < (a: BasisPoints, b: BasisPoints) -> Bool { a.value < b.value }

    /// `12.3 %` (one decimal, half-even).
    public var description: String {
        let tenths = LineAmount.roundHalfEven(Int128(value), dividedBy: 10)
        let neg = tenths < 0
        let m = neg ? -tenths : tenths
        return "\(neg ? "-" : "")\(m / 10).\(m % 10) %"
    }

    /// The figure of a difference in percentage points, signed, one decimal: `+2.6`, `-14.3`.
    public var pointsText: String { signedText }

    /// The figure signed as it reads, one decimal: `+2.6`, `-14.3`, and `0.0` (no sign on a
    /// change that rounds to nothing).
    public var signedText: String {
        let text = description.replacingOccurrences(of: " %", with: "")
        return text.hasPrefix("-") || text == "0.0" ? text : "+" + text
    }

    /// numerator ÷ denominator in basis points, or nil when the denominator is zero.
    public static func ratio(_ numerator: Int64, _ denominator: Int64) -> BasisPoints? {
        guard denominator != 0 else { return nil }
        let sign: Int128 = denominator < 0 ? -1 : 1
        return BasisPoints(Int64(LineAmount.roundHalfEven(sign * Int128(numerator) * 10_000, dividedBy: sign * Int128(denominator))))
    }
}

public extension Optional where Wrapped == BasisPoints {
    var display: String { map(\.description) ?? "—" }
}

extension BasisPoints {
    /// Reads a percentage as typed: `12`, `12.5`, `12.25 %`. Negative values, more than two
    /// decimals and anything over 100 % are errors.
    public static func parsePercent(_ text: String) throws(DomainError) -> BasisPoints {
        var t = text.filter { $0 != " " }
        if t.hasSuffix("%") { t.removeLast() }
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard !t.isEmpty, parts.count <= 2, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              !(parts[0].isEmpty && (parts.count == 1 || parts[1].isEmpty)) else {
            throw DomainError("'\(text)' is not a percentage", code: "error.percent", text)
        }
        let frac = parts.count == 2 ? String(parts[1]) : ""
        guard frac.count <= 2, parts[0].count <= 4, let whole = Int64(parts[0].isEmpty ? "0" : String(parts[0])),
              let hundredths = Int64(frac.padding(toLength: 2)) else { throw DomainError("'\(text)' is not a percentage", code: "error.percent", text) }
        let bp = whole * 100 + hundredths
        guard bp <= 10_000 else { throw DomainError("'\(text)' is over 100 %", code: "error.percent-range", text) }
        return BasisPoints(bp)
    }

    /// `12.5` — the form of a percentage a user types back in.
    public var plain: String {
        let whole = value / 100, frac = value % 100
        if frac == 0 { return "\(whole)" }
        return frac % 10 == 0 ? "\(whole).\(frac / 10)" : "\(whole).\(frac < 10 ? "0" : "")\(frac)"
    }
}
