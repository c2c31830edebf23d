import Domain
import GRDB
@testable import Store
import Testing
import TestSupport

/// `:kpi-reps` and `rapport report kpi-reps`: each rep's row is that rep's own dashboard, the
/// last row the company's; sorted by any KPI; the monthly revenue it reads follows every
/// shipment, void and handover.
@Suite struct KPIRepsTests {
    let october = DateRange(from: DateOnly(year: 2026, month: 10, day: 1)!, to: DateOnly(year: 2026, month: 10, day: 31)!)
    let today = Fixtures.today
    let now: Int64 = 1_795_000_000

    /// A dashboard's values in the per-rep table's column order (the gauge read as its percentage).
    func values(_ kpi: Report) -> [String] { kpi.rows.map { $0[1].plainText } }

    @Test(arguments: ["month", "year"])
    func eachRowIsThatRepsDashboardAndTheLastTheCompanys(_ span: String) throws {
        let db = DemoFixture.make(inMemory: true)
        let manager = try Fixtures.actor("manager", in: db)
        let period = span == "month" ? october : DateRange(from: today.startOfYear, to: today)
        let table = try db.report(ReportRequest(name: "kpi-reps", period: period), for: manager)
        let reps = try db.read { db in
            try Row.fetchAll(db, sql: "SELECT id, display_name FROM users WHERE role = 'sales_rep' AND active = 1 ORDER BY display_name, id").map { ($0[0] as Int64, $0[1] as String) }
        }
        #expect(table.rows.count == reps.count + 1)
        #expect(table.columns.count == 1 + (try db.report(ReportRequest(name: "kpi", period: period), for: manager)).rows.count)
        for (row, (rep, name)) in zip(table.rows, reps) {
            #expect(row[0] == .text(name))
            let own = try db.report(ReportRequest(name: "kpi", period: period, rep: rep), for: manager)
            #expect(Array(row.dropFirst().map(\.plainText)) == values(own), "\(name) \(span)")
        }
        let company = try db.report(ReportRequest(name: "kpi", period: period), for: manager)
        #expect(table.rows.last?.first == .status("report.company"))
        #expect(table.rows.last.map { Array($0.dropFirst().map(\.plainText)) } == values(company))
        // Quota attainment as a gauge; a rep's row opens their own figures, the company's nothing.
        let attainment = try #require(table.columns.firstIndex { $0.key == "kpi.quota-attainment" })
        #expect(table.rows.allSatisfy { if case .gauge = $0[attainment] { true } else { false } })
        #expect(table.refs.dropLast() == reps.map { RecordRef(.performance, $0.0) } && table.refs.last == .some(nil))
        #expect(table.rows.contains { $0[1] != .money(.zero) })
    }

    @Test func sortedByAnyKPILargestFirstTheCompanyStayingLast() throws {
        let db = DemoFixture.make(inMemory: true)
        let manager = try Fixtures.actor("manager", in: db)
        for key in ["kpi.sales", "kpi.churn-rate", "kpi.close-rate"] {
            let table = try db.report(ReportRequest(name: "kpi-reps", period: october, sort: key), for: manager)
            let column = try #require(table.columns.firstIndex { $0.key == key })
            let plain = try db.report(ReportRequest(name: "kpi-reps", period: october), for: manager)
            #expect(table.rows.last == plain.rows.last)
            #expect(Set(table.rows.map { $0[0] }) == Set(plain.rows.map { $0[0] }))
            // Each rep's figure no larger than the one above it; "—" at the bottom.
            let measures = try table.rows.dropLast().map { row in
                let rep = try #require(plain.rows.firstIndex { $0[0] == row[0] })
                return KPIMeasure.of(plain.rows[rep][column])
            }
            #expect(measures == measures.sorted(by: >), "\(key): \(measures)")
            #expect(table.parameters.contains { $0.key == "param.sorted-by" && $0.value == .status(key) })
        }
    }

    @Test func onlyTheManagerSeesEveryRep() throws {
        let db = DemoFixture.make(inMemory: true)
        for login in ["rep", "assistant", "finance"] {
            #expect(throws: StoreError.self) { try db.report(ReportRequest(name: "kpi-reps", period: october), for: try Fixtures.actor(login, in: db)) }
        }
    }

