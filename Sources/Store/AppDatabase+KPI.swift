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
        let flows = try customerFlows(db, [p, p.previous, year, yearBefore], scope: scope, dormantDays: try AppDatabase.settings(db).dormantDays)
        let before = try kpiInputs(db, period: p.previous, scope: scope, flows: flows.mapValues { ($0[1], $0[3]) }, revenues: try kpiRevenues(db, p.previous, state: false),
                                   state: false)[group]
        let now = try kpiInputs(db, period: p, scope: scope, flows: flows.mapValues { ($0[0], $0[2]) }, revenues: try kpiRevenues(db, p, state: true), state: true,
                                previousSales: before.map { [group: $0.sales] })[group]
        guard let nowInputs = now, let now = now?.lines, let before = before?.lines else { throw StoreError.notFound("rep \(group)") }
        var parameters = periodParameters(p) + [.init("param.previous", .text(p.previous.from.iso + " – " + p.previous.to.iso))]
        if let rep = request.rep, let name = try String.fetchOne(db, sql: "SELECT display_name FROM users WHERE id = ?", arguments: [rep]) {
            parameters.insert(.init("param.rep", .text(name)), at: 0)
        }
        let rows: [[CellValue]] = zip(now, before).map { n, b in [.status(n.key), n.value, n.change == .none ? .empty : b.value, n.change(from: b)] }
        var report = Report(name: request.name, title: "title.kpi", parameters: parameters,
                            columns: [ColumnSpec("col.kpi", .status, flexible: true), .figures("col.value"), .figures("col.previous"), ColumnSpec("col.change", .percent)],
                            rows: rows, refs: rows.map { _ in nil },
                            series: [Report.Series(title: "kpi.sales-12-months", points: try monthlySales(db, today: p.to, rep: request.rep))])
        report.drills = try kpiDrills(db, now.map(\.key), period: p, rep: request.rep)
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
    static func kpiDrills(_ db: Database, _ keys: [String], period p: DateRange, rep: Int64?) throws -> [ListQuery?] {
        let repName = try rep.flatMap { try String.fetchOne(db, sql: "SELECT display_name FROM users WHERE id = ?", arguments: [$0]) }
        let byRep: [String: String] = rep.map { ["rep": String($0)] } ?? [:], labels: [String: String] = repName.map { ["rep": $0] } ?? [:]
        var orders = ListQuery(.orders, sort: "order-date", filter: ["from": p.from.iso, "to": p.to.iso, "status": "booked"].merging(byRep) { $1 })
        orders.labels = labels
        let receipts = DocumentDrill(kind: .moneyDocuments, period: p).query(["side": "in"].merging(byRep) { $1 }, labels: labels)
        let shipments = DocumentDrill(kind: .shipments, period: p).query(byRep, labels: labels)
        // CLV's revenue is the year's (the 365 days ending with the period).
        let yearShipments = DocumentDrill(kind: .shipments, period: DateRange(from: p.to.adding(days: -364), to: p.to)).query(byRep, labels: labels)
        let acquisition = DocumentDrill(kind: .expenses, period: p)
            .query(["category": KPI.acquisitionCategories.map(\.rawValue).joined(separator: ",")].merging(byRep) { $1 }, labels: labels)
        var contacts = ListQuery(.contactLog, sort: "date", filter: ["from": p.from.iso, "to": p.to.iso].merging(byRep) { $1 })
        contacts.labels = labels
        var incomplete = ListQuery(.customers, sort: "name", filter: ["incomplete": "1"].merging(byRep) { $1 })
        incomplete.labels = labels
        var churned = customers("churned")
        churned.filter["dormant"] = String(try settings(db).dormantDays)
        func opportunities(_ filter: [String: String]) -> ListQuery {
            var q = ListQuery(.opportunities, sort: "amount", filter: filter.merging(byRep) { $1 })
            q.labels = labels
            return q
        }
        func customers(_ date: String) -> ListQuery {
            var q = ListQuery(.customers, sort: "name", filter: ["from": p.from.iso, "to": p.to.iso, "date": date].merging(byRep) { $1 })
            q.labels = labels
            return q
        }
        return keys.map { key in
            switch key {
            case "kpi.sales", "kpi.sales-growth", "kpi.orders", "kpi.average-order-value", "kpi.items-per-order", "kpi.purchase-frequency": orders
            case "kpi.collections": receipts
            case "kpi.revenue": shipments
            case "kpi.clv": yearShipments
            case "kpi.new-customers": customers("first-order")
            case "kpi.conversion-rate": customers("created")
            case "kpi.churn-rate": churned
            case "kpi.cac": acquisition
            case "kpi.close-rate", "kpi.loss-rate": opportunities(["state": "closed", "from": p.from.iso, "to": p.to.iso])
            case "kpi.weighted-pipeline": opportunities(["state": "open"])
            case "kpi.crm-usage": contacts
            case "kpi.record-completeness": incomplete
            default: nil
            }
        }
    }
}
