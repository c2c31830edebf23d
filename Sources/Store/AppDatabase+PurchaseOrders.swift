import Domain
import GRDB

/// A purchase order read back for its form: refused (with the reason) when it may no longer change.
public struct PurchaseOrderForEdit: Sendable, Equatable {
    public var id: Int64
    public var number: String
    public var version: Int64
    public var entry: PurchaseOrderEntry
    public var source: PurchaseOrderSource
}

extension AppDatabase {
    public func purchaseOrderForEdit(id: Int64, by actor: Actor) throws(StoreError) -> PurchaseOrderForEdit {
        guard actor.can(.editPurchaseOrders) else { throw .forbidden("\(actor.role.rawValue) cannot enter purchase orders") }
        let (number, version, entry): (String, Int64, PurchaseOrderEntry) = try read { db in
            guard let r = try Row.fetchOne(db, sql: """
                SELECT number, status, version, supplier_id, order_date, expected_date, coalesce(warehouse_id, 0), note,
                       (SELECT number FROM goods_receipts WHERE po_id = p.id ORDER BY id LIMIT 1)
                FROM purchase_orders p WHERE id = ?
                """, arguments: [id]), let ordered = DateOnly(iso: r[4] as String), let expected = DateOnly(iso: r[5] as String) else {
                throw StoreError.notFound("purchase order \(id)")
            }
            try PurchaseOrderWriter.refuseChange(number: r[0], status: r[1], receipt: r[8])
            let lines = try Row.fetchAll(db, sql: "SELECT product_id, quantity, unit_price, discount_bp FROM purchase_order_lines WHERE po_id = ? ORDER BY line_no",
                                         arguments: [id]).map {
                QuoteLine(productId: $0[0], quantity: Quantity(thousandths: $0[1]), unitPrice: Money(minorUnits: $0[2]), discount: BasisPoints($0[3]))
            }
            return (r[0], r[2], PurchaseOrderEntry(supplierId: r[3], orderDate: ordered, expectedDate: expected, warehouseId: r[6], note: r[7], lines: lines))
        }
        let source = try purchaseOrderSource(supplierId: entry.supplierId, excluding: id, by: actor)
        return PurchaseOrderForEdit(id: id, number: number, version: version, entry: entry, source: source)
    }
}

/// What to order of a product running low: from the supplier it was last bought from, into the
/// warehouse asked about (else the company's default), and how much — `PurchaseSuggestion.rule`.
public struct PurchaseSuggestion: Sendable, Equatable {
    public var productId: Int64
    public var productCode: String
    public var supplierId: Int64?
    public var supplierName: String
    public var warehouseId: Int64?
    public var onHand: Quantity
    public var reorderLevel: Quantity
    public var onOrder: Quantity
    /// Up to twice the reorder level, counting what is on hand and already on order; nothing
    /// when those reach it.
    public var suggested: Quantity {
        Quantity(thousandths: max(0, 2 * reorderLevel.thousandths - onHand.thousandths - onOrder.thousandths))
    }
}

extension AppDatabase {
    public func purchaseSuggestion(productId: Int64, warehouseId: Int64?, by actor: Actor) throws(StoreError) -> PurchaseSuggestion {
        guard actor.can(.editPurchaseOrders) else { throw .forbidden("\(actor.role.rawValue) cannot enter purchase orders") }
        return try read { db in
            guard let code = try String.fetchOne(db, sql: "SELECT code FROM products WHERE id = ?", arguments: [productId]) else { throw StoreError.notFound("product \(productId)") }
            let supplier = try Row.fetchOne(db, sql: """
                SELECT s.id, s.name FROM purchase_order_lines l INDEXED BY purchase_order_lines_product JOIN purchase_orders p ON p.id = l.po_id
                JOIN suppliers s ON s.id = p.supplier_id WHERE l.product_id = ? AND p.status <> 'cancelled' ORDER BY p.order_date DESC, p.id DESC LIMIT 1
                """, arguments: [productId])
            let settings = try AppDatabase.settings(db)
            // No warehouse asked about: the one furthest under its reorder level (else the default).
            let warehouseId = try warehouseId ?? Int64.fetchOne(db, sql: """
                SELECT warehouse_id FROM stock_levels WHERE product_id = ? AND reorder_level > 0 ORDER BY on_hand - reorder_level, warehouse_id LIMIT 1
                """, arguments: [productId]) ?? Int64.fetchOne(db, sql: "SELECT id FROM warehouses ORDER BY code = ? DESC, code LIMIT 1", arguments: [settings.defaultWarehouse])
            let warehouse = warehouseId
            let only = warehouseId == nil ? "" : " AND warehouse_id = \(warehouseId ?? 0)"
            let level = try Row.fetchOne(db, sql: "SELECT coalesce(SUM(on_hand), 0), coalesce(SUM(reorder_level), 0) FROM stock_levels WHERE product_id = ?\(only)",
                                         arguments: [productId])
            let onOrder = try Int64.fetchOne(db, sql: """
                SELECT coalesce(SUM(max(0, l.quantity - l.received_quantity)), 0) FROM purchase_order_lines l INDEXED BY purchase_order_lines_product
                JOIN purchase_orders p ON p.id = l.po_id WHERE l.product_id = ? AND p.status IN ('open','partially_received')\(warehouseId == nil ? "" : " AND p.warehouse_id = \(warehouseId ?? 0)")
                """, arguments: [productId]) ?? 0
            return PurchaseSuggestion(productId: productId, productCode: code, supplierId: supplier?[0], supplierName: supplier?[1] ?? "", warehouseId: warehouse,
                                      onHand: Quantity(thousandths: level?[0] ?? 0), reorderLevel: Quantity(thousandths: level?[1] ?? 0), onOrder: Quantity(thousandths: onOrder))
        }
    }
}
