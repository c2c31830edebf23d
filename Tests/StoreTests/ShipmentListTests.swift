import Foundation
import GRDB
import Testing
import TestSupport
import Domain
@testable import Store

/// `:shipments`: every shipment the user may see, newest first or by number, paged by keyset
/// through every row once; search by shipment number, order number and customer; a rep sees
/// their own customers' shipments only, in the list, its search, and printing.
@Suite struct ShipmentListTests {
    let today = Fixtures.today
    let list = ListTests()

    func numbers(_ db: AppDatabase, _ sql: String, _ args: StatementArguments = []) throws -> [Int64] {
        try db.read { db in try Int64.fetchAll(db, sql: sql, arguments: args) }
    }

    @Test func bothSortsPageThroughEveryShipment() throws {
        let db = Fixtures.demo
        let assistant = try Fixtures.actor("assistant", in: db)
        let byDate = try list.all(db, ListQuery(.shipments, sort: "ship-date"), as: assistant, page: 101).map(\.id)
        #expect(byDate == (try numbers(db, "SELECT id FROM shipments ORDER BY ship_date DESC, id DESC")))
        let byNumber = try list.all(db, ListQuery(.shipments, sort: "number"), as: assistant, page: 101).map(\.id)
        #expect(byNumber == (try numbers(db, "SELECT id FROM shipments ORDER BY number DESC, id DESC")))
        let count = try numbers(db, "SELECT COUNT(*) FROM shipments")[0]
        #expect(try db.listCount(ListQuery(.shipments, sort: "ship-date"), for: assistant, today: today) == min(Int(count), 10_001))
    }

    @Test func aRepSeesSearchesAndPrintsOnlyTheirOwnCustomersShipments() throws {
        let db = Fixtures.demo
        let rep = try Fixtures.actor("rep", in: db)
        let assistant = try Fixtures.actor("assistant", in: db)
        let mine = try numbers(db, "SELECT s.id FROM shipments s JOIN customers c ON c.id = s.customer_id WHERE c.owner_id = ? ORDER BY s.ship_date DESC, s.id DESC", [rep.userId])
        let listed = try list.all(db, ListQuery(.shipments, sort: "ship-date"), as: rep, page: 97).map(\.id)
        #expect(!mine.isEmpty && listed == mine)
        let (theirs, number, order) = try db.read { db -> (Int64, String, String) in
            let r = try Row.fetchOne(db, sql: """
                SELECT s.id, s.number, o.number FROM shipments s JOIN sales_orders o ON o.id = s.order_id JOIN customers c ON c.id = s.customer_id
                WHERE c.owner_id <> ? ORDER BY s.id LIMIT 1
                """, arguments: [rep.userId])
            return (r?[0] ?? 0, r?[1] ?? "", r?[2] ?? "")
        }
        let query = ListQuery(.shipments, sort: "ship-date")
        #expect(try db.listSearch(query, text: number, limit: 50, for: assistant, today: today).rows.map(\.id) == [theirs])
        #expect(try db.listSearch(query, text: order, limit: 50, for: assistant, today: today).rows.contains { $0.id == theirs })
        #expect(try db.listSearch(query, text: number, limit: 50, for: rep, today: today).rows.isEmpty)
        #expect(throws: StoreError.self) { try db.printableDocument(.shipment, number: number, for: rep) }
        #expect(try db.printableDocument(.shipment, number: number, for: assistant).number == number)
        #expect(try db.documentNumber(RecordRef(.shipment, theirs))?.1 == number)
    }
}

/// The sales assistant sees every customer's orders and shipments; a rep only their own
/// customers' — on every path: the order card, printing, the deliveries report, the order form
/// and its cancellation.
@Suite struct OrderAccessTests {
    let today = Fixtures.today

    @Test func aRepReachesOnlyTheirOwnCustomersOrders() throws {
        let db = Fixtures.demo
        let rep = try Fixtures.actor("rep", in: db)
        let assistant = try Fixtures.actor("assistant", in: db)
        let (theirs, number) = try db.read { db -> (Int64, String) in
            let r = try Row.fetchOne(db, sql: "SELECT id, number FROM sales_orders WHERE owner_id <> ? AND status = 'open' ORDER BY id LIMIT 1", arguments: [rep.userId])
            return (r?[0] ?? 0, r?[1] ?? "")
        }
        #expect(throws: StoreError.self) { try db.card(RecordRef(.salesOrder, theirs), for: rep, today: today) }
        #expect(try db.card(RecordRef(.salesOrder, theirs), for: assistant, today: today).ref.id == theirs)
        #expect(throws: StoreError.self) { try db.printableDocument(.order, number: number, for: rep) }
        #expect(throws: StoreError.self) { try db.salesOrderForEdit(id: theirs, by: rep) }
        #expect(throws: StoreError.self) { try db.checkCancelSalesOrder(id: theirs, by: rep) }
        let asOf = DateRange(from: today, to: today)
        let all = try db.report(ReportRequest(name: "deliveries", period: asOf), for: assistant)
        let mine = try db.report(ReportRequest(name: "deliveries", period: asOf), for: rep)
        let own = Set(try db.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM sales_orders WHERE owner_id = ?", arguments: [rep.userId]) })
        #expect(mine.refs.compactMap { $0?.id }.allSatisfy(own.contains) && mine.rows.count < all.rows.count)
        #expect(throws: StoreError.self) { try db.report(ReportRequest(name: "team-performance", period: asOf), for: rep) }
    }
}
