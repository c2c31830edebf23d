import Domain
import GRDB
@testable import Store
import Testing
import TestSupport

/// Purchase orders through the document writer: a new open PO- with its lines and audit, its
/// last costs per supplier, changed or cancelled only while nothing is received; every refusal
/// names the field and changes nothing.
@Suite struct PurchaseOrderTests {
    let today = Fixtures.today
    let now: Int64 = 1_795_000_000

    func value(_ db: AppDatabase, _ sql: String, _ args: StatementArguments = []) throws -> Int64 {
        try db.read { db in try Int64.fetchOne(db, sql: sql, arguments: args) ?? 0 }
    }

    func refusal(_ e: any Error) -> DomainError? { if case .invalid(let d)? = e as? StoreError { d } else { nil } }

    @Test func aPurchaseOrderIsSavedChangedAndCancelled() throws {
        let db = DemoFixture.make(inMemory: true)
        let buyer = try Fixtures.actor("purchasing", in: db)
        let supplier = try value(db, "SELECT supplier_id FROM purchase_orders WHERE status <> 'cancelled' GROUP BY supplier_id ORDER BY COUNT(*) DESC LIMIT 1")
        let source = try db.purchaseOrderSource(supplierId: supplier, by: buyer)
        // The last cost is the supplier's latest PO line for the product.
        let (product, cost) = try db.read { db -> (Int64, Int64) in
            let r = try Row.fetchOne(db, sql: """
                SELECT l.product_id, l.unit_price FROM purchase_orders p JOIN purchase_order_lines l ON l.po_id = p.id
                WHERE p.supplier_id = ? AND p.status <> 'cancelled' ORDER BY p.order_date DESC, p.id DESC, l.line_no LIMIT 1
                """, arguments: [supplier])
            return (r?[0] ?? 0, r?[1] ?? 0)
        }
        #expect(source.lastCosts[product]?.price == Money(minorUnits: cost))
        let warehouse = try #require(source.defaultWarehouse)
        let entry = PurchaseOrderEntry(supplierId: supplier, orderDate: today, expectedDate: today.adding(days: 10), warehouseId: warehouse, note: " rush ",
                                       lines: [QuoteLine(productId: product, quantity: Quantity(thousandths: 12_000), unitPrice: Money(minorUnits: 1_050), discount: BasisPoints(500))])
        let saved = try db.savePurchaseOrder(entry, by: buyer, today: today, at: now)
        #expect(saved.number.hasPrefix("PO-2026-"))
        // 12 × 10.50 less 5 % = 119.70
        #expect(try value(db, "SELECT total FROM purchase_orders WHERE id = ?", [saved.id]) == 11_970)
        #expect(try value(db, "SELECT COUNT(*) FROM purchase_orders WHERE id = ? AND status = 'open' AND note = 'rush' AND warehouse_id = ?", [saved.id, warehouse]) == 1)
        #expect(try value(db, "SELECT discount_bp FROM purchase_order_lines WHERE po_id = ?", [saved.id]) == 500)
        #expect(try value(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'purchase_order.create' AND entity_id = ?", [saved.id]) == 1)
        var more = entry
        more.lines.append(QuoteLine(productId: product, quantity: Quantity(thousandths: 1_000), unitPrice: .zero))
        try db.updatePurchaseOrder(id: saved.id, version: 1, more, by: buyer, today: today, at: now)
        #expect(try value(db, "SELECT COUNT(*) FROM purchase_order_lines WHERE po_id = ?", [saved.id]) == 2)
        // A second save from the version read first has lost the race.
        #expect(throws: StoreError.self) { try db.updatePurchaseOrder(id: saved.id, version: 1, entry, by: buyer, today: today, at: now) }
        #expect { try db.cancelPurchaseOrder(id: saved.id, reason: "  ", by: buyer, at: now) } throws: { refusal($0)?.field == "reason" }
        #expect(try db.cancelPurchaseOrder(id: saved.id, reason: "supplier out of stock", by: buyer, at: now) == saved.number)
        #expect(try value(db, "SELECT COUNT(*) FROM purchase_orders WHERE id = ? AND status = 'cancelled' AND cancel_reason = 'supplier out of stock'", [saved.id]) == 1)
        #expect { try db.updatePurchaseOrder(id: saved.id, version: 2, entry, by: buyer, today: today, at: now) } throws: { refusal($0)?.code == "error.po-not-open" }
        // One with goods received is neither changed nor cancelled.
        let received = try value(db, "SELECT po_id FROM goods_receipts LIMIT 1")
        #expect { try db.cancelPurchaseOrder(id: received, reason: "no", by: buyer, at: now) } throws: { ["error.po-not-open", "error.po-has-receipts"].contains(refusal($0)?.code) }
        #expect(try db.check() == [])
    }

    @Test func badPurchaseOrdersAreRefusedNamingTheFieldAndNothingIsWritten() throws {
        let db = DemoFixture.make(inMemory: true)
        let buyer = try Fixtures.actor("purchasing", in: db)
        let supplier = try value(db, "SELECT id FROM suppliers ORDER BY id LIMIT 1"), warehouse = try value(db, "SELECT id FROM warehouses ORDER BY id LIMIT 1")
        let product = try value(db, "SELECT id FROM products ORDER BY id LIMIT 1")
        let count = try value(db, "SELECT COUNT(*) FROM purchase_orders")
        func po(_ change: (inout PurchaseOrderEntry) -> Void) -> PurchaseOrderEntry {
            var e = PurchaseOrderEntry(supplierId: supplier, orderDate: today, expectedDate: today, warehouseId: warehouse,
                                       lines: [QuoteLine(productId: product, quantity: Quantity(thousandths: 1_000), unitPrice: Money(minorUnits: 100))])
            change(&e)
            return e
        }
        let cases: [(PurchaseOrderEntry, String)] = [
            (po { $0.expectedDate = today.adding(days: -1) }, "expected_date"),
            (po { $0.lines[0].unitPrice = Money(minorUnits: -1) }, "unit_price"),
            (po { $0.lines[0].quantity = .zero }, "quantity"),
            (po { $0.lines = [] }, "product"),
            (po { $0.lines[0].productId = 999_999 }, "product"),
            (po { $0.supplierId = 999_999 }, "supplier"),
            (po { $0.orderDate = today.adding(days: 1); $0.expectedDate = today.adding(days: 2) }, "order_date"),
        ]
        for (entry, field) in cases {
            #expect { try db.savePurchaseOrder(entry, by: buyer, today: today, at: now) } throws: { refusal($0)?.field == field }
        }
        // Only purchasing and the manager enter purchase orders.
        for login in ["rep", "assistant", "finance"] {
            #expect(throws: StoreError.self) { try db.savePurchaseOrder(po { _ in }, by: try Fixtures.actor(login, in: db), today: today, at: now) }
            #expect(throws: StoreError.self) { try db.purchaseOrderSource(supplierId: supplier, by: try Fixtures.actor(login, in: db)) }
        }
        #expect(try db.savePurchaseOrder(po { _ in }, by: try Fixtures.actor("manager", in: db), today: today, at: now).number.hasPrefix("PO-"))
        #expect(try value(db, "SELECT COUNT(*) FROM purchase_orders") == count + 1)
    }
}
