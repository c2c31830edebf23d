import Domain
import GRDB

/// Quotes (issue 3): products are found by code, name and pinyin like customers, so their
/// search keys are filled in for products written before; lists of recent quotes across all
/// reps read by date, open ones by validity.
enum SchemaV3 {
    static let identifier = "v3-quotes"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX quotes_date ON quotes(quote_date)")
        try db.execute(sql: "CREATE INDEX quotes_open ON quotes(valid_until) WHERE status IN ('draft','sent')")
        let update = try db.makeStatement(sql: "UPDATE products SET search_key = ? WHERE id = ?")
        for row in try Row.fetchAll(db, sql: "SELECT id, code, name FROM products WHERE search_key = ''") {
            try update.execute(arguments: [SearchKey.make(name: row[2], code: row[1]), row[0] as Int64])
        }
    }
}
