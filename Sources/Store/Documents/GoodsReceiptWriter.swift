import Domain
import GRDB

/// A purchase order's lines as a goods receipt starts from them: what was ordered and what is
/// still to come, so nothing is retyped.
public struct GoodsReceiptSource: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var poLineId: Int64
        public var productId: Int64
        public var code: String
        public var name: String
        public var unit: String
        public var ordered: Quantity
        public var remaining: Quantity
        /// The most this receipt may bring: what remains plus the company's tolerance on what was ordered.
        public var allowed: Quantity
        public var unitCost: Money
        public var discount: BasisPoints
        public var decimals: Int
    }
    public var poId: Int64
    public var poNumber: String
    public var supplierName: String
    public var lines: [Line]
    public var warehouses: [WarehouseOption]
    /// The warehouse the PO names (else the company's default).
    public var warehouseId: Int64?
    /// On hand per (product, warehouse), shown beside each line.
    public var onHand: [StockKey: Quantity] = [:]
    /// How much more than ordered the company lets in (a setting; 0: none).
    public var tolerance = BasisPoints(0)
}

/// A goods receipt on the document writer: posted from an open purchase order, each line at most
/// what remains (two clerks receiving one PO at once: the second is refused with the figures);
/// stock goes up in the warehouse, the PO lines' received quantities and the PO's status follow,
/// and a payable due after the supplier's payment terms is created under the receipt's number.
struct GoodsReceiptWriter: PostingWriter {
    static let kind = DocumentKind.goodsReceipt
    static let table = "goods_receipts"
    static let entity = "goods_receipt"
    var draft: GoodsReceiptDraft

    var date: DateOnly { draft.date }
    var auditPairs: [(String, String?)] {
        [("po_id", String(draft.poId)), ("warehouse_id", String(draft.warehouseId)), ("receipt_date", draft.date.iso),
         ("lines", draft.lines.map { "\($0.poLineId)×\($0.quantity)" }.joined(separator: "; "))]
    }

    func authorize(_ db: Database, actor: Actor) throws {
        guard actor.can(.postGoodsReceipts) else { throw StoreError.forbidden("\(actor.role.rawValue) cannot post goods receipts") }
    }

