/// Everything the KPI dashboard computes its figures from, for one period (and one rep, or the
/// company): sums and counts the Store reads; every formula is `KPI`'s.
public struct KPIInputs: Sendable, Equatable {
    public var period: DateRange
    public var sales = Money.zero, orders: Int64 = 0, quantity = Quantity.zero, orderingCustomers: Int64 = 0
    /// Sales of the period before, of the same length (for growth).
    public var previousSales = Money.zero
    public var revenue = Money.zero
    public var collections = Money.zero
    /// The quotas starting in the period (nil: none), and the revenue of the reps who have one.
    public var quota: Money?
    public var revenueAgainstQuota = Money.zero
    public var won: Int64 = 0, lost: Int64 = 0
    public var weightedPipeline = Money.zero
    public var newCustomers: Int64 = 0
    public var leads: Int64 = 0, convertedLeads: Int64 = 0
    public var activeAtStart: Int64 = 0, churned: Int64 = 0
    public var acquisitionSpend = Money.zero
    /// The year ending with the period: revenue, customers active at its end, and its churn.
    public var yearRevenue = Money.zero, yearBuyers: Int64 = 0, yearActiveAtStart: Int64 = 0, yearChurned: Int64 = 0
    public var csatCount: Int64 = 0, csatHigh: Int64 = 0, csatSum: Int64 = 0
    public var npsCount: Int64 = 0, npsPromoters: Int64 = 0, npsDetractors: Int64 = 0
    public var complaints: Int64 = 0, activeCustomers: Int64 = 0
    /// How many key customer fields are filled (per field, or all summed), how many fields
    /// there are, and how many customers.
    public var filledFields: [Int64] = [], keyFields: Int64 = 0, customers: Int64 = 0
    public var contactEntries: Int64 = 0, reps: Int64 = 0
    public var commission = Money.zero
    /// What the commission was worked out on: each rep's collections (or revenue), summed.
    public var commissionBase = Money.zero
    public var openReceivables = Money.zero, revenueLast90Days = Money.zero

    public init(period: DateRange) { self.period = period }
}

/// One KPI as the dashboard shows it: its catalog key, the value (or "—"), and how a change
/// from another period reads (growth of an amount or a count, points of a rate) — or none, for
/// a figure that is a state now rather than a period's (the pipeline).
public struct KPILine: Sendable, Equatable {
    public enum Change: Sendable, Equatable { case growth, points, none }
    public var key: String
    public var value: CellValue
    public var change: Change
    /// The value as a number the change is computed on (minor units, a count, basis points).
    public var measure: Int64?

    public init(_ key: String, _ value: CellValue, change: Change, measure: Int64?) {
        self.key = key; self.value = value; self.change = change; self.measure = measure
    }

    /// How this period compares with another's value of the same KPI.
    public func change(from before: KPILine) -> CellValue {
        guard let now = measure, let then = before.measure else { return .empty }
        switch change {
        case .growth: return .growth(BasisPoints.ratio(now - then, then))
        case .points: return .points(BasisPoints(now - then))
        case .none: return .empty
        }
    }
}

extension KPIInputs {
    /// The keys of every KPI, in the dashboard's order.
    public static var keys: [String] { KPIInputs(period: DateRange(from: DateOnly(daysSinceEpoch: 0), to: DateOnly(daysSinceEpoch: 0))).lines.map(\.key) }

    /// Every KPI of docs/domain.md in the dashboard's order.
    public var lines: [KPILine] {
        func money(_ key: String, _ m: Money?, change: KPILine.Change = .growth) -> KPILine {
            KPILine(key, m.map { .money($0) } ?? .notAvailable, change: change, measure: m?.minorUnits)
        }
        func count(_ key: String, _ n: Int64) -> KPILine { KPILine(key, .integer(n), change: .growth, measure: n) }
        func rate(_ key: String, _ r: BasisPoints?) -> KPILine { KPILine(key, .percent(r), change: .points, measure: r?.value) }
        func hundredths(_ key: String, _ v: Int64?) -> KPILine { KPILine(key, .hundredths(v), change: .growth, measure: v) }
        let quotaAttainment = quota.flatMap { KPI.quotaAttainment(revenue: revenueAgainstQuota, quota: $0) }
        let items = KPI.itemsPerOrder(quantity: quantity, orders: orders)
        let yearChurn = KPI.churnRate(churned: yearChurned, activeAtStart: yearActiveAtStart)
        let nps = KPI.nps(promoters: npsPromoters, detractors: npsDetractors, total: npsCount)
        let npsScore = nps.map { Int64(LineAmount.roundHalfEven(Int128($0.value), dividedBy: 100)) }
        let dso = KPI.dso(openReceivables: openReceivables, revenueLast90Days: revenueLast90Days)
        return [
            money("kpi.sales", sales), money("kpi.revenue", revenue), money("kpi.collections", collections),
            money("kpi.quota", quota), rate("kpi.quota-attainment", quotaAttainment),
            rate("kpi.sales-growth", KPI.growth(current: sales, previous: previousSales)),
            count("kpi.orders", orders), money("kpi.average-order-value", KPI.averageOrderValue(sales: sales, orders: orders)),
            KPILine("kpi.items-per-order", items.map { .quantity($0.rounded(decimals: 1)) } ?? .notAvailable, change: .growth, measure: items?.thousandths),
            hundredths("kpi.purchase-frequency", KPI.purchaseFrequencyHundredths(orders: orders, customers: orderingCustomers)),
            rate("kpi.close-rate", KPI.closeRate(won: won, lost: lost)), rate("kpi.loss-rate", KPI.lossRate(won: won, lost: lost)),
            money("kpi.weighted-pipeline", weightedPipeline, change: .none),
            count("kpi.new-customers", newCustomers),
            rate("kpi.conversion-rate", KPI.conversionRate(converted: convertedLeads, leads: leads)),
            rate("kpi.churn-rate", KPI.churnRate(churned: churned, activeAtStart: activeAtStart)),
            money("kpi.cac", KPI.acquisitionCost(spend: acquisitionSpend, newCustomers: newCustomers)),
            money("kpi.clv", KPI.lifetimeValue(yearlyRevenue: yearRevenue, buyers: yearBuyers, yearlyChurn: yearChurn)),
            rate("kpi.csat", BasisPoints.ratio(csatHigh, csatCount)), hundredths("kpi.csat-mean", KPI.meanHundredths(sum: csatSum, count: csatCount)),
            // Changes of the score as it reads (whole points).
            KPILine("kpi.nps", npsScore.map { .integer($0) } ?? .notAvailable, change: .points, measure: npsScore.map { $0 * 100 }),
            rate("kpi.complaint-rate", KPI.complaintRate(complaints: complaints, activeCustomers: activeCustomers)),
            KPILine("kpi.record-completeness", .percent(KPI.completeness(filled: filledFields.reduce(0, +), fields: max(keyFields, Int64(filledFields.count)), records: customers)),
                    change: .none, measure: nil),
            hundredths("kpi.crm-usage", KPI.usageHundredths(entries: contactEntries, reps: reps, period: period)),
            money("kpi.commission", commission),
            // Open receivables are today's, whatever the period: a state, not compared.
            KPILine("kpi.dso", dso.map { .days($0) } ?? .notAvailable, change: .none, measure: dso),
        ]
    }
}
