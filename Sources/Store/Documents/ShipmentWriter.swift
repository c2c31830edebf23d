import Domain
import GRDB

/// An order's lines as a shipment starts from them: what was ordered, what is still to ship,
/// and the stock of each product in each warehouse, so nothing is retyped.
public struct ShipmentSource: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var orderLineId: Int64
        public var productId: Int64
        public var code: String
        public var name: String
        public var unit: String
        public var ordered: Quantity
        public var remaining: Quantity
        public var unitPrice: Money
        public var discount: BasisPoints
        /// The decimals a part of it may have (its unit's, `unit_decimals`).
        public var decimals: Int
    }
    public var orderId: Int64
    public var orderNumber: String
    public var customerName: String
    public var lines: [Line]
    public var warehouses: [WarehouseOption]
    /// On hand per (product, warehouse).
    public var onHand: [StockKey: Quantity]
    /// The company lets stock go below zero (a setting, off by default).
    public var allowNegativeStock = false
    /// The company's default warehouse (a setting), when one is set.
    public var defaultWarehouseId: Int64?
}

public struct WarehouseOption: Sendable, Equatable {
    public var id: Int64
    public var code: String
    public var name: String
}

public struct StockKey: Hashable, Sendable {
    public var productId: Int64
    public var warehouseId: Int64
    public init(productId: Int64, warehouseId: Int64) { self.productId = productId; self.warehouseId = warehouseId }
}

/// A shipment on the document writer: posted from an open order, each line at most what remains
/// and what the warehouse holds; stock goes down, the order lines' shipped quantities and the
/// order's status follow, and a receivable due after the customer's payment terms is created.
struct ShipmentWriter: PostingWriter {
    static let kind = DocumentKind.shipment
    static let table = "shipments"
    static let entity = "shipment"
    var draft: ShipmentDraft

    var date: DateOnly { draft.shipDate }
    var auditPairs: [(String, String?)] {
        [("order_id", String(draft.orderId)), ("warehouse_id", String(draft.warehouseId)), ("ship_date", draft.shipDate.iso),
         ("lines", draft.lines.map { "\($0.orderLineId)×\($0.quantity)" }.joined(separator: "; "))]
    }

    func authorize(_ db: Database, actor: Actor) throws {
        guard actor.can(.postShipments) else { throw StoreError.forbidden("\(actor.role.rawValue) cannot post shipments") }
    }