    func insert(_ db: Database, number: String, actor: Actor) throws -> Int64 {
        guard let po = try Row.fetchOne(db, sql: "SELECT number, supplier_id, status, order_date FROM purchase_orders WHERE id = ?", arguments: [draft.poId]) else {
            throw StoreError.notFound("purchase order \(draft.poId)")
        }
        let poNumber: String = po[0], supplierId: Int64 = po[1]
        guard PurchaseOrderStatus(rawValue: po[2]).map({ $0 == .open || $0 == .partiallyReceived }) == true else {
            throw StoreError.invalid(DomainError("\(poNumber) is \(po[2] as String); only an open order is received", field: nil, code: "error.po-not-receivable", poNumber, "status.\(po[2] as String)"))
        }
        if let ordered = DateOnly(iso: po[3] as String), draft.date < ordered {
            throw StoreError.invalid(DomainError("the receipt date cannot be before the order date \(ordered.iso)", field: "receipt_date", code: "error.receipt-before-order", ordered.iso))
        }
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM warehouses WHERE id = ?", arguments: [draft.warehouseId]) == true else {
            throw StoreError.invalid(DomainError("warehouse \(draft.warehouseId) does not exist", field: "warehouse", code: "error.warehouse-missing", String(draft.warehouseId)))
        }
        let settings = try AppDatabase.settings(db), units = settings.unitDecimals
        var total = Money.zero
        var lines: [(line: GoodsReceiptDraft.Line, productId: Int64, amount: Money)] = []
        for line in draft.lines {
            guard let r = try Row.fetchOne(db, sql: """
                SELECT l.product_id, l.quantity, l.received_quantity, l.unit_price, l.discount_bp, p.code, p.unit
                FROM purchase_order_lines l JOIN products p ON p.id = l.product_id WHERE l.id = ? AND l.po_id = ?
                """, arguments: [line.poLineId, draft.poId]) else {
                throw StoreError.invalid(DomainError("line \(line.poLineId) is not on \(poNumber)", field: "quantity", code: "error.line-not-on-order", String(line.poLineId), poNumber))
            }
            let remaining = Quantity(thousandths: (r[1] as Int64) - (r[2] as Int64))
            let allowed = GoodsReceiptWriter.allowed(ordered: r[1], received: r[2], tolerance: settings.receivingTolerance, decimals: units.decimals(for: r[6]))
            guard line.quantity <= allowed else {
                if allowed != remaining {
                    throw StoreError.invalid(DomainError("\(r[5] as String): at most \(allowed) may be received on \(poNumber) (\(remaining) remain, plus the \(settings.receivingTolerance.plain)% tolerance), not \(line.quantity)",
                                                         field: "quantity", code: "error.over-receipt-tolerance", r[5], allowed.description, line.quantity.description, remaining.description))
                }
                throw StoreError.invalid(DomainError("\(r[5] as String): only \(remaining) remain to receive on \(poNumber), not \(line.quantity)", field: "quantity",
                                                     code: "error.over-receipt", r[5], remaining.description, line.quantity.description))
            }
            if line.quantity != remaining { try units.check(line.quantity, unit: r[6]) }
            let amount = try LineAmount.compute(quantity: line.quantity, unitPrice: Money(minorUnits: r[3]), discountBasisPoints: r[4])
            total += amount
            lines.append((line, r[0], amount))
        }
        let creator: Int64? = actor.userId == 0 ? nil : actor.userId
        try db.execute(sql: """
            INSERT INTO goods_receipts (number, po_id, supplier_id, warehouse_id, receipt_date, status, total, created_by) VALUES (?, ?, ?, ?, ?, 'posted', ?, ?)
            """, arguments: [number, draft.poId, supplierId, draft.warehouseId, draft.date.iso, total.minorUnits, creator])
        let id = db.lastInsertedRowID
        for l in lines {
            try db.execute(sql: "INSERT INTO goods_receipt_lines (goods_receipt_id, po_line_id, product_id, quantity, amount) VALUES (?, ?, ?, ?, ?)",
                           arguments: [id, l.line.poLineId, l.productId, l.line.quantity.thousandths, l.amount.minorUnits])
            try db.execute(sql: "UPDATE purchase_order_lines SET received_quantity = received_quantity + ? WHERE id = ?", arguments: [l.line.quantity.thousandths, l.line.poLineId])
            try StockLedger.move(db, productId: l.productId, warehouseId: draft.warehouseId, quantity: l.line.quantity.thousandths, on: draft.date,
                                 reason: .receipt, goodsReceiptId: id, userId: actor.userId)
        }
        try GoodsReceiptWriter.derivePOStatus(db, poId: draft.poId)
        if total.minorUnits > 0 {
            let terms = try Int.fetchOne(db, sql: "SELECT payment_terms_days FROM suppliers WHERE id = ?", arguments: [supplierId]) ?? 30
            try db.execute(sql: """
                INSERT INTO payables (number, goods_receipt_id, supplier_id, doc_date, due_date, amount, open_amount, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'posted')
                """, arguments: [number, id, supplierId, draft.date.iso, draft.date.adding(days: terms).iso, total.minorUnits, total.minorUnits])
        }
        return id
    }

    /// The most a receipt may still bring on a PO line: what remains, plus the tolerance's share
    /// of what was ordered rounded down to what the unit counts (`decimals`), never below zero.
    static func allowed(ordered: Int64, received: Int64, tolerance: BasisPoints, decimals: Int = 3) -> Quantity {
        var step: Int64 = 1
        for _ in 0..<max(0, 3 - min(3, decimals)) { step *= 10 }
        let extra = ordered * tolerance.value / 10_000 / step * step
        return Quantity(thousandths: max(0, ordered + extra - received))
    }

    /// The PO's status from its lines' received quantities.
    static func derivePOStatus(_ db: Database, poId: Int64) throws {
        // Received: every line has all it ordered (one line over, within the tolerance, does not
        // make up for another still short).
        guard let r = try Row.fetchOne(db, sql: "SELECT SUM(received_quantity), SUM(received_quantity < quantity) FROM purchase_order_lines WHERE po_id = ?", arguments: [poId]) else { return }
        let received: Int64 = r[0] ?? 0, short: Int64 = r[1] ?? 0
        let status: PurchaseOrderStatus = received == 0 ? .open : short == 0 ? .received : .partiallyReceived
        try db.execute(sql: "UPDATE purchase_orders SET status = ?, version = version + 1 WHERE id = ? AND status <> ?", arguments: [status.rawValue, poId, status.rawValue])
    }
}

