import Domain
import GRDB
@testable import Store
import Testing
import TestSupport

/// `:kpi` and `rapport report kpi` (one `Report`): churn and conversion read from hand-made
/// customers and orders; a rep's figures equal what "My performance" says; only the manager
/// sees the company's.
@Suite struct KPIReportTests {
    let october = DateRange(from: DateOnly(year: 2026, month: 10, day: 1)!, to: DateOnly(year: 2026, month: 10, day: 31)!)

    func value(_ report: Report, _ key: String) -> CellValue? { report.rows.first { $0.first == .status(key) }?[1] }

    @Test func churnAndConversionFromHandMadeCustomers() throws {
        let db = try AppDatabase.inMemory()
        let boss = try db.addUser(login: "boss", displayName: "Boss", role: .manager, password: "secret123", by: .system, at: 1)
        let rep = try db.addUser(login: "rep", displayName: "Rep", role: .salesRep, password: "secret123", by: .system, at: 1)
        let manager = Actor(userId: boss, login: "boss", displayName: "Boss", role: .manager)
        try db.write { db in
            // (code, created, first order, lost on, order dates) — dormant after the default 90 days.
            let customers: [(String, String, String?, String?, [String])] = [
                ("C1", "2026-01-05", "2026-02-01", nil, ["2026-09-15", "2026-10-10"]),  // active on 1 Oct, ordered again: stays
                ("C2", "2026-01-05", "2026-02-01", nil, ["2026-08-01"]),                // active, no order since 1 Aug: dormant by 31 Oct
                ("C3", "2026-01-05", "2026-02-01", nil, ["2026-09-20"]),                // active, still within 90 days on 31 Oct
                ("C4", "2026-01-05", "2026-02-01", "2026-10-05", ["2026-09-01"]),       // active, marked lost in October
                ("C5", "2026-01-05", "2026-02-01", nil, ["2026-05-01"]),                // not active on 1 Oct
                ("C6", "2026-10-03", "2026-10-20", nil, ["2026-10-20"]),                // a lead of October that ordered
                ("C7", "2026-10-15", nil, nil, []),                                      // a lead of October that did not
            ]
            var n = 0
            for (code, created, first, lost, orders) in customers {
                try db.execute(sql: "INSERT INTO customers (code, name, status, owner_id, created_on, first_order_on, lost_on) VALUES (?, ?, 'active', ?, ?, ?, ?)",
                               arguments: [code, "Customer \(code)", rep, created, first, lost])
                let id = db.lastInsertedRowID
                for day in orders {
                    n += 1
                    try db.execute(sql: "INSERT INTO sales_orders (number, customer_id, owner_id, order_date, due_date, status, total, quantity) VALUES (?, ?, ?, ?, ?, 'open', 100, 1000)",
                                   arguments: ["SO-\(n)", id, rep, day, day])
                }
            }
        }
        let report = try db.report(ReportRequest(name: "kpi", period: october), for: manager)
        // 4 active on 1 October (C1–C4), 2 churned (C2 dormant, C4 lost).
        #expect(value(report, "kpi.churn-rate") == .percent(BasisPoints(5_000)))
        // 2 leads created in October, 1 ordered.
        #expect(value(report, "kpi.conversion-rate") == .percent(BasisPoints(5_000)))
        // C6's first order: one new customer; October's orders: C1 and C6.
        #expect(value(report, "kpi.new-customers") == .integer(1) && value(report, "kpi.orders") == .integer(2))
        // Of the seven key fields only the owner is filled: 1 ÷ 7.
        #expect(value(report, "kpi.record-completeness") == .percent(BasisPoints(1_429)))
        // The same for the rep alone (all are theirs); a rep sees their own, not the company's.
        let mine = Actor(userId: rep, login: "rep", displayName: "Rep", role: .salesRep)
        #expect(value(try db.report(ReportRequest(name: "kpi", period: october, rep: rep), for: mine), "kpi.churn-rate") == .percent(BasisPoints(5_000)))
        #expect(throws: StoreError.self) { try db.report(ReportRequest(name: "kpi", period: october), for: mine) }
        #expect(throws: StoreError.self) { try db.report(ReportRequest(name: "kpi", period: october, rep: boss), for: mine) }
    }