    func insert(_ db: Database, number: String, actor: Actor) throws -> Int64 {
        guard let order = try Row.fetchOne(db, sql: "SELECT number, customer_id, owner_id, status, order_date FROM sales_orders WHERE id = ?", arguments: [draft.orderId]) else {
            throw StoreError.notFound("sales order \(draft.orderId)")
        }
        let orderNumber: String = order[0], customerId: Int64 = order[1], ownerId: Int64 = order[2]
        guard OrderStatus(rawValue: order[3])?.isOpen == true else {
            throw StoreError.invalid(DomainError("\(orderNumber) is \(order[3] as String); only open orders ship", field: nil, code: "error.order-not-open", orderNumber, "status.\(order[3] as String)"))
        }
        if let orderDate = DateOnly(iso: order[4] as String), draft.shipDate < orderDate {
            throw StoreError.invalid(DomainError("the ship date cannot be before the order date \(orderDate.iso)", field: "ship_date", code: "error.ship-before-order", orderDate.iso))
        }
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM warehouses WHERE id = ?", arguments: [draft.warehouseId]) == true else {
            throw StoreError.invalid(DomainError("warehouse \(draft.warehouseId) does not exist", field: "warehouse", code: "error.warehouse-missing", String(draft.warehouseId)))
        }
        var total = Money.zero
        var lines: [(line: ShipmentDraft.Line, productId: Int64, amount: Money)] = []
        let settings = try AppDatabase.settings(db)
        for line in draft.lines {
            guard let r = try Row.fetchOne(db, sql: """
                SELECT l.product_id, l.quantity, l.shipped_quantity, l.unit_price, l.discount_bp, p.code, coalesce(s.on_hand, 0), p.unit
                FROM sales_order_lines l JOIN products p ON p.id = l.product_id
                LEFT JOIN stock_levels s ON s.product_id = l.product_id AND s.warehouse_id = ?
                WHERE l.id = ? AND l.order_id = ?
                """, arguments: [draft.warehouseId, line.orderLineId, draft.orderId]) else {
                throw StoreError.invalid(DomainError("line \(line.orderLineId) is not on \(orderNumber)", field: "quantity", code: "error.line-not-on-order", String(line.orderLineId), orderNumber))
            }
            let progress = LineProgress(ordered: Quantity(thousandths: r[1]), done: Quantity(thousandths: r[2]))
            _ = try progress.adding(line.quantity)
            // All that remains always ships; a part of it is no finer than its unit.
            if line.quantity != progress.remaining { try settings.unitDecimals.check(line.quantity, unit: r[7]) }
            let onHand = Quantity(thousandths: r[6])
            guard line.quantity <= onHand || settings.allowNegativeStock else {
                throw StoreError.invalid(DomainError("only \(onHand) of \(r[5] as String) on hand in this warehouse", field: "quantity", code: "error.short-stock", r[5], onHand.description))
            }
            let amount = try LineAmount.compute(quantity: line.quantity, unitPrice: Money(minorUnits: r[3]), discountBasisPoints: r[4])
            total += amount
            lines.append((line, r[0], amount))
        }
        try db.execute(sql: "INSERT INTO shipments (number, order_id, customer_id, warehouse_id, ship_date, status, total, created_by) VALUES (?, ?, ?, ?, ?, 'posted', ?, ?)",
                       arguments: [number, draft.orderId, customerId, draft.warehouseId, draft.shipDate.iso, total.minorUnits, actor.userId == 0 ? nil : actor.userId])
        let id = db.lastInsertedRowID
        for l in lines {
            try db.execute(sql: "INSERT INTO shipment_lines (shipment_id, order_line_id, product_id, quantity, amount) VALUES (?, ?, ?, ?, ?)",
                           arguments: [id, l.line.orderLineId, l.productId, l.line.quantity.thousandths, l.amount.minorUnits])
            try db.execute(sql: "UPDATE sales_order_lines SET shipped_quantity = shipped_quantity + ? WHERE id = ?", arguments: [l.line.quantity.thousandths, l.line.orderLineId])
            // A product never stocked in this warehouse gets its row (below zero, where allowed).
            try StockLedger.move(db, productId: l.productId, warehouseId: draft.warehouseId, quantity: -l.line.quantity.thousandths, on: draft.shipDate,
                                 reason: .shipment, shipmentId: id, userId: actor.userId)
        }
        try ShipmentWriter.deriveOrderStatus(db, orderId: draft.orderId)
        if total.minorUnits > 0 {
            let terms = try Int.fetchOne(db, sql: "SELECT payment_terms_days FROM customers WHERE id = ?", arguments: [customerId]) ?? 30
            try db.execute(sql: """
                INSERT INTO receivables (number, shipment_id, customer_id, rep_id, doc_date, due_date, amount, open_amount, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'posted')
                """, arguments: [number, id, customerId, ownerId, draft.shipDate.iso, draft.shipDate.adding(days: terms).iso, total.minorUnits, total.minorUnits])
        }
        return id
    }

    /// The order's status from its lines' shipped quantities.
    static func deriveOrderStatus(_ db: Database, orderId: Int64) throws {
        guard let r = try Row.fetchOne(db, sql: "SELECT SUM(quantity), SUM(shipped_quantity) FROM sales_order_lines WHERE order_id = ?", arguments: [orderId]) else { return }
        let status = OrderStatus.derived(ordered: Quantity(thousandths: r[0] ?? 0), shipped: Quantity(thousandths: r[1] ?? 0))
        try db.execute(sql: "UPDATE sales_orders SET status = ?, version = version + 1 WHERE id = ? AND status <> ?", arguments: [status.rawValue, orderId, status.rawValue])
    }
}

/// Voiding a shipment: stock comes back, the order lines reopen, its receivable is voided —
/// refused while a receipt is allocated to that receivable (void or move the receipt first).
enum ShipmentVoid: VoidableDocument {
    static let table = "shipments"
    static let entity = "shipment"

    static func authorizeVoid(_ db: Database, id: Int64, actor: Actor) throws {
        guard actor.can(.postShipments) else { throw StoreError.forbidden("\(actor.role.rawValue) cannot void shipments") }
    }

    /// The posted receipts allocated to the shipment's receivable (nil: none), as the card and the
    /// refusal name them.
    static func paidBy(_ db: Database, id: Int64) throws -> String? {
        try String.fetchOne(db, sql: """
            SELECT group_concat(rc.number, ', ') FROM receivables r JOIN receipt_allocations a ON a.receivable_id = r.id
            JOIN receipts rc ON rc.id = a.receipt_id AND rc.status = 'posted' WHERE r.shipment_id = ?
            """, arguments: [id])
    }

    static func refuseVoid(_ db: Database, id: Int64) throws {
        if let paid = try paidBy(db, id: id) {
            let number = try String.fetchOne(db, sql: "SELECT number FROM shipments WHERE id = ?", arguments: [id]) ?? ""
            throw StoreError.invalid(DomainError("\(number) is paid by \(paid); void that receipt first", field: nil, code: "error.shipment-paid", number, paid))
        }
    }

