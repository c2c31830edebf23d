import Foundation
import GRDB
import Testing
import TestSupport
import Domain
@testable import Store

/// `:orders`: every order the user may see, in each of its five orders, paged by keyset through
/// every row exactly once; each filter and their combination against SQL written here; search by
/// number, customer pinyin initials and PO reference; a rep's list holds only their own.
@Suite struct OrderListTests {
    let today = Fixtures.today
    let list = ListTests()

    func ids(_ db: AppDatabase, _ sql: String, _ args: StatementArguments = []) throws -> [Int64] {
        try db.read { db in try Int64.fetchAll(db, sql: sql, arguments: args) }
    }

    @Test func everySortPagesThroughEveryOrderOnce() throws {
        let db = Fixtures.demo
        let assistant = try Fixtures.actor("assistant", in: db)
        let expected: [String: String] = [
            "order-date": "ORDER BY o.order_date DESC, o.id DESC", "due-date": "ORDER BY o.due_date, o.id", "number": "ORDER BY o.number DESC, o.id DESC",
            "customer": "ORDER BY c.sort_key, o.id", "value": "ORDER BY o.total DESC, o.id DESC",
        ]
        for sort in ListKind.orders.sorts {
            let order = try #require(expected[sort])
            let want = try ids(db, "SELECT o.id FROM sales_orders o JOIN customers c ON c.id = o.customer_id " + order)
            #expect(try list.all(db, ListQuery(.orders, sort: sort), as: assistant, page: 97).map(\.id) == want, "\(sort)")
            let back = try db.listPage(ListQuery(.orders, sort: sort), after: nil, limit: 4, backwards: true, for: assistant, today: today).rows
            #expect(back.map(\.id) == Array(want.suffix(4)), "\(sort) backwards")
        }
        #expect(try db.listCount(ListQuery(.orders, sort: "order-date"), for: assistant, today: today) == (try ids(db, "SELECT id FROM sales_orders")).count)
    }

    @Test func filtersByStatusRepCustomerAndDates() throws {
        let db = Fixtures.demo
        let assistant = try Fixtures.actor("assistant", in: db)
        let rep = try Fixtures.actor("rep", in: db)
        let customer = try #require(try ids(db, "SELECT customer_id FROM sales_orders WHERE owner_id = ? GROUP BY customer_id ORDER BY COUNT(*) DESC LIMIT 1", [rep.userId]).first)
        let filter = ["status": "shipped", "rep": String(rep.userId), "from": "2026-01-01", "to": "2026-06-30"]
        let want = try ids(db, "SELECT id FROM sales_orders WHERE status = 'shipped' AND owner_id = ? AND order_date BETWEEN '2026-01-01' AND '2026-06-30' ORDER BY order_date DESC, id DESC", [rep.userId])
        #expect(!want.isEmpty)
        for sort in ["order-date", "value"] {
            let got = try list.all(db, ListQuery(.orders, sort: sort, filter: filter), as: assistant, page: 11)
            #expect(Set(got.map(\.id)) == Set(want) && got.count == want.count, "\(sort)")
        }
        #expect(try db.listCount(ListQuery(.orders, sort: "order-date", filter: filter), for: assistant, today: today) == want.count)
        let theirs = try ids(db, "SELECT id FROM sales_orders WHERE customer_id = ? ORDER BY due_date, id", [customer])
        #expect(try list.all(db, ListQuery(.orders, sort: "due-date", filter: ["customer": String(customer)]), as: assistant).map(\.id) == theirs)
        // A rep's list: their own orders only, whatever rep the filter names.
        let mine = try ids(db, "SELECT id FROM sales_orders WHERE owner_id = ? ORDER BY order_date DESC, id DESC", [rep.userId])
        #expect(try list.all(db, ListQuery(.orders, sort: "order-date"), as: rep, page: 50).map(\.id) == mine)
        let other = try Fixtures.actor("rep2", in: db)
        #expect(try list.all(db, ListQuery(.orders, sort: "order-date", filter: ["rep": String(other.userId)]), as: rep).isEmpty)
    }

    @Test func searchFindsByNumberCustomerInitialsAndPOReference() throws {
        let db = DemoFixture.make(inMemory: true)
        let assistant = try Fixtures.actor("assistant", in: db)
        let rep = try Fixtures.actor("rep", in: db)
        let query = ListQuery(.orders, sort: "order-date")
        let (id, number, name) = try db.read { db -> (Int64, String, String) in
            let r = try Row.fetchOne(db, sql: "SELECT o.id, o.number, c.name FROM sales_orders o JOIN customers c ON c.id = o.customer_id WHERE c.name GLOB '*[一-龥]*' ORDER BY o.id LIMIT 1")
            return (r?[0] ?? 0, r?[1] ?? "", r?[2] ?? "")
        }
        #expect(try db.listSearch(query, text: number, limit: 50, for: assistant, today: today).rows.map(\.id) == [id])
        #expect(try db.listSearch(query, text: number.lowercased(), limit: 50, for: assistant, today: today).rows.map(\.id) == [id])
        let hits = try db.listSearch(query, text: Pinyin.of(name).initials, limit: 5_000, for: assistant, today: today).rows
        #expect(hits.contains { $0.id == id })
        try db.write { db in try db.execute(sql: "UPDATE sales_orders SET customer_po = 'PO-ACME-7731' WHERE id = ?", arguments: [id]) }
        #expect(try db.listSearch(query, text: "acme-7731", limit: 50, for: assistant, today: today).rows.map(\.id) == [id])
        // A rep finds only their own customers' orders.
        let owner = try #require(try ids(db, "SELECT owner_id FROM sales_orders WHERE id = ?", [id]).first)
        let repHits = try db.listSearch(query, text: number, limit: 50, for: rep, today: today).rows.map(\.id)
        #expect(repHits == (owner == rep.userId ? [id] : []))
    }
}
