import Foundation
import GRDB
import Testing
import TestSupport
import Domain
@testable import Store

/// An open order nothing was shipped from can be changed (a stale edit refused) or cancelled
/// with a reason; once anything is shipped — even a shipment voided since — neither. Sales per
/// month follow, `rapport check` stays clean, each change is audited.
@Suite struct OrderChangeTests {
    let today = Fixtures.today
    let now: Int64 = 1_795_000_000

    func value(_ db: AppDatabase, _ sql: String, _ args: StatementArguments = []) throws -> Int64 {
        try db.read { db in try Int64.fetchOne(db, sql: sql, arguments: args) ?? 0 }
    }

    func keyed(_ db: AppDatabase, _ assistant: Actor) throws -> (id: Int64, entry: SalesOrderEntry) {
        let customer = try value(db, "SELECT id FROM customers WHERE archived = 0 ORDER BY id LIMIT 1")
        // The product with the most stock in one warehouse: a shipment of it goes through.
        let products = try db.read { db in try Int64.fetchAll(db, sql: "SELECT product_id FROM stock_levels ORDER BY on_hand DESC LIMIT 1") }
        let entry = SalesOrderEntry(customerId: customer, orderDate: today, dueDate: today.adding(days: 7), customerPO: "PO-1",
                                    lines: [QuoteLine(productId: products[0], quantity: Quantity(units: 2), unitPrice: Money(minorUnits: 10_000))])
        return (try db.saveSalesOrder(entry, by: assistant, today: today, at: now).id, entry)
    }

    func monthTotal(_ db: AppDatabase, owner: Int64) throws -> Int64 {
        try value(db, "SELECT total FROM sales_monthly WHERE owner_id = ? AND month = ?", [owner, String(today.iso.prefix(7))])
    }

    @Test func anOpenOrderIsRewrittenAndAStaleEditRefused() throws {
        let db = DemoFixture.make(inMemory: true)
        let assistant = try Fixtures.actor("assistant", in: db)
        let (id, entry) = try keyed(db, assistant)
        let owner = try value(db, "SELECT owner_id FROM sales_orders WHERE id = ?", [id])
        let monthBefore = try monthTotal(db, owner: owner)
        let read = try db.salesOrderForEdit(id: id, by: assistant)
        #expect(read.entry == SalesOrderEntry(customerId: entry.customerId, orderDate: today, dueDate: today.adding(days: 7), customerPO: "PO-1", lines: entry.lines))
        var changed = read.entry
        changed.lines.append(QuoteLine(productId: entry.lines[0].productId, quantity: Quantity(units: 1), unitPrice: Money(minorUnits: 5_000), discount: BasisPoints(1_000)))
        changed.dueDate = today.adding(days: 10)
        _ = try db.updateSalesOrder(id: id, version: read.version, changed, by: assistant, today: today, at: now)
        #expect(try value(db, "SELECT total FROM sales_orders WHERE id = ?", [id]) == 24_500)
        #expect(try value(db, "SELECT COUNT(*) FROM sales_order_lines WHERE order_id = ?", [id]) == 2)
        #expect(try monthTotal(db, owner: owner) == monthBefore + 4_500)
        #expect(try value(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'sales_order.update' AND entity_id = ?", [id]) == 1)
        // The version read before that save is stale now: refused, nothing written.
        #expect(throws: StoreError.self) { try db.updateSalesOrder(id: id, version: read.version, read.entry, by: assistant, today: today, at: now) }
        #expect(try value(db, "SELECT total FROM sales_orders WHERE id = ?", [id]) == 24_500)
        // A bad line is refused naming its field, nothing written.
        var bad = try db.salesOrderForEdit(id: id, by: assistant).entry
        bad.lines[0].discount = BasisPoints(10_001)
        #expect(throws: StoreError.self) { try db.updateSalesOrder(id: id, version: read.version + 1, bad, by: assistant, today: today, at: now) }
        #expect(try db.check() == [])
    }

    @Test func anOrderOnceShippedIsNeitherChangedNorCancelled() throws {
        let db = DemoFixture.make(inMemory: true)
        let assistant = try Fixtures.actor("assistant", in: db)
        let (id, _) = try keyed(db, assistant)
        let source = try db.shipmentSource(orderId: id, by: assistant)
        let warehouse = try value(db, "SELECT warehouse_id FROM stock_levels WHERE product_id = ? ORDER BY on_hand DESC LIMIT 1", [source.lines[0].productId])
        let shipped = try db.postShipment(ShipmentDraft(orderId: id, warehouseId: warehouse, shipDate: today, lines: [.init(orderLineId: source.lines[0].orderLineId, quantity: Quantity(units: 1))]),
                                          by: assistant, today: today, at: now)
        #expect(throws: StoreError.self) { try db.salesOrderForEdit(id: id, by: assistant) }
        #expect(throws: StoreError.self) { try db.checkCancelSalesOrder(id: id, by: assistant) }
        #expect(throws: StoreError.self) { try db.cancelSalesOrder(id: id, reason: "customer changed mind", by: assistant, at: now) }
        // Voided: the order is open again and may be cancelled, but its lines carry the shipment's history.
        try db.voidShipment(id: shipped.id, reason: "wrong warehouse", by: assistant, today: today, at: now)
        do {
            _ = try db.salesOrderForEdit(id: id, by: assistant)
            Issue.record("an order with a (voided) shipment opened for editing")
        } catch {
            #expect(error.userMessage.key == "error.order-has-shipments" && error.userMessage.arguments.last == shipped.number)
        }
        #expect(try db.checkCancelSalesOrder(id: id, by: assistant).hasPrefix("SO-"))
        // A voided note is not printed: on paper it would look valid.
        do {
            _ = try db.printableDocument(.shipment, number: shipped.number, for: assistant)
            Issue.record("a voided shipment printed")
        } catch {
            #expect(error.userMessage.key == "error.print-void")
        }
        let problems = try db.check()
        #expect(problems == [])
    }

