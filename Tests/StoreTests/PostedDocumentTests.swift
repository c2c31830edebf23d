import Foundation
import GRDB
import Testing
import TestSupport
import Domain
@testable import Store

/// Posted documents through the one document writer: a shipment from an order's remaining lines
/// and a receipt allocated over open receivables — each in one transaction with its number, its
/// effects (stock, order progress, ledger) and an audit record; voided by reversing those effects
/// with a reason, never edited; every refusal changes nothing; `check` finds every invariant kept.
@Suite struct PostedDocumentTests {
    let today = Fixtures.today
    let now: Int64 = 1_795_000_000

    func value(_ db: AppDatabase, _ sql: String, _ args: StatementArguments = []) throws -> Int64 {
        try db.read { db in try Int64.fetchOne(db, sql: sql, arguments: args) ?? 0 }
    }

    /// An open order with nothing shipped yet, and a warehouse holding enough of every line.
    func openOrder(_ db: AppDatabase) throws -> (ShipmentSource, Int64) {
        let assistant = try Fixtures.actor("assistant", in: db)
        let orderId = try value(db, """
            SELECT o.id FROM sales_orders o WHERE o.status = 'open' AND (SELECT COUNT(*) FROM sales_order_lines WHERE order_id = o.id) >= 2 ORDER BY o.id LIMIT 1
            """)
        let source = try db.shipmentSource(orderId: orderId, by: assistant)
        let warehouse = source.warehouses[0].id
        // Enough stock to ship everything from the first warehouse.
        try db.write { db in
            for l in source.lines {
                try db.execute(sql: "INSERT INTO stock_moves (product_id, warehouse_id, moved_on, quantity, reason, note) VALUES (?, ?, '2026-01-01', ?, 'adjustment', 'test')",
                               arguments: [l.productId, warehouse, l.remaining.thousandths])
                try db.execute(sql: """
                    INSERT INTO stock_levels (product_id, warehouse_id, on_hand) VALUES (?, ?, ?)
                    ON CONFLICT (product_id, warehouse_id) DO UPDATE SET on_hand = on_hand + excluded.on_hand
                    """, arguments: [l.productId, warehouse, l.remaining.thousandths])
            }
        }
        return (source, warehouse)
    }

