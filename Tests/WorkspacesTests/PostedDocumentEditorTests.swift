import TestSupport
import Domain
import GRDB
@testable import Store
import Testing
@testable import Workspaces

/// The document editor's pre-filled and allocation modes, through the real view models and
/// effect runner: an assistant ships part of an order from its card without retyping a line and
/// voids it again; finance takes a receipt that splits itself oldest first, moves part of it by
/// hand, and posts it.
@Suite struct PostedDocumentEditorTests {
    let flow = EditorFlowTests()

    func value(_ db: AppDatabase, _ sql: String, _ args: StatementArguments = []) throws -> Int64 {
        try db.read { db in try Int64.fetchOne(db, sql: sql, arguments: args) ?? 0 }
    }

    @Test func shipPartOfAnOrderFromItsCardThenVoidIt() throws {
        let db = DemoFixture.make(inMemory: true)
        // An open order of two or more lines whose every line some warehouse holds in full.
        let orderId = try value(db, """
            SELECT o.id FROM sales_orders o WHERE o.status = 'open' AND (SELECT COUNT(*) FROM sales_order_lines WHERE order_id = o.id) >= 2
            AND NOT EXISTS (SELECT 1 FROM sales_order_lines l WHERE l.order_id = o.id
                            AND l.quantity > (SELECT max(on_hand) FROM stock_levels s WHERE s.product_id = l.product_id))
            ORDER BY o.id LIMIT 1
            """)
        #expect(orderId > 0)
        var (model, runner) = flow.loggedIn("assistant", db)
        flow.drive(&model, runner, .open(RecordRef(.salesOrder, orderId)))
        flow.drive(&model, runner, .document(.ship))
        var e = try #require(flow.editor(model))
        let lines = try #require(e.lines)
        #expect(e.purpose == .newShipment(orderId: orderId) && lines.mode == .remaining && lines.items.count >= 2)
        // Pre-filled: every line at what remains (the chosen warehouse holds it), focus on line 1.
        #expect(e.focusKey == DocumentLines.valueKey && lines.selected == 0)
        // Line 1: ship 1 (typing replaces the value shown); line 2: leave out (0); the rest as filled.
        flow.type("1", &model, runner)
        flow.key(.down, &model, runner)
        flow.type("0", &model, runner)
        flow.key(.up, &model, runner)
        e = try #require(flow.editor(model))
        #expect(e.lines?.items[0].quantity == Quantity(units: 1) && e.lines?.items[1].quantity == .zero && e.lines?.selected == 0)
        // More than remains is refused beside the field, and the line keeps its value.
        flow.type("99999", &model, runner)
        flow.key(.down, &model, runner)
        e = try #require(flow.editor(model))
        #expect(e.form.fields.first { $0.key == DocumentLines.valueKey }?.error?.key == "error.over-remaining")
        #expect(e.lines?.items[0].quantity == Quantity(units: 1) && e.lines?.selected == 0)
        flow.key(.clear, &model, runner)
        flow.type("1", &model, runner)
        // Enter walks to the last line and stays there: only Ctrl-S posts.
        flow.key(.enter, &model, runner, times: e.lines?.items.count ?? 0)
        e = try #require(flow.editor(model))
        #expect(e.lines?.selected == (e.lines?.items.count ?? 0) - 1 && !e.saving)
        // Tab from the lines goes back to the header (the ship date), and back down again.
        flow.key(.next, &model, runner)
        #expect(flow.editor(model)?.focusKey == "ship_date")
        flow.key(.next, &model, runner, times: 2)
        #expect(flow.editor(model)?.focusKey == DocumentLines.valueKey)
        let shipped = try #require(flow.editor(model)?.lines?.items.reduce(Int64(0)) { $0 + $1.quantity.thousandths })
        flow.key(.save, &model, runner)
        #expect(flow.editor(model) == nil, "posted and closed")
        let shipment = try value(db, "SELECT id FROM shipments WHERE order_id = ? AND status = 'posted'", [orderId])
        #expect(try value(db, "SELECT SUM(quantity) FROM shipment_lines WHERE shipment_id = ?", [shipment]) == shipped)
        #expect(model.toast?.text == "saved.shipment")
        // The order card behind reloads: partially shipped, the shipment in its tab; void it there.
        guard case .card(let card)? = model.current else { Issue.record("no card"); return }
        #expect(card.card?.field("field.status") == .status("status.partially_shipped"))
        let tab = try #require(card.card?.sections.firstIndex { $0.title == "section.shipments" })
        flow.drive(&model, runner, .card(.showTab(tab + 1)))
        flow.drive(&model, runner, .document(.void))
        #expect(flow.editor(model)?.purpose == .voidDocument(RecordRef(.shipment, shipment), number: try #require(try db.read { db in
            try String.fetchOne(db, sql: "SELECT number FROM shipments WHERE id = ?", arguments: [shipment]) })))
        flow.type("keyed in twice", &model, runner)
        flow.key(.save, &model, runner)
        #expect(try db.read { db in try String.fetchOne(db, sql: "SELECT status FROM shipments WHERE id = ?", arguments: [shipment]) } == "voided")
        guard case .card(let after)? = model.current else { Issue.record("no card"); return }
        #expect(after.card?.field("field.status") == .status("status.open"))
        #expect(try db.check() == [])
    }

    @Test func aReceiptSplitsOldestFirstAndKeepsAHandSetLine() throws {
        let db = DemoFixture.make(inMemory: true)
        let customer = try value(db, """
            SELECT customer_id FROM receivables WHERE status = 'posted' AND open_amount > 0 GROUP BY customer_id HAVING COUNT(*) >= 3 ORDER BY customer_id LIMIT 1
            """)
        var (model, runner) = flow.loggedIn("finance", db)
        flow.drive(&model, runner, .open(RecordRef(.customer, customer)))
        guard case .card(let card)? = model.current else { Issue.record("no card"); return }
        let tab = try #require(card.card?.sections.firstIndex { $0.title == "section.receipts" })
        flow.drive(&model, runner, .card(.showTab(tab + 1)))
        flow.drive(&model, runner, .newRecord)
        var e = try #require(flow.editor(model))
        let items = try #require(e.lines?.items)
        #expect(e.lines?.mode == .allocation && e.focusKey == "amount" && items.count >= 3)
        // The amount covers the oldest item and 1.00 of the next: split oldest first as typed.
        let amount = items[0].open + Money(minorUnits: 100)
        flow.type(amount.formatted(grouping: false), &model, runner)
        e = try #require(flow.editor(model))
        #expect(e.lines?.items.map(\.amount).prefix(3) == [items[0].open, Money(minorUnits: 100), .zero])
        // Set line 3 by hand to 0.50: the others share what is left, oldest first (past the
        // method, reference and note).
        flow.key(.next, &model, runner, times: 4)
        #expect(e.lines?.selected == 0)
        flow.key(.down, &model, runner, times: 2)
        flow.type("0.5", &model, runner)
        flow.key(.up, &model, runner)
        e = try #require(flow.editor(model))
        #expect(e.lines?.items[2].amount == Money(minorUnits: 50) && e.lines?.items[2].manual == true)
        #expect(e.lines?.items[0].amount == items[0].open && e.lines?.items[1].amount == Money(minorUnits: 50))
        #expect(e.unallocated == .zero)
        flow.key(.save, &model, runner)
        #expect(flow.editor(model) == nil, "posted and closed")
        let receipt = try value(db, "SELECT max(id) FROM receipts WHERE customer_id = ?", [customer])
        #expect(try value(db, "SELECT amount FROM receipt_allocations WHERE receipt_id = ? AND receivable_id = ?", [receipt, items[2].id]) == 50)
        #expect(try value(db, "SELECT unapplied FROM receipts WHERE id = ?", [receipt]) == 0)
        #expect(try db.check() == [])
    }

    /// With negative stock allowed, lines start at what remains (not capped at what the
    /// warehouse holds) and a quantity beyond on hand is taken; with it refused (the default),
    /// the same quantity is refused beside the field, naming what is on hand.
    @Test func shipmentFormFollowsTheNegativeStockSetting() throws {
        func source(_ allowed: Bool) -> ShipmentSource {
            ShipmentSource(orderId: 1, orderNumber: "SO-2026-00001", customerName: "C", lines: [
                .init(orderLineId: 7, productId: 3, code: "P3", name: "Bolt", unit: "pcs", ordered: Quantity(units: 10), remaining: Quantity(units: 10),
                      unitPrice: Money(minorUnits: 100), discount: BasisPoints(0), decimals: 0),
            ], warehouses: [WarehouseOption(id: 1, code: "BJ", name: "Beijing")], onHand: [StockKey(productId: 3, warehouseId: 1): Quantity(units: 4)],
               allowNegativeStock: allowed)
        }
        var refused = EditorModel.shipment(source(false), today: DemoFixture.today)
        #expect(refused.lines?.items[0].quantity == Quantity(units: 4))
        for c in "9" { _ = refused.handle(.form(.type(c))) }
        _ = refused.handle(.form(.down))
        #expect(refused.form.fields.first { $0.key == DocumentLines.valueKey }?.error == FieldError("error.short-stock", "P3", arguments: ["4"]))
        var allowed = EditorModel.shipment(source(true), today: DemoFixture.today)
        #expect(allowed.lines?.items[0].quantity == Quantity(units: 10))
        for c in "9" { _ = allowed.handle(.form(.type(c))) }
        _ = allowed.handle(.form(.down))
        #expect(allowed.form.fields.first { $0.key == DocumentLines.valueKey }?.error == nil && allowed.lines?.items[0].quantity == Quantity(units: 9))
        // Pieces are counted whole: part of a line is refused finer than its unit.
        var halves = EditorModel.shipment(source(true), today: DemoFixture.today)
        for c in "2.5" { _ = halves.handle(.form(.type(c))) }
        _ = halves.handle(.form(.down))
        #expect(halves.form.fields.first { $0.key == DocumentLines.valueKey }?.error == FieldError("error.quantity-decimals", "2.5", arguments: ["pcs", "0"]))
        #expect(halves.lines?.items[0].quantity == Quantity(units: 10))
    }

    /// `:new-shipment` away from an order asks which open order: typing its number finds it (the
    /// Store answers), Enter opens the shipment pre-filled from it; on an open order's card it
    /// opens that order's shipment at once.
    @Test func newShipmentPicksAnOpenOrderByNumber() throws {
        let db = DemoFixture.make(inMemory: true)
        var (model, runner) = flow.loggedIn("assistant", db)
        let (id, number) = try db.read { db -> (Int64, String) in
            let r = try Row.fetchOne(db, sql: "SELECT id, number FROM sales_orders WHERE status = 'open' ORDER BY due_date, id LIMIT 1")
            return (r?[0] ?? 0, r?[1] ?? "")
        }
        func palette(_ command: String) {
            _ = model.handle(.openPalette, now: 0)
            for c in command { _ = model.handle(.palette(.type(c)), now: 0) }
            var pending = model.handle(.palette(.run), now: 0)
            while !pending.isEmpty { let e = pending.removeFirst(); for a in runner.perform(e, session: model.session) { pending += model.handle(a, now: 0) } }
        }
        palette("new-shipment")
        #expect(flow.editor(model)?.purpose == .pickOrder && flow.editor(model)?.focusKey == "order")
        flow.type(number, &model, runner)
        let matches = try #require(flow.editor(model)?.form.fields[0].matches)
        #expect(matches.first?.value == String(id))
        flow.key(.enter, &model, runner)
        #expect(flow.editor(model)?.purpose == .newShipment(orderId: id))
        flow.key(.cancel, &model, runner)
        flow.drive(&model, runner, .open(RecordRef(.salesOrder, id)))
        palette("new-shipment")
        #expect(flow.editor(model)?.purpose == .newShipment(orderId: id))
    }

    /// The warehouse starts at the one holding the most of what remains; when none holds any,
    /// at the company's default warehouse (a setting), else the first.
    @Test func theShipmentsWarehouseFallsBackToTheCompanyDefault() throws {
        func source(stockIn warehouse: Int64?, defaultWarehouse: Int64?) -> ShipmentSource {
            ShipmentSource(orderId: 1, orderNumber: "SO-2026-00001", customerName: "C", lines: [
                .init(orderLineId: 7, productId: 3, code: "P3", name: "Bolt", unit: "pcs", ordered: Quantity(units: 10), remaining: Quantity(units: 10),
                      unitPrice: Money(minorUnits: 100), discount: BasisPoints(0), decimals: 0),
            ], warehouses: [WarehouseOption(id: 1, code: "BJ", name: "Beijing"), WarehouseOption(id: 2, code: "GZ", name: "Guangzhou"), WarehouseOption(id: 3, code: "SH", name: "Shanghai")],
               onHand: warehouse.map { [StockKey(productId: 3, warehouseId: $0): Quantity(units: 4)] } ?? [:], defaultWarehouseId: defaultWarehouse)
        }
        #expect(EditorModel.shipment(source(stockIn: 3, defaultWarehouse: 2), today: DemoFixture.today).value("warehouse") == "3")
        #expect(EditorModel.shipment(source(stockIn: nil, defaultWarehouse: 2), today: DemoFixture.today).value("warehouse") == "2")
        #expect(EditorModel.shipment(source(stockIn: nil, defaultWarehouse: nil), today: DemoFixture.today).value("warehouse") == "1")
    }

    /// A shipment a receipt pays says so on its card, and `d` there says why it waits.
    @Test func aPaidShipmentsCardNamesItsReceiptsAndHoldsTheVoid() throws {
        let db = DemoFixture.make(inMemory: true)
        let (shipment, receipts) = try db.read { db -> (Int64, String) in
            let r = try Row.fetchOne(db, sql: """
                SELECT s.id, group_concat(rc.number, ', ') FROM shipments s JOIN receivables r ON r.shipment_id = s.id
                JOIN receipt_allocations a ON a.receivable_id = r.id JOIN receipts rc ON rc.id = a.receipt_id AND rc.status = 'posted'
                WHERE s.status = 'posted' GROUP BY s.id ORDER BY s.id LIMIT 1
                """)
            return (r?[0] ?? 0, r?[1] ?? "")
        }
        var (model, runner) = flow.loggedIn("assistant", db)
        flow.drive(&model, runner, .open(RecordRef(.shipment, shipment)))
        guard case .card(let card)? = model.current else { Issue.record("no card"); return }
        #expect(card.card?.field("field.paid-by") == .text(receipts))
        let void = try #require(model.keyContext().bindings.first { $0.name == "delete" })
        #expect(void.unavailable == "reason.shipment-paid")
    }
}
