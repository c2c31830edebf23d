import Domain
import GRDB
@testable import Store
import Testing
import TestSupport
@testable import Workspaces

/// Counting and moving stock at the keyboard: `c` on a row of `:stock` (filtered to a warehouse)
/// opens the count on that warehouse with what each holds said above the form; the counted
/// figure and a reason post the difference. `t` on the product's card moves some to another
/// warehouse. A sales assistant sees the stock but is offered neither.
@Suite struct StockMoveFlowTests {
    let flow = EditorFlowTests()

    func value(_ db: AppDatabase, _ sql: String, _ args: StatementArguments = []) throws -> Int64 {
        try db.read { db in try Int64.fetchOne(db, sql: sql, arguments: args) ?? 0 }
    }

    @Test func countInTheListsWarehouseThenTransferFromTheCard() throws {
        let db = DemoFixture.make(inMemory: true)
        let (product, warehouse) = try db.read { db -> (Int64, Int64) in
            let r = try Row.fetchOne(db, sql: """
                SELECT l.product_id, l.warehouse_id FROM stock_levels l JOIN products p ON p.id = l.product_id
                WHERE p.unit = 'pcs' AND l.on_hand >= 10000 AND l.warehouse_id = (SELECT max(id) FROM warehouses) ORDER BY p.code LIMIT 1
                """)
            return (r?[0] ?? 0, r?[1] ?? 0)
        }
        let books = try value(db, "SELECT on_hand FROM stock_levels WHERE product_id = ? AND warehouse_id = ?", [product, warehouse])
        var (model, runner) = flow.loggedIn("purchasing", db)
        flow.palette("stock", &model, runner)
        flow.drive(&model, runner, .list(.setFilter(["warehouse": String(warehouse)], labels: [:])))
        guard let list = model.currentList, let i = list.rows.firstIndex(where: { $0.ref.id == product }) else { Issue.record("the product is not listed"); return }
        for _ in 0..<i { flow.drive(&model, runner, .list(.move(.down))) }
        flow.drive(&model, runner, .document(.countStock))
        var e = try #require(flow.editor(model))
        guard case .countStock(product, let onHand) = e.purpose else { Issue.record("not the count of the product"); return }
        #expect(onHand[warehouse] == Quantity(thousandths: books))
        #expect(e.value("warehouse") == String(warehouse) && e.focusKey == "counted" && e.notice?.key == "stock.on-hand-now")
        // No reason: refused beside the field, nothing written.
        flow.type(Quantity(thousandths: books - 1_000).description, &model, runner)
        flow.key(.save, &model, runner)
        e = try #require(flow.editor(model))
        #expect(try value(db, "SELECT COUNT(*) FROM stock_moves WHERE reason = 'adjustment'") == 0)
        flow.key(.enter, &model, runner)
        flow.type("one lost", &model, runner)
        flow.key(.save, &model, runner)
        #expect(flow.editor(model) == nil)
        #expect(try value(db, "SELECT on_hand FROM stock_levels WHERE product_id = ? AND warehouse_id = ?", [product, warehouse]) == books - 1_000)
        // The card: `t` starts from the warehouse of the selected stock row.
        flow.drive(&model, runner, .open(RecordRef(.product, product)))
        flow.drive(&model, runner, .card(.showTab(1)))
        let code = try db.read { db in try String.fetchOne(db, sql: "SELECT code FROM warehouses WHERE id = ?", arguments: [warehouse]) ?? "" }
        guard case .card(let card)? = model.current, let row = card.currentSection?.rows.firstIndex(where: { $0.first == .text(code) }) else {
            Issue.record("no stock tab"); return
        }
        for _ in 0..<row { flow.drive(&model, runner, .card(.move(.down))) }
        flow.drive(&model, runner, .document(.transferStock))
        e = try #require(flow.editor(model))
        #expect(e.purpose == .transferStock(productId: product) && e.value("warehouse") == String(warehouse) && e.focusKey == "quantity")
        let to = try #require(Int64(e.value("to_warehouse")))
        flow.type("2", &model, runner)
        flow.key(.save, &model, runner)
        #expect(flow.editor(model) == nil)
        #expect(try value(db, "SELECT on_hand FROM stock_levels WHERE product_id = ? AND warehouse_id = ?", [product, warehouse]) == books - 3_000)
        #expect(try value(db, "SELECT quantity FROM stock_moves WHERE product_id = ? AND warehouse_id = ? AND reason = 'transfer'", [product, to]) == 2_000)
        #expect(try db.check().isEmpty)
        // The sales assistant sees the stock list, but neither key is offered nor works.
        var (other, otherRunner) = flow.loggedIn("assistant", db)
        flow.palette("stock", &other, otherRunner)
        flow.drive(&other, otherRunner, .document(.countStock))
        #expect(flow.editor(other) == nil)
    }
}
