/// A shipment as the assistant keys it: from which order, out of which warehouse, on what day,
/// and how much of each order line goes (a line left at zero stays on the order).
public struct ShipmentDraft: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var orderLineId: Int64
        public var quantity: Quantity
        public init(orderLineId: Int64, quantity: Quantity) { self.orderLineId = orderLineId; self.quantity = quantity }
    }

    public var orderId: Int64
    public var warehouseId: Int64
    public var shipDate: DateOnly
    public var lines: [Line]

    public init(orderId: Int64, warehouseId: Int64, shipDate: DateOnly, lines: [Line]) {
        self.orderId = orderId; self.warehouseId = warehouseId; self.shipDate = shipDate; self.lines = lines
    }

    /// The lines that ship something; at least one, none negative, the date not in the future.
    public func validated(today: DateOnly) throws(DomainError) -> ShipmentDraft {
        guard shipDate <= today else { throw DomainError("the ship date cannot be in the future", field: "ship_date", code: "error.date-future", shipDate.iso) }
        if let bad = lines.first(where: { $0.quantity.thousandths < 0 }) {
            throw DomainError("quantity cannot be negative (\(bad.quantity))", field: "quantity", code: "error.quantity-negative")
        }
        var out = self
        out.lines = lines.filter { $0.quantity.thousandths > 0 }
        guard !out.lines.isEmpty else { throw DomainError("a shipment needs at least one line with a quantity", field: "quantity", code: "error.nothing-to-ship") }
        return out
    }
}

/// Money received from a customer (or paid to a supplier) and how it is split over open items.
public struct ReceiptDraft: Sendable, Equatable {
    public enum Split: Sendable, Equatable {
        /// Oldest due date first (`Allocation.oldestFirst`).
        case oldestFirst
        /// The user's own split: open item id and amount (`Allocation.manual`).
        case manual([ManualAllocation])
    }

    public struct ManualAllocation: Sendable, Equatable {
        public var itemId: Int64
        public var amount: Money
        public init(itemId: Int64, amount: Money) { self.itemId = itemId; self.amount = amount }
    }

    public var partyId: Int64
    public var date: DateOnly
    public var amount: Money
    public var method: PaymentMethod
    public var split: Split
    /// The payer's reference (a transfer or cheque number) and a note, both optional.
    public var reference: String?
    public var note: String?

    public init(partyId: Int64, date: DateOnly, amount: Money, method: PaymentMethod, split: Split, reference: String? = nil, note: String? = nil) {
        self.partyId = partyId; self.date = date; self.amount = amount; self.method = method; self.split = split
        self.reference = reference; self.note = note
    }

    /// `futureDays`: the company's `money_future_days` (`MoneyDate`).
    public func validated(today: DateOnly, futureDays: Int = 0) throws(DomainError) -> ReceiptDraft {
        try MoneyDate.check(date, today: today, futureDays: futureDays)
        guard amount.minorUnits > 0 else { throw DomainError("amount must be more than 0", field: "amount", code: "error.amount-positive") }
        var d = self
        d.reference = reference?.trimmingSpaces()
        if d.reference?.isEmpty == true { d.reference = nil }
        d.note = note?.trimmingSpaces()
        if d.note?.isEmpty == true { d.note = nil }
        guard (d.reference?.count ?? 0) <= 60 else { throw DomainError("the reference is longer than 60 characters", field: "reference", code: "error.reference-too-long") }
        guard (d.note?.count ?? 0) <= 1000 else { throw DomainError("the note is longer than 1000 characters", field: "note", code: "error.note-too-long") }
        return d
    }

    /// The split over the party's open items, by the chosen rule.
    public func allocate(over candidates: [AllocationCandidate]) throws(DomainError) -> AllocationResult {
        switch split {
        case .oldestFirst: return try Allocation.oldestFirst(amount: amount, candidates: candidates)
        case .manual(let lines):
            return try Allocation.manual(amount: amount, lines: lines.map { ($0.itemId, $0.amount) }, candidates: candidates)
        }
    }
}
