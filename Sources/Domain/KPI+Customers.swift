/// The customer KPIs of docs/domain.md (conversion, churn, CAC, CLV, complaints), each nil when
/// its denominator is zero.
extension KPI {
    public static func lossRate(won: Int64, lost: Int64) -> BasisPoints? { BasisPoints.ratio(lost, won + lost) }

    /// Leads created in the period that ordered by its end ÷ leads created in it.
    public static func conversionRate(converted: Int64, leads: Int64) -> BasisPoints? { BasisPoints.ratio(converted, leads) }

    /// Customers active at the period's start that went dormant or were lost during it ÷ those active at its start.
    public static func churnRate(churned: Int64, activeAtStart: Int64) -> BasisPoints? { BasisPoints.ratio(churned, activeAtStart) }

    /// The expense categories CAC counts as the cost of winning customers.
    public static let acquisitionCategories: [ExpenseCategory] = [.marketing, .sales, .commissions]

    /// What winning one new customer cost: marketing, sales and commission expenses ÷ new customers.
    public static func acquisitionCost(spend: Money, newCustomers: Int64) -> Money? {
        guard newCustomers > 0 else { return nil }
        return Money(minorUnits: Int64(LineAmount.roundHalfEven(Int128(spend.minorUnits), dividedBy: Int128(newCustomers))))
    }

    /// The longest a customer is expected to stay, in years: 1 ÷ yearly churn, at most this.
    public static let lifespanCapYears: Int64 = 10

    /// CLV = a year's revenue per customer active at its end (`buyers`) × lifespan (1 ÷ yearly
    /// churn, at most 10 years; no churn at all is the cap), rounded once. Nil without active
    /// customers or without anyone active at the year's start to measure churn on.
    public static func lifetimeValue(yearlyRevenue: Money, buyers: Int64, yearlyChurn: BasisPoints?) -> Money? {
        guard buyers > 0, let churn = yearlyChurn else { return nil }
        // revenue ÷ buyers × min(10, 10 000 ÷ churn bp), as one fraction.
        let capped = churn.value <= 0 || churn.value * lifespanCapYears < 10_000
        let numerator = Int128(yearlyRevenue.minorUnits) * (capped ? Int128(lifespanCapYears) : 10_000)
        let denominator = Int128(buyers) * (capped ? 1 : Int128(churn.value))
        return Money(minorUnits: Int64(LineAmount.roundHalfEven(numerator, dividedBy: denominator)))
    }

    /// The mean of 1–5 scores, in hundredths (4.25 → 425).
    public static func meanHundredths(sum: Int64, count: Int64) -> Int64? {
        guard count > 0 else { return nil }
        return Int64(LineAmount.roundHalfEven(Int128(sum) * 100, dividedBy: Int128(count)))
    }

    public static func complaintRate(complaints: Int64, activeCustomers: Int64) -> BasisPoints? { BasisPoints.ratio(complaints, activeCustomers) }
}
