import Foundation
import GRDB
import Testing
import Domain
@testable import Store

/// `rapport report orders` and `report deliveries` print what `:orders` and `:deliveries`
/// show: the same rows, checked here against SQL written for the test; a rep sees their own.
@Suite struct OrderReportCLITests {
    static let db = CLITests.db

    func jsonRows(_ r: CLI.Result) -> [[String]] {
        (try? JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])??["rows"] as? [[String]] ?? []
    }

    func numbers(_ sql: String) throws -> [String] {
        let db = try AppDatabase.open(path: OrderReportCLITests.db, create: false)
        return try db.read { db in try String.fetchAll(db, sql: sql) }
    }

    @Test func ordersFilteredSortedAndSearched() throws {
        let shipped = try CLI.run(["report", "orders", "--db", Self.db, "--today", "2026-11-22", "--status", "shipped", "--rep", "rep2",
                                   "--from", "2026-01-01", "--to", "2026-03-31", "--sort", "value", "--format", "json"], as: "assistant")
        #expect(shipped.status == 0, "\(shipped.err)")
        let want = try numbers("""
            SELECT o.number FROM sales_orders o JOIN users u ON u.id = o.owner_id WHERE o.status = 'shipped' AND u.login = 'rep2'
            AND o.order_date BETWEEN '2026-01-01' AND '2026-03-31' ORDER BY o.total DESC, o.id DESC
            """)
        #expect(!want.isEmpty && jsonRows(shipped).map { $0[0] } == want)
        let found = try CLI.run(["report", "orders", "--db", Self.db, "--today", "2026-11-22", "--search", want[0].lowercased(), "--format", "csv"], as: "assistant")
        #expect(found.status == 0 && found.out.split(whereSeparator: \.isNewline).count == 2 && found.out.contains(want[0]))
        // A rep: their own customers' orders, whatever else is asked.
        let mine = try CLI.run(["report", "orders", "--db", Self.db, "--today", "2026-11-22", "--status", "cancelled", "--format", "json"], as: "rep")
        #expect(jsonRows(mine).map { $0[0] } == (try numbers("""
            SELECT o.number FROM sales_orders o JOIN users u ON u.id = o.owner_id WHERE o.status = 'cancelled' AND u.login = 'rep' ORDER BY o.order_date DESC, o.id DESC
            """)))
        let other = try CLI.run(["report", "orders", "--db", Self.db, "--rep", "rep2"], as: "rep")
        #expect(other.status != 0 && other.err.contains("only their own customers' orders"))
        let bad = try CLI.run(["report", "orders", "--db", Self.db, "--status", "lost"], as: "assistant")
        #expect(bad.status != 0 && bad.err.contains("--status 'lost'"))
        let backwards = try CLI.run(["report", "orders", "--db", Self.db, "--from", "2026-05-01", "--to", "2026-04-01"], as: "assistant")
        #expect(backwards.status != 0 && backwards.err.contains("before --from"))
    }

    @Test func deliveriesDueAsOfADay() throws {
        let r = try CLI.run(["report", "deliveries", "--db", Self.db, "--as-of", "2026-11-20", "--format", "json"], as: "assistant")
        #expect(r.status == 0, "\(r.err)")
        let rows = jsonRows(r)
        let want = try numbers("SELECT number FROM sales_orders WHERE status IN ('open','partially_shipped') AND due_date <= '2026-11-21' ORDER BY due_date, number")
        #expect(!want.isEmpty && rows.map { $0[2] } == want)
        // Overdue first, then today, then tomorrow; an order nothing was shipped from has all of its value still to ship.
        let order = ["delivery.overdue", "delivery.today", "delivery.tomorrow"]
        #expect(rows.map { order.firstIndex(of: $0[0]) ?? 9 } == rows.map { order.firstIndex(of: $0[0]) ?? 9 }.sorted())
        let untouched = Set(try numbers("SELECT o.number FROM sales_orders o WHERE status = 'open' AND due_date <= '2026-11-21'"))
        for row in rows where untouched.contains(row[2]) { #expect(row[4] == row[5], "\(row[2])") }
        let table = try CLI.run(["report", "deliveries", "--db", Self.db, "--as-of", "2026-11-20"], as: "assistant")
        #expect(table.out.contains("Deliveries due — As of 2026-11-20") && table.out.contains("overdue"))
        let bad = try CLI.run(["report", "deliveries", "--db", Self.db, "--as-of", "20/11/2026"], as: "assistant")
        #expect(bad.status != 0 && bad.err.contains("--as-of"))
    }
}