    @Test func monthlyRevenueFollowsShipmentsVoidsAndHandovers() throws {
        let db = DemoFixture.make(inMemory: true)
        let manager = try Fixtures.actor("manager", in: db), assistant = try Fixtures.actor("assistant", in: db)
        #expect(try db.check() == [])
        func revenue(_ rep: Int64) throws -> Int64 {
            try db.read { db in try Int64.fetchOne(db, sql: "SELECT coalesce(SUM(total), 0) FROM revenue_monthly WHERE owner_id = ?", arguments: [rep]) ?? 0 }
        }
        let row = try db.read { db in
            try Row.fetchOne(db, sql: """
                SELECT s.id, o.owner_id, s.total FROM shipments s JOIN sales_orders o ON o.id = s.order_id WHERE s.status = 'posted' AND s.total > 0 ORDER BY s.id DESC LIMIT 1
                """).map { [$0[0] as Int64, $0[1] as Int64, $0[2] as Int64] } ?? []
        }
        try #require(row.count == 3)
        let shipment = row[0], owner = row[1], total = row[2]
        let before = try revenue(owner)
        try db.voidShipment(id: shipment, reason: "returned", by: assistant, today: today, at: now)
        #expect(try revenue(owner) == before - total)
        #expect(try db.check() == [])
        // A handover moves the orders, and their months of revenue with them.
        let takers = try db.handoverSource(from: owner, by: manager).takers.map(\.id)
        func takersRevenue() throws -> Int64 { try takers.map(revenue).reduce(0, +) }
        let taken = try takersRevenue()
        _ = try db.handOver(from: owner, to: takers, spread: .count, disable: false, by: manager, today: today, at: now)
        #expect(try db.check() == [])
        let gained = try takersRevenue() - taken, kept = try revenue(owner)
        #expect(gained == before - total - kept)
        #expect(gained > 0)
        try db.write { db in try db.execute(sql: "UPDATE revenue_monthly SET total = total + 1 WHERE month = (SELECT max(month) FROM revenue_monthly)") }
        #expect(try db.check().contains { $0.contains("monthly revenue ≠ shipments") })
    }
}

/// A table cell's figure for comparing ranks: "—" lowest.
enum KPIMeasure {
    static func of(_ v: CellValue) -> Int64 {
        switch v {
        case .money(let m): m.minorUnits
        case .percent(let p), .gauge(let p): p?.value ?? .min
        case .integer(let i), .days(let i): i
        case .quantity(let q): q.thousandths
        default: .min
        }
    }
}

/// `:kpi-trend`: each month's column is that month's dashboard.
@Suite struct KPITrendTests {
    @Test(arguments: [false, true])
    func eachMonthIsThatMonthsDashboard(_ oneRep: Bool) throws {
        let db = DemoFixture.make(inMemory: true)
        let manager = try Fixtures.actor("manager", in: db), rep = try Fixtures.actor("rep", in: db)
        let who = oneRep ? rep.userId : nil
        let end = DateOnly(year: 2026, month: 10, day: 31)!
        let trend = try db.report(ReportRequest(name: "kpi-trend", period: DateRange(from: end.startOfMonth, to: end), rep: who), for: manager)
        #expect(trend.columns.count == 14 && trend.rows.count == 23)
        for (column, back) in [(13, 0), (10, 3), (2, 11)] {
            let start = end.startOfMonth.adding(months: -back)
            let kpi = try db.report(ReportRequest(name: "kpi", period: DateRange(from: start, to: start.endOfMonth), rep: who), for: manager)
            for row in trend.rows {
                let shown = kpi.rows.first { $0.first == row.first }?[1]
                #expect(row[column] == shown, "\(row[0]) \(start.iso)")
            }
        }
        guard case .spark(let values)? = trend.rows.first?[1] else { Issue.record("no sparkline"); return }
        #expect(values.count == 12 && values.compactMap { $0 }.count == 12)
    }
}
