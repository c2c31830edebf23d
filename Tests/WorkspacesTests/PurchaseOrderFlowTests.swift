import Domain
import GRDB
@testable import Store
import Testing
import TestSupport
@testable import Workspaces

/// Purchasing at the keyboard: `:new-po`, the supplier by code, a product by pinyin initials,
/// the cost from this supplier's last order (the line says so), Ctrl-S saves PO- and opens it;
/// `e` changes it, `X` cancels it with a reason; nobody else is offered the form.
@Suite struct PurchaseOrderFlowTests {
    let flow = EditorFlowTests()

    func value(_ db: AppDatabase, _ sql: String, _ args: StatementArguments = []) throws -> Int64 {
        try db.read { db in try Int64.fetchOne(db, sql: sql, arguments: args) ?? 0 }
    }

    func palette(_ command: String, _ model: inout AppModel, _ runner: EffectRunner) {
        _ = model.handle(.openPalette, now: 0)
        for c in command { _ = model.handle(.palette(.type(c)), now: 0) }
        var pending = model.handle(.palette(.run), now: 0)
        while !pending.isEmpty { let e = pending.removeFirst(); for a in runner.perform(e, session: model.session) { pending += model.handle(a, now: 0) } }
    }

    @Test func keyAPurchaseOrderByPinyinChangeItAndCancelIt() throws {
        let db = DemoFixture.make(inMemory: true)
        // A supplier and a product it sold before, with a name in Chinese.
        let (supplier, code, product, initials, cost) = try db.read { db -> (Int64, String, Int64, String, Int64) in
            let r = try Row.fetchOne(db, sql: """
                SELECT s.id, s.code, pr.id, pr.search_key, l.unit_price FROM purchase_orders p JOIN purchase_order_lines l ON l.po_id = p.id
                JOIN products pr ON pr.id = l.product_id JOIN suppliers s ON s.id = p.supplier_id
                WHERE p.status <> 'cancelled' AND pr.name GLOB '*[一-龥]*' ORDER BY p.order_date DESC, p.id DESC, l.line_no LIMIT 1
                """)
            return (r?[0] ?? 0, r?[1] ?? "", r?[2] ?? 0, r?[3] ?? "", r?[4] ?? 0)
        }
        // The product's pinyin initials: the last word of its search key.
        let typed = String(initials.split(separator: " ").last ?? "")
        var (model, runner) = flow.loggedIn("purchasing", db)
        palette("new-po", &model, runner)
        #expect(flow.editor(model)?.purpose == .pickSupplier(then: .purchaseOrder))
        flow.type(code, &model, runner)
        flow.key(.enter, &model, runner)
        var e = try #require(flow.editor(model))
        #expect(e.purpose == .newPurchaseOrder(supplierId: supplier) && e.focusKey == "product")
        flow.type(typed, &model, runner)
        flow.key(.enter, &model, runner)
        e = try #require(flow.editor(model))
        #expect(e.value("product").hasPrefix(try db.read { db in try String.fetchOne(db, sql: "SELECT code FROM products WHERE id = ?", arguments: [product]) ?? "?" }))
        flow.type("12", &model, runner)
        flow.key(.enter, &model, runner)
        e = try #require(flow.editor(model))
        #expect(e.value("unit_price") == Money(minorUnits: cost).formatted(grouping: false) && e.lines?.priceNote?.key == "po.cost-last")
        flow.key(.enter, &model, runner); flow.key(.enter, &model, runner)
        flow.key(.save, &model, runner)
        let po = try value(db, "SELECT max(id) FROM purchase_orders WHERE supplier_id = ?", [supplier])
        guard case .card(let card)? = model.current else { Issue.record("the PO's card is not open"); return }
        #expect(card.ref == RecordRef(.purchaseOrder, po))
        #expect(try value(db, "SELECT total FROM purchase_orders WHERE id = ?", [po]) == cost * 12)
        // `e`: the order read back; a second line, saved over it.
        flow.drive(&model, runner, .document(.editOrder))
        e = try #require(flow.editor(model))
        #expect(e.purpose == .editPurchaseOrder(id: po, supplierId: supplier, version: 1) && e.lines?.items.count == 1)
        flow.key(.save, &model, runner)
        #expect(flow.editor(model) == nil)
        // `X`: cancelled with a reason.
        flow.drive(&model, runner, .document(.cancelOrder))
        #expect(flow.editor(model)?.purpose == .cancelPurchaseOrder(id: po))
        flow.type("ordered twice", &model, runner)
        flow.key(.save, &model, runner)
        #expect(try value(db, "SELECT COUNT(*) FROM purchase_orders WHERE id = ? AND status = 'cancelled'", [po]) == 1)
        #expect(try db.check().isEmpty)
        // A sales assistant is not offered the command.
        var (other, otherRunner) = flow.loggedIn("assistant", db)
        palette("new-po", &other, otherRunner)
        #expect(flow.editor(other) == nil)
    }
}