    @Test func aPartialShipmentPostsStockOrderAndReceivableAndAVoidReversesThem() throws {
        let db = DemoFixture.make(inMemory: true)
        let assistant = try Fixtures.actor("assistant", in: db)
        let (source, warehouse) = try openOrder(db)
        let first = source.lines[0]
        let stockBefore = try value(db, "SELECT on_hand FROM stock_levels WHERE product_id = ? AND warehouse_id = ?", [first.productId, warehouse])
        let balanceBefore = try value(db, "SELECT open_balance FROM customers c JOIN sales_orders o ON o.customer_id = c.id WHERE o.id = ?", [source.orderId])
        // About half, no finer than the line's unit is counted.
        let step = Int64([1000, 100, 10, 1][first.decimals])
        let half = Quantity(thousandths: max(step, first.remaining.thousandths / 2 / step * step))
        let saved = try db.postShipment(ShipmentDraft(orderId: source.orderId, warehouseId: warehouse, shipDate: today,
                                                      lines: [.init(orderLineId: first.orderLineId, quantity: half)] + source.lines.dropFirst().map { .init(orderLineId: $0.orderLineId, quantity: .zero) }),
                                        by: assistant, today: today, at: now)
        #expect(saved.number.hasPrefix("SH-2026-"))
        let amount = try LineAmount.compute(quantity: half, unitPrice: first.unitPrice, discountBasisPoints: first.discount.value)
        #expect(try value(db, "SELECT total FROM shipments WHERE id = ?", [saved.id]) == amount.minorUnits)
        #expect(try value(db, "SELECT on_hand FROM stock_levels WHERE product_id = ? AND warehouse_id = ?", [first.productId, warehouse]) == stockBefore - half.thousandths)
        #expect(try db.read { db in try String.fetchOne(db, sql: "SELECT status FROM sales_orders WHERE id = ?", arguments: [source.orderId]) } == "partially_shipped")
        #expect(try value(db, "SELECT amount FROM receivables WHERE shipment_id = ?", [saved.id]) == amount.minorUnits)
        #expect(try value(db, "SELECT open_balance FROM customers c JOIN sales_orders o ON o.customer_id = c.id WHERE o.id = ?", [source.orderId]) == balanceBefore + amount.minorUnits)
        #expect(try value(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'shipment.post' AND entity_id = ?", [saved.id]) == 1)
        #expect(try db.check() == [])

        // The rest can still ship, but not more than remains.
        let tooMuch = ShipmentDraft(orderId: source.orderId, warehouseId: warehouse, shipDate: today, lines: [.init(orderLineId: first.orderLineId, quantity: first.remaining)])
        #expect(throws: StoreError.self) { try db.postShipment(tooMuch, by: assistant, today: today, at: now) }

        try db.voidShipment(id: saved.id, reason: "wrong warehouse", by: assistant, today: today, at: now + 60)
        #expect(try value(db, "SELECT on_hand FROM stock_levels WHERE product_id = ? AND warehouse_id = ?", [first.productId, warehouse]) == stockBefore)
        #expect(try db.read { db in try String.fetchOne(db, sql: "SELECT status || '/' || void_reason FROM shipments WHERE id = ?", arguments: [saved.id]) } == "voided/wrong warehouse")
        #expect(try db.read { db in try String.fetchOne(db, sql: "SELECT status FROM sales_orders WHERE id = ?", arguments: [source.orderId]) } == "open")
        #expect(try value(db, "SELECT open_balance FROM customers c JOIN sales_orders o ON o.customer_id = c.id WHERE o.id = ?", [source.orderId]) == balanceBefore)
        #expect(try value(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'shipment.void' AND entity_id = ?", [saved.id]) == 1)
        #expect(try db.check() == [])
        // Voided once is voided: a second void is refused.
        #expect(throws: StoreError.self) { try db.voidShipment(id: saved.id, reason: "again", by: assistant, today: today, at: now + 120) }
    }

