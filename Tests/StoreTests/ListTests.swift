import Foundation
import GRDB
import Testing
import TestSupport
import Domain
@testable import Store

/// The generic list: every kind pages by keyset through all its rows exactly once, in order, in
/// both directions; the count agrees; a rep sees only their own; search finds by number and
/// pinyin; an inclusive page starts at the cursor's own row.
@Suite struct ListTests {
    let today = Fixtures.today

    func all(_ db: AppDatabase, _ query: ListQuery, as actor: Actor, page: Int = 7) throws -> [ListRow] {
        var rows: [ListRow] = [], after: ListCursor?
        while true {
            let next = try db.listPage(query, after: after, limit: page, backwards: false, for: actor, today: today).rows
            rows += next
            guard next.count == page, let last = next.last else { return rows }
            after = last.cursor
        }
    }

    @Test func openOrdersPageThroughEveryOpenOrderInBothSorts() throws {
        let db = Fixtures.demo
        let assistant = try Fixtures.actor("assistant", in: db)
        let open = try db.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM sales_orders WHERE status IN ('open','partially_shipped') ORDER BY due_date, id") }
        let byDue = try all(db, ListQuery(.openOrders, sort: "due-date"), as: assistant)
        #expect(byDue.map(\.id) == open)
        #expect(try db.listCount(ListQuery(.openOrders, sort: "due-date"), for: assistant, today: today) == open.count)
        let newest = try db.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM sales_orders WHERE status IN ('open','partially_shipped') ORDER BY order_date DESC, id DESC") }
        #expect(try all(db, ListQuery(.openOrders, sort: "order-date"), as: assistant).map(\.id) == newest)
        // Backwards from the end gives the last page in the same order.
        let last = try db.listPage(ListQuery(.openOrders, sort: "due-date"), after: nil, limit: 5, backwards: true, for: assistant, today: today).rows
        #expect(last.map(\.id) == Array(open.suffix(5)))
        // Inclusive: from the cursor's own row.
        let from = try db.listPage(ListQuery(.openOrders, sort: "due-date"), after: byDue[3].cursor, inclusive: true, limit: 2, backwards: false, for: assistant, today: today).rows
        #expect(from.map(\.id) == [byDue[3].id, byDue[4].id])
    }

    @Test func aRepListsOnlyTheirOwnOpenOrdersAndSearchFindsByNumberAndPinyin() throws {
        let db = Fixtures.demo
        let rep = try Fixtures.actor("rep", in: db)
        let mine = try db.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM sales_orders WHERE status IN ('open','partially_shipped') AND owner_id = ? ORDER BY due_date, id", arguments: [rep.userId]) }
        #expect(try all(db, ListQuery(.openOrders, sort: "due-date"), as: rep).map(\.id) == mine)
        let assistant = try Fixtures.actor("assistant", in: db)
        let first = try #require(try all(db, ListQuery(.openOrders, sort: "due-date"), as: assistant).first)
        let number = first.cells[0].plainText
        #expect(try db.listSearch(ListQuery(.openOrders, sort: "due-date"), text: number, limit: 50, for: assistant, today: today).rows.map(\.id) == [first.id])
        let name = first.cells[1].plainText
        let initials = Pinyin.of(name).initials
        let hits = try db.listSearch(ListQuery(.openOrders, sort: "due-date"), text: initials, limit: 500, for: assistant, today: today).rows
        #expect(hits.contains { $0.id == first.id }, "\(initials)")
    }

    @Test func theCustomerListOnTheGenericListMatchesItsOwnPages() throws {
        let db = Fixtures.demo
        let rep = try Fixtures.actor("rep", in: db)
        for sort in ListKind.customers.sorts {
            let rows = try all(db, ListQuery(.customers, sort: sort), as: rep, page: 13)
            let direct = try db.customerPage(for: rep, sort: CustomerSort(rawValue: sort) ?? .name, after: nil, limit: 10_000)
            #expect(rows.map(\.id) == direct.map(\.id), "\(sort)")
            // From a row on, that row included (a refresh keeps the window where it stands).
            let from = try db.listPage(ListQuery(.customers, sort: sort), after: rows[5].cursor, inclusive: true, limit: 2, backwards: false, for: rep, today: today).rows
            #expect(from.map(\.id) == [rows[5].id, rows[6].id], "\(sort)")
        }
        let filtered = ListQuery(.customers, sort: "name", filter: ["status": "active"])
        #expect(try db.listCount(filtered, for: rep, today: today) == (try all(db, filtered, as: rep)).count)
    }
}
