import Domain
import GRDB

/// One rep's figures for a period (DOMAIN.md's KPI rules): what "My performance" shows and
/// `rapport report rep-performance` prints, from the same function.
public struct RepPerformance: Sendable, Equatable, Codable {
    public var rep: String
    public var from: String
    public var to: String
    public var sales: Money
    public var orders: Int64
    public var averageOrderValue: Money?
    public var revenue: Money
    public var collections: Money
    public var quota: Money?
    public var quotaAttainment: BasisPoints?
    public var newCustomers: Int64
    public var opportunitiesWon: Int64
    public var opportunitiesLost: Int64
    public var closeRate: BasisPoints?
    public var contactEntries: Int64
    public var commissionRate: BasisPoints
    public var commission: Money

    /// Labelled values in display order (catalog keys), as both twins print them.
    public var lines: [(key: String, value: String)] {
        [("kpi.sales", sales.formatted()), ("kpi.revenue", revenue.formatted()), ("kpi.collections", collections.formatted()),
         ("kpi.quota", quota?.formatted() ?? "—"), ("kpi.quota-attainment", quotaAttainment.display), ("kpi.orders", String(orders)),
         ("kpi.average-order-value", averageOrderValue?.formatted() ?? "—"), ("kpi.new-customers", String(newCustomers)),
         ("kpi.close-rate", closeRate.display), ("kpi.contact-entries", String(contactEntries)),
         ("kpi.commission-rate", commissionRate.description), ("kpi.commission", commission.formatted())]
    }
}

extension AppDatabase {
    /// A rep may see their own figures; a manager anyone's.
    static func requirePerformanceAccess(_ actor: Actor, rep: Int64) throws {
        guard actor.can(.viewAllKPIs) || (actor.can(.viewOwnPerformance) && actor.userId == rep) else {
            throw StoreError.forbidden("only the rep and the manager see a rep's performance")
        }
    }

    public func repPerformance(rep: Int64, period: DateRange, for actor: Actor) throws(StoreError) -> RepPerformance {
        try read { db in
            try AppDatabase.requirePerformanceAccess(actor, rep: rep)
            return try AppDatabase.repPerformance(db, rep: rep, period: period)
        }
    }

    static func repPerformance(_ db: Database, rep: Int64, period p: DateRange) throws -> RepPerformance {
        guard let name = try String.fetchOne(db, sql: "SELECT display_name FROM users WHERE id = ?", arguments: [rep]) else { throw StoreError.notFound("user \(rep)") }
        let s = try sales(db, p, rep: rep)
        let rev = try revenue(db, p, rep: rep)
        let col = try collections(db, p, rep: rep)
        // The quota for P: the rep's quota periods that start in P (this month's whole quota for
        // month to date, January's to this month's for year to date — as the home's gauge).
        let quotaSum = try Row.fetchOne(db, sql: "SELECT COUNT(*), coalesce(SUM(amount), 0) FROM quotas WHERE rep_id = ? AND period_start BETWEEN ? AND ?",
                                        arguments: [rep, p.from.iso, p.to.iso]).map { (($0[0] as Int64), Money(minorUnits: $0[1])) }
        let quota = (quotaSum?.0 ?? 0) > 0 ? quotaSum?.1 : nil
        let closed = try Row.fetchOne(db, sql: """
            SELECT coalesce(SUM(stage = 'won'), 0), coalesce(SUM(stage = 'lost'), 0) FROM opportunities WHERE owner_id = ? AND closed_on BETWEEN ? AND ?
            """, arguments: [rep, p.from.iso, p.to.iso])
        let won: Int64 = closed?[0] ?? 0, lost: Int64 = closed?[1] ?? 0
        let settings = try AppDatabase.settings(db)
        let rate = try Int64.fetchOne(db, sql: """
            SELECT rate_bp FROM commission_rates WHERE (rep_id = ?1 OR rep_id IS NULL) AND effective_from <= ?2 ORDER BY rep_id IS NULL, effective_from DESC LIMIT 1
            """, arguments: [rep, p.to.iso]) ?? settings.defaultCommissionBasisPoints
        return RepPerformance(
            rep: name, from: p.from.iso, to: p.to.iso, sales: s.total, orders: s.orders, averageOrderValue: KPI.averageOrderValue(sales: s.total, orders: s.orders),
            revenue: rev, collections: col, quota: quota, quotaAttainment: quota.flatMap { KPI.quotaAttainment(revenue: rev, quota: $0) },
            newCustomers: try newCustomers(db, p, rep: rep), opportunitiesWon: won, opportunitiesLost: lost, closeRate: KPI.closeRate(won: won, lost: lost),
            contactEntries: try contactEntries(db, p, user: rep), commissionRate: BasisPoints(rate),
            commission: KPI.commission(base: settings.commissionOnRevenue ? rev : col, rateBasisPoints: rate))
    }

