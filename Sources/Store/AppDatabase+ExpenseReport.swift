import Domain
import GRDB

extension AppDatabase {
    /// Expense statistics for a period against the same days a year before (voided expenses
    /// left out): by category, item, month and rep, each with count, amount, last year's amount
    /// and the change; the total last; bars by category and by month. `by` names the table
    /// `rapport report expenses --by` prints (nil: by category, the others as parts).
    static func expenseReport(_ db: Database, _ request: ReportRequest, by: String?, for actor: Actor) throws -> Report {
        guard actor.can(.editExpenses) || actor.can(.viewAllKPIs) else { throw StoreError.forbidden("\(actor.role.rawValue) cannot see expense statistics") }
        let p = request.period
        let before = DateRange(from: p.from.adding(months: -12), to: p.to.adding(months: -12))
        func grouped(_ key: String, _ range: DateRange) throws -> [String: (count: Int64, amount: Int64)] {
            var out: [String: (Int64, Int64)] = [:]
            for r in try Row.fetchAll(db, sql: """
                SELECT CAST(\(key) AS TEXT), COUNT(*), SUM(amount) FROM expenses WHERE expense_date BETWEEN ? AND ? AND status = 'posted' GROUP BY 1
                """, arguments: [range.from.iso, range.to.iso]) {
                out[(r[0] as String?) ?? ""] = (r[1], r[2])
            }
            return out
        }
        let columns: (String) -> [ColumnSpec] = { key in
            [ColumnSpec(key, flexible: true, shrinks: true), ColumnSpec("col.count", .integer), .money("col.amount"), .money("col.last-year"),
             ColumnSpec("col.change", .percent)]
        }
        /// `lastYear`: this row's key a year before (a month's is the same month of last year).
        // Each row opens the posted expenses behind it.
        let drill = DocumentDrill(kind: .expenses, period: p)
        func part(_ name: String, title: String, key: String, sql: String, order: [String]? = nil, lastYear: (String) -> String = { $0 },
                  drill: (String?) -> ListQuery?, label: (String) -> CellValue) throws -> Report {
            let now = try grouped(sql, p), then = try grouped(sql, before)
            let keys = order ?? now.keys.sorted { (now[$0]?.amount ?? 0, $1) > (now[$1]?.amount ?? 0, $0) }
            func cells(_ label: CellValue, _ n: (count: Int64, amount: Int64), _ last: Int64) -> [CellValue] {
                [label, .integer(n.count), .money(minorUnits: n.amount), .money(minorUnits: last),
                 .percent(KPI.growth(current: Money(minorUnits: n.amount), previous: Money(minorUnits: last)))]
            }
            let total = now.values.reduce((count: Int64(0), amount: Int64(0))) { ($0.count + $1.count, $0.amount + $1.amount) }
            let totalBefore = then.values.reduce(Int64(0)) { $0 + $1.amount }
            var report = Report(name: name, title: title, parameters: [], columns: columns(key),
                                rows: keys.map { cells(label($0), now[$0] ?? (0, 0), then[lastYear($0)]?.amount ?? 0) } + [cells(.status("report.total"), total, totalBefore)])
            report.drills = keys.map(drill) + [drill(nil)]
            return report
        }
        var months: [String] = []
        var m = p.from.startOfMonth
        while m <= p.to { months.append(String(m.iso.prefix(7))); m = m.adding(months: 1) }
        let byCategory = try part("expenses-by-category", title: "expenses.by-category", key: "col.category", sql: "category", drill: drill.by("category")) {
            ExpenseCategory(rawValue: $0) != nil ? .status("expense.\($0)") : .text($0)
        }
        let byItem = try part("expenses-by-item", title: "expenses.by-item", key: "col.item", sql: "item", drill: drill.by("item")) { .text($0) }
        let byMonth = try part("expenses-by-month", title: "expenses.by-month", key: "col.month", sql: "substr(expense_date, 1, 7)", order: months,
                               lastYear: { k in "\((Int(k.prefix(4)) ?? 0) - 1)" + k.dropFirst(4) }, drill: drill.month) { .text($0) }
        let reps = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, display_name FROM users").map { (String($0[0] as Int64), $0[1] as String) })
        let byRep = try part("expenses-by-rep", title: "expenses.by-rep", key: "col.rep", sql: "coalesce(rep_id, 0)", drill: drill.by("rep", labels: reps)) {
            $0 == "0" ? .status("expenses.no-rep") : .text(reps[$0] ?? $0)
        }
        // Every expense of the period, voided ones too (Enter opens one, `d` voids it).
        let listed = try Row.fetchAll(db, sql: """
            SELECT e.id, e.number, e.expense_date, e.category, e.item, coalesce(u.display_name, ''), e.status, e.amount
            FROM expenses e LEFT JOIN users u ON u.id = e.rep_id WHERE e.expense_date BETWEEN ? AND ? ORDER BY e.expense_date DESC, e.id DESC
            """, arguments: [p.from.iso, p.to.iso])
        let list = Report(name: "expenses-list", title: "expenses.list", parameters: [],
                          columns: [ColumnSpec("col.number", width: 13), ColumnSpec("col.date", .date, width: 10), ColumnSpec("col.category", .status),
                                    ColumnSpec("col.item", flexible: true, shrinks: true), ColumnSpec("col.rep", shrinks: true), ColumnSpec("col.status", .status),
                                    .money("col.amount")],
                          rows: listed.map { r in
                              [.text(r[1] as String), .date(iso: r[2]), ExpenseCard.category(r[3]), .text(r[4] as String), .text(r[5] as String),
                               .status("status.\(r[6] as String)"), .money(minorUnits: r[7])]
                          },
                          refs: listed.map { RecordRef(.expense, $0[0]) })
        var main = Report.grouped([byCategory, byItem, byMonth, byRep, list], by: by, name: request.name, title: "title.expense-stats")
        let total = byCategory.rows.last ?? []
        main.parameters = periodParameters(p) + [.init("param.expenses", total.indices.contains(2) ? total[2] : .empty),
                                                  .init("param.last-year", total.indices.contains(3) ? total[3] : .empty),
                                                  .init("param.change", total.indices.contains(4) ? total[4] : .empty)]
        func bars(_ table: Report) -> [(label: String, value: Int64, marker: Int64?)] {
            table.rows.dropLast().map { r in
                let label = if case .status(let k) = r[0] { k } else { r[0].plainText }
                return (label: label, value: r[2].moneyValue?.minorUnits ?? 0, marker: r[3].moneyValue?.minorUnits)
            }
        }
        main.series = [.init(title: "expenses.chart-category", bars: bars(byCategory)), .init(title: "expenses.chart-month", bars: bars(byMonth))]
        return main
    }
}
