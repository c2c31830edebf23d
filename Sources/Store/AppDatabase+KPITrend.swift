import Domain
import GRDB

/// Every KPI month by month (`:kpi-trend`, `t` on the KPI dashboard, `rapport report
/// kpi-trend`): the twelve calendar months ending with the period's month (the last up to the
/// period's end), each month read by the dashboard's own queries, a sparkline per KPI. The
/// states of today (pipeline, record completeness, DSO) have no months.
extension AppDatabase {
    static func kpiTrendReport(_ db: Database, _ request: ReportRequest, for actor: Actor) throws -> Report {
        if let rep = request.rep { try requirePerformanceAccess(actor, rep: rep) } else if !actor.can(.viewAllKPIs) {
            throw StoreError.forbidden("only the manager sees the company's KPIs")
        }
        let end = request.period.to, first = end.startOfMonth.adding(months: -11)
        let months = (0..<12).map { i -> DateRange in
            let start = first.adding(months: i)
            return DateRange(from: start, to: i == 11 ? end : start.endOfMonth)
        }
        let scope = KPIScope(request.rep), group = request.rep ?? 0
        // Every month's customers and its year's (for CLV) in one pass over the orders.
        let years = months.map { DateRange(from: $0.to.adding(days: -364), to: $0.to) }
        let flows = try customerFlows(db, months + years, scope: scope, dormantDays: try settings(db).dormantDays)[group] ?? []
        var lines: [[KPILine]] = []
        for (i, month) in months.enumerated() {
            let f = flows.count == 24 ? [group: (flows[i], flows[12 + i])] : [:]
            guard let inputs = try kpiInputs(db, period: month, scope: scope, flows: f, revenues: try kpiRevenues(db, month, state: false), state: false)[group] else { continue }
            lines.append(inputs.lines)
        }
        guard let keys = lines.last?.map(\.key) else { return Report(name: request.name, title: "title.kpi-trend", parameters: [], columns: [], rows: []) }
        let states: Set<String> = ["kpi.weighted-pipeline", "kpi.record-completeness", "kpi.dso"]
        let rows: [[CellValue]] = keys.enumerated().compactMap { k, key in
            guard !states.contains(key) else { return nil }
            let values = lines.map { $0[k] }
            return [.status(key), .spark(values.map(\.measure))] + values.map(\.value)
        }
        var parameters = periodParameters(DateRange(from: first, to: end))
        if let rep = request.rep, let name = try String.fetchOne(db, sql: "SELECT display_name FROM users WHERE id = ?", arguments: [rep]) {
            parameters.insert(.init("param.rep", .text(name)), at: 0)
        }
        let monthColumns = months.map { ColumnSpec.figures("month." + QuotaYear.monthKey($0.from.month)) }
        var report = Report(name: request.name, title: "title.kpi-trend", parameters: parameters,
                            columns: [ColumnSpec("col.kpi", .status, flexible: true), ColumnSpec("col.trend", .text)] + monthColumns, rows: rows)
        // On screen: the sparklines beside the last three months, then the months four at a time.
        report.tabs = [Report.Tab("kpi-trend.sparklines", columns: [0, 1, 11, 12, 13])]
            + stride(from: 0, to: 12, by: 4).map { Report.Tab("kpi-trend.months-\($0 / 4 + 1)", columns: [0] + (2 + $0 ..< 6 + $0)) }
        return report
    }
}