    @Test func refusedShipmentsChangeNothing() throws {
        let db = DemoFixture.make(inMemory: true)
        let assistant = try Fixtures.actor("assistant", in: db), rep = try Fixtures.actor("rep", in: db)
        let (source, warehouse) = try openOrder(db)
        let line = source.lines[0]
        let snapshot = { () throws -> [Int64] in
            [try value(db, "SELECT COUNT(*) FROM shipments"), try value(db, "SELECT coalesce(SUM(last), 0) FROM document_sequences"),
             try value(db, "SELECT SUM(on_hand) FROM stock_levels"), try value(db, "SELECT SUM(shipped_quantity) FROM sales_order_lines"),
             try value(db, "SELECT COUNT(*) FROM audit_log")]
        }
        let ok = ShipmentDraft(orderId: source.orderId, warehouseId: warehouse, shipDate: today, lines: [.init(orderLineId: line.orderLineId, quantity: line.remaining)])
        var future = ok; future.shipDate = today.adding(days: 1)
        var nothing = ok; nothing.lines = [.init(orderLineId: line.orderLineId, quantity: .zero)]
        var over = ok; over.lines = [.init(orderLineId: line.orderLineId, quantity: line.remaining + Quantity(units: 1))]
        var foreign = ok; foreign.lines = [.init(orderLineId: 1, quantity: Quantity(units: 1))]
        // Another warehouse, emptied of the line's product.
        let short = source.warehouses.first { $0.id != warehouse }
        if let short {
            try db.write { db in
                try db.execute(sql: """
                    INSERT INTO stock_levels (product_id, warehouse_id, on_hand) VALUES (?, ?, 0)
                    ON CONFLICT (product_id, warehouse_id) DO UPDATE SET on_hand = 0
                    """, arguments: [line.productId, short.id])
            }
        }
        let before = try snapshot()
        var cases = [(future, "ship_date"), (nothing, "quantity"), (over, "quantity"), (foreign, "quantity")]
        if let short { var s = ok; s.warehouseId = short.id; cases.append((s, "quantity")) }
        #expect(short != nil, "the demo has more than one warehouse")
        for (bad, field) in cases {
            do { try db.postShipment(bad, by: assistant, today: today, at: now); Issue.record("accepted \(bad)") } catch {
                if case .invalid(let e) = error { #expect(e.field == field, "\(e)") } else { Issue.record("\(error)") }
            }
        }
        #expect(throws: StoreError.self) { try db.postShipment(ok, by: rep, today: today, at: now) }
        #expect(try snapshot() == before)
    }

    @Test func aReceiptAllocatesOldestFirstOrAsSplitAndAVoidReopensWhatItPaid() throws {
        let db = DemoFixture.make(inMemory: true)
        let finance = try Fixtures.actor("finance", in: db)
        let customer = try value(db, """
            SELECT customer_id FROM receivables WHERE status = 'posted' AND open_amount > 0 GROUP BY customer_id HAVING COUNT(*) >= 2 ORDER BY customer_id LIMIT 1
            """)
        let open = try db.openReceivables(customerId: customer, by: finance)
        let expected = try Allocation.oldestFirst(amount: open[0].open + Money(minorUnits: 1), candidates: open)
        let balance = try value(db, "SELECT open_balance FROM customers WHERE id = ?", [customer])
        let saved = try db.postReceipt(ReceiptDraft(partyId: customer, date: today, amount: open[0].open + Money(minorUnits: 1), method: .bankTransfer, split: .oldestFirst),
                                       by: finance, today: today, at: now)
        #expect(saved.number.hasPrefix("RC-2026-"))
        #expect(try value(db, "SELECT open_amount FROM receivables WHERE id = ?", [open[0].id]) == 0)
        #expect(try value(db, "SELECT open_amount FROM receivables WHERE id = ?", [open[1].id]) == open[1].open.minorUnits - 1)
        #expect(try value(db, "SELECT unapplied FROM receipts WHERE id = ?", [saved.id]) == expected.unapplied.minorUnits)
        #expect(try value(db, "SELECT open_balance FROM customers WHERE id = ?", [customer]) == balance - open[0].open.minorUnits - 1)
        #expect(try db.check() == [])

        // A manual split: part of the second item only, the rest left as credit.
        let manual = try db.postReceipt(ReceiptDraft(partyId: customer, date: today, amount: Money(minorUnits: 500), method: .cash,
                                                     split: .manual([.init(itemId: open[1].id, amount: Money(minorUnits: 200))])), by: finance, today: today, at: now)
        #expect(try value(db, "SELECT unapplied FROM receipts WHERE id = ?", [manual.id]) == 300)
        // More than an item's open amount, or than the receipt, is refused and changes nothing.
        let receipts = try value(db, "SELECT COUNT(*) FROM receipts")
        for split in [[ReceiptDraft.ManualAllocation(itemId: open[0].id, amount: Money(minorUnits: 1))],
                      [.init(itemId: open[1].id, amount: Money(minorUnits: 600))]] {
            #expect(throws: StoreError.self) {
                try db.postReceipt(ReceiptDraft(partyId: customer, date: today, amount: Money(minorUnits: 500), method: .cash, split: .manual(split)), by: finance, today: today, at: now)
            }
        }
        #expect(try value(db, "SELECT COUNT(*) FROM receipts") == receipts)

        // A shipment paid by a receipt cannot be voided until the receipt is.
        if let shipment = try db.read({ db in try Int64.fetchOne(db, sql: "SELECT shipment_id FROM receivables WHERE id = ?", arguments: [open[0].id]) }) {
            let assistant = try Fixtures.actor("assistant", in: db)
            #expect(throws: StoreError.self) { try db.voidShipment(id: shipment, reason: "returned", by: assistant, today: today, at: now) }
            // Asked before a reason is typed, the answer is the same.
            #expect(throws: StoreError.self) { try db.checkVoid(RecordRef(.shipment, shipment), by: assistant) }
        }
        try db.voidReceipt(id: saved.id, reason: "bounced", by: finance, at: now + 60)
        try db.voidReceipt(id: manual.id, reason: "duplicate", by: finance, at: now + 60)
        #expect(try value(db, "SELECT open_amount FROM receivables WHERE id = ?", [open[0].id]) == open[0].open.minorUnits)
        #expect(try value(db, "SELECT open_balance FROM customers WHERE id = ?", [customer]) == balance)
        #expect(try value(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'receipt.void'") == 2)
        #expect(try db.check() == [])
        // Only finance (and the manager) post receipts; a void needs a reason.
        let rep = try Fixtures.actor("rep", in: db)
        #expect(throws: StoreError.self) { try db.postReceipt(ReceiptDraft(partyId: customer, date: today, amount: Money(minorUnits: 1), method: .cash, split: .oldestFirst), by: rep, today: today, at: now) }
        #expect(throws: StoreError.self) { try db.voidReceipt(id: saved.id, reason: "  ", by: finance, at: now) }
    }

