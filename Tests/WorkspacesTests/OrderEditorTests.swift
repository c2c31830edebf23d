import Foundation
import GRDB
import TestSupport
import Domain
@testable import Store
import Testing
@testable import Workspaces

/// The sales assistant keys an order in from a customer's Orders tab — through the real view
/// models and effect runner: prices start from what the customer last paid (the form says
/// which), the credit after the order shows as lines are added, and saving books the order and
/// opens its card.
@Suite struct OrderEditorTests {
    let today = DemoFixture.today
    let flow = EditorFlowTests()

    @Test func keyAnOrderFromTheCustomersOrdersTab() throws {
        let db = DemoFixture.make(inMemory: true)
        var (model, runner) = flow.loggedIn("assistant", db)
        let assistant = try #require(model.session?.actor)
        // A customer with an earlier order: its first line's product has a last price.
        let (customer, product, lastPrice) = try db.read { db -> (Int64, Int64, Int64) in
            let r = try Row.fetchOne(db, sql: """
                SELECT o.customer_id, l.product_id, l.unit_price FROM sales_orders o JOIN sales_order_lines l ON l.order_id = o.id
                WHERE o.status <> 'cancelled' ORDER BY o.order_date DESC, o.id DESC, l.line_no LIMIT 1
                """)
            return (r?[0] ?? 0, r?[1] ?? 0, r?[2] ?? 0)
        }
        let source = try db.orderEntrySource(customerId: customer, by: assistant)
        #expect(source.lastPrices[product]?.price == Money(minorUnits: lastPrice))
        flow.drive(&model, runner, .open(RecordRef(.customer, customer)))
        guard case .card(let card)? = model.current else { Issue.record("no card"); return }
        let tab = try #require(card.card?.sections.firstIndex { $0.title == "section.orders" }) + 1
        flow.drive(&model, runner, .card(.showTab(tab)))
        flow.drive(&model, runner, .newRecord)
        var e = try #require(flow.editor(model))
        #expect(e.purpose == .newOrder(customerId: customer) && e.focusKey == "product")
        #expect(e.value("order_date") == today.iso && e.value("due_date") == today.adding(days: 7).iso)
        let products = try db.productOptions()
        let known = try #require(products.first { $0.id == product })
        // By code: the customer's last price, and the heading says so.
        flow.type(known.code, &model, runner)
        flow.key(.enter, &model, runner)
        e = try #require(flow.editor(model))
        #expect(e.value("unit_price") == Money(minorUnits: lastPrice).formatted(grouping: false))
        #expect(e.lines?.priceNote?.key == "order.price-last")
        flow.type("2", &model, runner); flow.key(.enter, &model, runner)
        flow.key(.enter, &model, runner); flow.key(.enter, &model, runner)
        e = try #require(flow.editor(model))
        #expect(e.lines?.items.count == 1 && e.lines?.items[0].unitPrice == Money(minorUnits: lastPrice))
        let afterOne = try #require(e.creditAfterOrder)
        #expect(afterOne.exposure == source.credit.exposure + (e.lines?.total ?? .zero))
        // A product the customer never bought: the list price.
        let lastIds = Set(source.lastPrices.keys)
        let fresh = try #require(products.first { !lastIds.contains($0.id) })
        flow.type(fresh.code, &model, runner)
        flow.key(.enter, &model, runner)
        e = try #require(flow.editor(model))
        #expect(e.value("unit_price") == fresh.listPrice.formatted(grouping: false) && e.lines?.priceNote?.key == "order.price-list")
        flow.key(.enter, &model, runner); flow.key(.enter, &model, runner); flow.key(.enter, &model, runner)
        let count = try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sales_orders") ?? 0 }
        // Enter on the empty product saves.
        flow.key(.enter, &model, runner)
        #expect(flow.editor(model) == nil)
        guard case .card(let order)? = model.current else { Issue.record("the order's card did not open"); return }
        #expect(order.ref.kind == .salesOrder)
        let saved = try db.read { db in
            try Row.fetchOne(db, sql: "SELECT customer_id, created_by, (SELECT COUNT(*) FROM sales_order_lines WHERE order_id = o.id) FROM sales_orders o WHERE id = ?", arguments: [order.ref.id])
                .map { [$0[0] as Int64, $0[1] as Int64, $0[2] as Int64] }
        }
        #expect(saved == [customer, assistant.userId, 2])
        #expect(try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sales_orders") ?? 0 } == count + 1)
    }

    @Test func aRepHasNoNewOrderOnTheOrdersTab() throws {
        let db = DemoFixture.make(inMemory: true)
        var (model, runner) = flow.loggedIn("rep", db)
        let rep = try #require(model.session?.actor)
        let customer = try db.customerPage(for: rep, after: nil, limit: 1)[0].id
        flow.drive(&model, runner, .open(RecordRef(.customer, customer)))
        guard case .card(let card)? = model.current else { Issue.record("no card"); return }
        let tab = try #require(card.card?.sections.firstIndex { $0.title == "section.orders" }) + 1
        flow.drive(&model, runner, .card(.showTab(tab)))
        flow.drive(&model, runner, .newRecord)
        #expect(flow.editor(model) == nil)
    }
}
