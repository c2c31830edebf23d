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
    /// Per group of the scope (a rep's: their own orders; per rep, the company's as group 0).
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
            guard bits != 0 else { continue }
            let key: Int64 = row[0]
            seen[key, default: 0] |= bits
            // Per rep, the company's too: the customer alone (group 0).
            if scope == .everyRep { seen[key & 0xFFFF_FFFF, default: 0] |= bits }
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
        let split = MonthSplit(p)
        if let months = split.months {
            for r in try Row.fetchAll(db, sql: "SELECT owner_id, SUM(total) FROM revenue_monthly WHERE month >= ? AND month < ? GROUP BY owner_id",
                                      arguments: [months.from, months.to]) { out[r[0], default: .zero] += Money(minorUnits: r[1]) }
        }
        for range in split.days {
            for r in try Row.fetchAll(db, sql: """
                SELECT o.owner_id, SUM(s.total) FROM shipments s JOIN sales_orders o ON o.id = s.order_id
                WHERE s.ship_date BETWEEN ? AND ? AND s.status = 'posted' GROUP BY o.owner_id
                """, arguments: [range.from.iso, range.to.iso]) { out[r[0], default: .zero] += Money(minorUnits: r[1]) }
        }
        return out
    }

    /// Booked sales (orders not cancelled) of the period per group of the scope: the sum, the
    /// count and the quantity ordered — the whole months from `sales_monthly`, the days before
    /// and after them from the orders. Per rep, the company's (group 0) is every owner's.
    static func salesByGroup(_ db: Database, _ p: DateRange, scope: KPIScope) throws -> [Int64: (sales: Money, orders: Int64, quantity: Quantity)] {
        var out: [Int64: (sales: Money, orders: Int64, quantity: Quantity)] = [:]
        func add(_ sql: String, _ from: String, _ to: String) throws {
            for r in try Row.fetchAll(db, sql: sql + scope.groupBy, arguments: ["from": from, "to": to, "rep": scope.rep]) {
                for g in [r[0] as Int64] + (scope == .everyRep ? [0] : []) {
                    let was = out[g] ?? (.zero, 0, .zero)
                    out[g] = (was.sales + Money(minorUnits: r[1]), was.orders + r[2], was.quantity + Quantity(thousandths: r[3]))
                }
            }
        }
        let owner = scope.key("owner_id"), byOwner = scope.only("owner_id"), split = MonthSplit(p)
        if let months = split.months {
            try add("""
                SELECT \(owner), coalesce(SUM(total), 0), coalesce(SUM(orders), 0), coalesce(SUM(quantity), 0) FROM sales_monthly
                WHERE month >= :from AND month < :to\(byOwner)
                """, months.from, months.to)
        }
        for range in split.days {
            try add("""
                SELECT \(owner), coalesce(SUM(total), 0), COUNT(*), coalesce(SUM(quantity), 0) FROM sales_orders
                WHERE order_date BETWEEN :from AND :to AND status <> 'cancelled'\(byOwner)
                """, range.from.iso, range.to.iso)
        }
        return out
    }

    /// How many distinct customers ordered in the period, per group of the scope: each order's
    /// group and customer packed in one integer and counted once here — cheaper than SQL's
    /// COUNT(DISTINCT) over a year of orders. Per rep, the company's too (group 0).
    static func orderingCustomers(_ db: Database, _ p: DateRange, scope: KPIScope) throws -> [Int64: Int64] {
        var seen = Set<Int64>(), customers = Set<Int64>()
        let cursor = try Int64.fetchCursor(db, sql: """
            SELECT (\(scope.key("owner_id")) << 32) | customer_id FROM sales_orders INDEXED BY sales_orders_date
            WHERE order_date BETWEEN :from AND :to AND status <> 'cancelled'\(scope.only("owner_id"))
            """, arguments: ["from": p.from.iso, "to": p.to.iso, "rep": scope.rep])
        while let key = try cursor.next() {
            seen.insert(key)
            if scope == .everyRep { customers.insert(key & 0xFFFF_FFFF) }
        }
        var out: [Int64: Int64] = [:]
        for key in seen { out[key >> 32, default: 0] += 1 }
        if scope == .everyRep { out[0] = Int64(customers.count) }
        return out
    }

    /// Each rep's collections in the period (posted receipts credited to them, from
    /// `cash_daily`); those credited to no rep under 0.
    static func collectionsByRep(_ db: Database, _ p: DateRange) throws -> [Int64: Money] {
        var out: [Int64: Money] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT rep_id, SUM(amount) FROM cash_daily WHERE day BETWEEN ? AND ? AND side = 'in' GROUP BY rep_id",
                                  arguments: [p.from.iso, p.to.iso]) { out[r[0]] = Money(minorUnits: r[1]) }
        return out
    }
}

/// A period as monthly tables can answer it: the whole calendar months inside it (`from`
/// inclusive, `to` exclusive, as "YYYY-MM"), and the days before and after them.
struct MonthSplit {
    var months: (from: String, to: String)?
    var days: [DateRange]

    init(_ p: DateRange) {
        let firstWhole = p.from == p.from.startOfMonth ? p.from : p.from.startOfMonth.adding(months: 1)
        let afterWhole = p.to.adding(days: 1).startOfMonth
        guard firstWhole < afterWhole else { months = nil; days = [p]; return }
        months = (String(firstWhole.iso.prefix(7)), String(afterWhole.iso.prefix(7)))
        days = [DateRange(from: p.from, to: firstWhole.adding(days: -1)), DateRange(from: afterWhole, to: p.to)].filter { $0.from <= $0.to }
    }
}
