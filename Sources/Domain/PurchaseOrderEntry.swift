/// A purchase order as purchasing keys it: the supplier, when it was ordered and when the goods
/// are expected, the warehouse they go to, a note and the lines (product, quantity, unit cost,
/// discount). The number (`PO-`) and status (open) are the Store's; it is changed only while
/// nothing has been received on it.
public struct PurchaseOrderEntry: Sendable, Equatable {
    public var supplierId: Int64
    public var orderDate: DateOnly
    public var expectedDate: DateOnly
    public var warehouseId: Int64
    public var note: String?
    public var lines: [QuoteLine]

    /// When the goods are expected if nobody says: two weeks after the order.
    public static let defaultLeadDays = 14

    public init(supplierId: Int64, orderDate: DateOnly, expectedDate: DateOnly, warehouseId: Int64, note: String? = nil, lines: [QuoteLine] = []) {
        self.supplierId = supplierId; self.orderDate = orderDate; self.expectedDate = expectedDate; self.warehouseId = warehouseId
        self.note = note; self.lines = lines
    }

    public func validated(today: DateOnly) throws(DomainError) -> PurchaseOrderEntry {
        var o = self
        o.note = note?.trimmingSpaces()
        if o.note?.isEmpty == true { o.note = nil }
        guard !lines.isEmpty else { throw DomainError("a purchase order needs at least one line", field: "product", code: "error.order-no-lines") }
        guard orderDate <= today else { throw DomainError("the order date cannot be in the future", field: "order_date", code: "error.order-date-future") }
        guard expectedDate >= orderDate else {
            throw DomainError("the expected date \(expectedDate.iso) is before the order date \(orderDate.iso)", field: "expected_date",
                              code: "error.expected-before-order", expectedDate.iso, orderDate.iso)
        }
        guard (o.note?.count ?? 0) <= 1000 else { throw DomainError("the note is longer than 1000 characters", field: "note", code: "error.note-too-long") }
        for l in lines where l.unitPrice.isNegative {
            throw DomainError("a unit cost cannot be below zero, not \(l.unitPrice.formatted())", field: "unit_price", code: "error.cost-negative", l.unitPrice.formatted())
        }
        _ = try total()
        return o
    }

    /// Sum of the rounded line amounts (each line's own checks first).
    public func total() throws(DomainError) -> Money {
        var sum = Money.zero
        for l in lines { sum += try l.amount() }
        return sum
    }

    public var quantity: Int64 { lines.reduce(0) { $0 + $1.quantity.thousandths } }
}
