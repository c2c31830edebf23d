import Domain
import GRDB

/// What a stock count or a transfer of one product starts from: the product, its unit and
/// decimals, and what each warehouse holds now.
public struct StockMoveSource: Sendable, Equatable {
    public var productId: Int64
    public var code: String
    public var name: String
    public var unit: String
    public var decimals: Int
    public var warehouses: [WarehouseOption]
    public var onHand: [Int64: Quantity]
    /// The company lets stock go below zero (a setting).
    public var allowNegativeStock: Bool
}

extension AppDatabase {
    static func requireStockMoves(_ actor: Actor) throws {
        guard actor.can(.adjustStock) else { throw StoreError.forbidden("\(actor.role.rawValue) cannot count or transfer stock") }
    }

    public func stockMoveSource(productId: Int64, by actor: Actor) throws(StoreError) -> StockMoveSource {
        try read { db in
            try AppDatabase.requireStockMoves(actor)
            guard let p = try Row.fetchOne(db, sql: "SELECT code, name, unit FROM products WHERE id = ?", arguments: [productId]) else {
                throw StoreError.notFound("product \(productId)")
            }
            let settings = try AppDatabase.settings(db)
            var onHand: [Int64: Quantity] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT warehouse_id, on_hand FROM stock_levels WHERE product_id = ?", arguments: [productId]) {
                onHand[r[0]] = Quantity(thousandths: r[1])
            }
            return StockMoveSource(productId: productId, code: p[0], name: p[1], unit: p[2], decimals: settings.unitDecimals.decimals(for: p[2]),
                                   warehouses: try AppDatabase.warehouseOptions(db), onHand: onHand, allowNegativeStock: settings.allowNegativeStock)
        }
    }

    /// Posts a stock count: the product's stock in the warehouse becomes what was counted, by an
    /// adjustment move of the difference dated `today`, with the reason. Refused when the count
    /// matches the books, or when the stock moved since the form showed it (the figure now named).
    @discardableResult
    public func postStockAdjustment(_ adjustment: StockAdjustment, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> Quantity {
        let a: StockAdjustment
        do { a = try adjustment.validated() } catch { throw .invalid(error) }
        return try write { db in
            try AppDatabase.requireStockMoves(actor)
            let (code, unit) = try AppDatabase.stockSubject(db, productId: a.productId, warehouseId: a.warehouseId)
            try AppDatabase.settings(db).unitDecimals.check(a.counted, unit: unit)
            let onHand = Quantity(thousandths: try StockLedger.onHand(db, productId: a.productId, warehouseId: a.warehouseId))
            if let seen = a.expectedOnHand, seen != onHand {
                throw StoreError.invalid(DomainError("the stock of \(code) changed to \(onHand) since the form showed \(seen); count against the new figure",
                                                     field: "counted", code: "error.stock-changed", code, onHand.description, seen.description))
            }
            let difference = a.counted.thousandths - onHand.thousandths
            guard difference != 0 else {
                throw StoreError.invalid(DomainError("\(code): the count \(a.counted) is what the books say; nothing to adjust", field: "counted",
                                                     code: "error.count-matches", code, a.counted.description))
            }
            let id = try StockLedger.move(db, productId: a.productId, warehouseId: a.warehouseId, quantity: difference, on: today, reason: .adjustment,
                                          note: a.reason, userId: actor.userId)
            try AuditLog.record(db, actor: actor, at: now, action: "stock.adjust", entity: "stock_moves", entityId: id,
                                before: AuditLog.json([("product", code), ("warehouse_id", String(a.warehouseId)), ("on_hand", onHand.description)]),
                                after: AuditLog.json([("on_hand", a.counted.description), ("difference", Quantity(thousandths: difference).description),
                                                      ("reason", a.reason), ("date", today.iso)]))
            return Quantity(thousandths: difference)
        }
    }

    /// Posts a transfer: out of one warehouse and into the other, two moves dated `today`.
    /// Refused beyond what the first warehouse holds (unless the company allows negative stock).
    public func postStockTransfer(_ transfer: StockTransfer, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) {
        let t: StockTransfer
        do { t = try transfer.validated() } catch { throw .invalid(error) }
        try write { db in
            try AppDatabase.requireStockMoves(actor)
            let (code, unit) = try AppDatabase.stockSubject(db, productId: t.productId, warehouseId: t.fromWarehouseId)
            _ = try AppDatabase.stockSubject(db, productId: t.productId, warehouseId: t.toWarehouseId, field: "to_warehouse")
            try AppDatabase.settings(db).unitDecimals.check(t.quantity, unit: unit)
            let onHand = Quantity(thousandths: try StockLedger.onHand(db, productId: t.productId, warehouseId: t.fromWarehouseId))
            if t.quantity > onHand, try !AppDatabase.settings(db).allowNegativeStock {
                throw StoreError.invalid(DomainError("only \(onHand) of \(code) on hand in this warehouse", field: "quantity", code: "error.short-stock", code, onHand.description))
            }
            let out = try StockLedger.move(db, productId: t.productId, warehouseId: t.fromWarehouseId, quantity: -t.quantity.thousandths, on: today, reason: .transfer,
                                           otherWarehouseId: t.toWarehouseId, note: t.note, userId: actor.userId)
            try StockLedger.move(db, productId: t.productId, warehouseId: t.toWarehouseId, quantity: t.quantity.thousandths, on: today, reason: .transfer,
                                 otherWarehouseId: t.fromWarehouseId, note: t.note, userId: actor.userId)
            try AuditLog.record(db, actor: actor, at: now, action: "stock.transfer", entity: "stock_moves", entityId: out,
                                after: AuditLog.json([("product", code), ("from_warehouse_id", String(t.fromWarehouseId)), ("to_warehouse_id", String(t.toWarehouseId)),
                                                      ("quantity", t.quantity.description), ("note", t.note), ("date", today.iso)]))
        }
    }

    /// The product's code and unit, refusing an unknown product or warehouse by name.
    static func stockSubject(_ db: Database, productId: Int64, warehouseId: Int64, field: String = "warehouse") throws -> (code: String, unit: String) {
        guard let p = try Row.fetchOne(db, sql: "SELECT code, unit FROM products WHERE id = ?", arguments: [productId]) else {
            throw StoreError.invalid(DomainError("product \(productId) does not exist", field: "product", code: "error.product-missing", String(productId)))
        }
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM warehouses WHERE id = ?", arguments: [warehouseId]) == true else {
            throw StoreError.invalid(DomainError("warehouse \(warehouseId) does not exist", field: field, code: "error.warehouse-missing", String(warehouseId)))
        }
        return (p[0], p[1])
    }
}
