import Domain
import GRDB

/// Who was active, who churned and who bought, for the KPI dashboard's two periods and the
/// years ending with each — read in one pass over the orders of all four windows (grouping
/// orders by customer is the dashboard's dearest step; done once, not four times).
extension AppDatabase {
    struct CustomerFlow {
        var activeAtStart: Int64 = 0
        var churned: Int64 = 0
        /// Customers who ordered in the window (for a year: CLV's buyers).
        var buyers: Int64 = 0
    }

    /// For each window: customers that ordered in the dormant days before it (active at its
    /// start) and, of those, how many had no order in the dormant days up to its end or were
    /// marked lost during it; and how many ordered in it.
    static func customerFlows(_ db: Database, _ windows: [DateRange], rep: Int64?, dormantDays d: Int) throws -> [CustomerFlow] {
        guard let first = windows.map(\.from).min(), let last = windows.map(\.to).max() else { return [] }
        var columns: [String] = [], args: [String: (any DatabaseValueConvertible)?] = ["first": first.adding(days: -d).iso, "last": last.iso, "rep": rep]
        for (i, w) in windows.enumerated() {
            args["a\(i)"] = w.from.adding(days: -d).iso; args["e\(i)"] = w.from.adding(days: -1).iso
            args["r\(i)"] = w.to.adding(days: 1 - d).iso; args["t\(i)"] = w.to.iso; args["f\(i)"] = w.from.iso
            columns += ["MAX(order_date BETWEEN :a\(i) AND :e\(i)) AS s\(i)", "MAX(order_date BETWEEN :r\(i) AND :t\(i)) AS n\(i)", "MAX(order_date BETWEEN :f\(i) AND :t\(i)) AS b\(i)"]
        }
        // Churned: active at the start and no order in the dormant days up to the end, or
        // marked lost during the window.
        let sums = windows.indices.map { i in
            "coalesce(SUM(s\(i)), 0), coalesce(SUM(s\(i) AND (NOT n\(i) OR c.lost_on BETWEEN :f\(i) AND :t\(i))), 0), coalesce(SUM(b\(i)), 0)"
        }
        guard let r = try Row.fetchOne(db, sql: """
            SELECT \(sums.joined(separator: ", ")) FROM (
                SELECT customer_id, \(columns.joined(separator: ", ")) FROM sales_orders INDEXED BY sales_orders_date
                WHERE order_date BETWEEN :first AND :last AND status <> 'cancelled'\(rep == nil ? "" : " AND owner_id = :rep") GROUP BY customer_id) g
            JOIN customers c ON c.id = g.customer_id
            """, arguments: StatementArguments(args)) else { return windows.map { _ in CustomerFlow() } }
        let flows = windows.indices.map { CustomerFlow(activeAtStart: r[3 * $0], churned: r[3 * $0 + 1], buyers: r[3 * $0 + 2]) }
        return flows
    }

    /// Each rep's revenue in the period (shipments of the orders they own).
    static func revenueByRep(_ db: Database, _ p: DateRange) throws -> [Int64: Money] {
        var out: [Int64: Money] = [:]
        for r in try Row.fetchAll(db, sql: """
            SELECT o.owner_id, coalesce(SUM(s.total), 0) FROM shipments s JOIN sales_orders o ON o.id = s.order_id
            WHERE s.ship_date BETWEEN ? AND ? AND s.status = 'posted' GROUP BY o.owner_id
            """, arguments: [p.from.iso, p.to.iso]) { out[r[0]] = Money(minorUnits: r[1]) }
        return out
    }

    /// Each rep's collections in the period (receipts credited to them).
    static func collectionsByRep(_ db: Database, _ p: DateRange) throws -> [Int64: Money] {
        var out: [Int64: Money] = [:]
        for r in try Row.fetchAll(db, sql: """
            SELECT rep_id, coalesce(SUM(amount), 0) FROM receipts WHERE receipt_date BETWEEN ? AND ? AND status = 'posted' AND rep_id IS NOT NULL GROUP BY rep_id
            """, arguments: [p.from.iso, p.to.iso]) { out[r[0]] = Money(minorUnits: r[1]) }
        return out
    }
}
