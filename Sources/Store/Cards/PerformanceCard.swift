import Domain
import GRDB

/// "My performance": this month and this year side by side, quota gauge, 12-month sparkline,
/// the open pipeline with its weighted total, contact-log entries of the last 30 days, and the
/// salary, commission and expense records finance entered for the rep.
enum PerformanceCard: CardBuilder {
    static func header(_ db: Database, id rep: Int64, actor: Actor, today: DateOnly) throws -> RecordCard {
        try AppDatabase.requirePerformanceAccess(actor, rep: rep)
        let month = try AppDatabase.repPerformance(db, rep: rep, period: .monthToDate(today))
        let year = try AppDatabase.repPerformance(db, rep: rep, period: .yearToDate(today))
        var fields = zip(month.lines, year.lines).map { RecordCard.Field($0.key, values: [$0.value, $1.value]) }
        let open = try Row.fetchAll(db, sql: "SELECT amount, probability_bp FROM opportunities WHERE owner_id = ? AND stage NOT IN ('won','lost')", arguments: [rep])
            .map { Opportunity(customerId: 0, title: "", amount: Money(minorUnits: $0[0]), probability: BasisPoints($0[1])) }
        let weighted = open.reduce(Money.zero) { $0 + $1.weighted }
        fields.append(.init("kpi.weighted-pipeline", values: [.joined([.money(weighted), .text("(\(open.count))")], separator: "  ")]))
        var card = RecordCard(ref: RecordRef(.performance, rep), title: month.rep, fields: fields, sections: [])
        card.comparison = [String(today.iso.prefix(7)), String(today.year)]
        card.tabbed = true
        let (days, perDay) = try contactsPerDay(db, rep: rep, today: today)
        card.charts = [
            .init(title: "kpi.quota-attainment", gauge: month.quotaAttainment),
            .init(title: "kpi.sales-12-months", spark: try AppDatabase.monthlySales(db, today: today, rep: rep)),
            .init(title: "perf.contacts-30-days", spark: days.map { d in perDay[d.iso].map { $0.values.reduce(0, +) } ?? 0 }),
        ]
        return card
    }

    /// The last 30 days, and the rep's contact-log entries per day and kind.
    static func contactsPerDay(_ db: Database, rep: Int64, today: DateOnly) throws -> ([DateOnly], [String: [ContactKind: Int64]]) {
        let from = today.adding(days: -29)
        var perDay: [String: [ContactKind: Int64]] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT happened_on, kind, COUNT(*) FROM contact_log WHERE user_id = ? AND happened_on BETWEEN ? AND ? GROUP BY 1, 2",
                                  arguments: [rep, from.iso, today.iso]) {
            if let k = ContactKind(rawValue: r[1]) { perDay[r[0], default: [:]][k] = r[2] }
        }
        return ((0..<30).map { from.adding(days: $0) }, perDay)
    }

    static func sections(_ db: Database, id rep: Int64, actor: Actor, today: DateOnly) throws -> [CardSectionQuery] {
        try AppDatabase.requirePerformanceAccess(actor, rep: rep)
        let kinds = ContactKind.allCases
        // The 30 days as rows even when nothing was logged: a VALUES list of the days, joined.
        let days = (0..<30).map { "('\(today.adding(days: -$0).iso)')" }.joined(separator: ",")
        let counts = kinds.map { "SUM(l.kind = '\($0.rawValue)')" }.joined(separator: ", ")
        return [
            CardSectionQuery(title: "section.pipeline",
                             columns: [.customer, .name("col.title"), .status("col.stage"), .money("col.amount"), .percent("col.probability"), .money("col.weighted"), .date("col.expected-close")],
                             select: "o.id, c.name, o.title, o.stage, o.amount, o.probability_bp, o.expected_close",
                             from: "FROM opportunities o JOIN customers c ON c.id = o.customer_id WHERE o.owner_id = ? AND o.stage NOT IN ('won','lost')",
                             order: "o.expected_close, o.id", arguments: [rep]) { r in
                let o = Opportunity(customerId: 0, title: r[2], amount: Money(minorUnits: r[4]), probability: BasisPoints(r[5]))
                return ([.text(r[1] as String), .text(o.title), .status("stage.\(r[3] as String)"), .money(o.amount), .percent(o.probability), .money(o.weighted), .date(iso: r[6])],
                        RecordRef(.opportunity, r[0]))
            },
            CardSectionQuery(title: "section.visits", columns: [.date("col.date")] + kinds.map { .integer("contact-kind.\($0.rawValue)") } + [.integer("col.total")],
                             select: "d.day, \(counts), COUNT(l.id)",
                             from: "FROM (SELECT column1 AS day FROM (VALUES \(days))) d LEFT JOIN contact_log l ON l.user_id = ? AND l.happened_on = d.day GROUP BY d.day",
                             order: "d.day DESC", arguments: [rep]) { r in
                ([.date(iso: r[0])] + (1...kinds.count).map { i in (r[i] as Int64? ?? 0) == 0 ? .empty : .integer(r[i]) } + [.integer(r[kinds.count + 1])], nil)
            },
            CardSectionQuery(title: "section.pay-and-expenses", columns: [.date("col.date"), .status("col.category"), .name("col.item"), .money("col.amount"), .text("col.number")],
                             select: "expense_date, category, item, amount, number", from: "FROM expenses WHERE rep_id = ? AND expense_date >= ? AND status = 'posted'",
                             order: "expense_date DESC, id DESC", arguments: [rep, today.startOfYear.adding(months: -12).iso]) { r in
                ([.date(iso: r[0]), ExpenseCard.category(r[1]), .text(r[2] as String), .money(minorUnits: r[3]), .text(r[4] as String)], nil)
            },
        ]
    }
}
