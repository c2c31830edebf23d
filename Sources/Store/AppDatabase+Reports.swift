import Domain
import GRDB

/// Reports as typed values, for the report card and for `rapport report` alike.
extension AppDatabase {
    public func report(_ request: ReportRequest, for actor: Actor) throws(StoreError) -> Report {
        try read { db in try AppDatabase.report(db, request, for: actor) }
    }

    static func report(_ db: Database, _ request: ReportRequest, for actor: Actor) throws -> Report {
        switch request.name {
        case "rep-performance": return try repPerformanceReport(db, request, for: actor)
        case "team-performance": return try teamPerformanceReport(db, request, for: actor)
        case "deliveries": return try deliveriesReport(db, request, for: actor)
        case "cash": return try cashReport(db, request, by: request.sort, for: actor)
        case "expenses": return try expenseReport(db, request, by: request.sort, for: actor)
        case "purchases": return try purchasesReport(db, request, by: request.sort, for: actor)
        case "kpi": return try kpiReport(db, request, for: actor)
        case "kpi-reps": return try kpiRepsReport(db, request, for: actor)
        case "feedback": return try feedbackReport(db, request, for: actor)
        case "kpi-trend": return try kpiTrendReport(db, request, for: actor)
        case "receivables": return try receivablesReport(db, request, for: actor)
        case "commissions": return try commissionReport(db, request, for: actor)
        case "aging", "payables-aging": return try agingReport(db, request, payables: request.name == "payables-aging", sort: request.sort, for: actor)
        default: throw StoreError.notFound("report '\(request.name)' (there are: \(Report.names.joined(separator: ", ")))")
        }
    }

    static func periodParameters(_ p: DateRange) -> [Report.Parameter] { [.init("param.from", .date(p.from)), .init("param.to", .date(p.to))] }

    /// One rep's figures for a period: what "My performance" shows for the month and the year.
    static func repPerformanceReport(_ db: Database, _ request: ReportRequest, for actor: Actor) throws -> Report {
        let rep = request.rep ?? actor.userId
        try requirePerformanceAccess(actor, rep: rep)
        let perf = try repPerformance(db, rep: rep, period: request.period)
        return Report(name: request.name, title: "title.rep-performance", parameters: [.init("param.rep", .text(perf.rep))] + periodParameters(request.period),
                      columns: [ColumnSpec("col.figure", .status, flexible: true), ColumnSpec("col.value", .text)],
                      rows: perf.lines.map { [.status($0.key), $0.value] }, refs: perf.lines.map { _ in nil })
    }

    /// Every rep's figures side by side for a period, the team's total last: sales, revenue,
    /// collections, quota and attainment, orders, new customers, commission — the same rules as one
    /// rep's figures (`repPerformance`), read with one grouped query per figure instead of one per rep.
    static func teamPerformanceReport(_ db: Database, _ request: ReportRequest, for actor: Actor) throws -> Report {
        guard actor.can(.viewDepartmentPerformance) || actor.can(.viewAllKPIs) else { throw StoreError.forbidden("\(actor.role.rawValue) cannot see the team's performance") }
        let team = try teamFigures(db, request.period)
        let figures = team.map(\.figures)
        // Sales growth against the previous period of equal length (DOMAIN: P′), per rep and in total.
        let before = request.period.previous
        let earlier = Dictionary(try Row.fetchAll(db, sql: """
            SELECT owner_id, SUM(total) FROM sales_orders WHERE order_date BETWEEN ? AND ? AND status <> 'cancelled' GROUP BY owner_id
            """, arguments: [before.from.iso, before.to.iso]).map { ($0[0] as Int64, Money(minorUnits: $0[1])) }, uniquingKeysWith: { a, _ in a })
        func sum(_ f: (RepPerformance) -> Money) -> Money { figures.reduce(.zero) { $0 + f($1) } }
        let quotas = figures.compactMap(\.quota)
        let quota = quotas.isEmpty ? nil : quotas.reduce(.zero, +)
        // The team's attainment: revenue of the reps who have a quota against those quotas.
        let revenueWithQuota = figures.filter { $0.quota != nil }.reduce(Money.zero) { $0 + $1.revenue }
        func row(_ name: CellValue, sales: Money, previous: Money, revenue: Money, collections: Money, quota: Money?, attainment: BasisPoints?, orders: Int64, new: Int64, commission: Money) -> [CellValue] {
            [name, .money(sales), .percent(KPI.growth(current: sales, previous: previous)), .money(revenue), .money(collections), quota.map { .money($0) } ?? .empty,
             .percent(attainment), .integer(orders), .money(KPI.averageOrderValue(sales: sales, orders: orders)), .integer(new), .money(commission)]
        }
        var rows = team.map { rep, f in
            row(.text(f.rep), sales: f.sales, previous: earlier[rep] ?? .zero, revenue: f.revenue, collections: f.collections, quota: f.quota, attainment: f.quotaAttainment,
                orders: f.orders, new: f.newCustomers, commission: f.commission)
        }
        let teamOrders = figures.reduce(0) { $0 + $1.orders }
        let teamBefore = team.reduce(Money.zero) { $0 + (earlier[$1.rep] ?? .zero) }
        rows.append(row(.status("report.team-total"), sales: sum(\.sales), previous: teamBefore, revenue: sum(\.revenue), collections: sum(\.collections), quota: quota,
                        attainment: quota.flatMap { KPI.quotaAttainment(revenue: revenueWithQuota, quota: $0) },
                        orders: teamOrders, new: figures.reduce(0) { $0 + $1.newCustomers }, commission: sum(\.commission)))
        var report = Report(name: request.name, title: "title.team-performance",
                      parameters: periodParameters(request.period) + [.init("param.previous", .text(before.from.iso + " – " + before.to.iso)),
                                                                      .init("param.previous-sales", .money(teamBefore)),
                                                                      .init("kpi.sales-growth", .percent(KPI.growth(current: sum(\.sales), previous: teamBefore)))],
                      columns: [ColumnSpec("col.rep", .text), .money("kpi.sales"), .percent("kpi.sales-growth"), .money("kpi.revenue"), .money("kpi.collections"), .money("kpi.quota"),
                                .percent("kpi.quota-attainment"), .integer("kpi.orders"), .money("kpi.average-order-value"), .integer("kpi.new-customers"), .money("kpi.commission")],
                      // A row opens the rep's own figures for those who may see them.
                      rows: rows, refs: actor.can(.viewAllKPIs) ? team.map { RecordRef(.performance, $0.rep) } + [nil] : rows.map { _ in nil },
                      // Sales by rep, each rep's quota marked on the bar (attainment itself is revenue against quota).
                      // Largest first, as the home's chart of sales by rep.
                      series: [.init(title: "report.sales-by-rep", bars: figures.sorted { $0.sales > $1.sales }.map { (label: $0.rep, value: $0.sales.minorUnits, marker: $0.quota?.minorUnits) })])
        // On screen, three tabs that each fit 80 columns: sales and orders; revenue against quota;
        // collections, commission and new customers.
        report.tabs = [Report.Tab("report.tab-sales", columns: [0, 1, 2, 7, 8]), Report.Tab("report.tab-quota", columns: [0, 3, 5, 6]),
                       Report.Tab("report.tab-collections", columns: [0, 4, 10, 9])]
        return report
    }

