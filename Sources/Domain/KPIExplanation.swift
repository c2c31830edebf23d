/// How a figure was worked out (`?` on a KPI): its formula, a catalog key, and the numbers that
/// went into it, each labelled by a catalog key.
public struct Explanation: Hashable, Sendable, Codable {
    public struct Input: Hashable, Sendable, Codable {
        public var key: String
        public var value: CellValue
        public init(_ key: String, _ value: CellValue) { self.key = key; self.value = value }
    }
    public var formula: String
    public var inputs: [Input]
    public init(formula: String, inputs: [Input]) { self.formula = formula; self.inputs = inputs }
}

extension KPIInputs {
    /// The formula of a dashboard line (`formula.` + its key without `kpi.`) and its inputs.
    public func explanation(of key: String) -> Explanation {
        typealias I = Explanation.Input
        func money(_ k: String, _ m: Money) -> I { I(k, .money(m)) }
        func count(_ k: String, _ n: Int64) -> I { I(k, .integer(n)) }
        let period = I("input.period", .text(self.period.from.iso + " – " + self.period.to.iso))
        let inputs: [I] = switch key {
        case "kpi.sales": [period, count("kpi.orders", orders), money("kpi.sales", sales)]
        case "kpi.revenue": [period, money("kpi.revenue", revenue)]
        case "kpi.collections": [period, money("kpi.collections", collections)]
        case "kpi.quota": [period, I("kpi.quota", .money(quota))]
        case "kpi.quota-attainment": [money("input.revenue-of-reps-with-quota", revenueAgainstQuota), I("kpi.quota", .money(quota))]
        case "kpi.sales-growth": [money("kpi.sales", sales), money("input.previous-sales", previousSales)]
        case "kpi.orders": [period, count("kpi.orders", orders)]
        case "kpi.average-order-value": [money("kpi.sales", sales), count("kpi.orders", orders)]
        case "kpi.items-per-order": [I("input.quantity", .quantity(quantity)), count("kpi.orders", orders)]
        case "kpi.purchase-frequency": [count("kpi.orders", orders), count("input.ordering-customers", orderingCustomers)]
        case "kpi.close-rate", "kpi.loss-rate": [count("input.won", won), count("input.lost", lost)]
        case "kpi.weighted-pipeline": [money("kpi.weighted-pipeline", weightedPipeline)]
        case "kpi.new-customers": [period, count("kpi.new-customers", newCustomers)]
        case "kpi.conversion-rate": [count("input.leads", leads), count("input.converted-leads", convertedLeads)]
        case "kpi.churn-rate": [count("input.active-at-start", activeAtStart), count("input.churned", churned)]
        case "kpi.cac": [money("input.acquisition-spend", acquisitionSpend), count("kpi.new-customers", newCustomers)]
        case "kpi.clv": [money("input.year-revenue", yearRevenue), count("input.active-at-year-end", yearBuyers), count("input.active-at-year-start", yearActiveAtStart),
                         count("input.churned-in-year", yearChurned)]
        case "kpi.csat", "kpi.csat-mean": [count("input.csat-answers", csatCount), count("input.csat-high", csatHigh), count("input.csat-sum", csatSum)]
        case "kpi.nps": [count("input.nps-answers", npsCount), count("input.promoters", npsPromoters), count("input.detractors", npsDetractors)]
        case "kpi.complaint-rate": [count("input.complaints", complaints), count("input.active-at-end", activeCustomers)]
        case "kpi.record-completeness": [count("input.customers", customers), count("input.key-fields", keyFields), count("input.fields-filled", filledFields.reduce(0, +))]
        case "kpi.crm-usage": [count("input.contact-entries", contactEntries), count("input.reps", reps), count("input.working-days", Int64(KPI.workingDays(self.period)))]
        case "kpi.commission": [money("input.commission-base", commissionBase), money("kpi.commission", commission)]
        case "kpi.dso": [money("input.open-receivables", openReceivables), money("input.revenue-90-days", revenueLast90Days)]
        default: []
        }
        return Explanation(formula: "formula." + key.dropFirst(4), inputs: inputs)
    }
}
