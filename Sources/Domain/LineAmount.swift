/// docs/domain.md: a line amount is round_half_even(qty × unit_price × (1 − discount)) per line;
/// document totals are sums of rounded lines.
public enum LineAmount {
    /// - Parameters: quantity in thousandths, price in minor units, discount in basis points.
    public static func compute(quantity: Quantity, unitPrice: Money, discountBasisPoints: Int64 = 0) throws(DomainError) -> Money {
        guard (0...10_000).contains(discountBasisPoints) else { throw DomainError("discount must be between 0 % and 100 %", field: "discount", code: "error.percent-field") }
        guard quantity.thousandths >= 0 else { throw DomainError("quantity cannot be negative", field: "quantity", code: "error.quantity-negative") }
        guard unitPrice.minorUnits >= 0 else { throw DomainError("unit price cannot be negative", field: "unit_price", code: "error.price-negative") }
        let (partial, o1) = Int128(quantity.thousandths).multipliedReportingOverflow(by: Int128(unitPrice.minorUnits))
        let (numerator, o2) = partial.multipliedReportingOverflow(by: Int128(10_000 - discountBasisPoints))
        guard !o1, !o2 else { throw DomainError("line amount is too large", field: "quantity", code: "error.line-too-large") }
        let result = roundHalfEven(numerator, dividedBy: 1000 * 10_000)
        guard let v = Int64(exactly: result) else { throw DomainError("line amount is too large", field: "quantity", code: "error.line-too-large") }
        return Money(minorUnits: v)
    }

    public static func total(_ lines: [Money]) -> Money { lines.reduce(.zero, +) }

    /// Integer division rounding half to even (banker's rounding); `divisor` > 0.
    public static func roundHalfEven(_ numerator: Int128, dividedBy divisor: Int128) -> Int128 {
        var q = numerator / divisor
        let r = numerator % divisor
        let twice = (r < 0 ? -r : r) * 2
        if twice > divisor || (twice == divisor && q % 2 != 0) {
            q += numerator < 0 ? -1 : 1
        }
        return q
    }
}
