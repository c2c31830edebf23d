import Domain
import GRDB

extension DemoGenerator {
    /// What the generated history must agree with, settled once everything is written: a
    /// customer's last contact is its latest contact-log entry, and it was on file by its first
    /// order; an accepted quote has its sales
    /// order (the customer's first order from the quote's date to its validity not taken by
    /// another quote), and one without such an order reads as sent, or expired past its date.
    static func reconcile(_ db: Database, today: DateOnly) throws {
        try db.execute(sql: "UPDATE customers SET last_contact_on = (SELECT max(happened_on) FROM contact_log l WHERE l.customer_id = customers.id)")
        // A customer is on file by its first order (lead conversion counts from the day it came).
        try db.execute(sql: "UPDATE customers SET created_on = first_order_on WHERE first_order_on < created_on")
        // The contact person on the customer is one of its contacts (the first card).
        try db.execute(sql: """
            UPDATE customers SET contact_person = (SELECT name FROM contacts k WHERE k.customer_id = customers.id ORDER BY k.id LIMIT 1)
            WHERE contact_person IS NOT NULL AND EXISTS (SELECT 1 FROM contacts k WHERE k.customer_id = customers.id)
            """)
        let accepted = try Row.fetchAll(db, sql: "SELECT id, customer_id, quote_date, valid_until FROM quotes WHERE status = 'accepted' ORDER BY quote_date, id")
        let order = try db.makeStatement(sql: """
            SELECT id FROM sales_orders WHERE customer_id = ? AND order_date BETWEEN ? AND ? AND quote_id IS NULL AND status <> 'cancelled' ORDER BY order_date, id LIMIT 1
            """)
        for q in accepted {
            let quoteId: Int64 = q[0]
            if let orderId = try Int64.fetchOne(order, arguments: [q[1] as Int64, q[2] as String, q[3] as String]) {
                try db.execute(sql: "UPDATE sales_orders SET quote_id = ? WHERE id = ?", arguments: [quoteId, orderId])
                try db.execute(sql: "UPDATE quotes SET sales_order_id = ? WHERE id = ?", arguments: [orderId, quoteId])
            } else {
                try db.execute(sql: "UPDATE quotes SET status = CASE WHEN valid_until < ? THEN 'expired' ELSE 'sent' END WHERE id = ?", arguments: [today.iso, quoteId])
            }
        }
    }
}
