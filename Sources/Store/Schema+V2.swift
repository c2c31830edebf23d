import GRDB

/// The customer list's other orders (last contact, next contact, last order, open receivables):
/// one index per order on the same expression the keyset query sorts by. A rep's pages walk the
/// same index and skip other reps' rows by the owner in the index (a rep owns a sizeable share, so
/// a page reads a few thousand entries at most); indexes led by `owner_id` would tempt the planner away from the
/// small partial indexes the reminder queries rely on.
enum SchemaV2 {
    static let identifier = "v2-customer-sorts"

    static func migrate(_ db: Database) throws {
        for statement in statements { try db.execute(sql: statement) }
    }

    static let statements: [String] = [
        ("last_contact", "coalesce(last_contact_on, '')"), ("next_contact", "coalesce(next_contact_on, '9999-12-31')"),
        ("last_order", "coalesce(last_order_on, '')"), ("open_balance", "open_balance"),
    ].map { name, expression in "CREATE INDEX customers_sort_\(name) ON customers(\(expression), id, owner_id)" }
}
