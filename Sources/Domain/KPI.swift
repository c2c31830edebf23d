/// KPI formulas of docs/domain.md, on aggregates the Store reads. A zero denominator gives nil,
/// which every screen and report shows as "—".
public enum KPI {
    public static func averageOrderValue(sales: Money, orders: Int64) -> Money? {
        guard orders > 0 else { return nil }
        return Money(minorUnits: Int64(LineAmount.roundHalfEven(Int128(sales.minorUnits), dividedBy: Int128(orders))))
    }

    /// Items per order, as a quantity (thousandths).
    public static func itemsPerOrder(quantity: Quantity, orders: Int64) -> Quantity? {
        guard orders > 0 else { return nil }
        return Quantity(thousandths: Int64(LineAmount.roundHalfEven(Int128(quantity.thousandths), dividedBy: Int128(orders))))
    }

    /// Purchase frequency in hundredths (orders ÷ distinct customers × 100).
    public static func purchaseFrequencyHundredths(orders: Int64, customers: Int64) -> Int64? {
        guard customers > 0 else { return nil }
        return Int64(LineAmount.roundHalfEven(Int128(orders) * 100, dividedBy: Int128(customers)))
    }

    public static func growth(current: Money, previous: Money) -> BasisPoints? {
        BasisPoints.ratio(current.minorUnits - previous.minorUnits, previous.minorUnits)
    }

    public static func quotaAttainment(revenue: Money, quota: Money) -> BasisPoints? {
        BasisPoints.ratio(revenue.minorUnits, quota.minorUnits)
    }

    public static func closeRate(won: Int64, lost: Int64) -> BasisPoints? { BasisPoints.ratio(won, won + lost) }

    /// Σ amount × probability (probability in basis points), rounded once at the end.
    public static func weightedPipeline(_ items: [(amount: Money, probabilityBasisPoints: Int64)]) -> Money {
        weightedPipeline(sumOfAmountTimesBasisPoints: items.reduce(Int128(0)) { $0 + Int128($1.amount.minorUnits) * Int128($1.probabilityBasisPoints) })
    }

    /// The same from Σ (amount × basis points) summed by the database.
    public static func weightedPipeline(sumOfAmountTimesBasisPoints sum: Int128) -> Money {
        Money(minorUnits: Int64(LineAmount.roundHalfEven(sum, dividedBy: 10_000)))
    }

    /// DSO = open receivables ÷ revenue of the last 90 days × 90, in whole days.
    public static func dso(openReceivables: Money, revenueLast90Days: Money) -> Int64? {
        guard revenueLast90Days.minorUnits > 0 else { return nil }
        return Int64(LineAmount.roundHalfEven(Int128(openReceivables.minorUnits) * 90, dividedBy: Int128(revenueLast90Days.minorUnits)))
    }

    /// CSAT: share of 1–5 scores ≥ 4.
    public static func csat(scores: [Int]) -> BasisPoints? {
        BasisPoints.ratio(Int64(scores.filter { $0 >= 4 }.count), Int64(scores.count))
    }

    /// NPS: % promoters (9–10) − % detractors (0–6), in basis points.
    public static func nps(promoters: Int64, detractors: Int64, total: Int64) -> BasisPoints? {
        BasisPoints.ratio(promoters - detractors, total)
    }

    /// Commission = rate (basis points) × base, rounded half-even.
    public static func commission(base: Money, rateBasisPoints: Int64) -> Money {
        Money(minorUnits: Int64(LineAmount.roundHalfEven(Int128(base.minorUnits) * Int128(rateBasisPoints), dividedBy: 10_000)))
    }

    /// CRM usage: contact-log entries per rep per working day (Mon–Fri), in hundredths.
    public static func usageHundredths(entries: Int64, reps: Int64, period: DateRange) -> Int64? {
        let days = Int64(workingDays(period))
        guard reps > 0, days > 0 else { return nil }
        return Int64(LineAmount.roundHalfEven(Int128(entries) * 100, dividedBy: Int128(reps * days)))
    }

    public static func workingDays(_ period: DateRange) -> Int {
        guard period.days > 0 else { return 0 }
        return (0..<period.days).filter { period.from.adding(days: $0).weekday <= 5 }.count
    }

    /// Record completeness: mean share of the key fields filled, given per-field filled counts.
    public static func completeness(filledCounts: [Int64], records: Int64) -> BasisPoints? {
        guard !filledCounts.isEmpty else { return nil }
        return completeness(filled: filledCounts.reduce(0, +), fields: Int64(filledCounts.count), records: records)
    }

    /// The same from the filled fields of all records summed, and how many key fields each has.
    public static func completeness(filled: Int64, fields: Int64, records: Int64) -> BasisPoints? {
        BasisPoints.ratio(filled, records * fields)
    }

    /// Hundredths shown as `1.23`.
    public static func hundredths(_ v: Int64?) -> String {
        guard let v else { return "—" }
        let m = v.magnitude
        return (v < 0 ? "-" : "") + "\(m / 100)." + (m % 100 < 10 ? "0" : "") + "\(m % 100)"
    }
}

/// A labelled figure on a dashboard, already computed by the rules above.
public struct Metric: Hashable, Sendable, Codable {
    public enum Tone: String, Sendable, Codable { case neutral, ok, warn, critical }
    public var key: String
    public var value: CellValue
    public var tone: Tone
    public init(key: String, value: CellValue, tone: Tone = .neutral) { self.key = key; self.value = value; self.tone = tone }
}
