import Domain
import GRDB
@testable import Store
import Testing
import TestSupport

/// Every row of the cash and expense statistics opens the documents behind its figures: the
/// list each row names holds exactly the documents that add up to that row's amounts and counts.
@Suite struct DrillDownTests {
    let today = Fixtures.today

    func integer(_ v: CellValue) -> Int64 { if case .integer(let n) = v { n } else { 0 } }

    /// Every row of a list, page by page as the screen reads it: its count and the sums of some columns.
    func figures(_ db: AppDatabase, _ query: ListQuery, by actor: Actor, amountColumns: [Int]) throws -> (count: Int64, sums: [Int64]) {
        var rows: [[CellValue]] = [], after: ListCursor?
        while true {
            let page = try db.listPage(query, after: after, limit: 500, backwards: false, for: actor, today: today)
            rows += page.rows.map(\.cells)
            guard page.rows.count == 500, let last = page.rows.last else { break }
            after = last.cursor
        }
        return (Int64(rows.count), amountColumns.map { c in rows.reduce(Int64(0)) { $0 + ($1[c].moneyValue?.minorUnits ?? 0) } })
    }

    @Test func everyCashRowListsTheDocumentsOfItsFigures() throws {
        let db = DemoFixture.make(inMemory: true)
        let finance = try Fixtures.actor("finance", in: db)
        let voided = try db.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM receipts WHERE status = 'posted' AND receipt_date >= '2026-09-01' ORDER BY id LIMIT 1") ?? 0 }
        try db.voidReceipt(id: voided, reason: "bounced", by: finance, at: 1)
        let period = DateRange(from: DateOnly(iso: "2026-08-15") ?? today, to: today)
        let report = try db.report(ReportRequest(name: "cash", period: period), for: finance)
        var checked = 0
        for table in [report] + report.parts {
            #expect(table.drills.count == table.rows.count, "\(table.name)")
            for (row, drill) in zip(table.rows, table.drills) {
                guard let drill else { continue }
                // Money lists only for a period, posted, within the report's dates.
                #expect(drill.kind == .moneyDocuments && drill.filter("status") == "posted")
                #expect(drill.filter("from") >= period.from.iso && drill.filter("to") <= period.to.iso)
                let listed = try figures(db, drill, by: finance, amountColumns: [4, 5])
                #expect(listed.count == integer(row[1]) + integer(row[3]), "\(table.name) \(row[0])")
                #expect(listed.sums == [row[2].moneyValue?.minorUnits ?? 0, row[4].moneyValue?.minorUnits ?? 0], "\(table.name) \(row[0])")
                checked += 1
            }
        }
        #expect(checked > 20)
        // The first month is cut at the period's start.
        #expect(report.drills.first??.filter("from") == "2026-08-15" && report.drills.first??.filter("to") == "2026-08-31")
        // Paged as the screen pages it: no document twice, none left out, newest first.
        let total = try #require(report.drills.last ?? nil)
        var seen: [RecordRef] = [], after: ListCursor?
        while true {
            let page = try db.listPage(total, after: after, limit: 37, backwards: false, for: finance, today: today)
            seen += page.rows.map(\.ref)
            guard page.rows.count == 37, let last = page.rows.last else { break }
            after = last.cursor
            let back = try db.listPage(total, after: last.cursor, limit: 5, backwards: true, for: finance, today: today)
            #expect(back.rows.map(\.ref) == Array(seen.suffix(6).prefix(5)))
        }
        let count = try db.listCount(total, for: finance, today: today)
        #expect(Set(seen).count == seen.count && seen.count == count)
        #expect(throws: StoreError.self) { try db.listPage(total, after: nil, limit: 5, backwards: false, for: try Fixtures.actor("rep", in: db), today: today) }
    }

    @Test func everyExpenseRowListsItsExpenses() throws {
        let db = DemoFixture.make(inMemory: true)
        let finance = try Fixtures.actor("finance", in: db)
        let period = DateRange(from: DateOnly(iso: "2026-01-01") ?? today, to: today)
        let report = try db.report(ReportRequest(name: "expenses", period: period), for: finance)
        var checked = 0
        for table in [report] + report.parts where table.name != "expenses-list" {
            for (row, drill) in zip(table.rows, table.drills) {
                guard let drill else { continue }
                let listed = try figures(db, drill, by: finance, amountColumns: [5])
                #expect(listed.count == integer(row[1]) && listed.sums == [row[2].moneyValue?.minorUnits ?? 0], "\(table.name) \(row[0])")
                checked += 1
            }
        }
        #expect(checked > 20)
    }
}
