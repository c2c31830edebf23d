import Domain
import GRDB
@testable import Store
import Testing
import TestSupport

/// Cash in and out: every grouping adds up to the same totals, which are the posted receipts'
/// and payments' sums for the period (voided ones left out); every month of the period has a row.
@Suite struct CashReportTests {
    let today = Fixtures.today

    func sum(_ db: AppDatabase, _ sql: String, _ args: StatementArguments) throws -> Int64 {
        try db.read { db in try Int64.fetchOne(db, sql: sql, arguments: args) ?? 0 }
    }

    @Test func everyGroupingAddsUpToThePostedDocuments() throws {
        let db = DemoFixture.make(inMemory: true)
        let finance = try Fixtures.actor("finance", in: db)
        // A voided receipt counts for nothing.
        let voided = try db.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM receipts WHERE status = 'posted' AND receipt_date >= '2026-03-01' ORDER BY id LIMIT 1") ?? 0 }
        try db.voidReceipt(id: voided, reason: "bounced", by: finance, at: 1)
        let period = DateRange(from: DateOnly(iso: "2026-03-01") ?? today, to: today)
        let args: StatementArguments = [period.from.iso, period.to.iso]
        let cashIn = try sum(db, "SELECT SUM(amount) FROM receipts WHERE status = 'posted' AND receipt_date BETWEEN ? AND ?", args)
        let cashOut = try sum(db, "SELECT SUM(amount) FROM payments WHERE status = 'posted' AND payment_date BETWEEN ? AND ?", args)
        let report = try db.report(ReportRequest(name: "cash", period: period), for: finance)
        #expect(report.rows.count == 9 + 1, "March to November, and the total")
        for table in [report] + report.parts {
            let total = try #require(table.rows.last)
            #expect(total[2] == .money(minorUnits: cashIn) && total[4] == .money(minorUnits: cashOut) && total[5] == .money(minorUnits: cashIn - cashOut), "\(table.name)")
            let rows = table.rows.dropLast()
            #expect(rows.reduce(Int64(0)) { $0 + ($1[2].moneyValue?.minorUnits ?? 0) } == cashIn, "\(table.name)")
            #expect(rows.reduce(Int64(0)) { $0 + ($1[4].moneyValue?.minorUnits ?? 0) } == cashOut, "\(table.name)")
        }
        #expect(report.parts.map(\.name) == ["cash-by-method", "cash-by-rep", "cash-by-party"])
        let byMethod = try db.report(ReportRequest(name: "cash", period: period, sort: "method"), for: finance)
        #expect(byMethod.parts.isEmpty && byMethod.rows == report.parts[0].rows)
        #expect(throws: StoreError.self) { try db.report(ReportRequest(name: "cash", period: period), for: try Fixtures.actor("rep", in: db)) }
    }

    /// Parties are summed from whole months and from the odd days at either end: any period
    /// gives the documents' own sums, party by party.
    @Test func partiesAddUpForPeriodsOfAnyShape() throws {
        let db = Fixtures.demo
        let finance = try Fixtures.actor("finance", in: db)
        for (from, to) in [("2026-11-05", "2026-11-20"), ("2025-12-15", "2026-02-10"), ("2026-01-01", "2026-06-30"), ("2025-11-23", "2026-11-22")] {
            let period = DateRange(from: DateOnly(iso: from) ?? today, to: DateOnly(iso: to) ?? today)
            let report = try db.report(ReportRequest(name: "cash", period: period, sort: "party"), for: finance)
            let expected = try db.read { db in
                Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
                    SELECT 'c' || customer_id, SUM(amount) FROM receipts WHERE status = 'posted' AND receipt_date BETWEEN ?1 AND ?2 GROUP BY 1
                    UNION ALL SELECT 's' || supplier_id, -SUM(amount) FROM payments WHERE status = 'posted' AND payment_date BETWEEN ?1 AND ?2 GROUP BY 1
                    """, arguments: [from, to]).map { ($0[0] as String, $0[1] as Int64) })
            }
            var found: [String: Int64] = [:]
            for (ref, row) in zip(report.refs, report.rows) {
                guard let ref else { continue }
                found[(ref.kind == .customer ? "c" : "s") + String(ref.id)] = row[5].moneyValue?.minorUnits
            }
            #expect(found == expected, "\(from) – \(to)")
        }
    }
}

/// Receivables analysis: the concentration's balances are the aging's positive balances (largest
/// first, cumulative share reaching 100 %), the breaches are over the threshold or the limit,
/// the aged items are more than 90 days overdue and the week's are due within it.
@Suite struct ReceivablesAnalysisTests {
    @Test func concentrationBreachesAndItemsFollowTheAging() throws {
        let db = Fixtures.demo
        let finance = try Fixtures.actor("finance", in: db)
        let today = Fixtures.today
        let day = DateRange(from: today, to: today)
        let aging = try db.report(ReportRequest(name: "aging", period: day), for: finance)
        let report = try db.report(ReportRequest(name: "receivables", period: day), for: finance)
        let positive = aging.rows.dropLast().compactMap { $0[8].moneyValue?.minorUnits }.filter { $0 > 0 }
        let balances = report.rows.dropLast().compactMap { $0[2].moneyValue?.minorUnits }
        #expect(balances == positive.sorted(by: >))
        #expect(report.rows.last?[2] == .money(minorUnits: positive.reduce(0, +)))
        #expect(report.rows.dropLast().last?[4] == .percent(BasisPoints(10_000)))
        #expect(report.parts.map(\.name) == ["receivables-overdue", "receivables-aged", "receivables-due-week"])
        for row in report.parts[0].rows {
            let overdue: Int64 = row[1].moneyValue?.minorUnits ?? 0
            let limit = row[2].moneyValue?.minorUnits ?? 0
            #expect(overdue > 10_000_00 || (limit > 0 && overdue > limit))
        }
        for row in report.parts[1].rows { if case .integer(let days) = row[3] { #expect(days > 90) } else { Issue.record("no days") } }
        for row in report.parts[2].rows { if case .date(let due) = row[2] { #expect(due >= today && due <= today.adding(days: 6)) } }
        #expect(!report.parts[1].rows.isEmpty && !report.parts[2].rows.isEmpty)
        #expect(throws: StoreError.self) { try db.report(ReportRequest(name: "receivables", period: day), for: try Fixtures.actor("rep", in: db)) }
    }
}
