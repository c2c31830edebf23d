import Domain
import GRDB

/// Who was active and who churned, for the KPI dashboard's two periods and the years ending
/// with each — read in one pass (grouping orders by customer is the dashboard's dearest step;
/// done once, not four times).
extension AppDatabase {
    struct CustomerFlow {
        var activeAtStart: Int64 = 0
        var churned: Int64 = 0
        /// Customers active at the window's end (ordered in the dormant days up to it): CLV's.
        var activeAtEnd: Int64 = 0
    }

    /// For each window: customers active at its start (ordered in the dormant days before it),
    /// how many of those were dormant by its end (no order in the dormant days up to it) or were
    /// marked lost during it, and how many are active at its end. Only the orders of those
    /// dormant-day spans are read — for a month and its year, two short stretches, not the year.
    static func customerFlows(_ db: Database, _ windows: [DateRange], rep: Int64?, dormantDays d: Int) throws -> [CustomerFlow] {
        guard !windows.isEmpty else { return [] }
        let spans = windows.flatMap { w in [DateRange(from: w.from.adding(days: -d), to: w.from.adding(days: -1)), DateRange(from: w.to.adding(days: 1 - d), to: w.to)] }
        // The stretches to read: the spans merged where they touch.
        var stretches: [DateRange] = []
        for span in spans.sorted(by: { $0.from < $1.from }) {
            if let last = stretches.last, span.from <= last.to.adding(days: 1) { stretches[stretches.count - 1].to = max(last.to, span.to) } else { stretches.append(span) }
        }
        var args: [String: (any DatabaseValueConvertible)?] = ["rep": rep], columns: [String] = []
        for (i, w) in windows.enumerated() {
            args["a\(i)"] = spans[2 * i].from.iso; args["e\(i)"] = spans[2 * i].to.iso
            args["r\(i)"] = spans[2 * i + 1].from.iso; args["t\(i)"] = w.to.iso; args["f\(i)"] = w.from.iso
            columns += ["MAX(order_date BETWEEN :a\(i) AND :e\(i)) AS s\(i)", "MAX(order_date BETWEEN :r\(i) AND :t\(i)) AS n\(i)"]
        }
        let reads = stretches.enumerated().map { j, r in
            args["x\(j)"] = r.from.iso; args["y\(j)"] = r.to.iso
            return """
                SELECT customer_id, order_date FROM sales_orders INDEXED BY sales_orders_date
                WHERE order_date BETWEEN :x\(j) AND :y\(j) AND status <> 'cancelled'\(rep == nil ? "" : " AND owner_id = :rep")
                """
        }
        // Churned: active at the start and not at the end, or marked lost during the window.
        let sums = windows.indices.map { i in
            "coalesce(SUM(s\(i)), 0), coalesce(SUM(s\(i) AND (NOT n\(i) OR c.lost_on BETWEEN :f\(i) AND :t\(i))), 0), coalesce(SUM(n\(i)), 0)"
        }
        guard let r = try Row.fetchOne(db, sql: """
            SELECT \(sums.joined(separator: ", ")) FROM (
                SELECT customer_id, \(columns.joined(separator: ", ")) FROM (\(reads.joined(separator: " UNION ALL "))) GROUP BY customer_id) g
            JOIN customers c ON c.id = g.customer_id
            """, arguments: StatementArguments(args)) else { return windows.map { _ in CustomerFlow() } }
        return windows.indices.map { CustomerFlow(activeAtStart: r[3 * $0], churned: r[3 * $0 + 1], activeAtEnd: r[3 * $0 + 2]) }
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
