import Foundation
import GRDB
import Testing
import Domain
@testable import Store

@Suite struct MigrationTests {
    static let tables = ["users", "company_settings", "customers", "contacts", "contact_log", "opportunities", "products", "warehouses",
                         "stock_levels", "stock_moves", "quotes", "quote_lines", "sales_orders", "sales_order_lines", "shipments",
                         "shipment_lines", "receivables", "receipts", "receipt_allocations", "suppliers", "purchase_orders",
                         "purchase_order_lines", "goods_receipts", "goods_receipt_lines", "payables", "payments", "payment_allocations",
                         "expenses", "feedback", "quotas", "commission_rates", "claims", "document_sequences", "audit_log", "sales_monthly", "os_accounts",
                         "cash_daily", "cash_party_monthly", "expense_categories", "expense_items", "supplier_contacts", "revenue_monthly"]

    @Test func v1CreatesTheWholeDomainAsStrictTables() throws {
        let db = try AppDatabase.inMemory()
        let found = try db.read { db in
            try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations' AND name NOT LIKE 'customer_names%' AND name NOT LIKE 'customer_search%'")
                .map { ($0[0] as String, $0[1] as String) }
        }
        #expect(Set(found.map(\.0)) == Set(MigrationTests.tables))
        for (name, sql) in found { #expect(sql.hasSuffix("STRICT"), "\(name) is not STRICT") }
        #expect(AppDatabase.knownMigrations == ["v1-domain", "v2-customer-sorts", "v3-quotes", "v4-pinyin-order", "v5-os-accounts", "v6-customer-po", "v7-money-references", "v8-cash-aggregates", "v9-expense-lists", "v10-credit-aging", "v11-purchase-orders", "v12-stock-ledger", "v13-supplier-contacts-product-categories", "v14-revenue-monthly", "v15-kpi-customer-indexes"])
    }

    @Test func v2AddsTheCustomerSortIndexesToAFileMadeByV1() throws {
        let queue = try DatabaseQueue()
        try AppDatabase.migrator.migrate(queue, upTo: "v1-domain")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO customers (code, name, status, created_on) VALUES ('C1', '北京华联', 'lead', '2026-11-22')")
        }
        try AppDatabase.migrator.migrate(queue)
        let indexes = try queue.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'customers_%sort_%'") }
        #expect(indexes.count == 4)
        #expect(try queue.read { db in try String.fetchOne(db, sql: "SELECT name FROM customers") } == "北京华联")
    }

    @Test func v3FillsProductSearchKeysSoPinyinFindsProductsMadeBefore() throws {
        let queue = try DatabaseQueue()
        try AppDatabase.migrator.migrate(queue, upTo: "v2-customer-sorts")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO products (code, name, list_price) VALUES ('P0001', '不锈钢螺栓 M8', 120)")
        }
        try AppDatabase.migrator.migrate(queue)
        let key = try queue.read { db in try String.fetchOne(db, sql: "SELECT search_key FROM products") } ?? ""
        #expect(key.contains("p0001") && key.contains("bxgls") && key.contains("buxiugang"), "\(key)")
        #expect(try queue.read { db in try Bool.fetchOne(db, sql: "SELECT 1 FROM sqlite_master WHERE name = 'quotes_date'") } == true)
    }

    @Test func migratingTwiceChangesNothing() throws {
        let db = try AppDatabase.temporary()
        _ = try db.addUser(login: "boss", displayName: "", role: .manager, password: "secret", by: .system, at: 1)
        let again = try AppDatabase.open(path: db.path)
        #expect(try again.users().map(\.login) == ["boss"])
    }

    @Test func constraintsRefuseBadValues() throws {
        let db = try AppDatabase.inMemory()
        #expect(throws: StoreError.self) {
            try db.write { db in try db.execute(sql: "INSERT INTO products (code, name, list_price) VALUES ('X', 'x', -1)") }
        }
        #expect(throws: StoreError.self) {
            try db.write { db in try db.execute(sql: "INSERT INTO products (code, name, list_price) VALUES ('X', 'x', '12.50')") }
        }
        #expect(throws: StoreError.self) {
            try db.write { db in try db.execute(sql: "INSERT INTO warehouses (code, name) VALUES ('A', 'a'); INSERT INTO stock_moves (product_id, warehouse_id, moved_on, quantity, reason) VALUES (999, 1, '2026-01-01', 5, 'opening')") }
        }
    }

    @Test func newerSchemaIsRefusedUntouched() throws {
        let db = try AppDatabase.temporary()
        try db.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')") }
        #expect(throws: StoreError.newerSchema(path: db.path, unknown: ["v99-future"])) { try AppDatabase.open(path: db.path) }
    }

    @Test func aFileThatIsNotADatabaseIsRefusedAndKept() throws {
        let path = NSTemporaryDirectory() + "rapport-not-db-\(UUID().uuidString).sqlite"
        let content = "customer list\nnot sqlite at all\n"
        try content.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: StoreError.notADatabase(path: path)) { try AppDatabase.open(path: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == content)
    }

    @Test func missingAndReadOnlyFiles() throws {
        let missing = NSTemporaryDirectory() + "rapport-missing-\(UUID().uuidString).sqlite"
        #expect(throws: StoreError.self) { try AppDatabase.open(path: missing, create: false) }
        #expect(!FileManager.default.fileExists(atPath: missing))
        let db = try AppDatabase.temporary()
        try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: db.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: db.path) }
        #expect(throws: StoreError.readOnly(path: db.path)) { try AppDatabase.open(path: db.path) }
    }

    @Test func newFilesAreOwnerOnly() throws {
        let db = try AppDatabase.temporary()
        let mode = try FileManager.default.attributesOfItem(atPath: db.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
