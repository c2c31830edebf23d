import Domain
import Foundation
import GRDB

extension AppDatabase {
    /// `rapport check`: SQLite's integrity and foreign-key checks, then the domain invariants
    /// the Store maintains. Returns one line per problem; empty means all is well.
    public func check() throws(StoreError) -> [String] {
        try read { db in
            var problems: [String] = []
            for row in try Row.fetchAll(db, sql: "PRAGMA integrity_check") {
                let s: String = row[0]
                if s != "ok" { problems.append("integrity: \(s)") }
            }
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                problems.append("foreign key: \(row[0] as String) row \(row[1] as Int64? ?? 0) points to missing \(row[2] as String)")
            }
            // A file not yet migrated lacks what the rules read: say so instead of failing on it.
            let applied = Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
            let pending = AppDatabase.knownMigrations.filter { !applied.contains($0) }
            if !pending.isEmpty {
                problems.append("schema: not yet migrated (\(pending.joined(separator: ", "))); open the file once with rapport, then check it")
                return problems
            }
            for (name, sql) in AppDatabase.invariants {
                for row in try Row.fetchAll(db, sql: sql + " LIMIT 20") {
                    problems.append("\(name): \(row[0] as String) (\(row[1] as String))")
                }
            }
            problems += try AppDatabase.agingProblems(db)
            return problems
        }
    }

    /// Each query returns (document, detail) for every row breaking the rule.
    public static var invariantCount: Int { invariants.count }

    static let invariants: [(String, String)] = [
        ("receipt ≠ allocations + unapplied", """
            SELECT r.number, r.amount || ' ≠ ' || coalesce(SUM(a.amount),0) || ' + ' || r.unapplied FROM receipts r
            LEFT JOIN receipt_allocations a ON a.receipt_id = r.id WHERE r.status = 'posted'
            GROUP BY r.id HAVING r.amount <> coalesce(SUM(a.amount),0) + r.unapplied
            """),
        ("payment ≠ allocations + unapplied", """
            SELECT p.number, p.amount || ' ≠ ' || coalesce(SUM(a.amount),0) || ' + ' || p.unapplied FROM payments p
            LEFT JOIN payment_allocations a ON a.payment_id = p.id WHERE p.status = 'posted'
            GROUP BY p.id HAVING p.amount <> coalesce(SUM(a.amount),0) + p.unapplied
            """),
        ("receivable open ≠ amount − allocations", """
            SELECT r.number, r.open_amount || ' ≠ ' || r.amount || ' − ' || coalesce(SUM(a.amount),0) FROM receivables r
            LEFT JOIN receipt_allocations a ON a.receivable_id = r.id AND a.receipt_id IN (SELECT id FROM receipts WHERE status = 'posted')
            WHERE r.status = 'posted'
            GROUP BY r.id HAVING r.open_amount <> r.amount - coalesce(SUM(a.amount),0)
            """),
        ("payable open ≠ amount − allocations", """
            SELECT p.number, p.open_amount || ' ≠ ' || p.amount || ' − ' || coalesce(SUM(a.amount),0) FROM payables p
            LEFT JOIN payment_allocations a ON a.payable_id = p.id AND a.payment_id IN (SELECT id FROM payments WHERE status = 'posted')
            WHERE p.status = 'posted'
            GROUP BY p.id HAVING p.open_amount <> p.amount - coalesce(SUM(a.amount),0)
            """),
        ("receivable settled day ≠ its last allocation", """
            SELECT r.number, coalesce(r.settled_on, 'none') || ' ≠ ' || coalesce(x.last, 'none') FROM receivables r
            LEFT JOIN (SELECT a.receivable_id, max(a.allocated_on) last FROM receipt_allocations a JOIN receipts p ON p.id = a.receipt_id
                       WHERE p.status = 'posted' GROUP BY a.receivable_id) x ON x.receivable_id = r.id
            WHERE r.status = 'posted' AND coalesce(r.settled_on, '') <> CASE WHEN r.open_amount = 0 THEN coalesce(x.last, '') ELSE '' END
            """),
        ("payable settled day ≠ its last allocation", """
            SELECT r.number, coalesce(r.settled_on, 'none') || ' ≠ ' || coalesce(x.last, 'none') FROM payables r
            LEFT JOIN (SELECT a.payable_id, max(a.allocated_on) last FROM payment_allocations a JOIN payments p ON p.id = a.payment_id
                       WHERE p.status = 'posted' GROUP BY a.payable_id) x ON x.payable_id = r.id
            WHERE r.status = 'posted' AND coalesce(r.settled_on, '') <> CASE WHEN r.open_amount = 0 THEN coalesce(x.last, '') ELSE '' END
            """),
        // Sums of the aggregate and of the documents side by side, grouped once (a full outer
        // join of two grouped subqueries is a scan per row on a large file).
        ("cash by day ≠ receipts and payments", """
            SELECT day || ' ' || side || ' ' || method, SUM(a) || ' ≠ ' || SUM(b) FROM (
                SELECT day, side, method, rep_id, amount a, documents na, 0 b, 0 nb FROM cash_daily
                UNION ALL SELECT receipt_date, 'in', method, coalesce(rep_id, 0), 0, 0, amount, 1 FROM receipts WHERE status = 'posted'
                UNION ALL SELECT payment_date, 'out', method, 0, 0, 0, amount, 1 FROM payments WHERE status = 'posted')
            GROUP BY day, side, method, rep_id HAVING SUM(a) <> SUM(b) OR SUM(na) <> SUM(nb)
            """),
        ("cash by party and month ≠ receipts and payments", """
            SELECT month || ' ' || side || ' ' || party_id, SUM(a) || ' ≠ ' || SUM(b) FROM (
                SELECT month, side, party_id, amount a, documents na, 0 b, 0 nb FROM cash_party_monthly
                UNION ALL SELECT substr(receipt_date, 1, 7), 'in', customer_id, 0, 0, amount, 1 FROM receipts WHERE status = 'posted'
                UNION ALL SELECT substr(payment_date, 1, 7), 'out', supplier_id, 0, 0, amount, 1 FROM payments WHERE status = 'posted')
            GROUP BY month, side, party_id HAVING SUM(a) <> SUM(b) OR SUM(na) <> SUM(nb)
            """),
        ("monthly revenue ≠ shipments", """
            SELECT coalesce(m.owner_id, s.owner_id) || '/' || coalesce(m.month, s.month), coalesce(m.total, 0) || ' ≠ ' || coalesce(s.total, 0)
            FROM revenue_monthly m FULL OUTER JOIN (SELECT o.owner_id, substr(x.ship_date, 1, 7) month, SUM(x.total) total
                FROM shipments x JOIN sales_orders o ON o.id = x.order_id WHERE x.status = 'posted' GROUP BY 1, 2) s ON s.owner_id = m.owner_id AND s.month = m.month
            WHERE coalesce(m.total, 0) <> coalesce(s.total, 0)
            """),
        ("monthly sales ≠ orders", """
            SELECT coalesce(m.owner_id, o.owner_id) || '/' || coalesce(m.month, o.month), coalesce(m.total, 0) || ' ≠ ' || coalesce(o.total, 0)
            FROM sales_monthly m FULL OUTER JOIN (SELECT owner_id, substr(order_date, 1, 7) month, SUM(total) total, COUNT(*) n, SUM(quantity) q
                FROM sales_orders WHERE status <> 'cancelled' GROUP BY 1, 2) o ON o.owner_id = m.owner_id AND o.month = m.month
            WHERE coalesce(m.total, 0) <> coalesce(o.total, 0) OR coalesce(m.orders, 0) <> coalesce(o.n, 0) OR coalesce(m.quantity, 0) <> coalesce(o.q, 0)
            """),
        ("customer balance ≠ open receivables", """
            SELECT c.code, c.open_balance || ' ≠ ' || coalesce(x.s, 0) FROM customers c
            LEFT JOIN (SELECT customer_id, SUM(open_amount) s FROM receivables WHERE status = 'posted' GROUP BY customer_id) x ON x.customer_id = c.id
            WHERE c.open_balance <> coalesce(x.s, 0)
            """),
        ("order total ≠ lines", """
            SELECT o.number, o.total || ' ≠ ' || SUM(l.amount) FROM sales_orders o JOIN sales_order_lines l ON l.order_id = o.id
            GROUP BY o.id HAVING o.total <> SUM(l.amount) OR o.quantity <> SUM(l.quantity)
            """),
        ("shipment total ≠ lines", """
            SELECT s.number, s.total || ' ≠ ' || SUM(l.amount) FROM shipments s JOIN shipment_lines l ON l.shipment_id = s.id
            GROUP BY s.id HAVING s.total <> SUM(l.amount)
            """),
        ("receivable ≠ its shipment", """
            SELECT r.number, r.amount || ' ≠ ' || s.total FROM receivables r JOIN shipments s ON s.id = r.shipment_id
            WHERE r.status = 'posted' AND s.status = 'posted' AND r.amount <> s.total
            """),
        ("order line shipped ≠ shipments", """
            SELECT o.number || '/' || l.line_no, l.shipped_quantity || ' ≠ ' || coalesce(x.q, 0) FROM sales_order_lines l
            JOIN sales_orders o ON o.id = l.order_id
            LEFT JOIN (SELECT sl.order_line_id, SUM(sl.quantity) q FROM shipment_lines sl JOIN shipments s ON s.id = sl.shipment_id
                       WHERE s.status = 'posted' GROUP BY sl.order_line_id) x ON x.order_line_id = l.id
            WHERE l.shipped_quantity <> coalesce(x.q, 0)
            """),
        ("purchase line received ≠ goods receipts", """
            SELECT p.number || '/' || l.line_no, l.received_quantity || ' ≠ ' || coalesce(x.q, 0) FROM purchase_order_lines l
            JOIN purchase_orders p ON p.id = l.po_id
            LEFT JOIN (SELECT gl.po_line_id, SUM(gl.quantity) q FROM goods_receipt_lines gl JOIN goods_receipts g ON g.id = gl.goods_receipt_id
                       WHERE g.status = 'posted' GROUP BY gl.po_line_id) x ON x.po_line_id = l.id
            WHERE l.received_quantity <> coalesce(x.q, 0)
            """),
        ("order status ≠ its lines", """
            SELECT o.number, o.status FROM sales_orders o JOIN sales_order_lines l ON l.order_id = o.id WHERE o.status <> 'cancelled'
            GROUP BY o.id HAVING o.status <> CASE WHEN SUM(l.shipped_quantity) = 0 THEN 'open'
                WHEN SUM(l.shipped_quantity < l.quantity) = 0 THEN 'shipped' ELSE 'partially_shipped' END
            """),
        // Each as one pass that sums to zero when all is well (no join to a grouped subquery:
        // on a large file that is a scan per row).
        ("stock on hand ≠ moves", """
            SELECT p.code || '@' || w.code, 'moves ' || x.moves || ' ≠ on hand ' || x.on_hand FROM (
                SELECT product_id, warehouse_id, SUM(q) AS moves, SUM(h) AS on_hand FROM (
                    SELECT product_id, warehouse_id, quantity AS q, 0 AS h FROM stock_moves
                    UNION ALL SELECT product_id, warehouse_id, 0, on_hand FROM stock_levels)
                GROUP BY 1, 2 HAVING SUM(q) <> SUM(h)) x
            JOIN products p ON p.id = x.product_id JOIN warehouses w ON w.id = x.warehouse_id
            """),
        ("shipment's stock moves ≠ its lines", """
            SELECT s.number, 'moves and lines differ by ' || x.d FROM (
                SELECT id, SUM(q) AS d FROM (
                    SELECT shipment_id AS id, quantity AS q FROM stock_moves WHERE shipment_id IS NOT NULL
                    UNION ALL SELECT l.shipment_id, l.quantity FROM shipment_lines l JOIN shipments s ON s.id = l.shipment_id WHERE s.status = 'posted')
                GROUP BY 1 HAVING SUM(q) <> 0) x
            JOIN shipments s ON s.id = x.id
            """),
        ("goods receipt's stock moves ≠ its lines", """
            SELECT g.number, 'moves and lines differ by ' || x.d FROM (
                SELECT id, SUM(q) AS d FROM (
                    SELECT goods_receipt_id AS id, quantity AS q FROM stock_moves WHERE goods_receipt_id IS NOT NULL
                    UNION ALL SELECT l.goods_receipt_id, -l.quantity FROM goods_receipt_lines l JOIN goods_receipts g ON g.id = l.goods_receipt_id WHERE g.status = 'posted')
                GROUP BY 1 HAVING SUM(q) <> 0) x
            JOIN goods_receipts g ON g.id = x.id
            """),
        ("transfer without its other half", """
            SELECT 'move ' || t.id, t.quantity FROM stock_moves t WHERE t.reason = 'transfer' AND NOT EXISTS (
                SELECT 1 FROM stock_moves o WHERE o.reason = 'transfer' AND o.id = t.id + (CASE WHEN t.quantity < 0 THEN 1 ELSE -1 END)
                AND o.product_id = t.product_id AND o.warehouse_id = t.other_warehouse_id AND o.other_warehouse_id = t.warehouse_id AND o.quantity = -t.quantity)
            """),
    ]
}

/// Notices commits by any connection — this process's or another's — to the same file by
/// polling `PRAGMA data_version` on a connection of its own.
public final class DataVersionWatcher: @unchecked Sendable {
    private let queue: DatabaseQueue?
    private var last: Int64 = -1
    private let lock = NSLock()

    public init(path: String) {
        if path == ":memory:" { queue = nil; return }
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(1)
        queue = try? DatabaseQueue(path: path, configuration: config)
    }

    /// True when the file changed since the previous call (the first call returns false).
    public func changed() -> Bool {
        guard let queue, let v = try? queue.inDatabase({ db in try Int64.fetchOne(db, sql: "PRAGMA data_version") }) ?? nil else { return false }
        lock.lock(); defer { lock.unlock() }
        defer { last = v }
        return last >= 0 && v != last
    }
}
