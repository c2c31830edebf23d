import GRDB

/// The customer list's other orders (last contact, next contact, last order, open receivables):
/// one index per order for a rep's own customers and one for everybody's, on the same
/// expressions the keyset queries sort by.
enum SchemaV2 {
    static let identifier = "v2-customer-sorts"

    static func migrate(_ db: Database) throws {
        for statement in statements { try db.execute(sql: statement) }
    }

    static let statements: [String] = [
        ("last_contact", "coalesce(last_contact_on, '')"), ("next_contact", "coalesce(next_contact_on, '9999-12-31')"),
        ("last_order", "coalesce(last_order_on, '')"), ("open_balance", "open_balance"),
    ].flatMap { name, expression in [
        "CREATE INDEX customers_owner_sort_\(name) ON customers(owner_id, \(expression), id)",
        "CREATE INDEX customers_sort_\(name) ON customers(\(expression), id)",
    ] }
}