    @Test func cancellingNeedsAReasonAndTakesTheOrderOutOfSales() throws {
        let db = DemoFixture.make(inMemory: true)
        let assistant = try Fixtures.actor("assistant", in: db)
        let (id, _) = try keyed(db, assistant)
        let owner = try value(db, "SELECT owner_id FROM sales_orders WHERE id = ?", [id])
        let monthBefore = try monthTotal(db, owner: owner)
        #expect(throws: StoreError.self) { try db.cancelSalesOrder(id: id, reason: "  ", by: assistant, at: now) }
        #expect(try db.read { db in try String.fetchOne(db, sql: "SELECT status FROM sales_orders WHERE id = ?", arguments: [id]) } == "open")
        let rep = try Fixtures.actor("rep2", in: db)
        if owner != rep.userId { #expect(throws: StoreError.self) { try db.cancelSalesOrder(id: id, reason: "not mine", by: rep, at: now) } }
        let number = try db.cancelSalesOrder(id: id, reason: "客户取消", by: assistant, at: now)
        #expect(number.hasPrefix("SO-"))
        #expect(try db.read { db in try String.fetchOne(db, sql: "SELECT status || ' ' || cancel_reason FROM sales_orders WHERE id = ?", arguments: [id]) } == "cancelled 客户取消")
        #expect(try monthTotal(db, owner: owner) == monthBefore - 20_000)
        #expect(throws: StoreError.self) { try db.printableDocument(.order, number: number, for: assistant) }
        #expect(try value(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'sales_order.cancel' AND entity_id = ?", [id]) == 1)
        #expect(throws: StoreError.self) { try db.cancelSalesOrder(id: id, reason: "again", by: assistant, at: now) }
        #expect(try db.check() == [])
    }
}

/// The company's negative-stock setting: off, a shipment beyond what the warehouse holds is
/// refused with the figures; on, it posts and the warehouse goes below zero — and a void puts
/// it back. `rapport check` holds either way.
@Suite struct NegativeStockTests {
    let today = Fixtures.today
    let now: Int64 = 1_795_000_000

    @Test func shippingBeyondStockIsRefusedUnlessTheCompanyAllowsIt() throws {
        let db = DemoFixture.make(inMemory: true)
        let assistant = try Fixtures.actor("assistant", in: db)
        let manager = try Fixtures.actor("manager", in: db)
        let (product, warehouse, onHand) = try db.read { db -> (Int64, Int64, Int64) in
            let r = try Row.fetchOne(db, sql: "SELECT product_id, warehouse_id, on_hand FROM stock_levels WHERE on_hand > 0 ORDER BY on_hand LIMIT 1")
            return (r?[0] ?? 0, r?[1] ?? 0, r?[2] ?? 0)
        }
        let customer = try db.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM customers WHERE archived = 0 ORDER BY id LIMIT 1") ?? 0 }
        let more = Quantity(thousandths: onHand + 5_000)
        let order = try db.saveSalesOrder(SalesOrderEntry(customerId: customer, orderDate: today, dueDate: today, lines: [
            QuoteLine(productId: product, quantity: more, unitPrice: Money(minorUnits: 100)),
        ]), by: assistant, today: today, at: now)
        let line = try db.shipmentSource(orderId: order.id, by: assistant).lines[0]
        let draft = ShipmentDraft(orderId: order.id, warehouseId: warehouse, shipDate: today, lines: [.init(orderLineId: line.orderLineId, quantity: more)])
        do {
            _ = try db.postShipment(draft, by: assistant, today: today, at: now)
            Issue.record("shipped beyond stock with the setting off")
        } catch {
            #expect(error.userMessage.key == "error.short-stock" && error.userMessage.arguments.last == Quantity(thousandths: onHand).description)
        }
        try db.saveSettings(try db.settings().setting("negative_stock", to: "allowed"), by: manager, today: Fixtures.today, at: now)
        #expect(try db.shipmentSource(orderId: order.id, by: assistant).allowNegativeStock)
        let shipped = try db.postShipment(draft, by: assistant, today: today, at: now)
        let level = { try db.read { db in try Int64.fetchOne(db, sql: "SELECT on_hand FROM stock_levels WHERE product_id = ? AND warehouse_id = ?", arguments: [product, warehouse]) } }
        #expect(try level() == -5_000)
        #expect(try db.check() == [])
        try db.voidShipment(id: shipped.id, reason: "test", by: assistant, today: today, at: now)
        #expect(try level() == onHand)
        #expect(try db.check() == [])
        #expect(throws: DomainError.self) { try db.settings().setting("negative_stock", to: "yes") }
        // The default warehouse must be one of the company's; the shipment form is told its id.
        #expect(throws: StoreError.self) { try db.saveSettings(try db.settings().setting("default_warehouse", to: "NOPE"), by: manager, today: Fixtures.today, at: now) }
        let code = try db.read { db in try String.fetchOne(db, sql: "SELECT code FROM warehouses WHERE id = ?", arguments: [warehouse]) ?? "" }
        try db.saveSettings(try db.settings().setting("default_warehouse", to: code.lowercased()), by: manager, today: Fixtures.today, at: now)
        #expect(try db.shipmentSource(orderId: order.id, by: assistant).defaultWarehouseId == warehouse)
    }
}
