import Domain
import GRDB
@testable import Store
import Testing
import TestSupport

/// Costs are purchasing's (and the manager's and finance's): a rep and the sales assistant see
/// stock quantities but no cost on any path — PO cards, lists, forms and prints, goods receipts,
/// suppliers and their payables, purchasing statistics, product cards and exports.
@Suite struct PurchasingAccessTests {
    let today = Fixtures.today

    @Test func repsAndTheAssistantSeeQuantitiesButNeverCosts() throws {
        let db = DemoFixture.make(inMemory: true)
        let (po, poNumber, gr, supplier, product) = try db.read { db -> (Int64, String, Int64, Int64, Int64) in
            let p = try Row.fetchOne(db, sql: "SELECT id, number, supplier_id FROM purchase_orders ORDER BY id LIMIT 1")
            return (p?[0] ?? 0, p?[1] ?? "", try Int64.fetchOne(db, sql: "SELECT id FROM goods_receipts LIMIT 1") ?? 0, p?[2] ?? 0,
                    try Int64.fetchOne(db, sql: "SELECT id FROM products LIMIT 1") ?? 0)
        }
        let period = DateRange(from: today.adding(days: -365), to: today)
        for login in ["rep", "assistant"] {
            let actor = try Fixtures.actor(login, in: db)
            for ref in [RecordRef(.purchaseOrder, po), RecordRef(.goodsReceipt, gr), RecordRef(.supplier, supplier)] {
                #expect(throws: StoreError.self, "\(login) \(ref)") { try db.card(ref, for: actor, today: today) }
            }
            for kind in [ListKind.purchaseOrders, .suppliers] {
                #expect(throws: StoreError.self, "\(login) \(kind)") { try db.listPage(ListQuery(kind, sort: kind.sorts[0]), after: nil, limit: 5, backwards: false, for: actor, today: today) }
            }
            #expect(throws: StoreError.self) { try db.purchaseOrderSource(supplierId: supplier, by: actor) }
            #expect(throws: StoreError.self) { try db.goodsReceiptSource(poId: po, by: actor) }
            #expect(throws: StoreError.self) { try db.purchaseSuggestion(productId: product, warehouseId: nil, by: actor) }
            #expect(throws: StoreError.self) { try db.printableDocument(.purchaseOrder, number: poNumber, for: actor) }
            #expect(throws: StoreError.self) { try db.report(ReportRequest(name: "purchases", period: period), for: actor) }
            #expect(throws: StoreError.self) { try db.report(ReportRequest(name: "payables-aging", period: DateRange(from: today, to: today)), for: actor) }
            // What they do see has no cost in it.
            let stock = try db.listPage(ListQuery(.stock, sort: "code"), after: nil, limit: 5, backwards: false, for: actor, today: today)
            #expect(stock.columns.allSatisfy { $0.kind != .money })
            let card = try db.card(RecordRef(.product, product), for: actor, today: today)
            #expect(!card.fields.contains { $0.label.contains("cost") })
            #expect(!(try db.exportSheet("products", for: actor)).columns.contains { $0.title == "cost_price" })
        }
        // Purchasing sees them.
        let buyer = try Fixtures.actor("purchasing", in: db)
        #expect(try db.printableDocument(.purchaseOrder, number: poNumber, for: buyer).lines.allSatisfy { $0.unitPrice.minorUnits >= 0 })
        #expect(try db.exportSheet("products", for: buyer).columns.contains { $0.title == "cost_price" })
    }
}
