import GRDB

/// Orders keyed in by the sales assistant carry the customer's own purchase-order reference;
/// an order cancelled says why; the list of every order sorts by due date and by value through
/// an index each, filters by status through another, and finds a PO reference among the orders
/// that have one; a rep's receipts for a period are summed from one index.
enum SchemaV6 {
    static let identifier = "v6-customer-po"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE sales_orders ADD COLUMN customer_po TEXT;
            ALTER TABLE sales_orders ADD COLUMN cancel_reason TEXT;
            CREATE INDEX sales_orders_due ON sales_orders(due_date, owner_id, status, customer_id, order_date);
            CREATE INDEX sales_orders_total ON sales_orders(total, owner_id, status, customer_id, order_date);
            CREATE INDEX sales_orders_status ON sales_orders(status, order_date);
            CREATE INDEX sales_orders_po ON sales_orders(customer_po) WHERE customer_po IS NOT NULL;
            DROP INDEX receipts_rep_date;
            CREATE INDEX receipts_rep_date ON receipts(rep_id, receipt_date, status, amount);
            ANALYZE sales_orders;
            ANALYZE receipts;
            """)
    }
}