/// Voiding a goods receipt: the stock goes out again, the PO lines reopen, its payable is voided
/// — refused while a payment is allocated to that payable (named), and when the stock it brought
/// has already left the warehouse (on hand would go below zero).
enum GoodsReceiptVoid: VoidableDocument {
    static let table = "goods_receipts"
    static let entity = "goods_receipt"

    static func authorizeVoid(_ db: Database, id: Int64, actor: Actor) throws {
        guard actor.can(.postGoodsReceipts) else { throw StoreError.forbidden("\(actor.role.rawValue) cannot void goods receipts") }
    }

    static func refuseVoid(_ db: Database, id: Int64) throws {
        let number = try String.fetchOne(db, sql: "SELECT number FROM goods_receipts WHERE id = ?", arguments: [id]) ?? ""
        if let paid = try String.fetchOne(db, sql: """
            SELECT group_concat(pm.number, ', ') FROM payables p JOIN payment_allocations a ON a.payable_id = p.id
            JOIN payments pm ON pm.id = a.payment_id AND pm.status = 'posted' WHERE p.goods_receipt_id = ?
            """, arguments: [id]) {
            throw StoreError.invalid(DomainError("\(number) is paid by \(paid); void that payment first", field: nil, code: "error.receipt-paid", number, paid))
        }
        if let short = try Row.fetchOne(db, sql: """
            SELECT p.code, coalesce(s.on_hand, 0), l.quantity FROM goods_receipt_lines l JOIN goods_receipts g ON g.id = l.goods_receipt_id
            JOIN products p ON p.id = l.product_id LEFT JOIN stock_levels s ON s.product_id = l.product_id AND s.warehouse_id = g.warehouse_id
            WHERE l.goods_receipt_id = ? AND coalesce(s.on_hand, 0) < l.quantity LIMIT 1
            """, arguments: [id]) {
            throw StoreError.invalid(DomainError("only \(Quantity(thousandths: short[1])) of \(short[0] as String) is left in the warehouse, not the \(Quantity(thousandths: short[2])) \(number) brought",
                                                 field: nil, code: "error.receipt-stock-gone", short[0], Quantity(thousandths: short[1]).description,
                                                 Quantity(thousandths: short[2]).description, number))
        }
    }

    static func reverse(_ db: Database, id: Int64, on day: DateOnly?, by actor: Actor, reason: String) throws -> [(String, String?)] {
        guard let g = try Row.fetchOne(db, sql: "SELECT po_id, warehouse_id, receipt_date FROM goods_receipts WHERE id = ?", arguments: [id]) else { return [] }
        let poId: Int64 = g[0], warehouseId: Int64 = g[1]
        guard let date = day ?? DateOnly(iso: g[2] as String) else { return [] }
        var reversed: [String] = []
        for l in try Row.fetchAll(db, sql: "SELECT po_line_id, product_id, quantity FROM goods_receipt_lines WHERE goods_receipt_id = ?", arguments: [id]) {
            let quantity: Int64 = l[2]
            try db.execute(sql: "UPDATE purchase_order_lines SET received_quantity = received_quantity - ? WHERE id = ?", arguments: [quantity, l[0] as Int64])
            try StockLedger.move(db, productId: l[1], warehouseId: warehouseId, quantity: -quantity, on: date, reason: .receiptVoid, goodsReceiptId: id, note: reason, userId: actor.userId)
            reversed.append("\(l[0] as Int64)×\(Quantity(thousandths: quantity))")
        }
        try GoodsReceiptWriter.derivePOStatus(db, poId: poId)
        try db.execute(sql: "UPDATE payables SET status = 'voided' WHERE goods_receipt_id = ? AND status = 'posted'", arguments: [id])
        return [("taken_from_stock", reversed.joined(separator: "; ")), ("payable", "voided")]
    }
}

