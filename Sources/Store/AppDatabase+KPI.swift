import Domain
import GRDB

/// What the KPI dashboard (`:kpi`, `rapport report kpi`) computes its figures from: sums and
/// counts for one period, for the company or one rep (the rep's orders, customers, receipts,
/// expenses and contact log). A customer is active on a day when it ordered in the
/// `dormant_days` before it.
extension AppDatabase {
    /// Every KPI for the period beside the period before it (of equal length) and the change,
    /// for the company or one rep; the sales of the twelve months to the period's end as a
    /// sparkline. The manager's (a rep may ask for their own).
    static func kpiReport(_ db: Database, _ request: ReportRequest, for actor: Actor) throws -> Report {
        if let rep = request.rep { try requirePerformanceAccess(actor, rep: rep) } else if !actor.can(.viewAllKPIs) {
            throw StoreError.forbidden("only the manager sees the company's KPIs")
        }
        let p = request.period
        // Open receivables are today's; the period's end stands in for today for a past period.
        let year = DateRange(from: p.to.adding(days: -364), to: p.to), yearBefore = DateRange(from: p.previous.to.adding(days: -364), to: p.previous.to)
        let scope = KPIScope(request.rep), group = request.rep ?? 0
        let dormantDays = try AppDatabase.settings(db).dormantDays
        let flows = try customerFlows(db, [p, p.previous, year, yearBefore], scope: scope, dormantDays: dormantDays)
        let before = try kpiInputs(db, period: p.previous, scope: scope, flows: flows.mapValues { ($0[1], $0[3]) }, revenues: try kpiRevenues(db, p.previous, state: false),
                                   state: false)[group]
        let now = try kpiInputs(db, period: p, scope: scope, flows: flows.mapValues { ($0[0], $0[2]) }, revenues: try kpiRevenues(db, p, state: true), state: true,
                                previousSales: before.map { [group: $0.sales] })[group]
        guard let nowInputs = now, let now = now?.lines, let before = before?.lines else { throw StoreError.notFound("rep \(group)") }
        var parameters = periodParameters(p) + [.init("param.previous", .text(p.previous.from.iso + " – " + p.previous.to.iso))]
        let repName = try request.rep.flatMap { try String.fetchOne(db, sql: "SELECT display_name FROM users WHERE id = ?", arguments: [$0]) }
        if let repName { parameters.insert(.init("param.rep", .text(repName)), at: 0) }
        let rows: [[CellValue]] = zip(now, before).map { n, b in [.status(n.key), n.value, n.change == .none ? .empty : b.value, n.change(from: b)] }
        var report = Report(name: request.name, title: "title.kpi", parameters: parameters,
                            columns: [ColumnSpec("col.kpi", .status, flexible: true), .figures("col.value"), .figures("col.previous"), ColumnSpec("col.change", .percent)],
                            rows: rows, refs: rows.map { _ in nil },
                            series: [Report.Series(title: "kpi.sales-12-months", points: try monthlySales(db, today: p.to, rep: request.rep))])
        report.drills = kpiDrills(now.map(\.key), period: p, rep: request.rep.map { ($0, repName ?? "") }, dormantDays: dormantDays)
        report.explanations = now.map { nowInputs.explanation(of: $0.key) }
        return report
    }

    /// Enter on a KPI: the records behind it — the period's booked orders behind sales and
    /// the order figures, its receipts behind collections, its shipments behind revenue, the
    /// customers whose first order falls in it behind new customers, and the leads it created
    /// (their first orders shown) behind the conversion rate, the expenses behind CAC, the
    /// opportunities closed in it behind close and loss rate, the open ones behind the pipeline,
    /// its contact log behind CRM usage, the customers missing a key field behind completeness,
    /// the year's shipments behind CLV.
    static func kpiDrills(_ keys: [String], period p: DateRange, rep: (id: Int64, name: String)?, dormantDays: Int) -> [ListQuery?] {
        let period = ["from": p.from.iso, "to": p.to.iso]
        // Each list narrowed to the rep, whose name its title shows.
        let byRep = rep.map { ["rep": String($0.id)] } ?? [:], labels = rep.map { ["rep": $0.name] } ?? [:]
        func list(_ kind: ListKind, _ sort: String, _ filter: [String: String]) -> ListQuery {
            var q = ListQuery(kind, sort: sort, filter: filter.merging(byRep) { $1 })
            q.labels = labels
            return q
        }
        func posted(_ kind: ListKind, _ range: DateRange, _ filter: [String: String] = [:]) -> ListQuery {
            DocumentDrill(kind: kind, period: range).query(filter.merging(byRep) { $1 }, labels: labels)
        }
        func customers(_ filter: [String: String]) -> ListQuery { list(.customers, "name", filter) }
        return keys.map { key in
            switch key {
            case "kpi.sales", "kpi.sales-growth", "kpi.orders", "kpi.average-order-value", "kpi.items-per-order", "kpi.purchase-frequency":
                list(.orders, "order-date", period.merging(["status": "booked"]) { $1 })
            case "kpi.collections": posted(.moneyDocuments, p, ["side": "in"])
            case "kpi.revenue": posted(.shipments, p)
            // CLV's revenue is the year's (the 365 days ending with the period).
            case "kpi.clv": posted(.shipments, DateRange(from: p.to.adding(days: -364), to: p.to))
            case "kpi.cac": posted(.expenses, p, ["category": KPI.acquisitionCategories.map(\.rawValue).joined(separator: ",")])
            case "kpi.new-customers": customers(period.merging(["date": "first-order"]) { $1 })
            case "kpi.conversion-rate": customers(period.merging(["date": "created"]) { $1 })
            case "kpi.churn-rate": customers(period.merging(["date": "churned", "dormant": String(dormantDays)]) { $1 })
            case "kpi.record-completeness": customers(["incomplete": "1"])
            case "kpi.close-rate", "kpi.loss-rate": list(.opportunities, "amount", period.merging(["state": "closed"]) { $1 })
            case "kpi.weighted-pipeline": list(.opportunities, "amount", ["state": "open"])
            case "kpi.crm-usage": list(.contactLog, "date", period)
            default: nil
            }
        }
    }
}
