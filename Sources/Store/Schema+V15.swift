import GRDB

/// The KPIs' customer counts read their indexes alone: leads by the day they were created and
/// new customers by their first order, each with the owner (and, for leads, the first order) in
/// the index, so a year's counts do not visit the customers' rows.
enum SchemaV15 {
    static let identifier = "v15-kpi-customer-indexes"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            DROP INDEX customers_created;
            CREATE INDEX customers_created ON customers(created_on, owner_id, first_order_on);
            DROP INDEX customers_first_order;
            CREATE INDEX customers_first_order ON customers(first_order_on, owner_id);
            """)
    }
}
