import Domain
import GRDB

/// Chinese sorts by pinyin (issue: daily use): customers get a sort key — the name's Hanyu
/// pinyin, other names lower-cased — and the name order and name-ordered search walk it.
enum SchemaV4 {
    static let identifier = "v4-pinyin-order"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE customers ADD COLUMN sort_key TEXT NOT NULL DEFAULT ''")
        let update = try db.makeStatement(sql: "UPDATE customers SET sort_key = ? WHERE id = ?")
        let rows = try Row.fetchCursor(db, sql: "SELECT id, name FROM customers")
        while let row = try rows.next() {
            try update.execute(arguments: [SearchKey.sortKey(name: row[1]), row[0] as Int64])
        }
        try db.execute(sql: "DROP INDEX customers_owner_name")
        try db.execute(sql: "DROP INDEX customers_name")
        try db.execute(sql: "CREATE INDEX customers_owner_sort ON customers(owner_id, sort_key, search_key)")
        try db.execute(sql: "CREATE INDEX customers_sort ON customers(sort_key, search_key)")
        try rewriteSearchKeys(db)
        // Statistics for the new indexes: without them the planner takes the owner index for a
        // rep's other orders and sorts every row of the rep (1 ms → 33 ms a page on 200,000).
        try db.execute(sql: "ANALYZE customers")
    }
}

extension SchemaV4 {
    /// Search keys read names through the same pinyin (重庆 as chongqing): written again.
    static func rewriteSearchKeys(_ db: Database) throws {
        let customers = try db.makeStatement(sql: "UPDATE customers SET search_key = ? WHERE id = ?")
        // Only keys that change: each write also rewrites the row in the trigram index.
        let rows = try Row.fetchCursor(db, sql: "SELECT id, name, short_name, code, phone, email, search_key FROM customers")
        while let r = try rows.next() {
            let key = SearchKey.make(name: r[1], shortName: r[2], code: r[3], phone: r[4], email: r[5])
            if key != r[6] as String { try customers.execute(arguments: [key, r[0] as Int64]) }
        }
        let products = try db.makeStatement(sql: "UPDATE products SET search_key = ? WHERE id = ?")
        for r in try Row.fetchAll(db, sql: "SELECT id, code, name FROM products") {
            try products.execute(arguments: [SearchKey.make(name: r[2], code: r[1]), r[0] as Int64])
        }
    }
}
