/// A ratio shown as a percentage, kept in basis points (1 % = 100). `nil` ratios (zero
/// denominators) display as "—", never as 0 %.
public struct BasisPoints: Hashable, Comparable, Sendable, CustomStringConvertible {
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
