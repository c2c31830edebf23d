import Domain
import GRDB
@testable import Store
import Testing
import TestSupport

/// The stock ledger: every posting and void writes its moves, counts and transfers move stock
/// with a reason, the product card reads the moves with a running balance, and `rapport check`
/// stays clean after each.
@Suite struct StockLedgerTests {
    let today = Fixtures.today
    let now: Int64 = 1_795_000_000

    func value(_ db: AppDatabase, _ sql: String, _ args: StatementArguments = []) throws -> Int64 {
        try db.read { db in try Int64.fetchOne(db, sql: sql, arguments: args) ?? 0 }
    }

    func refusal(_ e: any Error) -> DomainError? { if case .invalid(let d)? = e as? StoreError { d } else { nil } }

    func onHand(_ db: AppDatabase, _ product: Int64, _ warehouse: Int64) throws -> Int64 {
        try value(db, "SELECT coalesce((SELECT on_hand FROM stock_levels WHERE product_id = ? AND warehouse_id = ?), 0)", [product, warehouse])
    }

    /// A pcs product with stock in the first warehouse, and another warehouse.
    func stocked(_ db: AppDatabase) throws -> (product: Int64, warehouse: Int64, other: Int64) {
        let r = try db.read { db in
            try Row.fetchOne(db, sql: """
                SELECT l.product_id, l.warehouse_id FROM stock_levels l JOIN products p ON p.id = l.product_id
                WHERE p.unit = 'pcs' AND l.on_hand >= 20000 ORDER BY l.product_id, l.warehouse_id LIMIT 1
                """).map { ($0[0] as Int64, $0[1] as Int64) }
        }
        let (product, warehouse) = try #require(r)
        return (product, warehouse, try value(db, "SELECT id FROM warehouses WHERE id <> ? ORDER BY id LIMIT 1", [warehouse]))
    }

    @Test func theDemoIsALedgerAndEveryDocumentHasItsMoves() throws {
        let db = DemoFixture.make(inMemory: true)
        #expect(try db.check() == [])
        #expect(try value(db, "SELECT COUNT(*) FROM stock_moves WHERE reason = 'shipment'") == (try value(db, "SELECT COUNT(*) FROM shipment_lines")))
        #expect(try value(db, "SELECT COUNT(*) FROM stock_moves WHERE reason = 'receipt'") == (try value(db, "SELECT COUNT(*) FROM goods_receipt_lines")))
        // A level that drifts from its moves is found, named by product and warehouse.
        try db.write { db in try db.execute(sql: "UPDATE stock_levels SET on_hand = on_hand + 1 WHERE rowid = (SELECT min(rowid) FROM stock_levels)") }
        #expect(try db.check().contains { $0.contains("stock on hand ≠ moves") })
        // A shipment line whose move went missing is named by the shipment's number.
        let number = try db.read { db in
            try String.fetchOne(db, sql: "SELECT s.number FROM stock_moves m JOIN shipments s ON s.id = m.shipment_id WHERE m.id = (SELECT min(id) FROM stock_moves WHERE shipment_id IS NOT NULL)")
        }
        try db.write { db in try db.execute(sql: "DELETE FROM stock_moves WHERE id = (SELECT min(id) FROM stock_moves WHERE shipment_id IS NOT NULL)") }
        #expect(try db.check().contains { $0.contains("shipment's stock moves ≠ its lines") && $0.contains(number ?? "?") })
    }

