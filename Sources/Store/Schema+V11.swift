import GRDB

/// Purchase orders keyed in Rapport: the warehouse the goods go to, each line's discount, and
/// why an order was cancelled.
enum SchemaV11 {
    static let identifier = "v11-purchase-orders"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE purchase_orders ADD COLUMN warehouse_id INTEGER REFERENCES warehouses(id);
            ALTER TABLE purchase_orders ADD COLUMN cancel_reason TEXT;
            ALTER TABLE purchase_orders ADD COLUMN created_by INTEGER REFERENCES users(id);
            ALTER TABLE purchase_order_lines ADD COLUMN discount_bp INTEGER NOT NULL DEFAULT 0 CHECK (discount_bp BETWEEN 0 AND 10000);
            CREATE INDEX purchase_order_lines_product ON purchase_order_lines(product_id, po_id);
            CREATE INDEX purchase_orders_status ON purchase_orders(status, expected_date);
            """)
    }
}
