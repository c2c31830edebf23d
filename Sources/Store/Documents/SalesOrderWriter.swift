import Domain
import GRDB

/// A sales order keyed in on the document writer: a new open order numbered `SO-YEAR-NNNNN`
/// for the customer's rep, its lines, and the customer's first and last order dates; or an open
/// order nothing was ever shipped from, rewritten (header and lines) if nobody saved it since.
struct SalesOrderWriter: DocumentWriting {
    static let kind = DocumentKind.salesOrder
    static let table = "sales_orders"
    static let entity = "sales_order"
    var order: SalesOrderEntry
    var total: Money
    var existingId: Int64?
    var version: Int64

    init(_ order: SalesOrderEntry, id: Int64? = nil, version: Int64 = 1, today: DateOnly) throws(StoreError) {
        do { self.order = try order.validated(today: today); total = try self.order.total() } catch { throw .invalid(error) }
        existingId = id; self.version = version
    }

    var date: DateOnly { order.orderDate }
    var auditPairs: [(String, String?)] {
        [("customer_id", String(order.customerId)), ("order_date", order.orderDate.iso), ("due_date", order.dueDate.iso), ("customer_po", order.customerPO),
         ("total", String(total.minorUnits)), ("lines", String(order.lines.count))]
    }

    func authorize(_ db: Database, actor: Actor) throws {
        _ = try AppDatabase.requireCustomerWrite(db, customerId: order.customerId, actor: actor, .editSalesOrders)
        try AppDatabase.requireProducts(db, order.lines)
    }

    func insert(_ db: Database, number: String, actor: Actor) throws -> Int64 {
        let owner = try Int64.fetchOne(db, sql: "SELECT owner_id FROM customers WHERE id = ?", arguments: [order.customerId]) ?? actor.userId
        try db.execute(sql: """
            INSERT INTO sales_orders (number, customer_id, owner_id, order_date, due_date, status, total, quantity, created_by, note, customer_po)
            VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?)
            """, arguments: [number, order.customerId, owner, order.orderDate.iso, order.dueDate.iso, total.minorUnits, order.quantity,
                             actor.userId == 0 ? nil : actor.userId, order.note, order.customerPO])
        let id = db.lastInsertedRowID
        try insertLines(db, id: id)
        try AppDatabase.recordOrderDate(db, customerId: order.customerId, orderDate: order.orderDate)
        return id
    }
}

extension SalesOrderWriter {
    /// The stored order, refused unless it is open and no shipment was ever made from it (a
    /// voided one included: its lines still point at the order's).
    func stored(_ db: Database, id: Int64) throws -> StoredDocument {
        guard let r = try Row.fetchOne(db, sql: """
            SELECT number, status, version, customer_id, order_date, due_date, customer_po, total,
                   (SELECT COUNT(*) FROM sales_order_lines WHERE order_id = o.id), (SELECT number FROM shipments WHERE order_id = o.id ORDER BY id LIMIT 1)
            FROM sales_orders o WHERE id = ?
            """, arguments: [id]), r[3] as Int64 == order.customerId else { throw StoreError.notFound("order \(id)") }
        let number: String = r[0], status: String = r[1]
        guard status == OrderStatus.open.rawValue else {
            throw StoreError.invalid(DomainError("\(number) is \(status); only an open order is changed", field: nil, code: "error.order-not-open", number, "status.\(status)"))
        }
        if let shipment = r[9] as String? {
            throw StoreError.invalid(DomainError("\(number) has shipment \(shipment); it is no longer changed", field: nil, code: "error.order-has-shipments", number, shipment))
        }
        return StoredDocument(number: number, version: r[2], auditPairs: [
            ("customer_id", String(r[3] as Int64)), ("order_date", r[4]), ("due_date", r[5]), ("customer_po", r[6]), ("total", String(r[7] as Int64)), ("lines", String(r[8] as Int64)),
        ])
    }

    func update(_ db: Database, id: Int64, stored: StoredDocument) throws {
        try db.execute(sql: """
            UPDATE sales_orders SET order_date = ?, due_date = ?, customer_po = ?, note = ?, total = ?, quantity = ?, version = version + 1 WHERE id = ? AND version = ?
            """, arguments: [order.orderDate.iso, order.dueDate.iso, order.customerPO, order.note, total.minorUnits, order.quantity, id, stored.version])
        try db.execute(sql: "DELETE FROM sales_order_lines WHERE order_id = ?", arguments: [id])
        try insertLines(db, id: id)
        try AppDatabase.recordOrderDate(db, customerId: order.customerId, orderDate: order.orderDate)
    }

    func insertLines(_ db: Database, id: Int64) throws {
        let line = try db.makeStatement(sql: "INSERT INTO sales_order_lines (order_id, line_no, product_id, quantity, unit_price, discount_bp, amount) VALUES (?, ?, ?, ?, ?, ?, ?)")
        for (i, l) in order.lines.enumerated() {
            try line.execute(arguments: [id, i + 1, l.productId, l.quantity.thousandths, l.unitPrice.minorUnits, l.discount.value, try l.amount().minorUnits])
        }
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
