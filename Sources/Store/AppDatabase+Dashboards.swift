import Domain
import GRDB

/// Figures for each role home. Labels are catalog keys (`kpi.*`); values are formatted here by
/// Domain rules so the screen and `rapport report` print the same text.
extension AppDatabase {
    public func dashboard(for actor: Actor, today: DateOnly) throws(StoreError) -> Dashboard {
        try read { db in try AppDatabase.dashboard(db, actor: actor, today: today) }
    }

    static func dashboard(_ db: Database, actor: Actor, today: DateOnly) throws -> Dashboard {
        let p = DateRange.monthToDate(today)
        switch actor.role {
        case .salesRep: return try repDashboard(db, rep: actor.userId, today: today, period: p)
        case .salesAssistant: return try assistantDashboard(db, today: today, period: p)
        case .finance: return try financeDashboard(db, today: today, period: p)
        case .purchasing: return try purchasingDashboard(db, today: today, period: p)
        case .manager: return try managerDashboard(db, today: today, period: p)
        }
    }

    // MARK: aggregates (each one indexed query)

    struct SalesFigures { var total: Money; var orders: Int64; var quantity: Quantity; var customers: Int64 }

    static func sales(_ db: Database, _ p: DateRange, rep: Int64? = nil) throws -> SalesFigures {
        let sql = rep == nil
            ? "SELECT coalesce(SUM(total),0), COUNT(*), coalesce(SUM(quantity),0), COUNT(DISTINCT customer_id) FROM sales_orders WHERE order_date BETWEEN ? AND ? AND status <> 'cancelled'"
            : "SELECT coalesce(SUM(total),0), COUNT(*), coalesce(SUM(quantity),0), COUNT(DISTINCT customer_id) FROM sales_orders WHERE owner_id = ? AND order_date BETWEEN ? AND ? AND status <> 'cancelled'"
        let args: StatementArguments = rep.map { [$0, p.from.iso, p.to.iso] } ?? [p.from.iso, p.to.iso]
        let row = try Row.fetchOne(db, sql: sql, arguments: args)
        return SalesFigures(total: Money(minorUnits: row?[0] ?? 0), orders: row?[1] ?? 0, quantity: Quantity(thousandths: row?[2] ?? 0), customers: row?[3] ?? 0)
    }

    static func revenue(_ db: Database, _ p: DateRange, rep: Int64? = nil) throws -> Money {
        let v: Int64?
        if let rep {
            v = try Int64.fetchOne(db, sql: """
                SELECT coalesce(SUM(s.total),0) FROM shipments s JOIN sales_orders o ON o.id = s.order_id
                WHERE s.ship_date BETWEEN ? AND ? AND s.status = 'posted' AND o.owner_id = ?
                """, arguments: [p.from.iso, p.to.iso, rep])
        } else {
            v = try Int64.fetchOne(db, sql: "SELECT coalesce(SUM(total),0) FROM shipments WHERE ship_date BETWEEN ? AND ? AND status = 'posted'", arguments: [p.from.iso, p.to.iso])
        }
        return Money(minorUnits: v ?? 0)
    }

    static func collections(_ db: Database, _ p: DateRange, rep: Int64? = nil) throws -> Money {
        let v = try Int64.fetchOne(db, sql: rep == nil
            ? "SELECT coalesce(SUM(amount),0) FROM receipts WHERE receipt_date BETWEEN ?2 AND ?3 AND status = 'posted'"
            : "SELECT coalesce(SUM(amount),0) FROM receipts WHERE rep_id = ?1 AND receipt_date BETWEEN ?2 AND ?3 AND status = 'posted'",
            arguments: [rep, p.from.iso, p.to.iso])
        return Money(minorUnits: v ?? 0)
    }

    static func openReceivables(_ db: Database, today: DateOnly, rep: Int64? = nil) throws -> (open: Money, overdue: Money) {
        let row = try Row.fetchOne(db, sql: """
            SELECT coalesce(SUM(open_amount),0), coalesce(SUM(CASE WHEN due_date < ?2 THEN open_amount ELSE 0 END),0)
            FROM receivables WHERE open_amount > 0 AND status = 'posted' \(rep == nil ? "" : "AND rep_id = ?1")
            """, arguments: [rep, today.iso])
        return (Money(minorUnits: row?[0] ?? 0), Money(minorUnits: row?[1] ?? 0))
    }

