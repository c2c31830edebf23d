import Domain
import GRDB
@testable import Store
import Testing
import TestSupport

/// Goods receipts from purchase orders: a part, then the rest; stock rises in the warehouse, the
/// PO's lines and status follow, a payable due after the supplier's terms appears under the GR
/// number; more than remains is refused with the figures; a void reverses it all — refused while
/// a payment pays it or when the stock has left.
@Suite struct GoodsReceiptTests {
    let today = Fixtures.today
    let now: Int64 = 1_795_000_000

    func value(_ db: AppDatabase, _ sql: String, _ args: StatementArguments = []) throws -> Int64 {
        try db.read { db in try Int64.fetchOne(db, sql: sql, arguments: args) ?? 0 }
    }

    func refusal(_ e: any Error) -> DomainError? { if case .invalid(let d)? = e as? StoreError { d } else { nil } }

    /// A new PO of two lines (10 and 4 of two products) into the first warehouse.
    func order(_ db: AppDatabase, _ buyer: Actor) throws -> (po: Int64, lines: [Int64], products: [Int64], warehouse: Int64, supplier: Int64) {
        let supplier = try value(db, "SELECT id FROM suppliers ORDER BY id LIMIT 1"), warehouse = try value(db, "SELECT id FROM warehouses ORDER BY id LIMIT 1")
        let products = try db.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM products WHERE unit = 'pcs' ORDER BY id LIMIT 2") }
        let saved = try db.savePurchaseOrder(PurchaseOrderEntry(supplierId: supplier, orderDate: today.adding(days: -5), expectedDate: today, warehouseId: warehouse, lines: [
            QuoteLine(productId: products[0], quantity: Quantity(thousandths: 10_000), unitPrice: Money(minorUnits: 250)),
            QuoteLine(productId: products[1], quantity: Quantity(thousandths: 4_000), unitPrice: Money(minorUnits: 1_000), discount: BasisPoints(1_000)),
        ]), by: buyer, today: today, at: now)
        let lines = try db.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM purchase_order_lines WHERE po_id = ? ORDER BY line_no", arguments: [saved.id]) }
        return (saved.id, lines, products, warehouse, supplier)
    }

    func onHand(_ db: AppDatabase, _ product: Int64, _ warehouse: Int64) throws -> Int64 {
        try value(db, "SELECT coalesce((SELECT on_hand FROM stock_levels WHERE product_id = ? AND warehouse_id = ?), 0)", [product, warehouse])
    }

