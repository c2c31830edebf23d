import Domain
import GRDB

/// The stock ledger: every change of a product's stock in a warehouse is a move, written with
/// the stock level it changes, in the caller's transaction. On hand = Σ moves (`rapport check`).
public enum StockLedger {
    /// Writes one move and applies it to the product's stock level in that warehouse (a row
    /// made for a product never stocked there).
    @discardableResult
    static func move(_ db: Database, productId: Int64, warehouseId: Int64, quantity: Int64, on day: DateOnly, reason: StockMoveReason,
                     shipmentId: Int64? = nil, goodsReceiptId: Int64? = nil, otherWarehouseId: Int64? = nil, note: String? = nil, userId: Int64?) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO stock_moves (product_id, warehouse_id, moved_on, quantity, reason, shipment_id, goods_receipt_id, other_warehouse_id, note, user_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [productId, warehouseId, day.iso, quantity, reason.rawValue, shipmentId, goodsReceiptId, otherWarehouseId, note,
                             userId == 0 ? nil : userId])
        let id = db.lastInsertedRowID
        try db.execute(sql: """
            INSERT INTO stock_levels (product_id, warehouse_id, on_hand) VALUES (?, ?, ?)
            ON CONFLICT (product_id, warehouse_id) DO UPDATE SET on_hand = on_hand + excluded.on_hand, version = version + 1
            """, arguments: [productId, warehouseId, quantity])
        return id
    }

    /// What a product has on hand in a warehouse (0 when it was never stocked there).
    static func onHand(_ db: Database, productId: Int64, warehouseId: Int64) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT on_hand FROM stock_levels WHERE product_id = ? AND warehouse_id = ?", arguments: [productId, warehouseId]) ?? 0
    }

    /// Writes the moves of shipments and goods receipts stored without them (a file from before
    /// the ledger, or the demo's generated history): each posted line out of (into) its
    /// warehouse on its date, and for a voided one the move back, on the day the audit trail
    /// says it was voided. Stock levels are left as they are — they already count these.
    public static func recordDocumentMoves(_ db: Database) throws {
        func voidedOn(_ entity: String, _ action: String, _ id: String, _ fallback: String) -> String {
            "coalesce((SELECT date(max(a.at), 'unixepoch', 'localtime') FROM audit_log a WHERE a.entity = '\(entity)' AND a.entity_id = \(id) AND a.action = '\(action)'), \(fallback))"
        }
        try db.execute(sql: """
            INSERT INTO stock_moves (product_id, warehouse_id, moved_on, quantity, reason, shipment_id, user_id)
                SELECT l.product_id, s.warehouse_id, s.ship_date, -l.quantity, 'shipment', s.id, s.created_by
                FROM shipment_lines l JOIN shipments s ON s.id = l.shipment_id;
            INSERT INTO stock_moves (product_id, warehouse_id, moved_on, quantity, reason, shipment_id, note)
                SELECT l.product_id, s.warehouse_id, \(voidedOn("shipments", "shipment.void", "s.id", "s.ship_date")), l.quantity, 'shipment_void', s.id, s.void_reason
                FROM shipment_lines l JOIN shipments s ON s.id = l.shipment_id WHERE s.status = 'voided';
            INSERT INTO stock_moves (product_id, warehouse_id, moved_on, quantity, reason, goods_receipt_id, user_id)
                SELECT l.product_id, g.warehouse_id, g.receipt_date, l.quantity, 'receipt', g.id, g.created_by
                FROM goods_receipt_lines l JOIN goods_receipts g ON g.id = l.goods_receipt_id;
            INSERT INTO stock_moves (product_id, warehouse_id, moved_on, quantity, reason, goods_receipt_id, note)
                SELECT l.product_id, g.warehouse_id, \(voidedOn("goods_receipts", "goods_receipt.void", "g.id", "g.receipt_date")), -l.quantity, 'receipt_void', g.id, g.void_reason
                FROM goods_receipt_lines l JOIN goods_receipts g ON g.id = l.goods_receipt_id WHERE g.status = 'voided';
            """)
    }
}