    static func newCustomers(_ db: Database, _ p: DateRange, rep: Int64? = nil) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM customers WHERE first_order_on BETWEEN ?2 AND ?3 \(rep == nil ? "" : "AND owner_id = ?1")",
                           arguments: [rep, p.from.iso, p.to.iso]) ?? 0
    }

    static func contactEntries(_ db: Database, _ p: DateRange, user: Int64? = nil) throws -> Int64 {
        try Int64.fetchOne(db, sql: user == nil
            ? "SELECT COUNT(*) FROM contact_log WHERE happened_on BETWEEN ?2 AND ?3"
            : "SELECT COUNT(*) FROM contact_log WHERE user_id = ?1 AND happened_on BETWEEN ?2 AND ?3",
            arguments: [user, p.from.iso, p.to.iso]) ?? 0
    }

    /// Monthly booked sales for the 12 months ending with `today`'s month (from `sales_monthly`,
    /// which triggers keep equal to the orders).
    static func monthlySales(_ db: Database, today: DateOnly, rep: Int64? = nil) throws -> [Int64] {
        let start = today.startOfMonth.adding(months: -11)
        var byMonth: [String: Int64] = [:]
        for row in try Row.fetchAll(db, sql: rep == nil
            ? "SELECT month, SUM(total) FROM sales_monthly WHERE month BETWEEN ?2 AND ?3 GROUP BY month"
            : "SELECT month, total FROM sales_monthly WHERE owner_id = ?1 AND month BETWEEN ?2 AND ?3",
            arguments: [rep, String(start.iso.prefix(7)), String(today.iso.prefix(7))]) {
            byMonth[row[0]] = row[1]
        }
        return (0..<12).map { byMonth[String(start.adding(months: $0).iso.prefix(7))] ?? 0 }
    }

    static func salesByRep(_ db: Database, _ p: DateRange) throws -> [Dashboard.Bar] {
        try Row.fetchAll(db, sql: """
            SELECT u.display_name, SUM(o.total) FROM sales_orders o JOIN users u ON u.id = o.owner_id
            WHERE o.order_date BETWEEN ? AND ? AND o.status <> 'cancelled' GROUP BY o.owner_id ORDER BY 2 DESC, 1
            """, arguments: [p.from.iso, p.to.iso]).map { row in
            let v: Int64 = row[1]
            return Dashboard.Bar(label: row[0], value: v, display: Money(minorUnits: v).compact)
        }
    }

    static func quota(_ db: Database, rep: Int64, today: DateOnly) throws -> (quota: Money, period: DateRange)? {
        guard let row = try Row.fetchOne(db, sql: "SELECT amount, period_start, period_end FROM quotas WHERE rep_id = ? AND period_start <= ?2 AND period_end >= ?2 ORDER BY period_start DESC LIMIT 1",
                                         arguments: [rep, today.iso]),
              let from = DateOnly(iso: row[1] as String), let to = DateOnly(iso: row[2] as String) else { return nil }
        return (Money(minorUnits: row[0]), DateRange(from: from, to: to))
    }

    static func money(_ key: String, _ m: Money, tone: Metric.Tone = .neutral) -> Metric { Metric(key: key, value: .money(m), tone: tone) }

    static func tone(attainment: BasisPoints?) -> Metric.Tone {
        guard let a = attainment?.value else { return .neutral }
        return a >= 10_000 ? .ok : a >= 7_000 ? .warn : .critical
    }

    // MARK: role homes

    static func repDashboard(_ db: Database, rep: Int64, today: DateOnly, period p: DateRange) throws -> Dashboard {
        let s = try sales(db, p, rep: rep)
        let rev = try revenue(db, p, rep: rep)
        let ar = try openReceivables(db, today: today, rep: rep)
        var metrics = [
            money("kpi.sales", s.total), money("kpi.revenue", rev), money("kpi.collections", try collections(db, p, rep: rep)),
        ]
        if let q = try quota(db, rep: rep, today: today) {
            let att = KPI.quotaAttainment(revenue: try revenue(db, DateRange(from: q.period.from, to: min(today, q.period.to)), rep: rep), quota: q.quota)
            metrics.append(Metric(key: "kpi.quota-attainment", value: .percent(att), tone: tone(attainment: att)))
        } else {
            metrics.append(Metric(key: "kpi.quota-attainment", value: .notAvailable))
        }
        metrics += [
            Metric(key: "kpi.orders", value: .integer(s.orders)),
            Metric(key: "kpi.average-order-value", value: .money(KPI.averageOrderValue(sales: s.total, orders: s.orders))),
            money("kpi.open-receivables", ar.open), money("kpi.overdue-receivables", ar.overdue, tone: ar.overdue.isZero ? .ok : .warn),
            Metric(key: "kpi.new-customers", value: .integer(try newCustomers(db, p, rep: rep))),
            Metric(key: "kpi.contact-entries", value: .integer(try contactEntries(db, p, user: rep))),
        ]
        let spark = try monthlySales(db, today: today, rep: rep)
        return Dashboard(period: p, metrics: metrics, sparkTitle: "kpi.sales-12-months", spark: spark)
    }

    static func assistantDashboard(_ db: Database, today: DateOnly, period p: DateRange) throws -> Dashboard {
        let awaiting = try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM sales_orders WHERE status IN ('open','partially_shipped')") ?? 0
        let dueToday = try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM sales_orders WHERE status IN ('open','partially_shipped') AND due_date = ?", arguments: [today.iso]) ?? 0
        let overdue = try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM sales_orders WHERE status IN ('open','partially_shipped') AND due_date < ?", arguments: [today.iso]) ?? 0
        let shipments = try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM shipments WHERE ship_date BETWEEN ? AND ? AND status = 'posted'", arguments: [p.from.iso, p.to.iso]) ?? 0
        let s = try sales(db, p)
        let metrics = [
            Metric(key: "kpi.orders-awaiting-shipment", value: .integer(awaiting)),
            Metric(key: "kpi.deliveries-due-today", value: .integer(dueToday), tone: dueToday > 0 ? .warn : .ok),
            Metric(key: "kpi.deliveries-overdue", value: .integer(overdue), tone: overdue > 0 ? .critical : .ok),
            Metric(key: "kpi.shipments", value: .integer(shipments)),
            money("kpi.sales", s.total), money("kpi.revenue", try revenue(db, p)),
            Metric(key: "kpi.orders", value: .integer(s.orders)),
        ]
        return Dashboard(period: p, metrics: metrics, chartTitle: "kpi.sales-by-rep", bars: try salesByRep(db, p),
                         sparkTitle: "kpi.sales-12-months", spark: try monthlySales(db, today: today))
    }

    static func financeDashboard(_ db: Database, today: DateOnly, period p: DateRange) throws -> Dashboard {
        let settings = try AppDatabase.settings(db)
        let buckets = settings.agingBuckets
        // One pass over the open-receivables index: a SUM per bucket of due dates.
        let ranges = buckets.dueDateRanges(asOf: today)
        var sums = Array(repeating: Int64(0), count: ranges.count)
        var clauses: [String] = []
        var bind: [String?] = []
        for r in ranges {
            var cond: [String] = []
            if let f = r.from { cond.append("due_date >= ?"); bind.append(f.iso) }
            if let t = r.to { cond.append("due_date <= ?"); bind.append(t.iso) }
            clauses.append("coalesce(SUM(CASE WHEN \(cond.joined(separator: " AND ")) THEN open_amount END), 0)")
        }
        if let row = try Row.fetchOne(db, sql: "SELECT \(clauses.joined(separator: ", ")) FROM receivables WHERE open_amount > 0 AND status = 'posted'",
                                      arguments: StatementArguments(bind)) {
            sums = (0..<ranges.count).map { row[$0] as Int64 }
        }
        let unapplied = try Int64.fetchOne(db, sql: "SELECT coalesce(SUM(unapplied),0) FROM receipts WHERE unapplied > 0 AND status = 'posted'") ?? 0
        let open = sums.reduce(0, +)
        let payables = try Int64.fetchOne(db, sql: "SELECT coalesce(SUM(open_amount),0) FROM payables WHERE open_amount > 0 AND status = 'posted'") ?? 0
        let paid = try Int64.fetchOne(db, sql: "SELECT coalesce(SUM(amount),0) FROM payments WHERE payment_date BETWEEN ? AND ? AND status = 'posted'", arguments: [p.from.iso, p.to.iso]) ?? 0
        let expenses = try Int64.fetchOne(db, sql: "SELECT coalesce(SUM(amount),0) FROM expenses WHERE expense_date BETWEEN ? AND ? AND status = 'posted'", arguments: [p.from.iso, p.to.iso]) ?? 0
        let rev90 = try revenue(db, DateRange(from: today.adding(days: -89), to: today))
        let dso = KPI.dso(openReceivables: Money(minorUnits: open), revenueLast90Days: rev90)
        let metrics = [
            money("kpi.open-receivables", Money(minorUnits: open)),
            money("kpi.overdue-receivables", Money(minorUnits: open - sums[0]), tone: open - sums[0] > 0 ? .warn : .ok),
            // What customers paid ahead (or over): a credit, shown as the positive amount it is.
            money("kpi.unapplied-credit", Money(minorUnits: unapplied)),
            money("kpi.collections", try collections(db, p)),
            money("kpi.payments", Money(minorUnits: paid)),
            money("kpi.open-payables", Money(minorUnits: payables)),
            money("kpi.expenses", Money(minorUnits: expenses)),
            Metric(key: "kpi.dso", value: dso.map { .days($0) } ?? .notAvailable),
        ]
        let bars = zip(buckets.labels, sums).map { Dashboard.Bar(label: $0.0, value: $0.1, display: Money(minorUnits: $0.1).compact) }
        return Dashboard(period: p, metrics: metrics, chartTitle: "kpi.aging", bars: bars)
    }

    static func purchasingDashboard(_ db: Database, today: DateOnly, period p: DateRange) throws -> Dashboard {
        let openPOs = try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM purchase_orders WHERE status IN ('open','partially_received')") ?? 0
        let lateGoods = try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM purchase_orders WHERE status IN ('open','partially_received') AND expected_date < ?", arguments: [today.iso]) ?? 0
        let low = try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM stock_levels WHERE on_hand <= reorder_level") ?? 0
        let purchases = try Int64.fetchOne(db, sql: "SELECT coalesce(SUM(total),0) FROM purchase_orders WHERE order_date BETWEEN ? AND ? AND status <> 'cancelled'", arguments: [p.from.iso, p.to.iso]) ?? 0
        let due = try Int64.fetchOne(db, sql: "SELECT coalesce(SUM(open_amount),0) FROM payables WHERE open_amount > 0 AND status = 'posted' AND due_date <= ?", arguments: [today.adding(days: 7).iso]) ?? 0
        let metrics = [
            Metric(key: "kpi.open-purchase-orders", value: .integer(openPOs)),
            Metric(key: "kpi.goods-overdue", value: .integer(lateGoods), tone: lateGoods > 0 ? .warn : .ok),
            Metric(key: "kpi.low-stock", value: .integer(low), tone: low > 0 ? .warn : .ok),
            money("kpi.purchases", Money(minorUnits: purchases)),
            money("kpi.payables-due-7d", Money(minorUnits: due)),
        ]
        let bars = try Row.fetchAll(db, sql: """
            SELECT w.name, COUNT(*) FROM stock_levels l JOIN warehouses w ON w.id = l.warehouse_id WHERE l.on_hand <= l.reorder_level GROUP BY w.id ORDER BY w.code
            """).map { Dashboard.Bar(label: $0[0], value: $0[1], display: String($0[1] as Int64)) }
        return Dashboard(period: p, metrics: metrics, chartTitle: "kpi.low-stock-by-warehouse", bars: bars)
    }

    static func managerDashboard(_ db: Database, today: DateOnly, period p: DateRange) throws -> Dashboard {
        let s = try sales(db, p)
        let previous = try sales(db, p.previous)
        let won = try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM opportunities WHERE closed_on BETWEEN ? AND ? AND stage = 'won'", arguments: [p.from.iso, p.to.iso]) ?? 0
        let lost = try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM opportunities WHERE closed_on BETWEEN ? AND ? AND stage = 'lost'", arguments: [p.from.iso, p.to.iso]) ?? 0
        let pipeline = try Int64.fetchOne(db, sql: "SELECT coalesce(SUM(amount * probability_bp), 0) FROM opportunities WHERE stage NOT IN ('won','lost')") ?? 0
        let nps = try Row.fetchOne(db, sql: """
            SELECT COUNT(*), coalesce(SUM(score >= 9),0), coalesce(SUM(score <= 6),0) FROM feedback WHERE kind = 'nps' AND received_on BETWEEN ? AND ?
            """, arguments: [p.from.iso, p.to.iso])
        let csat = try Row.fetchAll(db, sql: "SELECT score FROM feedback WHERE kind = 'csat' AND received_on BETWEEN ? AND ?", arguments: [p.from.iso, p.to.iso]).map { $0[0] as Int }
        let complaints = try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM feedback WHERE kind = 'complaint' AND received_on BETWEEN ? AND ?", arguments: [p.from.iso, p.to.iso]) ?? 0
        // Active as the KPI dashboard counts them: ordered in the dormant days up to today.
        let dormant = try AppDatabase.settings(db).dormantDays
        let active = try Int64.fetchOne(db, sql: """
            SELECT COUNT(DISTINCT customer_id) FROM sales_orders INDEXED BY sales_orders_date WHERE order_date BETWEEN ? AND ? AND status <> 'cancelled'
            """, arguments: [today.adding(days: 1 - dormant).iso, today.iso]) ?? 0
        let reps = try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM users WHERE role = 'sales_rep' AND active = 1") ?? 0
        let ar = try openReceivables(db, today: today)
        let rev90 = try revenue(db, DateRange(from: today.adding(days: -89), to: today))
        let growth = KPI.growth(current: s.total, previous: previous.total)
        let metrics = [
            money("kpi.sales", s.total),
            Metric(key: "kpi.sales-growth", value: .percent(growth), tone: (growth?.value ?? 0) >= 0 ? .ok : .warn),
            money("kpi.revenue", try revenue(db, p)),
            Metric(key: "kpi.average-order-value", value: .money(KPI.averageOrderValue(sales: s.total, orders: s.orders))),
            Metric(key: "kpi.items-per-order", value: KPI.itemsPerOrder(quantity: s.quantity, orders: s.orders).map { .quantity($0.rounded(decimals: 1)) } ?? .notAvailable),
            Metric(key: "kpi.purchase-frequency", value: .hundredths(KPI.purchaseFrequencyHundredths(orders: s.orders, customers: s.customers))),
            Metric(key: "kpi.new-customers", value: .integer(try newCustomers(db, p))),
            Metric(key: "kpi.close-rate", value: .percent(KPI.closeRate(won: won, lost: lost))),
            money("kpi.weighted-pipeline", KPI.weightedPipeline(sumOfAmountTimesBasisPoints: Int128(pipeline))),
            money("kpi.overdue-receivables", ar.overdue, tone: ar.overdue.isZero ? .ok : .warn),
            Metric(key: "kpi.dso", value: KPI.dso(openReceivables: ar.open, revenueLast90Days: rev90).map { .days($0) } ?? .notAvailable),
            Metric(key: "kpi.csat", value: .percent(KPI.csat(scores: csat))),
            Metric(key: "kpi.nps", value: KPI.nps(promoters: nps?[1] ?? 0, detractors: nps?[2] ?? 0, total: nps?[0] ?? 0).map { .integer(Int64(LineAmount.roundHalfEven(Int128($0.value), dividedBy: 100))) } ?? .notAvailable),
            Metric(key: "kpi.complaint-rate", value: .percent(BasisPoints.ratio(complaints, active))),
            Metric(key: "kpi.crm-usage", value: .hundredths(KPI.usageHundredths(entries: try contactEntries(db, p), reps: reps, period: p))),
        ]
        return Dashboard(period: p, metrics: metrics, chartTitle: "kpi.sales-by-rep", bars: try salesByRep(db, p),
                         sparkTitle: "kpi.sales-12-months", spark: try monthlySales(db, today: today))
    }
}
