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
        let flows = try customerFlows(db, [p, p.previous, year, yearBefore], rep: request.rep, dormantDays: try AppDatabase.settings(db).dormantDays)
        let now = try kpiInputs(db, period: p, rep: request.rep, today: p.to, flows: (flows[0], flows[2]), state: true).lines
        let before = try kpiInputs(db, period: p.previous, rep: request.rep, today: p.previous.to, flows: (flows[1], flows[3]), state: false).lines
        var parameters = periodParameters(p) + [.init("param.previous", .text(p.previous.from.iso + " – " + p.previous.to.iso))]
        if let rep = request.rep, let name = try String.fetchOne(db, sql: "SELECT display_name FROM users WHERE id = ?", arguments: [rep]) {
            parameters.insert(.init("param.rep", .text(name)), at: 0)
        }
        let rows: [[CellValue]] = zip(now, before).map { n, b in [.status(n.key), n.value, n.change == .none ? .empty : b.value, n.change(from: b)] }
        var report = Report(name: request.name, title: "title.kpi", parameters: parameters,
                            columns: [ColumnSpec("col.kpi", .status, flexible: true), ColumnSpec("col.value", .text), ColumnSpec("col.previous", .text), ColumnSpec("col.change", .percent)],
                            rows: rows, refs: rows.map { _ in nil },
                            series: [Report.Series(title: "kpi.sales-12-months", points: try monthlySales(db, today: p.to, rep: request.rep))])
        report.drills = try kpiDrills(db, now.map(\.key), period: p, rep: request.rep)
        return report
    }

    /// Enter on a KPI: the documents behind it — the period's booked orders behind sales and
    /// the order figures, its receipts behind collections.
    static func kpiDrills(_ db: Database, _ keys: [String], period p: DateRange, rep: Int64?) throws -> [ListQuery?] {
        let repName = try rep.flatMap { try String.fetchOne(db, sql: "SELECT display_name FROM users WHERE id = ?", arguments: [$0]) }
        let byRep: [String: String] = rep.map { ["rep": String($0)] } ?? [:], labels: [String: String] = repName.map { ["rep": $0] } ?? [:]
        var orders = ListQuery(.orders, sort: "order-date", filter: ["from": p.from.iso, "to": p.to.iso, "status": "booked"].merging(byRep) { $1 })
        orders.labels = labels
        let receipts = DocumentDrill(kind: .moneyDocuments, period: p).query(["side": "in"].merging(byRep) { $1 }, labels: labels)
        return keys.map { key in
            switch key {
            case "kpi.sales", "kpi.orders", "kpi.average-order-value", "kpi.items-per-order", "kpi.purchase-frequency": orders
            case "kpi.collections": receipts
            default: nil
            }
        }
    }

    /// `flows`: the period's and its year's customers (`customerFlows`); `state`: also what is a
    /// state now rather than the period's (pipeline, record completeness, DSO).
    static func kpiInputs(_ db: Database, period p: DateRange, rep: Int64?, today: DateOnly, flows: (period: CustomerFlow, year: CustomerFlow), state: Bool) throws -> KPIInputs {
        var k = KPIInputs(period: p)
        let settings = try AppDatabase.settings(db)
        let s = try sales(db, p, rep: rep)
        k.sales = s.total; k.orders = s.orders; k.quantity = s.quantity; k.orderingCustomers = s.customers
        k.previousSales = try sales(db, p.previous, rep: rep).total
        k.collections = try collections(db, p, rep: rep)
        // Each rep's revenue once: the period's (the company's is their sum, every order has an
        // owner), quota attainment's and commission's.
        let revenues = try revenueByRep(db, p)
        k.revenue = rep.map { revenues[$0] ?? .zero } ?? revenues.values.reduce(.zero, +)
        try quotas(db, p, rep: rep, revenues: revenues, into: &k)
        let owner = rep == nil ? "" : " AND owner_id = :rep"
        let args: [String: (any DatabaseValueConvertible)?] = ["from": p.from.iso, "to": p.to.iso, "rep": rep]
        if let closed = try Row.fetchOne(db, sql: """
            SELECT coalesce(SUM(stage = 'won'), 0), coalesce(SUM(stage = 'lost'), 0) FROM opportunities WHERE closed_on BETWEEN :from AND :to\(owner)
            """, arguments: StatementArguments(args)) { k.won = closed[0]; k.lost = closed[1] }
        k.newCustomers = try newCustomers(db, p, rep: rep)
        if let leads = try Row.fetchOne(db, sql: """
            SELECT COUNT(*), coalesce(SUM(first_order_on <= :to), 0) FROM customers INDEXED BY customers_created WHERE created_on BETWEEN :from AND :to\(owner)
            """, arguments: StatementArguments(args)) { k.leads = leads[0]; k.convertedLeads = leads[1] }
        k.activeAtStart = flows.period.activeAtStart; k.churned = flows.period.churned
        k.acquisitionSpend = Money(minorUnits: try Int64.fetchOne(db, sql: """
            SELECT coalesce(SUM(amount), 0) FROM expenses WHERE expense_date BETWEEN :from AND :to AND status = 'posted'
            AND category IN ('marketing','sales','commissions')\(rep == nil ? "" : " AND rep_id = :rep")
            """, arguments: StatementArguments(args)) ?? 0)
        // CLV's year: its revenue per customer active at its end, and its churn.
        k.yearRevenue = try revenue(db, DateRange(from: p.to.adding(days: -364), to: p.to), rep: rep)
        k.yearBuyers = flows.year.activeAtEnd; k.yearActiveAtStart = flows.year.activeAtStart; k.yearChurned = flows.year.churned
        try feedback(db, p, rep: rep, into: &k)
        k.activeCustomers = flows.period.activeAtEnd
        k.contactEntries = try contactEntries(db, p, user: rep)
        k.reps = rep == nil ? try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM users WHERE role = 'sales_rep' AND active = 1") ?? 0 : 1
        k.commission = try commission(db, p, rep: rep, settings: settings, revenues: revenues)
        guard state else { return k }
        let pipeline = try Int64.fetchOne(db, sql: "SELECT coalesce(SUM(amount * probability_bp), 0) FROM opportunities WHERE stage NOT IN ('won','lost')\(owner)",
                                          arguments: StatementArguments(args)) ?? 0
        k.weightedPipeline = KPI.weightedPipeline(sumOfAmountTimesBasisPoints: Int128(pipeline))
        try completeness(db, rep: rep, into: &k)
        k.openReceivables = try openReceivables(db, today: today, rep: rep).open
        k.revenueLast90Days = try revenue(db, DateRange(from: today.adding(days: -89), to: today), rep: rep)
        return k
    }

    /// The quotas that start in the period and the revenue of the reps they belong to.
    static func quotas(_ db: Database, _ p: DateRange, rep: Int64?, revenues: [Int64: Money], into k: inout KPIInputs) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT rep_id, SUM(amount) FROM quotas WHERE period_start BETWEEN ? AND ?\(rep == nil ? "" : " AND rep_id = ?") GROUP BY rep_id
            """, arguments: StatementArguments([p.from.iso, p.to.iso] + (rep.map { [$0] } ?? [])))
        guard !rows.isEmpty else { return }
        k.quota = Money(minorUnits: rows.reduce(0) { $0 + ($1[1] as Int64) })
        for r in rows { k.revenueAgainstQuota += revenues[r[0] as Int64] ?? .zero }
    }

    /// Survey scores and complaints received in the period, from the rep's customers when asked.
    static func feedback(_ db: Database, _ p: DateRange, rep: Int64?, into k: inout KPIInputs) throws {
        let mine = rep == nil ? "" : " AND customer_id IN (SELECT id FROM customers WHERE owner_id = :rep)"
        guard let r = try Row.fetchOne(db, sql: """
            SELECT coalesce(SUM(kind = 'csat'), 0), coalesce(SUM(kind = 'csat' AND score >= 4), 0), coalesce(SUM(CASE WHEN kind = 'csat' THEN score END), 0),
                   coalesce(SUM(kind = 'nps'), 0), coalesce(SUM(kind = 'nps' AND score >= 9), 0), coalesce(SUM(kind = 'nps' AND score <= 6), 0),
                   coalesce(SUM(kind = 'complaint'), 0)
            FROM feedback WHERE received_on BETWEEN :from AND :to\(mine)
            """, arguments: ["from": p.from.iso, "to": p.to.iso, "rep": rep]) else { return }
        k.csatCount = r[0]; k.csatHigh = r[1]; k.csatSum = r[2]; k.npsCount = r[3]; k.npsPromoters = r[4]; k.npsDetractors = r[5]; k.complaints = r[6]
    }

    /// The key customer fields (contact person, phone, e-mail, address, industry, source, owner):
    /// how many are filled over all customers (`filled_fields`, from its index), and how many
    /// customers.
    static func completeness(_ db: Database, rep: Int64?, into k: inout KPIInputs) throws {
        guard let r = try Row.fetchOne(db, sql: """
            SELECT COUNT(*), coalesce(SUM(filled_fields), 0) FROM customers INDEXED BY customers_filled WHERE archived = 0\(rep == nil ? "" : " AND owner_id = ?")
            """, arguments: StatementArguments(rep.map { [$0] } ?? [])) else { return }
        k.customers = r[0]
        k.filledFields = [r[1]]
        k.keyFields = 7
    }

    /// Each rep's rate in force at the period's end × their collections (or revenue, as the
    /// company's setting says), summed over the reps asked for.
    static func commission(_ db: Database, _ p: DateRange, rep: Int64?, settings: CompanySettings, revenues: [Int64: Money]) throws -> Money {
        let reps = try rep.map { [$0] } ?? Int64.fetchAll(db, sql: "SELECT id FROM users WHERE role = 'sales_rep'")
        let collected = settings.commissionOnRevenue ? [:] : try collectionsByRep(db, p)
        var total = Money.zero
        for r in reps {
            let base = (settings.commissionOnRevenue ? revenues[r] : collected[r]) ?? .zero
            guard !base.isZero else { continue }
            total += KPI.commission(base: base, rateBasisPoints: try commissionRate(db, rep: r, on: p.to, settings: settings))
        }
        return total
    }
}