extension AppDatabase {
    /// Posts goods received against a purchase order (see `GoodsReceiptWriter`).
    @discardableResult
    public func postGoodsReceipt(_ draft: GoodsReceiptDraft, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> SavedDocument {
        let valid: GoodsReceiptDraft
        do { valid = try draft.validated(today: today) } catch { throw .invalid(error) }
        return try save(GoodsReceiptWriter(draft: valid), by: actor, at: now)
    }

    /// Voids a posted goods receipt; the stock goes out in moves dated `today`.
    public func voidGoodsReceipt(id: Int64, reason: String, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) {
        try void(GoodsReceiptVoid.self, id: id, reason: reason, on: today, by: actor, at: now)
    }

    /// The purchase orders still to receive: id, number and supplier, soonest expected first.
    public func receivablePurchaseOrders(by actor: Actor) throws(StoreError) -> [(id: Int64, number: String, supplier: String)] {
        guard actor.can(.postGoodsReceipts) else { throw .forbidden("\(actor.role.rawValue) cannot post goods receipts") }
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.id, p.number, s.name FROM purchase_orders p INDEXED BY purchase_orders_open_expected JOIN suppliers s ON s.id = p.supplier_id
                WHERE p.status IN ('open','partially_received') ORDER BY p.expected_date, p.number
                """).map { (id: $0[0], number: $0[1], supplier: $0[2]) }
        }
    }

    /// What a goods receipt from this purchase order starts from.
    public func goodsReceiptSource(poId: Int64, by actor: Actor) throws(StoreError) -> GoodsReceiptSource {
        guard actor.can(.postGoodsReceipts) else { throw .forbidden("\(actor.role.rawValue) cannot post goods receipts") }
        return try read { db in
            guard let p = try Row.fetchOne(db, sql: """
                SELECT p.number, s.name, p.status, p.warehouse_id FROM purchase_orders p JOIN suppliers s ON s.id = p.supplier_id WHERE p.id = ?
                """, arguments: [poId]) else { throw StoreError.notFound("purchase order \(poId)") }
            guard PurchaseOrderStatus(rawValue: p[2]).map({ $0 == .open || $0 == .partiallyReceived }) == true else {
                throw StoreError.invalid(DomainError("\(p[0] as String) is \(p[2] as String); only an open order is received", field: nil, code: "error.po-not-receivable", p[0], "status.\(p[2] as String)"))
            }
            let settings = try AppDatabase.settings(db)
            let lines = try Row.fetchAll(db, sql: """
                SELECT l.id, pr.id, pr.code, pr.name, pr.unit, l.quantity, l.quantity - l.received_quantity, l.unit_price, l.discount_bp
                FROM purchase_order_lines l JOIN products pr ON pr.id = l.product_id WHERE l.po_id = ? AND l.received_quantity < l.quantity ORDER BY l.line_no
                """, arguments: [poId]).map {
                GoodsReceiptSource.Line(poLineId: $0[0], productId: $0[1], code: $0[2], name: $0[3], unit: $0[4], ordered: Quantity(thousandths: $0[5]),
                                        remaining: Quantity(thousandths: $0[6]),
                                        allowed: GoodsReceiptWriter.allowed(ordered: $0[5], received: ($0[5] as Int64) - ($0[6] as Int64), tolerance: settings.receivingTolerance,
                                                                            decimals: settings.unitDecimals.decimals(for: $0[4])),
                                        unitCost: Money(minorUnits: $0[7]), discount: BasisPoints($0[8]),
                                        decimals: settings.unitDecimals.decimals(for: $0[4]))
            }
            let warehouses = try AppDatabase.warehouseOptions(db)
            let named: Int64? = p[3]
            var source = GoodsReceiptSource(poId: poId, poNumber: p[0], supplierName: p[1], lines: lines, warehouses: warehouses,
                                            warehouseId: named ?? warehouses.first { $0.code == settings.defaultWarehouse }?.id ?? warehouses.first?.id)
            source.tolerance = settings.receivingTolerance
            for r in try Row.fetchAll(db, sql: """
                SELECT s.product_id, s.warehouse_id, s.on_hand FROM stock_levels s WHERE s.product_id IN (SELECT product_id FROM purchase_order_lines WHERE po_id = ?)
                """, arguments: [poId]) {
                source.onHand[StockKey(productId: r[0], warehouseId: r[1])] = Quantity(thousandths: r[2])
            }
            return source
        }
    }
}
