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