    /// A money document may be dated ahead only as far as the company allows (`money_future_days`):
    /// by default not at all; refused naming the date and the days, nothing written.
    func refusal(_ e: any Error) -> DomainError? { if case .invalid(let d)? = e as? StoreError { d } else { nil } }

    @Test func aDateAheadOnlyAsFarAsTheSettingAllows() throws {
        let db = DemoFixture.make(inMemory: true)
        let finance = try Fixtures.actor("finance", in: db), manager = try Fixtures.actor("manager", in: db)
        let customer = try value(db, "SELECT customer_id FROM receivables WHERE status = 'posted' AND open_amount > 0 ORDER BY id LIMIT 1")
        func receipt(_ days: Int) -> ReceiptDraft {
            ReceiptDraft(partyId: customer, date: today.adding(days: days), amount: Money(minorUnits: 100), method: .cheque, split: .oldestFirst)
        }
        let count = try value(db, "SELECT COUNT(*) FROM receipts")
        #expect { try db.postReceipt(receipt(1), by: finance, today: today, at: now) } throws: { refusal($0)?.code == "error.date-future" }
        try db.saveSettings(try db.settings().setting("money_future_days", to: "3"), by: manager, today: Fixtures.today, at: now)
        #expect { try db.postExpense(ExpenseEntry(date: today.adding(days: 4), category: "rent", item: "Office", amount: Money(minorUnits: 100), method: .bankTransfer),
                                     by: finance, today: today, at: now) } throws: { e in
            let d = refusal(e)
            return d?.code == "error.date-beyond-future-days" && d?.arguments == [today.adding(days: 4).iso, "3"] && d?.field == "date"
        }
        #expect(try value(db, "SELECT COUNT(*) FROM receipts") == count)
        let cheque = try db.postReceipt(receipt(3), by: finance, today: today, at: now)
        #expect(try value(db, "SELECT receipt_date = ? FROM receipts WHERE id = ?", [today.adding(days: 3).iso, cheque.id]) == 1)
        #expect(throws: DomainError.self) { try CompanySettings().setting("money_future_days", to: "-1") }
        #expect(try db.check() == [])
    }

    @Test func aPaymentIsAReceiptOnTheSupplierLedger() throws {
        let db = DemoFixture.make(inMemory: true)
        let finance = try Fixtures.actor("finance", in: db)
        let supplier = try value(db, "SELECT supplier_id FROM payables WHERE status = 'posted' AND open_amount > 0 ORDER BY due_date, id LIMIT 1")
        let item = try value(db, "SELECT id FROM payables WHERE supplier_id = ? AND status = 'posted' AND open_amount > 0 ORDER BY due_date, doc_date, number LIMIT 1", [supplier])
        let open = try value(db, "SELECT open_amount FROM payables WHERE id = ?", [item])
        let saved = try db.postPayment(ReceiptDraft(partyId: supplier, date: today, amount: Money(minorUnits: open), method: .bankTransfer, split: .oldestFirst),
                                       by: finance, today: today, at: now)
        #expect(saved.number.hasPrefix("PM-2026-"))
        #expect(try value(db, "SELECT open_amount FROM payables WHERE id = ?", [item]) == 0)
        #expect(try db.check() == [])
        try db.voidPayment(id: saved.id, reason: "sent twice", by: finance, at: now + 60)
        #expect(try value(db, "SELECT open_amount FROM payables WHERE id = ?", [item]) == open)
        #expect(try db.check() == [])
    }
}