    @Test func aRepsKPIsAreWhatMyPerformanceSays() throws {
        let db = DemoFixture.make(inMemory: true)
        let manager = try Fixtures.actor("manager", in: db), rep = try Fixtures.actor("rep", in: db)
        let report = try db.report(ReportRequest(name: "kpi", period: october, rep: rep.userId), for: manager)
        let mine = try db.repPerformance(rep: rep.userId, period: october, for: rep)
        let shared = ["kpi.sales", "kpi.revenue", "kpi.collections", "kpi.quota", "kpi.quota-attainment", "kpi.orders", "kpi.average-order-value",
                      "kpi.new-customers", "kpi.close-rate", "kpi.commission"]
        for key in shared {
            let expected = mine.lines.first { $0.key == key }?.value
            #expect(value(report, key)?.plainText == expected?.plainText, "\(key): \(String(describing: value(report, key))) ≠ \(String(describing: expected))")
        }
        #expect(value(report, "kpi.sales") != .money(.zero))
    }

    @Test func opportunitiesAndTheContactLogAreSearchedByWordOrCustomer() throws {
        let db = DemoFixture.make(inMemory: true)
        let manager = try Fixtures.actor("manager", in: db)
        let (title, summary, customer) = try db.read { db in
            (try String.fetchOne(db, sql: "SELECT title FROM opportunities ORDER BY id LIMIT 1") ?? "",
             try String.fetchOne(db, sql: "SELECT summary FROM contact_log ORDER BY id LIMIT 1") ?? "",
             try String.fetchOne(db, sql: "SELECT c.code FROM contact_log l JOIN customers c ON c.id = l.customer_id ORDER BY l.id LIMIT 1") ?? "")
        }
        let byTitle = try db.listSearch(ListQuery(.opportunities, sort: "amount"), text: title, limit: 200, for: manager, today: Fixtures.today)
        #expect(!byTitle.rows.isEmpty && byTitle.rows.allSatisfy { $0.cells[2].plainText.contains(title) })
        let bySummary = try db.listSearch(ListQuery(.contactLog, sort: "date"), text: summary, limit: 200, for: manager, today: Fixtures.today)
        #expect(!bySummary.rows.isEmpty && bySummary.rows.allSatisfy { $0.cells[3].plainText.contains(summary) })
        let byCustomer = try db.listSearch(ListQuery(.contactLog, sort: "date"), text: customer, limit: 200, for: manager, today: Fixtures.today)
        let customerId = try db.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM customers WHERE code = ?", arguments: [customer]) }
        #expect(!byCustomer.rows.isEmpty && byCustomer.rows.allSatisfy { $0.ref == RecordRef(.customer, customerId ?? 0) })
    }

