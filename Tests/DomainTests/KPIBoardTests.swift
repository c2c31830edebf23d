import Testing
@testable import Domain

/// The dashboard's KPIs on small hand-made figures, each expected value worked out here.
@Suite struct KPIBoardTests {
    let october = DateRange(from: DateOnly(year: 2026, month: 10, day: 1)!, to: DateOnly(year: 2026, month: 10, day: 31)!)

    func line(_ k: KPIInputs, _ key: String) -> KPILine? { k.lines.first { $0.key == key } }

    @Test func customerKPIsFromTheirDefinitions() {
        var k = KPIInputs(period: october)
        // 40 customers active on 1 October; 6 went dormant or were lost during it: 15 %.
        k.activeAtStart = 40; k.churned = 6
        // 8 leads created in October, 3 of them ordered by the 31st: 37.5 %.
        k.leads = 8; k.convertedLeads = 3
        // Marketing 12,000 + sales 3,000 + commissions 5,000 spent, 4 new customers: 5,000.00 each.
        k.acquisitionSpend = Money(minorUnits: 2_000_000); k.newCustomers = 4
        // A year's revenue 1,200,000.00 from 30 buyers = 40,000.00 each; 20 % yearly churn → 5 years → 200,000.00.
        k.yearRevenue = Money(minorUnits: 120_000_000); k.yearBuyers = 30; k.yearActiveAtStart = 50; k.yearChurned = 10
        // Won 3, lost 1: close 75 %, loss 25 %.
        k.won = 3; k.lost = 1
        // CSAT 5, 4, 2, 5: 3 of 4 at 4 or more = 75 %, mean 4.00; NPS 10, 9, 7, 3, 0: (2 − 2) ÷ 5 = 0.
        k.csatCount = 4; k.csatHigh = 3; k.csatSum = 16; k.npsCount = 5; k.npsPromoters = 2; k.npsDetractors = 2
        // 3 complaints over 60 active customers: 5 %.
        k.complaints = 3; k.activeCustomers = 60
        #expect(line(k, "kpi.churn-rate")?.value == .percent(BasisPoints(1_500)))
        #expect(line(k, "kpi.conversion-rate")?.value == .percent(BasisPoints(3_750)))
        #expect(line(k, "kpi.cac")?.value == .money(Money(minorUnits: 500_000)))
        #expect(line(k, "kpi.clv")?.value == .money(Money(minorUnits: 20_000_000)))
        #expect(line(k, "kpi.close-rate")?.value == .percent(BasisPoints(7_500)) && line(k, "kpi.loss-rate")?.value == .percent(BasisPoints(2_500)))
        #expect(line(k, "kpi.csat")?.value == .percent(BasisPoints(7_500)) && line(k, "kpi.csat-mean")?.value == .hundredths(400))
        #expect(line(k, "kpi.nps")?.value == .integer(0))
        #expect(line(k, "kpi.complaint-rate")?.value == .percent(BasisPoints(500)))
        // 5 customers, 10 of their 35 key fields filled: 28.57 %.
        k.filledFields = [10]; k.keyFields = 7; k.customers = 5
        #expect(line(k, "kpi.record-completeness")?.value == .percent(BasisPoints(2_857)))
    }

    @Test func lifespanIsCappedAtTenYears() {
        // 4 % yearly churn would be 25 years; capped at 10: 40,000.00 × 10.
        #expect(KPI.lifetimeValue(yearlyRevenue: Money(minorUnits: 120_000_000), buyers: 30, yearlyChurn: BasisPoints(400)) == Money(minorUnits: 40_000_000))
        // Nobody churned: the cap too.
        #expect(KPI.lifetimeValue(yearlyRevenue: Money(minorUnits: 120_000_000), buyers: 30, yearlyChurn: BasisPoints(0)) == Money(minorUnits: 40_000_000))
        // 30 % churn: 3⅓ years; 40,000.00 × 10,000 ÷ 3,000 = 133,333.33.
        #expect(KPI.lifetimeValue(yearlyRevenue: Money(minorUnits: 120_000_000), buyers: 30, yearlyChurn: BasisPoints(3_000)) == Money(minorUnits: 13_333_333))
    }

    @Test func zeroDenominatorsShowADash() {
        let k = KPIInputs(period: october)
        for key in ["kpi.churn-rate", "kpi.conversion-rate", "kpi.cac", "kpi.clv", "kpi.close-rate", "kpi.loss-rate", "kpi.csat", "kpi.csat-mean", "kpi.nps",
                    "kpi.complaint-rate", "kpi.average-order-value", "kpi.items-per-order", "kpi.purchase-frequency", "kpi.sales-growth", "kpi.quota",
                    "kpi.quota-attainment", "kpi.record-completeness", "kpi.crm-usage", "kpi.dso"] {
            #expect(line(k, key)?.value.plainText == "—", "\(key) is \(String(describing: line(k, key)?.value))")
        }
        // Amounts and counts are zero, not "—".
        #expect(line(k, "kpi.sales")?.value == .money(.zero) && line(k, "kpi.new-customers")?.value == .integer(0))
    }

    @Test func aChangeIsGrowthForAmountsAndPointsForRates() {
        var now = KPIInputs(period: october), before = KPIInputs(period: october.previous)
        now.sales = Money(minorUnits: 150_00); before.sales = Money(minorUnits: 100_00)
        now.won = 1; now.lost = 1; before.won = 1; before.lost = 3
        func change(_ key: String) -> CellValue? {
            guard let n = line(now, key), let b = line(before, key) else { return nil }
            return n.change(from: b)
        }
        #expect(change("kpi.sales") == .growth(BasisPoints(5_000)))
        // 50 % against 25 %: 25 points.
        #expect(change("kpi.close-rate") == .points(BasisPoints(2_500)))
        #expect(change("kpi.close-rate")?.plainText == "+25.0 pp" && change("kpi.sales")?.plainText == "+50.0 %")
        // Signed as they read: a fall has its minus, nothing at all no sign.
        #expect(CellValue.growth(BasisPoints(-150)).plainText == "-1.5 %" && CellValue.growth(BasisPoints(4)).plainText == "0.0 %")
        #expect(CellValue.points(BasisPoints(3)).plainText == "0.0 pp" && CellValue.growth(nil).plainText == "—")
        // From nothing: no change to show.
        #expect(change("kpi.new-customers") == .growth(nil))
        #expect(change("kpi.weighted-pipeline") == .empty)
    }
}
