import Domain
import GRDB

/// What the purchase order form starts from: the supplier, the warehouses to receive into, the
/// products with their cost, and what this supplier last charged for each.
public struct PurchaseOrderSource: Sendable, Equatable {
    public var supplierId: Int64
    public var supplierName: String
    public var warehouses: [WarehouseOption]
    /// The company's default warehouse (`default_warehouse`), else the first.
    public var defaultWarehouse: Int64?
    /// Active products, their price being the product's cost (a PO line's default).
    public var products: [ProductOption]
    /// Product id → the unit cost on this supplier's latest PO line for it, and that order's date.
    public var lastCosts: [Int64: (price: Money, on: DateOnly)]

    public static func == (a: PurchaseOrderSource, b: PurchaseOrderSource) -> Bool {
        a.supplierId == b.supplierId && a.supplierName == b.supplierName && a.warehouses.map(\.id) == b.warehouses.map(\.id)
            && a.defaultWarehouse == b.defaultWarehouse && a.products == b.products
            && a.lastCosts.mapValues(\.price) == b.lastCosts.mapValues(\.price) && a.lastCosts.mapValues(\.on) == b.lastCosts.mapValues(\.on)
    }
}

/// A purchase order on the document writer: a new open order `PO-YEAR-NNNNN` with its lines; or
/// an open order nothing was received on, rewritten if nobody saved it since it was read.
struct PurchaseOrderWriter: DocumentWriting {
    static let kind = DocumentKind.purchaseOrder
    static let table = "purchase_orders"
    static let entity = "purchase_order"
    var order: PurchaseOrderEntry
    var total: Money
    var existingId: Int64?
    var version: Int64

    init(_ order: PurchaseOrderEntry, id: Int64? = nil, version: Int64 = 1, today: DateOnly) throws(StoreError) {
        do { self.order = try order.validated(today: today); total = try self.order.total() } catch { throw .invalid(error) }
        existingId = id; self.version = version
    }

    var date: DateOnly { order.orderDate }
    var auditPairs: [(String, String?)] {
        [("supplier_id", String(order.supplierId)), ("order_date", order.orderDate.iso), ("expected_date", order.expectedDate.iso),
         ("warehouse_id", String(order.warehouseId)), ("total", String(total.minorUnits)), ("lines", String(order.lines.count))]
    }

