import GRDB

/// Orders keyed in by the sales assistant carry the customer's own purchase-order reference.
enum SchemaV6 {
    static let identifier = "v6-customer-po"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE sales_orders ADD COLUMN customer_po TEXT")
    }
}
