import Domain
import GRDB
@testable import Store
import Testing
import TestSupport

/// `:stock`: per product, on hand over all warehouses, what open POs still bring, what open
/// sales orders reserve and what is left available — each figure the database's own sum; one
/// warehouse's rows and the at-or-under-reorder filter; quantities only, for every role that sees stock.
@Suite struct StockListTests {
    let today = Fixtures.today

    func value(_ db: AppDatabase, _ sql: String, _ args: StatementArguments = []) throws -> Int64 {
        try db.read { db in try Int64.fetchOne(db, sql: sql, arguments: args) ?? 0 }
    }

    func all(_ db: AppDatabase, _ query: ListQuery, by actor: Actor) throws -> [ListRow] {
        var rows: [ListRow] = [], after: ListCursor?
        while true {
            let page = try db.listPage(query, after: after, limit: 37, backwards: false, for: actor, today: today)
            rows += page.rows
            guard page.rows.count == 37, let last = page.rows.last else { break }
            after = last.cursor
        }
        return rows
    }

    func q(_ v: CellValue) -> Int64 { if case .quantity(let x) = v { x.thousandths } else { 0 } }

    @Test func everyFigureIsTheDatabasesOwnSum() throws {
        let db = DemoFixture.make(inMemory: true)
        let buyer = try Fixtures.actor("purchasing", in: db)
        let rows = try all(db, ListQuery(.stock, sort: "code"), by: buyer)
        let products = try value(db, "SELECT COUNT(*) FROM products WHERE active = 1")
        #expect(rows.count == Int(products))
        #expect(rows.map { $0.cells[0].plainText } == rows.map { $0.cells[0].plainText }.sorted())
        for r in rows.prefix(40) {
            let p = r.ref.id
            let onHand = try value(db, "SELECT coalesce(SUM(on_hand), 0) FROM stock_levels WHERE product_id = ?", [p])
            #expect(q(r.cells[3]) == onHand)
            let onOrder = try value(db, """
                SELECT coalesce(SUM(l.quantity - l.received_quantity), 0) FROM purchase_order_lines l JOIN purchase_orders o ON o.id = l.po_id
                WHERE l.product_id = ? AND o.status IN ('open','partially_received')
                """, [p])
            #expect(q(r.cells[5]) == onOrder)
            let reserved = try value(db, """
                SELECT coalesce(SUM(l.quantity - l.shipped_quantity), 0) FROM sales_order_lines l JOIN sales_orders o ON o.id = l.order_id
                WHERE l.product_id = ? AND o.status IN ('open','partially_shipped')
                """, [p])
            #expect(q(r.cells[6]) == reserved && q(r.cells[7]) == q(r.cells[3]) - reserved)
        }
        // One warehouse, at or under its reorder level.
        let warehouse = try value(db, "SELECT warehouse_id FROM stock_levels WHERE on_hand <= reorder_level AND reorder_level > 0 LIMIT 1")
        let low = try all(db, ListQuery(.stock, sort: "code", filter: ["warehouse": String(warehouse), "below": "1"]), by: buyer)
        let lowCount = try value(db, """
            SELECT COUNT(*) FROM stock_levels s JOIN products p ON p.id = s.product_id WHERE s.warehouse_id = ? AND s.on_hand <= s.reorder_level AND s.reorder_level > 0 AND p.active = 1
            """, [warehouse])
        #expect(low.count == Int(lowCount) && !low.isEmpty)
        #expect(low.allSatisfy { q($0.cells[3]) <= q($0.cells[4]) && $0.cells[6] == .empty })
        let under = try all(db, ListQuery(.stock, sort: "code", filter: ["below": "1"]), by: buyer)
        #expect(!under.isEmpty && under.count < rows.count && under.allSatisfy { q($0.cells[3]) <= q($0.cells[4]) })
        #expect(try db.listCount(ListQuery(.stock, sort: "code", filter: ["below": "1"]), for: buyer, today: today) == under.count)
        // A rep and the assistant see quantities (no column is money); finance does not list stock.
        for login in ["rep", "assistant"] {
            let seen = try db.listPage(ListQuery(.stock, sort: "code"), after: nil, limit: 5, backwards: false, for: try Fixtures.actor(login, in: db), today: today)
            #expect(seen.columns.allSatisfy { $0.kind != .money } && seen.rows.count == 5)
        }
        // `rapport report stock --warehouse CODE --below` prints the same rows.
        let code = try db.read { db in try String.fetchOne(db, sql: "SELECT code FROM warehouses WHERE id = ?", arguments: [warehouse]) ?? "" }
        let report = try db.stockReport(warehouseCode: code.lowercased(), below: true, for: buyer, today: today)
        #expect(report.rows == low.map(\.cells) && report.rows.count == low.count)
        #expect(try db.stockReport(warehouseCode: nil, below: false, for: buyer, today: today).rows == rows.map(\.cells))
        #expect(throws: StoreError.self) { try db.stockReport(warehouseCode: "NOPE", below: false, for: buyer, today: today) }
        #expect(try db.listSearch(ListQuery(.stock, sort: "code"), text: rows[0].cells[0].plainText, limit: 10, for: buyer, today: today).rows.first?.ref == rows[0].ref)
    }

    @Test func aCategoryShowsOnlyTheProductsFiledUnderIt() throws {
        let db = DemoFixture.make(inMemory: true)
        let buyer = try Fixtures.actor("purchasing", in: db)
        let categories = try db.productCategories()
        #expect(categories.count > 1)
        let category = try #require(categories.first)
        let expected = try db.read { db in try String.fetchAll(db, sql: "SELECT code FROM products WHERE category = ? AND active = 1 ORDER BY code", arguments: [category]) }
        let warehouse = try value(db, "SELECT min(id) FROM warehouses")
        #expect(try all(db, ListQuery(.stock, sort: "code", filter: ["category": category]), by: buyer).map { $0.cells[0].plainText } == expected)
        let inWarehouse = try all(db, ListQuery(.stock, sort: "code", filter: ["category": category, "warehouse": String(warehouse)]), by: buyer).map { $0.cells[0].plainText }
        #expect(!inWarehouse.isEmpty && Set(inWarehouse).isSubset(of: Set(expected)))
        let report = try db.stockReport(warehouseCode: nil, category: category, below: false, for: buyer, today: today)
        #expect(report.rows.count == expected.count)
        #expect(throws: StoreError.self) { try db.stockReport(warehouseCode: nil, category: "no such kind", below: false, for: buyer, today: today) }
    }
}
