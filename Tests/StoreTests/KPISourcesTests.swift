import Domain
import GRDB
@testable import Store
import Testing
import TestSupport

/// The KPIs read sales, collections and revenue from the monthly and daily tables for whole
/// months and from the documents for the days around them: for any period — a day, part of a
/// month, months across a year's end, whole months — the figures are the documents' own sums,
/// for the company, one rep and every rep at once.
@Suite struct KPISourcesTests {
    static let periods: [(String, String)] = [
        ("2026-10-15", "2026-10-15"), ("2026-10-01", "2026-10-31"), ("2026-09-17", "2026-11-03"), ("2026-09-30", "2026-11-01"),
        ("2025-12-20", "2026-02-10"), ("2026-01-01", "2026-11-22"), ("2025-11-23", "2026-11-22"), ("2026-11-01", "2026-11-22"),
    ]

    @Test(arguments: periods)
    func monthlyTablesAndTheEdgeDaysAddUpToTheDocuments(_ from: String, _ to: String) throws {
        let db = DemoFixture.make(inMemory: true)
        let p = try #require(DateOnly(iso: from).flatMap { f in DateOnly(iso: to).map { DateRange(from: f, to: $0) } })
        try db.read { db in
            let reps = try Int64.fetchAll(db, sql: "SELECT id FROM users WHERE role = 'sales_rep'")
            let rep = try #require(reps.first)
            func direct(_ sql: String, owner: Int64?) throws -> [Int64] {
                let fetched = try Row.fetchOne(db, sql: sql + (owner == nil ? "" : " AND owner_id = \(owner ?? 0)"), arguments: [p.from.iso, p.to.iso])
                let row = try #require(fetched)
                return [row[0], row[1], row[2], row[3]]
            }
            let orders = "SELECT coalesce(SUM(total), 0), COUNT(*), coalesce(SUM(quantity), 0), COUNT(DISTINCT customer_id) FROM sales_orders WHERE order_date BETWEEN ? AND ? AND status <> 'cancelled'"
            for scope in [KPIScope.company, .rep(rep), .everyRep] {
                let sales = try AppDatabase.salesByGroup(db, p, scope: scope), buyers = try AppDatabase.orderingCustomers(db, p, scope: scope)
                let groups: [Int64?] = switch scope {
                case .company: [nil]
                case .rep(let r): [r]
                case .everyRep: reps + [nil]
                }
                for owner in groups {
                    let g = owner ?? 0, want = try direct(orders, owner: owner)
                    let got: [Int64] = sales[g].map { [$0.sales.minorUnits, $0.orders, $0.quantity.thousandths] } ?? [0, 0, 0]
                    #expect(got + [buyers[g] ?? 0] == want, "\(scope) group \(g) \(from)…\(to)")
                }
            }
            // Collections per rep from the daily cash table, revenue from the monthly one.
            let collected = try AppDatabase.collectionsByRep(db, p), revenue = try AppDatabase.revenueByRep(db, p)
            for r in reps {
                let receipts = try Int64.fetchOne(db, sql: "SELECT coalesce(SUM(amount), 0) FROM receipts WHERE receipt_date BETWEEN ? AND ? AND status = 'posted' AND rep_id = ?",
                                                  arguments: [p.from.iso, p.to.iso, r]) ?? 0
                #expect((collected[r]?.minorUnits ?? 0) == receipts)
                let shipped = try Int64.fetchOne(db, sql: """
                    SELECT coalesce(SUM(s.total), 0) FROM shipments s JOIN sales_orders o ON o.id = s.order_id WHERE s.ship_date BETWEEN ? AND ? AND s.status = 'posted' AND o.owner_id = ?
                    """, arguments: [p.from.iso, p.to.iso, r]) ?? 0
                #expect((revenue[r]?.minorUnits ?? 0) == shipped)
            }
            #expect(collected.values.reduce(0) { $0 + $1.minorUnits } > 0 || p.from == p.to)
        }
    }
}
