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
    /// Per group of the scope (a rep's: their own orders).
    static func customerFlows(_ db: Database, _ windows: [DateRange], scope: KPIScope, dormantDays d: Int) throws -> [Int64: [CustomerFlow]] {
        guard !windows.isEmpty, windows.count <= 31 else { return [:] }
        let spans = windows.flatMap { w in [DateRange(from: w.from.adding(days: -d), to: w.from.adding(days: -1)), DateRange(from: w.to.adding(days: 1 - d), to: w.to)] }
        // The stretches to read: the spans merged where they touch.
        var stretches: [DateRange] = []
        for span in spans.sorted(by: { $0.from < $1.from }) {
            if let last = stretches.last, span.from <= last.to.adding(days: 1) { stretches[stretches.count - 1].to = max(last.to, span.to) } else { stretches.append(span) }
        }
        // Each order read once — its group and customer packed in one integer, its day as days
        // since 1970 — and its windows' flags worked out here (bit 2i: in window i's dormant days
        // before it; bit 2i+1: in those up to its end; up to 31 windows), OR-ed per customer:
        // cheaper than grouping, or comparing dates as text, in SQL.
        var args: [String: (any DatabaseValueConvertible)?] = ["rep": scope.rep]
        let reads = stretches.enumerated().map { j, r in
            args["x\(j)"] = r.from.iso; args["y\(j)"] = r.to.iso
            return """
                SELECT (\(scope.key("owner_id")) << 32) | customer_id, CAST(julianday(order_date) - 2440587.5 AS INTEGER) FROM sales_orders INDEXED BY sales_orders_date
                WHERE order_date BETWEEN :x\(j) AND :y\(j) AND status <> 'cancelled'\(scope.only("owner_id"))
                """
        }
        let spanDays = spans.map { (Int64($0.from.day), Int64($0.to.day)) }
        var seen: [Int64: Int64] = [:]
        let cursor = try Row.fetchCursor(db, sql: reads.joined(separator: " UNION ALL "), arguments: StatementArguments(args))
        while let row = try cursor.next() {
            let day: Int64 = row[1]
            var bits: Int64 = 0
            for (b, span) in spanDays.enumerated() where day >= span.0 && day <= span.1 { bits |= 1 << b }
            if bits != 0 { seen[row[0], default: 0] |= bits }
        }
        // Churned: active at the start and not at the end, or marked lost during the window.
        let bounds = (windows.map(\.from).min() ?? windows[0].from, windows.map(\.to).max() ?? windows[0].to)
        var lost: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, lost_on FROM customers WHERE lost_on BETWEEN ? AND ?", arguments: [bounds.0.iso, bounds.1.iso]) { lost[row[0]] = row[1] }
        let isoWindows = windows.map { ($0.from.iso, $0.to.iso) }
        var out: [Int64: [CustomerFlow]] = [:]
        for (key, bits) in seen {
            var flows = out[key >> 32] ?? Array(repeating: CustomerFlow(), count: windows.count)
            for i in windows.indices {
                let start = bits & (1 << (2 * i)) != 0, end = bits & (1 << (2 * i + 1)) != 0
                if end { flows[i].activeAtEnd += 1 }
                guard start else { continue }
                flows[i].activeAtStart += 1
                if !end || lost[key & 0xFFFF_FFFF].map({ isoWindows[i].0 <= $0 && $0 <= isoWindows[i].1 }) == true { flows[i].churned += 1 }
            }
            out[key >> 32] = flows
        }
        return out
    }

    /// Each rep's revenue in the period (shipments of the orders they own): the whole months
    /// inside it from `revenue_monthly`, the days before and after them from the shipments.
    static func revenueByRep(_ db: Database, _ p: DateRange) throws -> [Int64: Money] {
        var out: [Int64: Money] = [:]
        let firstWhole = p.from == p.from.startOfMonth ? p.from : p.from.startOfMonth.adding(months: 1)
        let afterWhole = p.to.adding(days: 1).startOfMonth
        var shipped = [p]
        if firstWhole < afterWhole {
            for r in try Row.fetchAll(db, sql: "SELECT owner_id, SUM(total) FROM revenue_monthly WHERE month >= ? AND month < ? GROUP BY owner_id",
                                      arguments: [String(firstWhole.iso.prefix(7)), String(afterWhole.iso.prefix(7))]) { out[r[0], default: .zero] += Money(minorUnits: r[1]) }
            shipped = [DateRange(from: p.from, to: firstWhole.adding(days: -1)), DateRange(from: afterWhole, to: p.to)].filter { $0.from <= $0.to }
        }
        for range in shipped {
            for r in try Row.fetchAll(db, sql: """
                SELECT o.owner_id, SUM(s.total) FROM shipments s JOIN sales_orders o ON o.id = s.order_id
                WHERE s.ship_date BETWEEN ? AND ? AND s.status = 'posted' GROUP BY o.owner_id
                """, arguments: [range.from.iso, range.to.iso]) { out[r[0], default: .zero] += Money(minorUnits: r[1]) }
        }
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