    func authorize(_ db: Database, actor: Actor) throws {
        guard actor.can(.editPurchaseOrders) else { throw StoreError.forbidden("\(actor.role.rawValue) cannot enter purchase orders") }
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM suppliers WHERE id = ?", arguments: [order.supplierId]) == true else {
            throw StoreError.invalid(DomainError("supplier \(order.supplierId) does not exist", field: "supplier", code: "error.supplier-missing", String(order.supplierId)))
        }
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM warehouses WHERE id = ?", arguments: [order.warehouseId]) == true else {
            throw StoreError.invalid(DomainError("warehouse \(order.warehouseId) does not exist", field: "warehouse", code: "error.warehouse-missing", String(order.warehouseId)))
        }
        try AppDatabase.requireProducts(db, order.lines)
    }

    func insert(_ db: Database, number: String, actor: Actor) throws -> Int64 {
        let creator: Int64? = actor.userId == 0 ? nil : actor.userId
        try db.execute(sql: """
            INSERT INTO purchase_orders (number, supplier_id, buyer_id, order_date, expected_date, status, total, note, warehouse_id, created_by)
            VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?, ?)
            """, arguments: [number, order.supplierId, creator, order.orderDate.iso, order.expectedDate.iso, total.minorUnits, order.note, order.warehouseId, creator])
        let id = db.lastInsertedRowID
        try insertLines(db, id: id)
        return id
    }

    /// The stored order, refused unless it is open and nothing was ever received on it.
    func stored(_ db: Database, id: Int64) throws -> StoredDocument {
        guard let r = try Row.fetchOne(db, sql: """
            SELECT number, status, version, supplier_id, order_date, expected_date, coalesce(warehouse_id, 0), total,
                   (SELECT COUNT(*) FROM purchase_order_lines WHERE po_id = p.id), (SELECT number FROM goods_receipts WHERE po_id = p.id ORDER BY id LIMIT 1)
            FROM purchase_orders p WHERE id = ?
            """, arguments: [id]), r[3] as Int64 == order.supplierId else { throw StoreError.notFound("purchase order \(id)") }
        try PurchaseOrderWriter.refuseChange(number: r[0], status: r[1], receipt: r[9])
        return StoredDocument(number: r[0], version: r[2], auditPairs: [
            ("supplier_id", String(r[3] as Int64)), ("order_date", r[4]), ("expected_date", r[5]), ("warehouse_id", String(r[6] as Int64)),
            ("total", String(r[7] as Int64)), ("lines", String(r[8] as Int64)),
        ])
    }

    /// Only an open order nothing was received on changes (a voided receipt included: its lines
    /// still point at the order's).
    static func refuseChange(number: String, status: String, receipt: String?) throws {
        guard status == PurchaseOrderStatus.open.rawValue else {
            throw StoreError.invalid(DomainError("\(number) is \(status); only an open order is changed", field: nil, code: "error.po-not-open", number, "status.\(status)"))
        }
        if let receipt {
            throw StoreError.invalid(DomainError("\(number) has goods receipt \(receipt); it is no longer changed", field: nil, code: "error.po-has-receipts", number, receipt))
        }
    }

    func update(_ db: Database, id: Int64, stored: StoredDocument) throws {
        try db.execute(sql: """
            UPDATE purchase_orders SET order_date = ?, expected_date = ?, warehouse_id = ?, note = ?, total = ?, version = version + 1 WHERE id = ? AND version = ?
            """, arguments: [order.orderDate.iso, order.expectedDate.iso, order.warehouseId, order.note, total.minorUnits, id, stored.version])
        try db.execute(sql: "DELETE FROM purchase_order_lines WHERE po_id = ?", arguments: [id])
        try insertLines(db, id: id)
    }

    func insertLines(_ db: Database, id: Int64) throws {
        let line = try db.makeStatement(sql: """
            INSERT INTO purchase_order_lines (po_id, line_no, product_id, quantity, unit_price, discount_bp, amount) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for (i, l) in order.lines.enumerated() {
            try line.execute(arguments: [id, i + 1, l.productId, l.quantity.thousandths, l.unitPrice.minorUnits, l.discount.value, try l.amount().minorUnits])
        }
    }
}

extension AppDatabase {
    /// The purchase order form's start: refused to anyone who does not enter purchase orders.
    public func purchaseOrderSource(supplierId: Int64, excluding order: Int64? = nil, by actor: Actor) throws(StoreError) -> PurchaseOrderSource {
        guard actor.can(.editPurchaseOrders) else { throw .forbidden("\(actor.role.rawValue) cannot enter purchase orders") }
        return try read { db in
            guard let name = try String.fetchOne(db, sql: "SELECT name FROM suppliers WHERE id = ?", arguments: [supplierId]) else {
                throw StoreError.notFound("supplier \(supplierId)")
            }
            let settings = try AppDatabase.settings(db)
            let warehouses = try AppDatabase.warehouseOptions(db)
            let products = try AppDatabase.productOptions(db, price: "cost_price")
            var last: [Int64: (price: Money, on: DateOnly)] = [:]
            // Newest first: the first line seen for a product is its last cost.
            let rows = try Row.fetchCursor(db, sql: """
                SELECT l.product_id, l.unit_price, p.order_date FROM (
                    SELECT id, order_date FROM purchase_orders WHERE supplier_id = ? AND status <> 'cancelled' AND id <> ? ORDER BY order_date DESC, id DESC LIMIT 1000
                ) p JOIN purchase_order_lines l ON l.po_id = p.id ORDER BY p.order_date DESC, p.id DESC, l.line_no
                """, arguments: [supplierId, order ?? 0])
            while let r = try rows.next() {
                let product: Int64 = r[0]
                if last[product] == nil, let day = DateOnly(iso: r[2] as String) { last[product] = (Money(minorUnits: r[1]), day) }
            }
            let preferred = warehouses.first { $0.code == settings.defaultWarehouse }?.id ?? warehouses.first?.id
            return PurchaseOrderSource(supplierId: supplierId, supplierName: name, warehouses: warehouses, defaultWarehouse: preferred, products: products, lastCosts: last)
        }
    }

    /// A purchase order keyed in: validated, numbered, written with its lines and audited.
    @discardableResult
    public func savePurchaseOrder(_ order: PurchaseOrderEntry, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> SavedDocument {
        try save(try PurchaseOrderWriter(order, today: today), by: actor, at: now)
    }

    /// An open purchase order nothing was received on, rewritten unless someone saved it since `version`.
    @discardableResult
    public func updatePurchaseOrder(id: Int64, version: Int64, _ order: PurchaseOrderEntry, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> String {
        try save(try PurchaseOrderWriter(order, id: id, version: version, today: today), by: actor, at: now).number
    }

    /// Cancels an open purchase order nothing was received on, with a reason; audited.
    @discardableResult
    public func cancelPurchaseOrder(id: Int64, reason: String, by actor: Actor, at now: Int64) throws(StoreError) -> String {
        guard actor.can(.editPurchaseOrders) else { throw .forbidden("\(actor.role.rawValue) cannot cancel purchase orders") }
        let why = reason.trimmingSpaces()
        guard !why.isEmpty else { throw .invalid(DomainError("a reason is required", field: "reason", code: "error.reason-required")) }
        return try write { db in
            guard let r = try Row.fetchOne(db, sql: """
                SELECT number, status, (SELECT number FROM goods_receipts WHERE po_id = p.id ORDER BY id LIMIT 1) FROM purchase_orders p WHERE id = ?
                """, arguments: [id]) else { throw StoreError.notFound("purchase order \(id)") }
            try PurchaseOrderWriter.refuseChange(number: r[0], status: r[1], receipt: r[2])
            try db.execute(sql: "UPDATE purchase_orders SET status = 'cancelled', cancel_reason = ?, version = version + 1 WHERE id = ? AND status = 'open'", arguments: [why, id])
            try AuditLog.record(db, actor: actor, at: now, action: "purchase_order.cancel", entity: "purchase_orders", entityId: id,
                                before: AuditLog.json([("number", r[0]), ("status", "open")]), after: AuditLog.json([("status", "cancelled"), ("reason", why)]))
            return r[0]
        }
    }
}
