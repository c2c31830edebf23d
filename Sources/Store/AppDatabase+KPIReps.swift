import Domain
import GRDB

/// Every KPI per rep (`:kpi-reps`, `rapport report kpi-reps`): one row per rep, the company's
/// figures last — each rep's read by the very queries of their own dashboard, grouped by rep.
extension AppDatabase {
    /// The KPIs the per-rep table sorts by, in its column order.
    static var kpiRepsSorts: [String?] { [nil] + KPIInputs.keys }

    static func kpiRepsReport(_ db: Database, _ request: ReportRequest, for actor: Actor) throws -> Report {
        guard actor.can(.viewAllKPIs) else { throw StoreError.forbidden("only the manager sees every rep's KPIs") }
        let p = request.period, settings = try AppDatabase.settings(db)
        let year = DateRange(from: p.to.adding(days: -364), to: p.to)
        let revenues = try kpiRevenues(db, p, state: true)
        // Every rep's and the company's in one pass over each table.
        let flows = try customerFlows(db, [p, year], scope: .everyRep, dormantDays: settings.dormantDays)
        let reps = try kpiInputs(db, period: p, scope: .everyRep, flows: flows.mapValues { ($0[0], $0[1]) }, revenues: revenues, state: true)
        guard let company = reps[0] else { throw StoreError.notFound("company KPIs") }
        // Active reps, and a disabled one whose orders still count in the period.
        let names = try Row.fetchAll(db, sql: "SELECT id, display_name, active FROM users WHERE role = 'sales_rep' ORDER BY display_name, id").compactMap { r -> (Int64, String)? in
            let id: Int64 = r[0], active: Bool = r[2]
            guard let k = reps[id], active || !k.sales.isZero || !k.revenue.isZero || !k.collections.isZero else { return nil }
            return (id, r[1])
        }
        func cells(_ lines: [KPILine]) -> [CellValue] {
            lines.map { line in
                if line.key == "kpi.quota-attainment", case .percent(let a) = line.value { return .gauge(a) }
                return line.value
            }
        }
        var rows = names.compactMap { id, name in reps[id].map { (id: id, name: name, lines: $0.lines) } }
        var parameters = periodParameters(p)
        if let sort = request.sort, let column = company.lines.firstIndex(where: { $0.key == sort }) {
            // Largest first; "—" (nothing to divide by) last; then by name.
            rows.sort { a, b in
                let x = a.lines[column].measure ?? .min, y = b.lines[column].measure ?? .min
                return x != y ? x > y : a.name < b.name
            }
            parameters.append(.init("param.sorted-by", .status(sort)))
        }
        let columns = [ColumnSpec("col.rep", .text)] + company.lines.map { ColumnSpec($0.key, kind(of: $0.value)) }
        var report = Report(name: request.name, title: "title.kpi-reps", parameters: parameters, columns: columns,
                            rows: rows.map { [.text($0.name)] + cells($0.lines) } + [[.status("report.company")] + cells(company.lines)],
                            // A rep's row opens their own dashboard (the ReportCard names the period).
                            refs: rows.map { RecordRef(.performance, $0.id) } + [nil])
        let index = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1.key, $0) })
        report.tabs = kpiRepsTabs.map { title, keys in Report.Tab(title, columns: [0] + keys.compactMap { index[$0] }) }
        return report
    }

    /// On screen, the KPIs in tabs that each fit 80 columns beside the rep's name.
    static let kpiRepsTabs: [(String, [String])] = [
        ("kpi.tab-sales", ["kpi.sales", "kpi.sales-growth", "kpi.revenue", "kpi.collections"]),
        ("kpi.tab-quota", ["kpi.quota", "kpi.quota-attainment", "kpi.commission"]),
        ("kpi.tab-orders", ["kpi.orders", "kpi.average-order-value", "kpi.items-per-order", "kpi.purchase-frequency"]),
        ("kpi.tab-pipeline", ["kpi.close-rate", "kpi.loss-rate", "kpi.weighted-pipeline", "kpi.crm-usage"]),
        ("kpi.tab-customers", ["kpi.new-customers", "kpi.conversion-rate", "kpi.churn-rate", "kpi.record-completeness"]),
        ("kpi.tab-value", ["kpi.cac", "kpi.clv", "kpi.dso"]),
        ("kpi.tab-service", ["kpi.csat", "kpi.csat-mean", "kpi.nps", "kpi.complaint-rate"]),
    ]

    /// How a KPI's column aligns and exports: by the kind of its value.
    static func kind(of value: CellValue) -> ColumnSpec.Kind {
        switch value {
        case .money: .money
        case .percent, .gauge: .percent
        case .quantity: .quantity
        default: .integer
        }
    }
}
