/// Goods received against a purchase order: into which warehouse, on which day, and how much of
/// each PO line (what remains, pre-filled; 0 leaves a line for a later receipt).
public struct GoodsReceiptDraft: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var poLineId: Int64
        public var quantity: Quantity
        public init(poLineId: Int64, quantity: Quantity) { self.poLineId = poLineId; self.quantity = quantity }
    }

    public var poId: Int64
    public var warehouseId: Int64
    public var date: DateOnly
    public var lines: [Line]

    public init(poId: Int64, warehouseId: Int64, date: DateOnly, lines: [Line]) {
        self.poId = poId; self.warehouseId = warehouseId; self.date = date; self.lines = lines
    }

    /// The lines that receive something; at least one, none negative, the date not in the future.
    public func validated(today: DateOnly) throws(DomainError) -> GoodsReceiptDraft {
        guard date <= today else { throw DomainError("the receipt date cannot be in the future", field: "receipt_date", code: "error.date-future", date.iso) }
        if let bad = lines.first(where: { $0.quantity.thousandths < 0 }) {
            throw DomainError("quantity cannot be negative (\(bad.quantity))", field: "quantity", code: "error.quantity-negative")
        }
        var out = self
        out.lines = lines.filter { $0.quantity.thousandths > 0 }
        guard !out.lines.isEmpty else { throw DomainError("a goods receipt needs at least one line with a quantity", field: "quantity", code: "error.nothing-to-receive") }
        return out
    }
}
