import Domain
import GRDB

extension AppDatabase {
    /// Salary and commission per rep for a period (`:commissions`, `rapport report commissions`):
    /// the commission due by the company's rule (the rep's rate × their collections, or × their
    /// revenue — the same figure as the department's), the commission and salary paid (expenses
    /// of those categories for the rep, not voided) and what is still due; the team total last.
    static func commissionReport(_ db: Database, _ request: ReportRequest, for actor: Actor) throws -> Report {
        guard actor.can(.editExpenses) || actor.can(.viewAllKPIs) else { throw StoreError.forbidden("\(actor.role.rawValue) cannot see what reps are paid") }
        let p = request.period
        var paid: [Int64: (commission: Int64, salary: Int64)] = [:]
        for r in try Row.fetchAll(db, sql: """
            SELECT rep_id, category, SUM(amount) FROM expenses
            WHERE expense_date BETWEEN ? AND ? AND status = 'posted' AND rep_id IS NOT NULL AND category IN ('commissions', 'salaries') GROUP BY 1, 2
            """, arguments: [p.from.iso, p.to.iso]) {
            var f = paid[r[0]] ?? (0, 0)
            if r[1] as String == "commissions" { f.commission = r[2] } else { f.salary = r[2] }
            paid[r[0]] = f
        }
        let team = try teamFigures(db, p)
        func cells(_ label: CellValue, base: Money, rate: CellValue, due: Int64, commission: Int64, salary: Int64) -> [CellValue] {
            [label, .money(base), rate, .money(minorUnits: due), .money(minorUnits: commission), .money(minorUnits: due - commission), .money(minorUnits: salary)]
        }
        let onRevenue = try settings(db).commissionOnRevenue
        var rows: [[CellValue]] = [], total = (base: Money.zero, due: Int64(0), commission: Int64(0), salary: Int64(0))
        for (id, f) in team {
            let base = onRevenue ? f.revenue : f.collections, done = paid[id] ?? (0, 0)
            rows.append(cells(.text(f.rep), base: base, rate: .percent(f.commissionRate), due: f.commission.minorUnits, commission: done.commission, salary: done.salary))
            total = (total.base + base, total.due + f.commission.minorUnits, total.commission + done.commission, total.salary + done.salary)
        }
        rows.append(cells(.status("report.team-total"), base: total.base, rate: .empty, due: total.due, commission: total.commission, salary: total.salary))
        return Report(name: request.name, title: "title.commissions",
                      parameters: periodParameters(p) + [.init("param.commission-basis", .status(onRevenue ? "commission.on-revenue" : "commission.on-collections"))],
                      columns: [ColumnSpec("col.rep", flexible: true, shrinks: true), .money(onRevenue ? "kpi.revenue" : "kpi.collections"), ColumnSpec("col.rate", .percent),
                                .money("col.commission-due"), .money("col.commission-paid"), .money("col.commission-left"), .money("col.salary-paid")],
                      // The manager opens a rep's performance from their row; finance does not see it.
                      rows: rows, refs: team.map { actor.can(.viewAllKPIs) ? RecordRef(.performance, $0.rep) : nil } + [nil])
    }
}
