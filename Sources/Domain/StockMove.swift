/// Why a product's stock in a warehouse changed: each stock move says which.
public enum StockMoveReason: String, Sendable, CaseIterable {
    case opening, adjustment, transfer, shipment
    case shipmentVoid = "shipment_void"
    case receipt
    case receiptVoid = "receipt_void"
}

/// A stock count: the quantity counted in a warehouse, and why it differs from what the books
/// say. Posting moves the stock by the difference, dated the day it is posted.
public struct StockAdjustment: Sendable, Equatable {
    public var productId: Int64
    public var warehouseId: Int64
    public var counted: Quantity
    public var reason: String
    /// What the form showed as on hand: when the stock has moved since, the count is refused so
    /// the difference is not taken from a figure nobody saw.
    public var expectedOnHand: Quantity?

    public init(productId: Int64, warehouseId: Int64, counted: Quantity, reason: String, expectedOnHand: Quantity? = nil) {
        self.productId = productId; self.warehouseId = warehouseId; self.counted = counted; self.reason = reason; self.expectedOnHand = expectedOnHand
    }

    public func validated() throws(DomainError) -> StockAdjustment {
        guard counted.thousandths >= 0 else {
            throw DomainError("the counted quantity cannot be negative (\(counted))", field: "counted", code: "error.quantity-negative")
        }
        var out = self
        out.reason = reason.trimmingSpaces()
        guard !out.reason.isEmpty else { throw DomainError("say why the count differs (a reason is required)", field: "reason", code: "error.adjustment-reason") }
        guard out.reason.count <= 500 else { throw DomainError("the reason is too long (500 characters at most)", field: "reason") }
        return out
    }
}

/// Goods moved from one warehouse to another: out of one, into the other, the same day.
public struct StockTransfer: Sendable, Equatable {
    public var productId: Int64
    public var fromWarehouseId: Int64
    public var toWarehouseId: Int64
    public var quantity: Quantity
    public var note: String?

    public init(productId: Int64, fromWarehouseId: Int64, toWarehouseId: Int64, quantity: Quantity, note: String? = nil) {
        self.productId = productId; self.fromWarehouseId = fromWarehouseId; self.toWarehouseId = toWarehouseId; self.quantity = quantity; self.note = note
    }

    public func validated() throws(DomainError) -> StockTransfer {
        guard fromWarehouseId != toWarehouseId else {
            throw DomainError("a transfer goes to another warehouse", field: "to_warehouse", code: "error.transfer-same-warehouse")
        }
        guard quantity.thousandths > 0 else { throw DomainError("quantity must be more than 0", field: "quantity", code: "error.quantity-positive") }
        var out = self
        let note = (note ?? "").trimmingSpaces()
        out.note = note.isEmpty ? nil : note
        return out
    }
}
