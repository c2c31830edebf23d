import Domain
import GRDB

/// Whose KPIs are read: the company's (every record, one group keyed 0), one rep's (keyed by
/// the rep), or every rep's side by side with the company's (`:kpi-reps`) — the same queries,
/// grouped by the rep's column or by nothing, so a rep's figures on the per-rep table are the
/// figures of their own dashboard. Every rep's rows summed, with the rows of no rep (a customer
/// with no owner, a receipt with no rep), are the company's, so the per-rep table reads its last
/// row from the same pass.
enum KPIScope: Equatable {
    case company, rep(Int64), everyRep

    init(_ rep: Int64?) { self = rep.map { .rep($0) } ?? .company }

    /// The group a row counts for: the rep's column, or one group (0) for the company.
    func key(_ column: String) -> String { self == .company ? "0" : column }
    /// Only the rep's rows, when one rep is asked for.
    func only(_ column: String) -> String { if case .rep = self { " AND \(column) = :rep" } else { "" } }
    /// Grouping by rep; the company's one group needs none (grouping by a constant costs a sort).
    var groupBy: String { self == .company ? "" : " GROUP BY 1" }
    var rep: Int64? { if case .rep(let r) = self { r } else { nil } }
    /// The groups a rep's own figures (revenue, quota, commission) count for.
    func groups(of rep: Int64) -> [Int64] {
        switch self {
        case .company: [0]
        case .rep(let r): r == rep ? [r] : []
        case .everyRep: [rep, 0]
        }
    }
}

/// Each rep's revenue (shipments of the orders they own) in the windows the KPIs read, read
/// once for every scope: the period's, its year's (CLV) and the 90 days to its end (DSO).
struct KPIRevenues {
    var period: [Int64: Money], year: [Int64: Money], last90Days: [Int64: Money]
}

extension AppDatabase {
    static func kpiRevenues(_ db: Database, _ p: DateRange, state: Bool) throws -> KPIRevenues {
        KPIRevenues(period: try revenueByRep(db, p), year: try revenueByRep(db, DateRange(from: p.to.adding(days: -364), to: p.to)),
                    last90Days: state ? try revenueByRep(db, DateRange(from: p.to.adding(days: -89), to: p.to)) : [:])
    }

    /// The survey and complaint counts the KPIs read from `feedback`, as columns of a grouped query.
    static let feedbackSums = """
        coalesce(SUM(kind = 'csat'), 0), coalesce(SUM(kind = 'csat' AND score >= 4), 0), coalesce(SUM(CASE WHEN kind = 'csat' THEN score END), 0),
        coalesce(SUM(kind = 'nps'), 0), coalesce(SUM(kind = 'nps' AND score >= 9), 0), coalesce(SUM(kind = 'nps' AND score <= 6), 0), coalesce(SUM(kind = 'complaint'), 0)
        """

    /// Those counts, read from a row from column `i` on, added to the inputs.
    static func addFeedback(_ r: Row, at i: Int, to k: inout KPIInputs) {
        k.csatCount += r[i]; k.csatHigh += r[i + 1]; k.csatSum += r[i + 2]
        k.npsCount += r[i + 3]; k.npsPromoters += r[i + 4]; k.npsDetractors += r[i + 5]; k.complaints += r[i + 6]
    }

