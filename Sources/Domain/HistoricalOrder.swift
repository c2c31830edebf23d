/// A sales order from the old system: its number, dates and lines, and — when it was shipped —
/// the day it went out. Shipped ones are booked as shipped with their shipment, so the firm's
/// history shows in every sales report; what customers still owe comes in as opening receivables.
public struct HistoricalOrder: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var line: Int
        public var product: String
        public var quantity: Quantity
        /// Nil: the product's list price.
        public var unitPrice: Money?
        public var discount: BasisPoints
        public init(line: Int, product: String, quantity: Quantity, unitPrice: Money?, discount: BasisPoints) {
            self.line = line; self.product = product; self.quantity = quantity; self.unitPrice = unitPrice; self.discount = discount
        }
    }

    public var number: String
    public var orderDate: DateOnly
    public var dueDate: DateOnly?
    public var shippedOn: DateOnly?
    public var note: String?
    public var lines: [Line]

    public init(number: String, orderDate: DateOnly, dueDate: DateOnly?, shippedOn: DateOnly?, note: String?, lines: [Line]) {
        self.number = number; self.orderDate = orderDate; self.dueDate = dueDate; self.shippedOn = shippedOn; self.note = note; self.lines = lines
    }

    public func validated(today: DateOnly) throws(DomainError) -> HistoricalOrder {
        var o = self
        o.number = number.trimmingSpaces()
        guard !o.number.isEmpty, o.number.count <= 32 else { throw DomainError("a number of 1–32 characters is required", field: "number") }
        guard orderDate <= today else { throw DomainError("the order date \(orderDate) is after today", field: "order_date") }
        if let due = dueDate, due < orderDate { throw DomainError("delivery \(due) before the order date \(orderDate)", field: "due_date") }
        if let shipped = shippedOn {
            guard shipped >= orderDate else { throw DomainError("shipped \(shipped) before the order date \(orderDate)", field: "shipped_on") }
            guard shipped <= today else { throw DomainError("shipped \(shipped), after today", field: "shipped_on") }
        }
        guard !lines.isEmpty else { throw DomainError("the order has no lines in the lines file", field: "number") }
        for l in lines where l.quantity.thousandths <= 0 {
            throw DomainError("line \(l.line): quantity must be more than 0", field: "quantity")
        }
        return o
    }
}
