import Domain
import GRDB

/// `:quotas` for a year (the card's id): each sales rep's monthly quotas by quarter, then the
/// year — its total, and the attainment to date and of this month (revenue ÷ the quotas of the
/// months begun), the team last. Enter opens a rep's performance, `e` edits their year.
enum QuotaCard: CardBuilder {
    static func header(_ db: Database, id year: Int64, actor: Actor, today: DateOnly) throws -> RecordCard {
        try AppDatabase.requireQuotas(actor)
        var card = RecordCard(ref: RecordRef(.quotas, year), title: "title.quotas", fields: [.init("field.year", .integer(year))], sections: [])
        card.tabbed = true
        return card
    }

    static func sections(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> [CardSectionQuery] {
        try AppDatabase.requireQuotas(actor)
        let year = Int(id)
        // Active reps, and a disabled one with quotas that year (✗): the year's totals keep them.
        let reps = try Row.fetchAll(db, sql: """
            SELECT id, display_name || CASE WHEN active = 1 THEN '' ELSE ' ✗' END FROM users
            WHERE role = 'sales_rep' AND (active = 1 OR id IN (SELECT rep_id FROM quotas WHERE period_start BETWEEN ? AND ?)) ORDER BY active DESC, display_name
            """, arguments: ["\(id)-01-01", "\(id)-12-31"])
            .map { (id: $0[0] as Int64, name: $0[1] as String) }
        let years = try reps.map { try AppDatabase.quotaYear(db, rep: $0.id, year: year) }
        let refs: [RecordRef?] = reps.map { RecordRef(.performance, $0.id) } + [nil]
        func section(_ title: String, _ columns: [ColumnSpec], _ rows: [[CellValue]]) -> CardSectionQuery {
            CardSectionQuery(title: title, columns: [.name("col.rep")] + columns, count: { _ in rows.count }) { _, offset, limit in
                CardPage(rows: Array(rows.dropFirst(offset).prefix(limit ?? rows.count)), refs: Array(refs.dropFirst(offset).prefix(limit ?? refs.count)))
            }
        }
        func sum(_ values: [Money?]) -> Money? { values.contains { $0 != nil } ? values.compactMap { $0 }.reduce(.zero, +) : nil }
        let names = reps.map { CellValue.text($0.name) } + [.status("report.total")]
        var quarters: [CardSectionQuery] = []
        for q in 0..<4 {
            let months = (1...3).map { q * 3 + $0 }
            let rows = names.indices.map { i in
                [names[i]] + months.map { m in CellValue.money(i < years.count ? years[i].months[m - 1] : sum(years.map { $0.months[m - 1] })) }
            }
            quarters.append(section("quotas.q\(q + 1)", months.map { .money("month.\(QuotaYear.monthKey($0))") }, rows))
        }
        // To date: this year's months begun by today (all twelve for a past year, none for a future one).
        let last = DateOnly(year: year, month: 12, day: 31).map { min($0, today) }, first = DateOnly(year: year, month: 1, day: 1)
        let begun = first.flatMap { f in last.map { $0 >= f ? $0.month : 0 } } ?? 0
        let toDate = first.flatMap { f in last.map { DateRange(from: f, to: max(f, $0)) } }
        let revenue = try toDate.map { try AppDatabase.revenueByRep(db, $0) } ?? [:]
        let thisMonth = try (today.year == year ? DateRange(from: today.startOfMonth, to: today) : nil).map { try AppDatabase.revenueByRep(db, $0) } ?? [:]
        var rows: [[CellValue]] = []
        func row(_ name: CellValue, total: Money?, quotaToDate: Money?, revenue: Money, monthQuota: Money?, monthRevenue: Money) -> [CellValue] {
            [name, .money(total), .money(revenue), .percent(quotaToDate.flatMap { KPI.quotaAttainment(revenue: revenue, quota: $0) }),
             .percent(monthQuota.flatMap { KPI.quotaAttainment(revenue: monthRevenue, quota: $0) })]
        }
        var team = (total: Money?.none, toDate: Money?.none, revenue: Money.zero, month: Money?.none, monthRevenue: Money.zero)
        for (i, rep) in reps.enumerated() {
            let y = years[i], toDateQuota = sum(Array(y.months.prefix(begun)))
            let month = today.year == year ? y.months[today.month - 1] : nil
            rows.append(row(names[i], total: sum(y.months), quotaToDate: toDateQuota, revenue: revenue[rep.id] ?? .zero, monthQuota: month, monthRevenue: thisMonth[rep.id] ?? .zero))
            team.total = sum([team.total, sum(y.months)])
            // The team's attainment counts the reps who have a quota, as the team report does.
            if let q = toDateQuota { team.toDate = (team.toDate ?? .zero) + q; team.revenue += revenue[rep.id] ?? .zero }
            if let m = month { team.month = (team.month ?? .zero) + m; team.monthRevenue += thisMonth[rep.id] ?? .zero }
        }
        rows.append(row(.status("report.total"), total: team.total, quotaToDate: team.toDate, revenue: team.revenue, monthQuota: team.month, monthRevenue: team.monthRevenue))
        return [section("quotas.year", [.money("col.year-quota"), .money("col.revenue-to-date"), .percent("col.attainment-to-date"), .percent("col.attainment-month")], rows)]
            + quarters
    }
}
