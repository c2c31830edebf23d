import Foundation
import GRDB
import Testing
import TestSupport
import Domain
@testable import Store

/// A sales order keyed in by the sales assistant: one transaction, the next gapless number, its
/// lines and total, the customer's order dates, an audit record; the customer's last prices for
/// the form; every bad input refused naming its field, and nothing written.
@Suite struct SalesOrderEntryTests {
    let today = Fixtures.today
    let now: Int64 = 1_795_000_000

    func value(_ db: AppDatabase, _ sql: String, _ args: StatementArguments = []) throws -> Int64 {
        try db.read { db in try Int64.fetchOne(db, sql: sql, arguments: args) ?? 0 }
    }

    @Test func anOrderIsNumberedWrittenAndAudited() throws {
        let db = DemoFixture.make(inMemory: true)
        let assistant = try Fixtures.actor("assistant", in: db)
        let customer = try value(db, "SELECT customer_id FROM sales_orders GROUP BY customer_id HAVING COUNT(*) >= 2 ORDER BY customer_id LIMIT 1")
        let source = try db.orderEntrySource(customerId: customer, by: assistant)
        // The last prices are those of the customer's newest order lines.
        let (product, lastPrice) = try db.read { db -> (Int64, Int64) in
            let r = try Row.fetchOne(db, sql: """
                SELECT l.product_id, l.unit_price FROM sales_orders o JOIN sales_order_lines l ON l.order_id = o.id
                WHERE o.customer_id = ? AND o.status <> 'cancelled' ORDER BY o.order_date DESC, o.id DESC, l.line_no LIMIT 1
                """, arguments: [customer])
            return (r?[0] ?? 0, r?[1] ?? 0)
        }
        #expect(source.lastPrices[product]?.price == Money(minorUnits: lastPrice))
        let other = try value(db, "SELECT id FROM products WHERE id <> ? AND unit = 'kg' ORDER BY id LIMIT 1", [product])
        let lines = [QuoteLine(productId: product, quantity: Quantity(thousandths: 3_000), unitPrice: Money(minorUnits: 12_345), discount: BasisPoints(500)),
                     QuoteLine(productId: other, quantity: Quantity(thousandths: 1_500), unitPrice: Money(minorUnits: 999))]
        let count = try value(db, "SELECT COUNT(*) FROM sales_orders")
        let entry = SalesOrderEntry(customerId: customer, orderDate: today, dueDate: today.adding(days: 7), customerPO: " PO-778 ", note: "加急", lines: lines)
        let saved = try db.saveSalesOrder(entry, by: assistant, today: today, at: now)
        #expect(saved.number.hasPrefix("SO-\(today.year)-"))
        let row = try #require(try db.read { db -> [String]? in
            try Row.fetchOne(db, sql: "SELECT status, total, quantity, customer_po, created_by, owner_id FROM sales_orders WHERE id = ?", arguments: [saved.id])
                .map { r in (0..<6).map { i in (r[i] as DatabaseValue).description } }
        })
        let owner = try value(db, "SELECT owner_id FROM customers WHERE id = ?", [customer])
        // 3 × 123.45 less 5 % = 351.8325 → 351.83; 1.5 × 9.99 = 14.985 → 14.98 (half to even).
        #expect(row == ["\"open\"", String(35_183 + 1_498), "4500", "\"PO-778\"", String(assistant.userId), String(owner)])
        #expect(try value(db, "SELECT COUNT(*) FROM sales_order_lines WHERE order_id = ?", [saved.id]) == 2)
        #expect(try value(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'sales_order.create' AND entity_id = ?", [saved.id]) == 1)
        #expect(try db.read { db in try String.fetchOne(db, sql: "SELECT last_order_on FROM customers WHERE id = ?", arguments: [customer]) } == today.iso)
        #expect(try value(db, "SELECT COUNT(*) FROM sales_orders") == count + 1)
        #expect(try db.check() == [])
        // The next order takes the next number.
        let next = try db.saveSalesOrder(entry, by: assistant, today: today, at: now)
        #expect(Int(next.number.suffix(5)) == Int(saved.number.suffix(5)).map { $0 + 1 })
    }

    @Test func badOrdersAreRefusedNamingTheFieldAndWriteNothing() throws {
        let db = DemoFixture.make(inMemory: true)
        let assistant = try Fixtures.actor("assistant", in: db), rep = try Fixtures.actor("rep", in: db)
        let customer = try value(db, "SELECT id FROM customers ORDER BY id LIMIT 1")
        let product = try value(db, "SELECT id FROM products ORDER BY id LIMIT 1")
        let line = QuoteLine(productId: product, quantity: Quantity(thousandths: 1_000), unitPrice: Money(minorUnits: 100))
        let good = SalesOrderEntry(customerId: customer, orderDate: today, dueDate: today, lines: [line])
        let before = try value(db, "SELECT COUNT(*) FROM sales_orders"), audits = try value(db, "SELECT COUNT(*) FROM audit_log")
        func refused(_ entry: SalesOrderEntry, by actor: Actor? = nil) -> String? {
            do { try db.saveSalesOrder(entry, by: actor ?? assistant, today: today, at: now); return nil } catch {
                if case .invalid(let e) = error { return e.field ?? "(none)" }
                if case .forbidden = error { return "forbidden" }
                return "\(error)"
            }
        }
        var e = good; e.lines = []
        #expect(refused(e) == "product")
        e = good; e.dueDate = today.adding(days: -1)
        #expect(refused(e) == "due_date")
        e = good; e.orderDate = today.adding(days: 1); e.dueDate = today.adding(days: 2)
        #expect(refused(e) == "order_date")
        e = good; e.lines = [QuoteLine(productId: product, quantity: Quantity(thousandths: 0), unitPrice: Money(minorUnits: 100))]
        #expect(refused(e) == "quantity")
        e = good; e.lines = [QuoteLine(productId: product, quantity: Quantity(thousandths: 1_000), unitPrice: Money(minorUnits: 100), discount: BasisPoints(10_001))]
        #expect(refused(e) != nil)
        e = good; e.lines = [QuoteLine(productId: 9_999_999, quantity: Quantity(thousandths: 1_000), unitPrice: Money(minorUnits: 100))]
        #expect(refused(e) == "product")
        // Pieces are counted whole, a kilogram to the gram (unit_decimals).
        let pieces = try value(db, "SELECT id FROM products WHERE unit = 'pcs' ORDER BY id LIMIT 1")
        let kilos = try value(db, "SELECT id FROM products WHERE unit = 'kg' ORDER BY id LIMIT 1")
        e = good; e.lines = [QuoteLine(productId: pieces, quantity: Quantity(thousandths: 2_500), unitPrice: Money(minorUnits: 100))]
        #expect(refused(e) == "quantity")
        e = good; e.lines = [QuoteLine(productId: kilos, quantity: Quantity(thousandths: 2_125), unitPrice: Money(minorUnits: 100))]
        #expect(refused(e) == nil)
        #expect(try value(db, "SELECT COUNT(*) FROM sales_orders") == before + 1)
        e = good; e.customerPO = String(repeating: "P", count: 61)
        #expect(refused(e) == "customer_po")
        // A rep books orders by accepting quotes, not by keying them.
        #expect(refused(good, by: rep) == "forbidden")
        #expect(try value(db, "SELECT COUNT(*) FROM sales_orders") == before + 1 && value(db, "SELECT COUNT(*) FROM audit_log") == audits + 1)
    }
}
