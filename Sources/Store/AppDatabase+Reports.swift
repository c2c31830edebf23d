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
    /// collections, quota and attainment, orders, new customers, commission.
    static func teamPerformanceReport(_ db: Database, _ request: ReportRequest, for actor: Actor) throws -> Report {
        guard actor.can(.viewDepartmentPerformance) || actor.can(.viewAllKPIs) else { throw StoreError.forbidden("\(actor.role.rawValue) cannot see the team's performance") }
        let reps = try Row.fetchAll(db, sql: "SELECT id FROM users WHERE role = 'sales_rep' AND active = 1 ORDER BY display_name, id").map { $0[0] as Int64 }
        let figures = try reps.map { try repPerformance(db, rep: $0, period: request.period) }
        func sum(_ f: (RepPerformance) -> Money) -> Money { figures.reduce(.zero) { $0 + f($1) } }
        let quotas = figures.compactMap(\.quota)
        let quota = quotas.isEmpty ? nil : quotas.reduce(.zero, +)
        let revenueWithQuota = figures.filter { $0.quota != nil }.reduce(Money.zero) { $0 + $1.revenue }
        func row(_ name: String, sales: Money, revenue: Money, collections: Money, quota: Money?, attainment: BasisPoints?, orders: Int64, new: Int64, commission: Money) -> [CellValue] {
            [.text(name), .money(sales), .money(revenue), .money(collections), quota.map { .money($0) } ?? .empty, .percent(attainment), .integer(orders), .integer(new), .money(commission)]
        }
        var rows = figures.map { f in
            row(f.rep, sales: f.sales, revenue: f.revenue, collections: f.collections, quota: f.quota, attainment: f.quotaAttainment, orders: f.orders, new: f.newCustomers, commission: f.commission)
        }
        rows.append(row("team", sales: sum(\.sales), revenue: sum(\.revenue), collections: sum(\.collections), quota: quota,
                        attainment: quota.flatMap { KPI.quotaAttainment(revenue: revenueWithQuota, quota: $0) },
                        orders: figures.reduce(0) { $0 + $1.orders }, new: figures.reduce(0) { $0 + $1.newCustomers }, commission: sum(\.commission)))
        rows[rows.count - 1][0] = .status("report.team-total")
        return Report(name: request.name, title: "title.team-performance", parameters: periodParameters(request.period),
                      columns: [ColumnSpec("col.rep", .text), .money("kpi.sales"), .money("kpi.revenue"), .money("kpi.collections"), .money("kpi.quota"),
                                .percent("kpi.quota-attainment"), .integer("kpi.orders"), .integer("kpi.new-customers"), .money("kpi.commission")],
                      // A row opens the rep's own figures for those who may see them.
                      rows: rows, refs: actor.can(.viewAllKPIs) ? reps.map { RecordRef(.performance, $0) } + [nil] : rows.map { _ in nil },
                      series: [.init(title: "kpi.revenue", points: figures.map(\.revenue.minorUnits))])
    }
}