    @Test func enterOnAKPIOpensTheDocumentsBehindIt() throws {
        let db = DemoFixture.make(inMemory: true)
        let manager = try Fixtures.actor("manager", in: db), rep = try Fixtures.actor("rep", in: db)
        for who in [nil, rep.userId] {
            let report = try db.report(ReportRequest(name: "kpi", period: october, rep: who), for: manager)
            func drill(_ key: String) -> ListQuery? { report.rows.firstIndex { $0.first == .status(key) }.flatMap { report.drills[$0] } }
            // Every booked order of the period: as many as the KPI counts, summing to its sales.
            var orders: [ListRow] = [], after: ListCursor?
            repeat {
                let page = try db.listPage(try #require(drill("kpi.sales")), after: after, limit: 200, backwards: false, for: manager, today: Fixtures.today)
                orders += page.rows; after = page.rows.count == 200 ? page.rows.last?.cursor : nil
            } while after != nil
            #expect(value(report, "kpi.orders") == .integer(Int64(orders.count)))
            let total = orders.reduce(Money.zero) { sum, row in sum + (row.cells.compactMap(\.moneyValue).first ?? .zero) }
            #expect(value(report, "kpi.sales") == .money(total))
            #expect(try db.listCount(try #require(drill("kpi.collections")), for: manager, today: Fixtures.today) > 0)
            // Revenue: the period's posted shipments (of the rep's orders).
            let shipped = try db.read { db in
                try Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM shipments s JOIN sales_orders o ON o.id = s.order_id
                    WHERE s.status = 'posted' AND s.ship_date BETWEEN ? AND ? AND (? IS NULL OR o.owner_id = ?)
                    """, arguments: [october.from.iso, october.to.iso, who, who]) ?? 0
            }
            #expect(try db.listCount(try #require(drill("kpi.revenue")), for: manager, today: Fixtures.today) == shipped)
            #expect(shipped > 0)
            // … whose values, shown on the list, add up to the revenue.
            var shipments: [ListRow] = []
            after = nil
            repeat {
                let page = try db.listPage(try #require(drill("kpi.revenue")), after: after, limit: 200, backwards: false, for: manager, today: Fixtures.today)
                shipments += page.rows; after = page.rows.count == 200 ? page.rows.last?.cursor : nil
            } while after != nil
            #expect(value(report, "kpi.revenue") == .money(shipments.reduce(Money.zero) { $0 + ($1.cells.compactMap(\.moneyValue).first ?? .zero) }))
        }
        // New customers: those whose first order is in the period; conversion: the period's leads.
        let year = DateRange(from: DateOnly(year: 2026, month: 1, day: 1)!, to: Fixtures.today)
        for who in [nil, rep.userId] {
            let report = try db.report(ReportRequest(name: "kpi", period: year, rep: who), for: manager)
            func drill(_ key: String) -> ListQuery? { report.rows.firstIndex { $0.first == .status(key) }.flatMap { report.drills[$0] } }
            let newCustomers = try db.listCount(try #require(drill("kpi.new-customers")), for: manager, today: Fixtures.today)
            #expect(value(report, "kpi.new-customers") == .integer(Int64(newCustomers)))
            let leads = try db.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customers WHERE created_on BETWEEN ? AND ? AND (? IS NULL OR owner_id = ?)",
                                 arguments: [year.from.iso, year.to.iso, who, who]) ?? 0
            }
            #expect(try db.listCount(try #require(drill("kpi.conversion-rate")), for: manager, today: Fixtures.today) == leads)
            #expect(newCustomers > 0 && leads > 0 || who != nil)
            // CAC: the posted expenses of the acquisition categories.
            let spent = try db.read { db in
                try Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM expenses WHERE expense_date BETWEEN ? AND ? AND status = 'posted' AND category IN ('marketing', 'sales', 'commissions')
                    AND (? IS NULL OR rep_id = ?)
                    """, arguments: [year.from.iso, year.to.iso, who, who]) ?? 0
            }
            #expect(try db.listCount(try #require(drill("kpi.cac")), for: manager, today: Fixtures.today) == spent)
            #expect(spent > 0 || who != nil)
            // Close and loss rate: the opportunities closed in the period; the pipeline: the open ones.
            let (closed, open) = try db.read { db in
                (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM opportunities WHERE closed_on BETWEEN ? AND ? AND (? IS NULL OR owner_id = ?)",
                                  arguments: [year.from.iso, year.to.iso, who, who]) ?? 0,
                 try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM opportunities WHERE stage NOT IN ('won','lost') AND (? IS NULL OR owner_id = ?)", arguments: [who, who]) ?? 0)
            }
            #expect(try db.listCount(try #require(drill("kpi.loss-rate")), for: manager, today: Fixtures.today) == closed)
            #expect(try db.listCount(try #require(drill("kpi.weighted-pipeline")), for: manager, today: Fixtures.today) == open)
            #expect(closed > 0 && open > 0)
            // CRM usage: the period's contact log; completeness: the records missing a key field.
            let (logged, incomplete) = try db.read { db in
                (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM contact_log WHERE happened_on BETWEEN ? AND ? AND (? IS NULL OR user_id = ?)",
                                  arguments: [year.from.iso, year.to.iso, who, who]) ?? 0,
                 try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customers WHERE archived = 0 AND filled_fields < 7 AND (? IS NULL OR owner_id = ?)", arguments: [who, who]) ?? 0)
            }
            #expect(try db.listCount(try #require(drill("kpi.crm-usage")), for: manager, today: Fixtures.today) == min(logged, 10_000))
            #expect(try db.listCount(try #require(drill("kpi.record-completeness")), for: manager, today: Fixtures.today) == incomplete)
            #expect(logged > 0 && incomplete > 0)
            // Churn: the customers the churn rate counts (the rep's by their own orders).
            let churned = try db.read { db in
                try AppDatabase.customerFlows(db, [year], scope: KPIScope(who), dormantDays: try AppDatabase.settings(db).dormantDays)[who ?? 0]?.first?.churned ?? 0
            }
            #expect(try db.listCount(try #require(drill("kpi.churn-rate")), for: manager, today: Fixtures.today) == Int(churned))
            #expect(churned > 0)
            // CLV: the shipments of the 365 days to the period's end (its revenue's).
            #expect(drill("kpi.clv")?.filter["from"] == year.to.adding(days: -364).iso && drill("kpi.clv")?.kind == .shipments)
            // A rep lists only their own.
            if let who { #expect(try db.listCount(ListQuery(.opportunities, sort: "amount", filter: ["state": "open"]), for: rep, today: Fixtures.today) == open && who == rep.userId) }
        }
        // On the dashboard's card, the survey figures open the feedback report of the same
        // period, the quota figures the year's quotas.
        let kpi = try #require(Report.names.firstIndex(of: "kpi")), feedback = try #require(Report.names.firstIndex(of: "feedback"))
        let id = ReportPeriod.id(report: kpi, range: october)
        let card = try db.read { db in try ReportCard.report(db, ReportRequest(name: "kpi", period: october), id: id, actor: manager) }
        func ref(_ key: String) -> RecordRef? { card.rows.firstIndex { $0.first == .status(key) }.flatMap { card.refs[$0] } }
        #expect(ref("kpi.nps") == RecordRef(.report, ReportPeriod.id(report: feedback, range: october)))
        #expect(ref("kpi.quota-attainment") == RecordRef(.quotas, 2026))
        let receivables = try #require(Report.names.firstIndex(of: "receivables"))
        #expect(ref("kpi.dso") == RecordRef(.report, ReportPeriod.id(report: receivables, range: october)))
        #expect(ref("kpi.sales") == nil)
    }

    @Test func theHomeAndTheDashboardAgreeOnTheMonthsFigures() throws {
        let db = DemoFixture.make(inMemory: true)
        let manager = try Fixtures.actor("manager", in: db), today = Fixtures.today
        let home = try db.dashboard(for: manager, today: today)
        let kpi = try db.report(ReportRequest(name: "kpi", period: DateRange(from: today.startOfMonth, to: today)), for: manager)
        for key in ["kpi.sales", "kpi.revenue", "kpi.complaint-rate", "kpi.close-rate", "kpi.new-customers", "kpi.average-order-value"] {
            let shown = home.metrics.first { $0.key == key }?.value
            #expect(shown?.plainText == value(kpi, key)?.plainText, "\(key): home \(String(describing: shown)), :kpi \(String(describing: value(kpi, key)))")
        }
    }
}

/// `?` on a KPI: every line of the dashboard says its formula and inputs, and the inputs give
/// back the figure shown.
@Suite struct KPIExplanationTests {
    @Test func everyKPIHasItsFormulaAndInputsThatGiveItsFigure() throws {
        let db = DemoFixture.make(inMemory: true)
        let manager = try Fixtures.actor("manager", in: db)
        let october = DateRange(from: DateOnly(year: 2026, month: 10, day: 1)!, to: DateOnly(year: 2026, month: 10, day: 31)!)
        let report = try db.report(ReportRequest(name: "kpi", period: october), for: manager)
        #expect(report.explanations.count == report.rows.count)
        for (row, e) in zip(report.rows, report.explanations) {
            let e = try #require(e)
            #expect(!e.inputs.isEmpty && e.formula.hasPrefix("formula."), "\(row[0])")
        }
        func input(_ kpi: String, _ key: String) -> CellValue? {
            report.rows.firstIndex { $0.first == .status(kpi) }.flatMap { report.explanations[$0] }?.inputs.first { $0.key == key }?.value
        }
        func shown(_ kpi: String) -> CellValue? { report.rows.first { $0.first == .status(kpi) }?[1] }
        // Churn and average order value, worked out again from what `?` shows.
        guard case .integer(let active)? = input("kpi.churn-rate", "input.active-at-start"), case .integer(let churned)? = input("kpi.churn-rate", "input.churned"),
              case .money(let sales)? = input("kpi.average-order-value", "kpi.sales"), case .integer(let orders)? = input("kpi.average-order-value", "kpi.orders") else {
            Issue.record("inputs missing"); return
        }
        #expect(shown("kpi.churn-rate") == .percent(KPI.churnRate(churned: churned, activeAtStart: active)))
        #expect(shown("kpi.average-order-value") == .money(KPI.averageOrderValue(sales: sales, orders: orders)))
        #expect(active > 0 && orders > 0)
    }
}
