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
        flow.palette("new-po", &model, runner)
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
        flow.palette("new-po", &other, otherRunner)
        #expect(flow.editor(other) == nil)
    }

    /// `a` on a row of the stock list at or under its reorder level starts a PO for that product
    /// from the supplier it was last bought from: one line of the suggested quantity (up to twice
    /// the reorder level, less what is on hand and on order), the rule said above the form.
    @Test func aLowStockRowStartsAPurchaseOrderWithASuggestedQuantity() throws {
        let db = DemoFixture.make(inMemory: true)
        let (product, warehouse, onHand, reorder) = try db.read { db -> (Int64, Int64, Int64, Int64) in
            let r = try Row.fetchOne(db, sql: """
                SELECT s.product_id, s.warehouse_id, s.on_hand, s.reorder_level FROM stock_levels s
                WHERE s.on_hand <= s.reorder_level AND s.reorder_level > 0 AND EXISTS (SELECT 1 FROM purchase_order_lines l WHERE l.product_id = s.product_id)
                ORDER BY s.product_id LIMIT 1
                """)
            return (r?[0] ?? 0, r?[1] ?? 0, r?[2] ?? 0, r?[3] ?? 0)
        }
        let onOrder = try value(db, """
            SELECT coalesce(SUM(l.quantity - l.received_quantity), 0) FROM purchase_order_lines l JOIN purchase_orders p ON p.id = l.po_id
            WHERE l.product_id = ? AND p.status IN ('open','partially_received') AND p.warehouse_id = ?
            """, [product, warehouse])
        let lastSupplier = try value(db, """
            SELECT p.supplier_id FROM purchase_order_lines l JOIN purchase_orders p ON p.id = l.po_id WHERE l.product_id = ? AND p.status <> 'cancelled'
            ORDER BY p.order_date DESC, p.id DESC LIMIT 1
            """, [product])
        var (model, runner) = flow.loggedIn("purchasing", db)
        flow.palette("stock", &model, runner)
        flow.drive(&model, runner, .list(.setFilter(["warehouse": String(warehouse), "below": "1"], labels: [:])))
        guard let list = model.currentList, let i = list.rows.firstIndex(where: { $0.ref.id == product }) else { Issue.record("the product is not listed"); return }
        for _ in 0..<i { flow.drive(&model, runner, .list(.move(.down))) }
        flow.drive(&model, runner, .newRecord)
        let e = try #require(flow.editor(model))
        #expect(e.purpose == .newPurchaseOrder(supplierId: lastSupplier) && e.value("warehouse") == String(warehouse))
        let suggested = max(0, 2 * reorder - onHand - onOrder)
        try #require(suggested > 0)
        #expect(e.lines?.items.map(\.quantity) == [Quantity(thousandths: suggested)] && e.notice?.key == "po.suggested")
        flow.key(.save, &model, runner)
        #expect(try value(db, "SELECT SUM(quantity) FROM purchase_order_lines WHERE po_id = (SELECT max(id) FROM purchase_orders)") == suggested)
    }

    /// Enter on the home's low-stock group opens `:stock` at or under reorder level.
    @Test func theLowStockGroupOpensTheStockList() throws {
        let db = DemoFixture.make(inMemory: true)
        var (model, runner) = flow.loggedIn("purchasing", db)
        flow.drive(&model, runner, .refresh)
        guard let i = model.home.rows.firstIndex(where: { if case .group(.lowStock, _, _) = $0 { true } else { false } }) else {
            Issue.record("no low-stock group on the home"); return
        }
        model.home.selected = i
        flow.drive(&model, runner, .home(.open))
        #expect(model.currentList?.query == ListQuery(.stock, sort: "code", filter: ["below": "1"]))
        #expect(!(model.currentList?.rows.isEmpty ?? true))
    }
}
