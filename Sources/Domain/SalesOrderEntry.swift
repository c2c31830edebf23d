/// A sales order keyed in directly (not accepted from a quote): the customer, when it was
/// ordered and is to be delivered, the customer's own PO reference, a note and the lines. The
/// number (`SO-`) and status (open) are the Store's.
public struct SalesOrderEntry: Sendable, Equatable {
    public var customerId: Int64
    public var orderDate: DateOnly
    public var dueDate: DateOnly
    public var customerPO: String?
    public var note: String?
    public var lines: [QuoteLine]

    /// The delivery date when nobody says: a week after the order.
    public static let defaultDeliveryDays = 7

    public init(customerId: Int64, orderDate: DateOnly, dueDate: DateOnly, customerPO: String? = nil, note: String? = nil, lines: [QuoteLine] = []) {
        self.customerId = customerId; self.orderDate = orderDate; self.dueDate = dueDate
        self.customerPO = customerPO; self.note = note; self.lines = lines
    }

    public func validated(today: DateOnly) throws(DomainError) -> SalesOrderEntry {
        var o = self
        o.note = note?.trimmingSpaces()
        if o.note?.isEmpty == true { o.note = nil }
        o.customerPO = customerPO?.trimmingSpaces()
        if o.customerPO?.isEmpty == true { o.customerPO = nil }
        guard !lines.isEmpty else { throw DomainError("an order needs at least one line", field: "product", code: "error.order-no-lines") }
        guard orderDate <= today else { throw DomainError("the order date cannot be in the future", field: "order_date", code: "error.order-date-future") }
        guard dueDate >= orderDate else { throw DomainError("the delivery date cannot be before the order date", field: "due_date", code: "error.due-before-order") }
        guard (o.customerPO?.count ?? 0) <= 60 else { throw DomainError("the PO reference is longer than 60 characters", field: "customer_po", code: "error.po-too-long") }
        guard (o.note?.count ?? 0) <= 1000 else { throw DomainError("the note is longer than 1000 characters", field: "note", code: "error.note-too-long") }
        _ = try total()
        return o
    }

    /// Sum of the rounded line amounts (each line's own checks first).
    public func total() throws(DomainError) -> Money {
        try Quote(customerId: customerId, quoteDate: orderDate, validUntil: orderDate, lines: lines).total()
    }

    public var quantity: Int64 { lines.reduce(0) { $0 + $1.quantity.thousandths } }
}
