import Domain
import GRDB

/// A sales order keyed in on the document writer: a new open order numbered `SO-YEAR-NNNNN`
/// for the customer's rep, its lines, and the customer's first and last order dates.
struct SalesOrderWriter: DocumentWriting {
    static let kind = DocumentKind.salesOrder
    static let table = "sales_orders"
    static let entity = "sales_order"
    var order: SalesOrderEntry
    var total: Money

    init(_ order: SalesOrderEntry, today: DateOnly) throws(StoreError) {
        do { self.order = try order.validated(today: today); total = try self.order.total() } catch { throw .invalid(error) }
    }

    var existingId: Int64? { nil }
    var version: Int64 { 1 }
    var date: DateOnly { order.orderDate }
    var auditPairs: [(String, String?)] {
        [("customer_id", String(order.customerId)), ("order_date", order.orderDate.iso), ("due_date", order.dueDate.iso), ("customer_po", order.customerPO),
         ("total", String(total.minorUnits)), ("lines", String(order.lines.count))]
    }

    func authorize(_ db: Database, actor: Actor) throws {
        _ = try AppDatabase.requireCustomerWrite(db, customerId: order.customerId, actor: actor, .editSalesOrders)
        try AppDatabase.requireProducts(db, order.lines.map(\.productId))
    }

    func insert(_ db: Database, number: String, actor: Actor) throws -> Int64 {
        let owner = try Int64.fetchOne(db, sql: "SELECT owner_id FROM customers WHERE id = ?", arguments: [order.customerId]) ?? actor.userId
        try db.execute(sql: """
            INSERT INTO sales_orders (number, customer_id, owner_id, order_date, due_date, status, total, quantity, created_by, note, customer_po)
            VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?)
            """, arguments: [number, order.customerId, owner, order.orderDate.iso, order.dueDate.iso, total.minorUnits, order.quantity,
                             actor.userId == 0 ? nil : actor.userId, order.note, order.customerPO])
        let id = db.lastInsertedRowID
        let line = try db.makeStatement(sql: "INSERT INTO sales_order_lines (order_id, line_no, product_id, quantity, unit_price, discount_bp, amount) VALUES (?, ?, ?, ?, ?, ?, ?)")
        for (i, l) in order.lines.enumerated() {
            try line.execute(arguments: [id, i + 1, l.productId, l.quantity.thousandths, l.unitPrice.minorUnits, l.discount.value, try l.amount().minorUnits])
        }
        try AppDatabase.recordOrderDate(db, customerId: order.customerId, orderDate: order.orderDate)
        return id
    }
}

extension AppDatabase {
    /// A customer's first and last order dates, and a lead, prospect or dormant customer who
    /// orders becomes active.
    static func recordOrderDate(_ db: Database, customerId: Int64, orderDate: DateOnly) throws {
        try db.execute(sql: """
            UPDATE customers SET first_order_on = coalesce(min(first_order_on, ?1), ?1), last_order_on = coalesce(max(last_order_on, ?1), ?1),
                status = CASE WHEN status IN ('lead','prospect','dormant') THEN 'active' ELSE status END
            WHERE id = ?2
            """, arguments: [orderDate.iso, customerId])
    }
}