    @Test func aPartThenTheRestThenAVoid() throws {
        let db = DemoFixture.make(inMemory: true)
        let buyer = try Fixtures.actor("purchasing", in: db)
        let o = try order(db, buyer)
        let source = try db.goodsReceiptSource(poId: o.po, by: buyer)
        #expect(source.lines.map(\.remaining) == [Quantity(thousandths: 10_000), Quantity(thousandths: 4_000)] && source.warehouseId == o.warehouse)
        let stock = try onHand(db, o.products[0], o.warehouse)
        // Six of the ten, nothing of the second line.
        let first = try db.postGoodsReceipt(GoodsReceiptDraft(poId: o.po, warehouseId: o.warehouse, date: today, lines: [
            .init(poLineId: o.lines[0], quantity: Quantity(thousandths: 6_000)), .init(poLineId: o.lines[1], quantity: .zero),
        ]), by: buyer, today: today, at: now)
        #expect(first.number.hasPrefix("GR-2026-"))
        #expect(try onHand(db, o.products[0], o.warehouse) == stock + 6_000)
        #expect(try value(db, "SELECT COUNT(*) FROM purchase_orders WHERE id = ? AND status = 'partially_received'", [o.po]) == 1)
        let terms = try value(db, "SELECT payment_terms_days FROM suppliers WHERE id = ?", [o.supplier])
        #expect(try value(db, "SELECT COUNT(*) FROM payables WHERE number = ? AND amount = 1500 AND open_amount = 1500 AND due_date = ? AND supplier_id = ?",
                          [first.number, today.adding(days: Int(terms)).iso, o.supplier]) == 1)
        #expect(try value(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'goods_receipt.post' AND entity_id = ?", [first.id]) == 1)
        // More than remains: refused with the figures, nothing written.
        #expect { try db.postGoodsReceipt(GoodsReceiptDraft(poId: o.po, warehouseId: o.warehouse, date: today, lines: [
            .init(poLineId: o.lines[0], quantity: Quantity(thousandths: 5_000))]), by: buyer, today: today, at: now) } throws: {
            refusal($0)?.code == "error.over-receipt" && refusal($0)?.arguments.dropFirst().first == "4"
        }
        // The rest: the PO is received (4 less 10 % at 10.00 = 36.00).
        let rest = try db.postGoodsReceipt(GoodsReceiptDraft(poId: o.po, warehouseId: o.warehouse, date: today, lines: [
            .init(poLineId: o.lines[0], quantity: Quantity(thousandths: 4_000)), .init(poLineId: o.lines[1], quantity: Quantity(thousandths: 4_000)),
        ]), by: buyer, today: today, at: now)
        #expect(try value(db, "SELECT status = 'received' FROM purchase_orders WHERE id = ?", [o.po]) == 1)
        #expect(try value(db, "SELECT amount FROM payables WHERE number = ?", [rest.number]) == 1_000 + 3_600)
        #expect { try db.goodsReceiptSource(poId: o.po, by: buyer) } throws: { refusal($0)?.code == "error.po-not-receivable" }
        #expect(try db.check() == [])
        // Void the first: stock out again, the line reopens, its payable voided.
        try db.voidGoodsReceipt(id: first.id, reason: "wrong delivery", by: buyer, today: today, at: now)
        #expect(try onHand(db, o.products[0], o.warehouse) == stock + 4_000)
        #expect(try value(db, "SELECT received_quantity FROM purchase_order_lines WHERE id = ?", [o.lines[0]]) == 4_000)
        #expect(try value(db, "SELECT status = 'partially_received' FROM purchase_orders WHERE id = ?", [o.po]) == 1)
        #expect(try value(db, "SELECT status = 'voided' FROM payables WHERE number = ?", [first.number]) == 1)
        #expect(try db.check() == [])
        // Only purchasing and the manager receive goods.
        #expect(throws: StoreError.self) { try db.goodsReceiptSource(poId: o.po, by: try Fixtures.actor("assistant", in: db)) }
    }

    @Test func aVoidIsRefusedWhileAPaymentPaysItOrTheStockHasLeft() throws {
        let db = DemoFixture.make(inMemory: true)
        let buyer = try Fixtures.actor("purchasing", in: db), finance = try Fixtures.actor("finance", in: db)
        let o = try order(db, buyer)
        let gr = try db.postGoodsReceipt(GoodsReceiptDraft(poId: o.po, warehouseId: o.warehouse, date: today, lines: [
            .init(poLineId: o.lines[0], quantity: Quantity(thousandths: 10_000))]), by: buyer, today: today, at: now)
        let payable = try value(db, "SELECT id FROM payables WHERE number = ?", [gr.number])
        let payment = try db.postPayment(ReceiptDraft(partyId: o.supplier, date: today, amount: Money(minorUnits: 100), method: .bankTransfer,
                                                      split: .manual([.init(itemId: payable, amount: Money(minorUnits: 100))])), by: finance, today: today, at: now)
        #expect { try db.voidGoodsReceipt(id: gr.id, reason: "x", by: buyer, today: today, at: now) } throws: { refusal($0)?.code == "error.receipt-paid" }
        try db.voidPayment(id: payment.id, reason: "entered twice", by: finance, at: now)
        // The stock it brought has left the warehouse (moved to another, all but 3).
        let other = try value(db, "SELECT id FROM warehouses WHERE id <> ? ORDER BY id LIMIT 1", [o.warehouse])
        try db.postStockTransfer(StockTransfer(productId: o.products[0], fromWarehouseId: o.warehouse, toWarehouseId: other,
                                               quantity: Quantity(thousandths: try onHand(db, o.products[0], o.warehouse) - 3_000)), by: buyer, today: today, at: now)
        #expect { try db.voidGoodsReceipt(id: gr.id, reason: "x", by: buyer, today: today, at: now) } throws: { refusal($0)?.code == "error.receipt-stock-gone" }
        #expect(try value(db, "SELECT status = 'posted' FROM goods_receipts WHERE id = ?", [gr.id]) == 1)
    }
}