    @Test func aShipmentAndItsVoidMoveStockOutAndBackOnTheirDays() throws {
        let db = DemoFixture.make(inMemory: true)
        let assistant = try Fixtures.actor("assistant", in: db)
        let s = try stocked(db)
        let customer = try value(db, "SELECT id FROM customers WHERE owner_id IS NOT NULL ORDER BY id LIMIT 1")
        let order = try db.saveSalesOrder(SalesOrderEntry(customerId: customer, orderDate: today.adding(days: -3), dueDate: today, lines: [
            QuoteLine(productId: s.product, quantity: Quantity(thousandths: 5_000), unitPrice: Money(minorUnits: 100))]), by: assistant, today: today, at: now)
        let line = try value(db, "SELECT id FROM sales_order_lines WHERE order_id = ?", [order.id])
        let before = try onHand(db, s.product, s.warehouse)
        let shipped = try db.postShipment(ShipmentDraft(orderId: order.id, warehouseId: s.warehouse, shipDate: today.adding(days: -1),
                                                        lines: [.init(orderLineId: line, quantity: Quantity(thousandths: 5_000))]), by: assistant, today: today, at: now)
        #expect(try value(db, "SELECT quantity FROM stock_moves WHERE shipment_id = ? AND reason = 'shipment' AND moved_on = ?", [shipped.id, today.adding(days: -1).iso]) == -5_000)
        #expect(try onHand(db, s.product, s.warehouse) == before - 5_000)
        try db.voidShipment(id: shipped.id, reason: "wrong warehouse", by: assistant, today: today, at: now)
        #expect(try value(db, "SELECT quantity FROM stock_moves WHERE shipment_id = ? AND reason = 'shipment_void' AND moved_on = ?", [shipped.id, today.iso]) == 5_000)
        #expect(try onHand(db, s.product, s.warehouse) == before)
        #expect(try db.check() == [])
    }