    /// Each active rep's figures for a period, in display-name order.
    static func teamFigures(_ db: Database, _ p: DateRange) throws -> [(rep: Int64, figures: RepPerformance)] {
        let args: StatementArguments = [p.from.iso, p.to.iso]
        func grouped(_ sql: String) throws -> [Int64: Row] {
            Dictionary(try Row.fetchAll(db, sql: sql, arguments: args).map { ($0[0] as Int64, $0) }, uniquingKeysWith: { a, _ in a })
        }
        let sales = try grouped("SELECT owner_id, SUM(total), COUNT(*) FROM sales_orders WHERE order_date BETWEEN ? AND ? AND status <> 'cancelled' GROUP BY owner_id")
        let revenue = try grouped("""
            SELECT o.owner_id, SUM(s.total) FROM shipments s JOIN sales_orders o ON o.id = s.order_id
            WHERE s.ship_date BETWEEN ? AND ? AND s.status = 'posted' GROUP BY o.owner_id
            """)
        // Rep by rep: each sum is one range of the (rep, date, status, amount) index.
        let collections = try grouped("""
            SELECT u.id, (SELECT COALESCE(SUM(amount), 0) FROM receipts INDEXED BY receipts_rep_date WHERE rep_id = u.id AND receipt_date BETWEEN ?1 AND ?2 AND status = 'posted')
            FROM users u WHERE u.role = 'sales_rep'
            """)
        let quotas = try grouped("SELECT rep_id, SUM(amount) FROM quotas WHERE period_start BETWEEN ? AND ? GROUP BY rep_id")
        let newCustomers = try grouped("SELECT owner_id, COUNT(*) FROM customers WHERE first_order_on BETWEEN ? AND ? AND owner_id IS NOT NULL GROUP BY owner_id")
        let settings = try AppDatabase.settings(db)
        return try Row.fetchAll(db, sql: "SELECT id, display_name FROM users WHERE role = 'sales_rep' AND active = 1 ORDER BY display_name, id").map { u in
            let id: Int64 = u[0]
            let s = Money(minorUnits: sales[id]?[1] ?? 0), orders: Int64 = sales[id]?[2] ?? 0
            let rev = Money(minorUnits: revenue[id]?[1] ?? 0), col = Money(minorUnits: collections[id]?[1] ?? 0)
            let quota = quotas[id].map { Money(minorUnits: $0[1]) }
            let (commission, rate) = try AppDatabase.commission(db, rep: id, period: p, settings: settings, whole: settings.commissionOnRevenue ? rev : col)
            return (id, RepPerformance(
                rep: u[1], from: p.from.iso, to: p.to.iso, sales: s, orders: orders, averageOrderValue: KPI.averageOrderValue(sales: s, orders: orders),
                revenue: rev, collections: col, quota: quota, quotaAttainment: quota.flatMap { KPI.quotaAttainment(revenue: rev, quota: $0) },
                newCustomers: newCustomers[id]?[1] ?? 0, opportunitiesWon: 0, opportunitiesLost: 0, closeRate: nil, contactEntries: 0,
                commissionRate: BasisPoints(rate), commission: commission))
        }
    }
}
