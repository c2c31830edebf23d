/// One line of a quote: a product, how many, at what price, less what discount.
public struct QuoteLine: Sendable, Equatable {
    public var productId: Int64
    public var quantity: Quantity
    public var unitPrice: Money
    public var discount: BasisPoints

    public init(productId: Int64, quantity: Quantity, unitPrice: Money, discount: BasisPoints = BasisPoints(0)) {
        self.productId = productId; self.quantity = quantity; self.unitPrice = unitPrice; self.discount = discount
    }

    /// docs/domain.md: round_half_even(qty × unit price × (1 − discount)), per line.
    public func amount() throws(DomainError) -> Money {
        guard quantity.thousandths > 0 else { throw DomainError("quantity must be more than 0", field: "quantity", code: "error.quantity-positive") }
        return try LineAmount.compute(quantity: quantity, unitPrice: unitPrice, discountBasisPoints: discount.value)
    }
}

/// A quote as the rep writes it: to whom, when, how long it holds, and its lines. The number
/// and status are the Store's; a quote is edited only while it is a draft.
public struct Quote: Sendable, Equatable {
    public var id: Int64?
    public var customerId: Int64
    public var quoteDate: DateOnly
    public var validUntil: DateOnly
    public var note: String?
    public var lines: [QuoteLine]
    public var version: Int64

    /// How long a new quote holds when the rep does not say.
    public static let defaultValidityDays = 30

    public init(id: Int64? = nil, customerId: Int64, quoteDate: DateOnly, validUntil: DateOnly, note: String? = nil,
                lines: [QuoteLine] = [], version: Int64 = 1) {
        self.id = id; self.customerId = customerId; self.quoteDate = quoteDate; self.validUntil = validUntil
        self.note = note; self.lines = lines; self.version = version
    }

    public func validated() throws(DomainError) -> Quote {
        var q = self
        q.note = note?.trimmingSpaces()
        if q.note?.isEmpty == true { q.note = nil }
        guard !lines.isEmpty else { throw DomainError("a quote needs at least one line", field: "product", code: "error.no-lines") }
        guard validUntil >= quoteDate else { throw DomainError("valid until cannot be before the quote date", field: "valid_until", code: "error.valid-before-date") }
        guard (q.note?.count ?? 0) <= 1000 else { throw DomainError("the note is longer than 1000 characters", field: "note", code: "error.note-too-long") }
        for line in lines { _ = try line.amount() }
        _ = try total()
        return q
    }

    /// Sum of the rounded line amounts.
    public func total() throws(DomainError) -> Money {
        var sum: Int64 = 0
        for line in lines {
            let (s, overflow) = sum.addingReportingOverflow(try line.amount().minorUnits)
            guard !overflow else { throw DomainError("the quote total is too large", field: "quantity", code: "error.total-too-large") }
            sum = s
        }
        return Money(minorUnits: sum)
    }
}
