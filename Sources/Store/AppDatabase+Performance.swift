import Domain
import GRDB

/// One rep's figures for a period (docs/domain.md's KPI rules): what "My performance" shows and
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

    /// Labelled typed values in display order (catalog keys), as both twins show them; a
    /// figure without a denominator or quota is "—".
    public var lines: [(key: String, value: CellValue)] {
        let none = CellValue.text("—")
        return [("kpi.sales", .money(sales)), ("kpi.revenue", .money(revenue)), ("kpi.collections", .money(collections)),
                ("kpi.quota", quota.map { .money($0) } ?? none), ("kpi.quota-attainment", .percent(quotaAttainment)), ("kpi.orders", .integer(orders)),
                ("kpi.average-order-value", averageOrderValue.map { .money($0) } ?? none), ("kpi.new-customers", .integer(newCustomers)),
                ("kpi.close-rate", .percent(closeRate)), ("kpi.contact-entries", .integer(contactEntries)),
                ("kpi.commission-rate", .percent(commissionRate)), ("kpi.commission", .money(commission))]
    }
}

extension AppDatabase {
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
        let (commission, rate) = try AppDatabase.commission(db, rep: rep, period: p, settings: settings, whole: settings.commissionOnRevenue ? rev : col)
        return RepPerformance(
            rep: name, from: p.from.iso, to: p.to.iso, sales: s.total, orders: s.orders, averageOrderValue: KPI.averageOrderValue(sales: s.total, orders: s.orders),
            revenue: rev, collections: col, quota: quota, quotaAttainment: quota.flatMap { KPI.quotaAttainment(revenue: rev, quota: $0) },
            newCustomers: try newCustomers(db, p, rep: rep), opportunitiesWon: won, opportunitiesLost: lost, closeRate: KPI.closeRate(won: won, lost: lost),
            contactEntries: try contactEntries(db, p, user: rep), commissionRate: BasisPoints(rate),
            commission: commission)
    }

    /// A rep's commission for a period: the rate in force on each day applies to that day's base
    /// (a rate changed within the period applies from its day; each part rounded to the cent),
    /// and the rate in force at the period's end. `whole`: the rep's base (collections or
    /// revenue, by setting) of the whole period, already read; a part's is read only when the
    /// rate changed within the period.
    static func commission(_ db: Database, rep: Int64, period p: DateRange, settings: CompanySettings, whole: Money) throws -> (commission: Money, rate: Int64) {
        let rate = try commissionRate(db, rep: rep, on: p.to, settings: settings)
        let changes = try String.fetchAll(db, sql: """
            SELECT DISTINCT effective_from FROM commission_rates WHERE (rep_id = ? OR rep_id IS NULL) AND effective_from > ? AND effective_from <= ? ORDER BY 1
            """, arguments: [rep, p.from.iso, p.to.iso]).compactMap { DateOnly(iso: $0) }
        guard !changes.isEmpty else { return (KPI.commission(base: whole, rateBasisPoints: rate), rate) }
        var total = Money.zero, start = p.from
        for end in changes.map({ $0.adding(days: -1) }) + [p.to] {
            let part = DateRange(from: start, to: end)
            let base = settings.commissionOnRevenue ? try revenue(db, part, rep: rep) : try collections(db, part, rep: rep)
            total = total + KPI.commission(base: base, rateBasisPoints: try commissionRate(db, rep: rep, on: part.from, settings: settings))
            start = end.adding(days: 1)
        }
        return (total, rate)
    }

    /// The rep's commission rate in force on `day`: their own, else the company's, else the default.
    static func commissionRate(_ db: Database, rep: Int64, on day: DateOnly, settings: CompanySettings) throws -> Int64 {
        try Int64.fetchOne(db, sql: """
            SELECT rate_bp FROM commission_rates WHERE (rep_id = ?1 OR rep_id IS NULL) AND effective_from <= ?2 ORDER BY rep_id IS NULL, effective_from DESC LIMIT 1
            """, arguments: [rep, day.iso]) ?? settings.defaultCommissionBasisPoints
    }
}
