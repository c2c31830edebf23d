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

    /// `:new-order` with no customer selected asks which one: the Store answers each keystroke
    /// (pinyin initials here), an answer to an older text is dropped, Enter opens the order form.
    @Test func newOrderAsksForTheCustomerByPinyinInitials() throws {
        let db = DemoFixture.make(inMemory: true)
        var (model, runner) = flow.loggedIn("assistant", db)
        let (id, name, initials) = try db.read { db -> (Int64, String, String) in
            let r = try Row.fetchOne(db, sql: "SELECT id, name, search_key FROM customers WHERE name GLOB '*[一-龥]*' AND archived = 0 ORDER BY id LIMIT 1")
            return (r?[0] ?? 0, r?[1] ?? "", r?[2] ?? "")
        }
        // The customer's initials are in its search key; the ones of its full name find it.
        let pinyin = Pinyin.of(name).initials
        #expect(initials.contains(pinyin))
        _ = model.handle(.openPalette, now: 0)
        for c in "new-order" { _ = model.handle(.palette(.type(c)), now: 0) }
        #expect(model.handle(.palette(.run), now: 0).isEmpty)
        var e = try #require(flow.editor(model))
        #expect(e.purpose == .pickCustomer(then: .order) && e.focusKey == "customer")
        // Typing asks the Store; an answer for an earlier text changes nothing.
        #expect(model.handle(.editor(.form(.type("x"))), now: 0) == [.lookupCustomers(field: "customer", query: "x")])
        _ = model.handle(.editor(.lookupResults(field: "customer", query: "old", options: [FieldRule.Option(value: "1", label: "C1 Old")])), now: 0)
        e = try #require(flow.editor(model))
        #expect(e.form.fields[0].matches.isEmpty)
        // Enter before the Store answers waits for the answer, then takes its first match.
        flow.key(.backspace, &model, runner)
        for c in pinyin { _ = model.handle(.editor(.form(.type(c))), now: 0) }
        #expect(model.handle(.editor(.form(.enter)), now: 0).isEmpty && flow.editor(model)?.purpose == .pickCustomer(then: .order))
        let actor = try #require(model.session?.actor)
        let first = try #require(try db.customerPicks(for: actor, query: pinyin, limit: 50).first)
        flow.drive(&model, runner, .editor(.lookupResults(field: "customer", query: pinyin, options: [EditorModel.customerOption(first)])))
        #expect(flow.editor(model)?.purpose == .newOrder(customerId: first.id))
        // Esc leaves the order form; the picker again, choosing with ↓.
        flow.key(.cancel, &model, runner)
        _ = model.handle(.openPalette, now: 0)
        for c in "new-order" { _ = model.handle(.palette(.type(c)), now: 0) }
        _ = model.handle(.palette(.run), now: 0)
        flow.type(pinyin, &model, runner)
        e = try #require(flow.editor(model))
        let matches = e.form.fields[0].matches
        let at = try #require(matches.firstIndex { $0.value == String(id) })
        flow.key(.down, &model, runner, times: at)
        flow.key(.enter, &model, runner)
        e = try #require(flow.editor(model))
        #expect(e.purpose == .newOrder(customerId: id) && e.subject == name && e.focusKey == "product")
    }

    /// Tab on the orders filter's customer look-up before the Store has answered waits for the
    /// answer and takes its first match, instead of calling the text unknown.
    @Test func tabBeforeTheAnswerTakesItsFirstMatch() throws {
        var e = EditorModel.orderFilter(ListQuery(.orders, sort: "order-date"), reps: [], showRep: true, today: today)
        e.form.focus = e.form.fields.firstIndex { $0.key == "customer" } ?? 0
        for c in "bjqc" { _ = e.handle(.form(.type(c))) }
        _ = e.handle(.form(.next))
        #expect(e.focusKey == "customer" && e.form.fields[e.form.focus].error == nil)
        _ = e.handle(.lookupResults(field: "customer", query: "bjqc", options: [FieldRule.Option(value: "117", label: "C000117 北京启创贸易集团有限公司")]))
        #expect(e.value("customer") == "C000117 北京启创贸易集团有限公司" && e.focusKey == "from")
        #expect(e.pickedCustomer?.id == 117)
    }
}