    @Test func aCountPostsTheDifferenceWithItsReason() throws {
        let db = DemoFixture.make(inMemory: true)
        let buyer = try Fixtures.actor("purchasing", in: db)
        let s = try stocked(db)
        let books = Quantity(thousandths: try onHand(db, s.product, s.warehouse))
        let counted = Quantity(thousandths: books.thousandths - 3_000)
        // No reason, a figure that moved since the form showed it, a count equal to the books: refused, nothing written.
        let moves = try value(db, "SELECT COUNT(*) FROM stock_moves")
        #expect { try db.postStockAdjustment(StockAdjustment(productId: s.product, warehouseId: s.warehouse, counted: counted, reason: "  "), by: buyer, today: today, at: now) }
            throws: { refusal($0)?.code == "error.adjustment-reason" && refusal($0)?.field == "reason" }
        #expect { try db.postStockAdjustment(StockAdjustment(productId: s.product, warehouseId: s.warehouse, counted: counted, reason: "broken",
                                                             expectedOnHand: Quantity(thousandths: books.thousandths + 1)), by: buyer, today: today, at: now) }
            throws: { refusal($0)?.code == "error.stock-changed" && refusal($0)?.arguments.dropFirst().first == books.description }
        #expect { try db.postStockAdjustment(StockAdjustment(productId: s.product, warehouseId: s.warehouse, counted: books, reason: "recount"), by: buyer, today: today, at: now) }
            throws: { refusal($0)?.code == "error.count-matches" }
        #expect { try db.postStockAdjustment(StockAdjustment(productId: s.product, warehouseId: s.warehouse, counted: Quantity(thousandths: -1_000), reason: "x"), by: buyer, today: today, at: now) }
            throws: { refusal($0)?.code == "error.quantity-negative" }
        #expect(try value(db, "SELECT COUNT(*) FROM stock_moves") == moves)
        // Three broken: on hand becomes the count, one adjustment move of −3 with the reason, audited.
        let difference = try db.postStockAdjustment(StockAdjustment(productId: s.product, warehouseId: s.warehouse, counted: counted, reason: "3 broken in the rack",
                                                                    expectedOnHand: books), by: buyer, today: today, at: now)
        #expect(difference == Quantity(thousandths: -3_000))
        #expect(try onHand(db, s.product, s.warehouse) == counted.thousandths)
        #expect(try value(db, "SELECT COUNT(*) FROM stock_moves WHERE reason = 'adjustment' AND quantity = -3000 AND note = '3 broken in the rack' AND moved_on = ?", [today.iso]) == 1)
        #expect(try value(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'stock.adjust'") == 1)
        #expect(try db.check() == [])
        // Reps and the sales assistant see stock but do not count it.
        #expect(throws: StoreError.self) { try db.stockMoveSource(productId: s.product, by: try Fixtures.actor("assistant", in: db)) }
        #expect(throws: StoreError.self) {
            try db.postStockAdjustment(StockAdjustment(productId: s.product, warehouseId: s.warehouse, counted: books, reason: "x"), by: try Fixtures.actor("rep", in: db), today: today, at: now)
        }
    }

    @Test func aTransferMovesOutOfOneWarehouseAndIntoAnother() throws {
        let db = DemoFixture.make(inMemory: true)
        let buyer = try Fixtures.actor("purchasing", in: db)
        let s = try stocked(db)
        let from = try onHand(db, s.product, s.warehouse), to = try onHand(db, s.product, s.other)
        #expect { try db.postStockTransfer(StockTransfer(productId: s.product, fromWarehouseId: s.warehouse, toWarehouseId: s.warehouse, quantity: Quantity(thousandths: 1_000)),
                                           by: buyer, today: today, at: now) } throws: { refusal($0)?.code == "error.transfer-same-warehouse" }
        #expect { try db.postStockTransfer(StockTransfer(productId: s.product, fromWarehouseId: s.warehouse, toWarehouseId: s.other, quantity: Quantity(thousandths: from + 1_000)),
                                           by: buyer, today: today, at: now) } throws: {
            refusal($0)?.code == "error.short-stock" && refusal($0)?.arguments.dropFirst().first == Quantity(thousandths: from).description
        }
        try db.postStockTransfer(StockTransfer(productId: s.product, fromWarehouseId: s.warehouse, toWarehouseId: s.other, quantity: Quantity(thousandths: 7_000), note: "rebalance"),
                                 by: buyer, today: today, at: now)
        #expect(try onHand(db, s.product, s.warehouse) == from - 7_000 && (try onHand(db, s.product, s.other)) == to + 7_000)
        #expect(try value(db, "SELECT COUNT(*) FROM stock_moves WHERE reason = 'transfer' AND note = 'rebalance'") == 2)
        #expect(try db.check() == [])
        // The product's card: the newest moves first, each balance what its warehouse held after it.
        let page = try db.cardPage(RecordRef(.product, s.product), section: "section.moves", offset: 0, limit: 2, for: buyer, today: today)
        let balances = page.rows.map { $0[5] }
        #expect(page.rows.map { $0[2] } == [.status("move.transfer"), .status("move.transfer")])
        #expect(Set(balances) == [.quantity(thousandths: from - 7_000), .quantity(thousandths: to + 7_000)])
        #expect(page.rows.contains { $0[3].plainText.hasPrefix("→ ") } && page.rows.contains { $0[3].plainText.hasPrefix("← ") })
        // Every balance is the running sum of its warehouse's moves up to it.
        let all = try db.cardPage(RecordRef(.product, s.product), section: "section.moves", offset: 0, limit: nil, for: buyer, today: today)
        let running = try db.read { db in
            try Int64.fetchAll(db, sql: """
                SELECT SUM(quantity) OVER (PARTITION BY warehouse_id ORDER BY moved_on, id) b FROM stock_moves WHERE product_id = ? ORDER BY moved_on DESC, id DESC
                """, arguments: [s.product])
        }
        #expect(all.rows.map { $0[5] } == running.map { CellValue.quantity(thousandths: $0) })
        // A page further down starts from what lies before it.
        let later = try db.cardPage(RecordRef(.product, s.product), section: "section.moves", offset: 3, limit: 4, for: buyer, today: today)
        #expect(later.rows.map { $0[5] } == running.dropFirst(3).prefix(4).map { CellValue.quantity(thousandths: $0) })
    }

    @Test func aToleranceLetsAReceiptBringALittleMoreThanOrdered() throws {
        let db = DemoFixture.make(inMemory: true)
        let buyer = try Fixtures.actor("purchasing", in: db), manager = try Fixtures.actor("manager", in: db)
        try db.saveSettings(try db.settings().setting("receiving_tolerance", to: "10"), by: manager, today: Fixtures.today, at: now)
        let s = try stocked(db)
        let supplier = try value(db, "SELECT id FROM suppliers ORDER BY id LIMIT 1")
        let po = try db.savePurchaseOrder(PurchaseOrderEntry(supplierId: supplier, orderDate: today, expectedDate: today, warehouseId: s.warehouse, lines: [
            QuoteLine(productId: s.product, quantity: Quantity(thousandths: 10_000), unitPrice: Money(minorUnits: 100))]), by: buyer, today: today, at: now)
        let line = try value(db, "SELECT id FROM purchase_order_lines WHERE po_id = ?", [po.id])
        let source = try db.goodsReceiptSource(poId: po.id, by: buyer)
        #expect(source.lines.first?.allowed == Quantity(thousandths: 11_000) && source.tolerance == BasisPoints(1_000))
        #expect { try db.postGoodsReceipt(GoodsReceiptDraft(poId: po.id, warehouseId: s.warehouse, date: today, lines: [.init(poLineId: line, quantity: Quantity(thousandths: 12_000))]),
                                          by: buyer, today: today, at: now) } throws: {
            refusal($0)?.code == "error.over-receipt-tolerance" && refusal($0)?.arguments.dropFirst().first == "11"
        }
        try db.postGoodsReceipt(GoodsReceiptDraft(poId: po.id, warehouseId: s.warehouse, date: today, lines: [.init(poLineId: line, quantity: Quantity(thousandths: 11_000))]),
                                by: buyer, today: today, at: now)
        #expect(try value(db, "SELECT status = 'received' FROM purchase_orders WHERE id = ?", [po.id]) == 1)
        #expect(try value(db, "SELECT received_quantity FROM purchase_order_lines WHERE id = ?", [line]) == 11_000)
        #expect(try db.check() == [])
    }

    @Test func documentsStoredWithoutMovesGetThemOnTheirDays() throws {
        let db = DemoFixture.make(inMemory: true)
        let buyer = try Fixtures.actor("purchasing", in: db)
        let s = try stocked(db)
        let supplier = try value(db, "SELECT id FROM suppliers ORDER BY id LIMIT 1")
        let po = try db.savePurchaseOrder(PurchaseOrderEntry(supplierId: supplier, orderDate: today.adding(days: -9), expectedDate: today, warehouseId: s.warehouse, lines: [
            QuoteLine(productId: s.product, quantity: Quantity(thousandths: 4_000), unitPrice: Money(minorUnits: 100))]), by: buyer, today: today, at: now)
        let line = try value(db, "SELECT id FROM purchase_order_lines WHERE po_id = ?", [po.id])
        let gr = try db.postGoodsReceipt(GoodsReceiptDraft(poId: po.id, warehouseId: s.warehouse, date: today.adding(days: -8), lines: [.init(poLineId: line, quantity: Quantity(thousandths: 4_000))]),
                                         by: buyer, today: today, at: now)
        try db.voidGoodsReceipt(id: gr.id, reason: "not ours", by: buyer, today: today, at: now)
        // As a file from before the ledger: no document moves; written again from the documents.
        try db.write { db in
            try db.execute(sql: "DELETE FROM stock_moves WHERE shipment_id IS NOT NULL OR goods_receipt_id IS NOT NULL")
            try StockLedger.recordDocumentMoves(db)
        }
        #expect(try db.check() == [])
        #expect(try value(db, "SELECT COUNT(*) FROM stock_moves WHERE goods_receipt_id = ? AND reason = 'receipt' AND moved_on = ?", [gr.id, today.adding(days: -8).iso]) == 1)
        #expect(try value(db, "SELECT COUNT(*) FROM stock_moves WHERE goods_receipt_id = ? AND reason = 'receipt_void' AND note = 'not ours'", [gr.id]) == 1)
    }
}
