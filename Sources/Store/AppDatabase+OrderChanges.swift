import Domain
import GRDB

/// An open order read back for its form: what was keyed in, its number and version, and the
/// form's source (credit, last prices) for the customer.
public struct OrderForEdit: Sendable, Equatable {
    public var id: Int64
    public var number: String
    public var version: Int64
    public var entry: SalesOrderEntry
    public var source: OrderEntrySource
}

extension AppDatabase {
    /// The order as its form shows it; refused (with the reason) when it may no longer change.
    public func salesOrderForEdit(id: Int64, by actor: Actor) throws(StoreError) -> OrderForEdit {
        let (entry, number, version) = try read { db -> (SalesOrderEntry, String, Int64) in
            try AppDatabase.requireDocumentAccess(db, table: "sales_orders", id: id, actor: actor)
            guard let r = try Row.fetchOne(db, sql: "SELECT customer_id, order_date, due_date, customer_po, note, number, version FROM sales_orders WHERE id = ?", arguments: [id]),
                  let orderDate = DateOnly(iso: r[1] as String), let dueDate = DateOnly(iso: r[2] as String) else { throw StoreError.notFound("order \(id)") }
            let lines = try Row.fetchAll(db, sql: "SELECT product_id, quantity, unit_price, discount_bp FROM sales_order_lines WHERE order_id = ? ORDER BY line_no", arguments: [id]).map {
                QuoteLine(productId: $0[0], quantity: Quantity(thousandths: $0[1]), unitPrice: Money(minorUnits: $0[2]), discount: BasisPoints($0[3]))
            }
            let entry = SalesOrderEntry(customerId: r[0], orderDate: orderDate, dueDate: dueDate, customerPO: r[3], note: r[4], lines: lines)
            _ = try SalesOrderWriter(entry, id: id, version: r[6], today: orderDate).stored(db, id: id)
            return (entry, r[5], r[6])
        }
        var source = try orderEntrySource(customerId: entry.customerId, excluding: id, by: actor)
        // The credit in use, without this order's own value (the form adds its lines back).
        let own = (try? entry.total()) ?? .zero
        source.credit = CreditExposure(openReceivables: source.credit.openReceivables, unshippedOrders: source.credit.unshippedOrders - own, limit: source.credit.limit)
        return OrderForEdit(id: id, number: number, version: version, entry: entry, source: source)
    }

    /// Rewrites an open order nothing was shipped from: refused if someone saved it since
    /// `version` was read; one transaction, audited (`sales_order.update`).
    public func updateSalesOrder(id: Int64, version: Int64, _ order: SalesOrderEntry, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> String {
        try save(try SalesOrderWriter(order, id: id, version: version, today: today), by: actor, at: now).number
    }

    /// Cancels an open order nothing was shipped from, with a reason: it stops counting as
    /// sales and as credit in use. The order and its lines are kept. One transaction, audited.
    public func cancelSalesOrder(id: Int64, reason: String, by actor: Actor, at now: Int64) throws(StoreError) -> String {
        let why = reason.trimmingSpaces()
        return try write { db in
            let number = try AppDatabase.refuseCancel(db, id: id, actor: actor)
            guard !why.isEmpty else { throw StoreError.invalid(DomainError("a cancellation needs a reason", field: "reason", code: "error.required")) }
            guard why.count <= 500 else { throw StoreError.invalid(DomainError("the reason is longer than 500 characters", field: "reason", code: "error.too-long", "500")) }
            try db.execute(sql: "UPDATE sales_orders SET status = 'cancelled', cancel_reason = ?, version = version + 1 WHERE id = ? AND status = 'open'", arguments: [why, id])
            try AuditLog.record(db, actor: actor, at: now, action: "sales_order.cancel", entity: "sales_orders", entityId: id,
                                before: AuditLog.json([("number", number), ("status", "open")]), after: AuditLog.json([("status", "cancelled"), ("reason", why)]))
            return number
        }
    }

    /// Whether a cancellation would be refused, asked before the reason is typed.
    public func checkCancelSalesOrder(id: Int64, by actor: Actor) throws(StoreError) -> String {
        try read { db in try AppDatabase.refuseCancel(db, id: id, actor: actor) }
    }

    /// The order's number, or the reason it may not be cancelled (not open, something shipped).
    static func refuseCancel(_ db: Database, id: Int64, actor: Actor) throws -> String {
        try AppDatabase.requireDocumentAccess(db, table: "sales_orders", id: id, actor: actor)
        guard let r = try Row.fetchOne(db, sql: "SELECT number, status, customer_id, (SELECT COALESCE(SUM(shipped_quantity), 0) FROM sales_order_lines WHERE order_id = o.id) FROM sales_orders o WHERE id = ?",
                                       arguments: [id]) else { throw StoreError.notFound("order \(id)") }
        _ = try AppDatabase.requireCustomerWrite(db, customerId: r[2], actor: actor, .editSalesOrders)
        let number: String = r[0], status: String = r[1]
        guard status == OrderStatus.open.rawValue, r[3] as Int64 == 0 else {
            throw StoreError.invalid(DomainError("\(number) is \(status); only an open order nothing was shipped from is cancelled", field: nil,
                                                 code: "error.order-not-cancellable", number, "status.\(status)"))
        }
        return number
    }
}