    /// The KPI inputs of a period for each group of the scope. `flows`: each group's customers
    /// of the period and of its year (`customerFlows`); `state`: also what is a state now rather
    /// than the period's (pipeline, record completeness, DSO), the period's end standing for today;
    /// `previousSales`: each group's sales of the period before, when already read.
    static func kpiInputs(_ db: Database, period p: DateRange, scope: KPIScope, flows: [Int64: (period: CustomerFlow, year: CustomerFlow)],
                          revenues: KPIRevenues, state: Bool, previousSales: [Int64: Money]? = nil) throws -> [Int64: KPIInputs] {
        let settings = try AppDatabase.settings(db)
        let allReps = try Row.fetchAll(db, sql: "SELECT id, active FROM users WHERE role = 'sales_rep'").map { (id: $0[0] as Int64, active: $0[1] as Bool) }
        let groups: [Int64] = switch scope {
        case .company: [0]
        case .rep(let r): [r]
        case .everyRep: allReps.map(\.id) + [0]
        }
        var k = Dictionary(uniqueKeysWithValues: groups.map { ($0, KPIInputs(period: p)) })
        let args: [String: (any DatabaseValueConvertible)?] = ["from": p.from.iso, "to": p.to.iso, "rep": scope.rep]
        func update(_ g: Int64, _ apply: (inout KPIInputs) throws -> Void) rethrows {
            guard var inputs = k[g] else { return }
            try apply(&inputs)
            k[g] = inputs
        }
        // One query's rows, each added to its group (every figure is a sum, so adding is
        // setting for a group's one row); per rep, every row is also the company's.
        func rows(_ sql: String) throws -> [(groups: [Int64], row: Row)] {
            try Row.fetchAll(db, sql: sql + scope.groupBy, arguments: StatementArguments(args)).map { row in
                let g = row[0] as Int64?
                return ((g.map { scope == .company || $0 != 0 ? [$0] : [] } ?? []) + (scope == .everyRep ? [0] : []), row)
            }
        }
        func each(_ sql: String, _ add: (inout KPIInputs, Row) -> Void) throws {
            for (gs, row) in try rows(sql) { for g in gs { update(g) { add(&$0, row) } } }
        }
        func eachGroup<T>(_ values: [Int64: T], _ add: (inout KPIInputs, T) -> Void) {
            for (g, v) in values { update(g) { add(&$0, v) } }
        }
        let owner = scope.key("owner_id"), byOwner = scope.only("owner_id")
        eachGroup(try salesByGroup(db, p, scope: scope)) { $0.sales += $1.sales; $0.orders += $1.orders; $0.quantity = $0.quantity + $1.quantity }
        eachGroup(try orderingCustomers(db, p, scope: scope)) { $0.orderingCustomers += $1 }
        eachGroup(try previousSales ?? salesByGroup(db, p.previous, scope: scope).mapValues(\.sales)) { $0.previousSales += $1 }
        // Revenue is by the order's owner, collections by the receipt's rep; the company's are
        // everyone's (a receipt with no rep included).
        let collected = try collectionsByRep(db, p)
        for g in groups {
            func sum(_ byRep: [Int64: Money]) -> Money { g == 0 ? byRep.values.reduce(.zero, +) : byRep[g] ?? .zero }
            update(g) {
                $0.revenue = sum(revenues.period); $0.yearRevenue = sum(revenues.year); $0.revenueLast90Days = sum(revenues.last90Days)
                $0.collections = sum(collected)
            }
        }
        for row in try Row.fetchAll(db, sql: "SELECT rep_id, coalesce(SUM(amount), 0) FROM quotas WHERE period_start BETWEEN :from AND :to\(scope.only("rep_id")) GROUP BY rep_id",
                                    arguments: StatementArguments(args)) {
            let rep: Int64 = row[0]
            for g in scope.groups(of: rep) {
                update(g) { $0.quota = ($0.quota ?? .zero) + Money(minorUnits: row[1]); $0.revenueAgainstQuota += revenues.period[rep] ?? .zero }
            }
        }
        try each("""
            SELECT \(owner), coalesce(SUM(stage = 'won'), 0), coalesce(SUM(stage = 'lost'), 0) FROM opportunities WHERE closed_on BETWEEN :from AND :to\(byOwner)
            """) { $0.won += $1[1]; $0.lost += $1[2] }
        try each("SELECT \(owner), COUNT(*) FROM customers INDEXED BY customers_first_order WHERE first_order_on BETWEEN :from AND :to\(byOwner)") { $0.newCustomers += $1[1] }
        try each("""
            SELECT \(owner), COUNT(*), coalesce(SUM(first_order_on <= :to), 0) FROM customers INDEXED BY customers_created WHERE created_on BETWEEN :from AND :to\(byOwner)
            """) { $0.leads += $1[1]; $0.convertedLeads += $1[2] }
        try each("""
            SELECT \(scope.key("rep_id")), coalesce(SUM(amount), 0) FROM expenses WHERE expense_date BETWEEN :from AND :to AND status = 'posted'
            AND category IN (\(KPI.acquisitionCategories.map { "'\($0.rawValue)'" }.joined(separator: ",")))\(scope.only("rep_id"))
            """) { $0.acquisitionSpend += Money(minorUnits: $1[1]) }
        // Survey scores and complaints from the group's customers.
        try each("""
            SELECT \(scope.key("c.owner_id")), \(feedbackSums)
            FROM feedback f\(scope == .company ? "" : " JOIN customers c ON c.id = f.customer_id") WHERE received_on BETWEEN :from AND :to\(scope.only("c.owner_id"))
            """) { AppDatabase.addFeedback($1, at: 1, to: &$0) }
        try each("SELECT \(scope.key("user_id")), COUNT(*) FROM contact_log WHERE happened_on BETWEEN :from AND :to\(scope.only("user_id"))") {
            $0.contactEntries += $1[1]
        }
        for rep in allReps.map(\.id) {
            let base = (settings.commissionOnRevenue ? revenues.period[rep] : collected[rep]) ?? .zero
            guard !base.isZero else { continue }
            let (commission, _) = try AppDatabase.commission(db, rep: rep, period: p, settings: settings, whole: base)
            for g in scope.groups(of: rep) { update(g) { $0.commission += commission; $0.commissionBase += base } }
        }
        let activeReps = Int64(allReps.filter(\.active).count)
        for g in groups {
            update(g) { i in
                i.reps = g == 0 ? activeReps : 1
                i.keyFields = 7
                guard let f = flows[g] else { return }
                i.activeAtStart = f.period.activeAtStart; i.churned = f.period.churned; i.activeCustomers = f.period.activeAtEnd
                i.yearBuyers = f.year.activeAtEnd; i.yearActiveAtStart = f.year.activeAtStart; i.yearChurned = f.year.churned
            }
        }
        guard state else { return k }
        // The pipeline's products summed before rounding, so the company's is not a sum of roundings.
        var pipeline: [Int64: Int128] = [:]
        for (gs, row) in try rows("SELECT \(owner), coalesce(SUM(amount * probability_bp), 0) FROM opportunities WHERE stage NOT IN ('won','lost')\(byOwner)") {
            for g in gs { pipeline[g, default: 0] += Int128(row[1] as Int64) }
        }
        eachGroup(pipeline) { $0.weightedPipeline = KPI.weightedPipeline(sumOfAmountTimesBasisPoints: $1) }
        // The seven key customer fields: how many are filled over all customers (from its index).
        try each("SELECT \(owner), COUNT(*), coalesce(SUM(filled_fields), 0) FROM customers INDEXED BY customers_filled WHERE archived = 0\(byOwner)") {
            $0.customers += $1[1]; $0.filledFields = [($0.filledFields.first ?? 0) + ($1[2] as Int64)]
        }
        try each("""
            SELECT \(scope.key("rep_id")), coalesce(SUM(open_amount), 0) FROM receivables WHERE open_amount > 0 AND status = 'posted'\(scope.only("rep_id"))
            """) { $0.openReceivables += Money(minorUnits: $1[1]) }
        return k
    }
}