    /// "My performance": this month and this year side by side, quota gauge, 12-month sparkline,
    /// the open pipeline with its weighted total, contact-log entries of the last 30 days, and the
    /// salary, commission and expense records finance entered for the rep.
    static func performanceCard(_ db: Database, rep: Int64, actor: Actor, today: DateOnly) throws -> RecordCard {
        try requirePerformanceAccess(actor, rep: rep)
        let month = try repPerformance(db, rep: rep, period: .monthToDate(today))
        let year = try repPerformance(db, rep: rep, period: .yearToDate(today))
        let yearLines = year.lines
        var fields: [RecordCard.Field] = [.init("perf.period", "\(today.iso.prefix(7))  |  \(today.year)")]
        for (i, line) in month.lines.enumerated() { fields.append(.init(line.key, line.value + "  |  " + yearLines[i].value)) }
        let pipeline = try Row.fetchAll(db, sql: """
            SELECT o.id, c.name, o.title, o.stage, o.amount, o.probability_bp, coalesce(o.expected_close, '')
            FROM opportunities o JOIN customers c ON c.id = o.customer_id WHERE o.owner_id = ? AND o.stage NOT IN ('won','lost')
            ORDER BY o.expected_close, o.id LIMIT 500
            """, arguments: [rep])
        let opportunities = pipeline.map { Opportunity(customerId: 0, title: $0[2], amount: Money(minorUnits: $0[4]), probability: BasisPoints($0[5])) }
        let weightedTotal = opportunities.reduce(Money.zero) { $0 + $1.weighted }
        fields.append(.init("kpi.weighted-pipeline", weightedTotal.formatted() + "  (\(pipeline.count))"))
        let visitsFrom = today.adding(days: -29)
        var perDay: [String: [ContactKind: Int64]] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT happened_on, kind, COUNT(*) FROM contact_log WHERE user_id = ? AND happened_on BETWEEN ? AND ? GROUP BY 1, 2",
                                  arguments: [rep, visitsFrom.iso, today.iso]) {
            if let k = ContactKind(rawValue: r[1]) { perDay[r[0], default: [:]][k] = r[2] }
        }
        let days = (0..<30).map { visitsFrom.adding(days: $0) }
        let visitRows = days.reversed().map { d -> [String] in
            let counts = perDay[d.iso] ?? [:]
            return [d.iso] + ContactKind.allCases.map { counts[$0].map(String.init) ?? "" } + [String(counts.values.reduce(0, +))]
        }
        let expenses = try Row.fetchAll(db, sql: """
            SELECT expense_date, category, item, amount, number FROM expenses WHERE rep_id = ? AND expense_date >= ? ORDER BY expense_date DESC, id DESC LIMIT 200
            """, arguments: [rep, today.startOfYear.adding(months: -12).iso]).map { [$0[0], "expense.\($0[1] as String)", $0[2], money($0[3]), $0[4]] as [String] }
        var card = RecordCard(ref: RecordRef(.performance, rep), title: month.rep, fields: fields, sections: [
            .init(title: "section.pipeline", columns: ["col.customer", "col.title", "col.stage", "col.amount", "col.probability", "col.weighted", "col.expected-close"],
                  rows: zip(pipeline, opportunities).map { r, o in [r[1], r[2], "stage.\(r[3] as String)", o.amount.formatted(), o.probability.description, o.weighted.formatted(), r[6]] },
                  refs: pipeline.map { RecordRef(.opportunity, $0[0]) }),
            .init(title: "section.visits", columns: ["col.date"] + ContactKind.allCases.map { "contact-kind.\($0.rawValue)" } + ["col.total"], rows: visitRows),
            .init(title: "section.pay-and-expenses", columns: ["col.date", "col.category", "col.item", "col.amount", "col.number"], rows: expenses),
        ])
        card.tabbed = true
        card.charts = [
            .init(title: "kpi.quota-attainment", gauge: month.quotaAttainment),
            .init(title: "kpi.sales-12-months", spark: try monthlySales(db, today: today, rep: rep)),
            .init(title: "perf.contacts-30-days", spark: days.map { d in perDay[d.iso].map { $0.values.reduce(0, +) } ?? 0 }),
        ]
        return card
    }
}