    static func reverse(_ db: Database, id: Int64, on day: DateOnly?, by actor: Actor, reason: String) throws -> [(String, String?)] {
        guard let s = try Row.fetchOne(db, sql: "SELECT order_id, warehouse_id, ship_date, void_reason FROM shipments WHERE id = ?", arguments: [id]) else { return [] }
        let orderId: Int64 = s[0], warehouseId: Int64 = s[1]
        guard let date = day ?? DateOnly(iso: s[2] as String) else { return [] }
        var reversed: [String] = []
        for l in try Row.fetchAll(db, sql: "SELECT order_line_id, product_id, quantity FROM shipment_lines WHERE shipment_id = ?", arguments: [id]) {
            let quantity: Int64 = l[2]
            try db.execute(sql: "UPDATE sales_order_lines SET shipped_quantity = shipped_quantity - ? WHERE id = ?", arguments: [quantity, l[0] as Int64])
            try StockLedger.move(db, productId: l[1], warehouseId: warehouseId, quantity: quantity, on: date, reason: .shipmentVoid, shipmentId: id, note: reason, userId: actor.userId)
            reversed.append("\(l[0] as Int64)×\(Quantity(thousandths: quantity))")
        }
        try ShipmentWriter.deriveOrderStatus(db, orderId: orderId)
        try db.execute(sql: "UPDATE receivables SET status = 'voided' WHERE shipment_id = ? AND status = 'posted'", arguments: [id])
        return [("returned_to_stock", reversed.joined(separator: "; ")), ("receivable", "voided")]
    }
}

extension AppDatabase {
    /// Posts a shipment from an order (see `ShipmentWriter`).
    @discardableResult
    public func postShipment(_ draft: ShipmentDraft, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> SavedDocument {
        let valid: ShipmentDraft
        do { valid = try draft.validated(today: today) } catch { throw .invalid(error) }
        return try save(ShipmentWriter(draft: valid), by: actor, at: now)
    }

    /// Voids a posted shipment; the stock comes back in moves dated `today`.
    public func voidShipment(id: Int64, reason: String, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) {
        try void(ShipmentVoid.self, id: id, reason: reason, on: today, by: actor, at: now)
    }

    /// Refuses now what voiding this posted document would refuse (before a reason is typed).
    public func checkVoid(_ ref: RecordRef, by actor: Actor) throws(StoreError) {
        switch ref.kind {
        case .shipment: try checkVoid(ShipmentVoid.self, id: ref.id, by: actor)
        case .receipt: try checkVoid(MoneyVoid<CustomerSide>.self, id: ref.id, by: actor)
        case .payment: try checkVoid(MoneyVoid<SupplierSide>.self, id: ref.id, by: actor)
        case .expense: try checkVoid(ExpenseVoid.self, id: ref.id, by: actor)
        case .goodsReceipt: try checkVoid(GoodsReceiptVoid.self, id: ref.id, by: actor)
        default: throw .notFound("\(ref.kind.rawValue) \(ref.id)")
        }
    }

    /// What a shipment from this order starts from.
    public func shipmentSource(orderId: Int64, by actor: Actor) throws(StoreError) -> ShipmentSource {
        guard actor.can(.postShipments) else { throw .forbidden("\(actor.role.rawValue) cannot post shipments") }
        return try read { db in
            guard let o = try Row.fetchOne(db, sql: "SELECT o.number, c.name, o.status FROM sales_orders o JOIN customers c ON c.id = o.customer_id WHERE o.id = ?",
                                           arguments: [orderId]) else { throw StoreError.notFound("sales order \(orderId)") }
            guard OrderStatus(rawValue: o[2])?.isOpen == true else {
                throw StoreError.invalid(DomainError("\(o[0] as String) is \(o[2] as String); only open orders ship", field: nil, code: "error.order-not-open", o[0], "status.\(o[2] as String)"))
            }
            let settings = try AppDatabase.settings(db)
            let lines = try Row.fetchAll(db, sql: """
                SELECT l.id, p.id, p.code, p.name, p.unit, l.quantity, l.quantity - l.shipped_quantity, l.unit_price, l.discount_bp
                FROM sales_order_lines l JOIN products p ON p.id = l.product_id WHERE l.order_id = ? AND l.shipped_quantity < l.quantity ORDER BY l.line_no
                """, arguments: [orderId]).map {
                ShipmentSource.Line(orderLineId: $0[0], productId: $0[1], code: $0[2], name: $0[3], unit: $0[4], ordered: Quantity(thousandths: $0[5]),
                                    remaining: Quantity(thousandths: $0[6]), unitPrice: Money(minorUnits: $0[7]), discount: BasisPoints($0[8]),
                                    decimals: settings.unitDecimals.decimals(for: $0[4]))
            }
            let warehouses = try AppDatabase.warehouseOptions(db)
            var onHand: [StockKey: Quantity] = [:]
            for r in try Row.fetchAll(db, sql: """
                SELECT s.product_id, s.warehouse_id, s.on_hand FROM stock_levels s
                WHERE s.product_id IN (SELECT product_id FROM sales_order_lines WHERE order_id = ?)
                """, arguments: [orderId]) {
                onHand[StockKey(productId: r[0], warehouseId: r[1])] = Quantity(thousandths: r[2])
            }
            return ShipmentSource(orderId: orderId, orderNumber: o[0], customerName: o[1], lines: lines, warehouses: warehouses, onHand: onHand,
                                  allowNegativeStock: settings.allowNegativeStock, defaultWarehouseId: warehouses.first { $0.code == settings.defaultWarehouse }?.id)
        }
    }
}
