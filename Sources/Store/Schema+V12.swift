import GRDB

/// Stock as a ledger: every shipment, goods receipt, void, count and transfer is a stock move,
/// so on hand per product and warehouse is the sum of its moves and a product's moves read as
/// a running balance. Moves already implied by posted documents are written now. Goods
/// receipts may bring in more than ordered when the company allows it (a tolerance), so a PO
/// line no longer caps what is received at what was ordered.
enum SchemaV12 {
    static let identifier = "v12-stock-ledger"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE stock_moves_ledger (
                id INTEGER PRIMARY KEY,
                product_id INTEGER NOT NULL REFERENCES products(id),
                warehouse_id INTEGER NOT NULL REFERENCES warehouses(id),
                moved_on TEXT NOT NULL,
                quantity INTEGER NOT NULL CHECK (quantity <> 0),
                reason TEXT NOT NULL CHECK (reason IN ('opening','adjustment','transfer','shipment','shipment_void','receipt','receipt_void')),
                shipment_id INTEGER REFERENCES shipments(id),
                goods_receipt_id INTEGER REFERENCES goods_receipts(id),
                other_warehouse_id INTEGER REFERENCES warehouses(id),
                note TEXT,
                user_id INTEGER REFERENCES users(id),
                CHECK ((reason IN ('shipment','shipment_void')) = (shipment_id IS NOT NULL)),
                CHECK ((reason IN ('receipt','receipt_void')) = (goods_receipt_id IS NOT NULL)),
                CHECK (reason = 'transfer' OR other_warehouse_id IS NULL)
            ) STRICT;
            INSERT INTO stock_moves_ledger (id, product_id, warehouse_id, moved_on, quantity, reason, note, user_id)
                SELECT id, product_id, warehouse_id, moved_on, quantity, reason, note, user_id FROM stock_moves;
            DROP TABLE stock_moves;
            ALTER TABLE stock_moves_ledger RENAME TO stock_moves;
            """)
        try StockLedger.recordDocumentMoves(db)
        try db.execute(sql: """
            CREATE INDEX stock_moves_product ON stock_moves(product_id, moved_on, id);
            CREATE TABLE purchase_order_lines_tolerant (
                id INTEGER PRIMARY KEY,
                po_id INTEGER NOT NULL REFERENCES purchase_orders(id),
                line_no INTEGER NOT NULL,
                product_id INTEGER NOT NULL REFERENCES products(id),
                quantity INTEGER NOT NULL CHECK (quantity > 0),
                received_quantity INTEGER NOT NULL DEFAULT 0 CHECK (received_quantity >= 0),
                unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
                amount INTEGER NOT NULL CHECK (amount >= 0),
                discount_bp INTEGER NOT NULL DEFAULT 0 CHECK (discount_bp BETWEEN 0 AND 10000),
                UNIQUE (po_id, line_no)
            ) STRICT;
            INSERT INTO purchase_order_lines_tolerant (id, po_id, line_no, product_id, quantity, received_quantity, unit_price, amount, discount_bp)
                SELECT id, po_id, line_no, product_id, quantity, received_quantity, unit_price, amount, discount_bp FROM purchase_order_lines;
            DROP TABLE purchase_order_lines;
            ALTER TABLE purchase_order_lines_tolerant RENAME TO purchase_order_lines;
            CREATE INDEX purchase_order_lines_product ON purchase_order_lines(product_id, po_id);
            """)
        // Foreign keys are off while the PO lines are rebuilt (goods receipt lines point at
        // them); only the tables this touched are checked, not the whole file.
        for table in ["stock_moves", "purchase_order_lines", "goods_receipt_lines"] { try db.checkForeignKeys(in: table) }
    }
}
