import Domain
import GRDB

/// A product's stock card: what each warehouse holds against its reorder level, and every move
/// of its stock — shipments, goods receipts, their voids, counts and transfers — newest first,
/// each with the balance it left in its warehouse. Quantities only: no cost is shown.
enum ProductCard: CardBuilder {
    static func header(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> RecordCard {
        try AppDatabase.requireStockAccess(actor)
        guard let r = try Row.fetchOne(db, sql: """
            SELECT p.code, p.name, p.unit, p.list_price, (SELECT coalesce(SUM(on_hand), 0) FROM stock_levels WHERE product_id = p.id), p.category FROM products p WHERE p.id = ?
            """, arguments: [id]) else {
            throw StoreError.notFound("product \(id)")
        }
        var card = RecordCard(ref: RecordRef(.product, id), title: "\(r[0] as String)  \(r[1] as String)", fields: [
            .init("field.code", .text(r[0] as String)), .init("field.category", .text(r[5] as String)), .init("field.unit", .text(r[2] as String)),
            .init("field.list-price", .money(minorUnits: r[3])), .init("field.on-hand-all", .quantity(thousandths: r[4])),
        ], sections: [])
        // Those who buy see what it costs and where it was last bought.
        if actor.seesCostPrices {
            let cost: Int64 = try Int64.fetchOne(db, sql: "SELECT cost_price FROM products WHERE id = ?", arguments: [id]) ?? 0
            card.fields.append(.init("field.cost-price", .money(minorUnits: cost)))
            if let last = try Row.fetchOne(db, sql: """
                SELECT s.name, l.unit_price, p.order_date FROM purchase_order_lines l INDEXED BY purchase_order_lines_product JOIN purchase_orders p ON p.id = l.po_id
                JOIN suppliers s ON s.id = p.supplier_id WHERE l.product_id = ? AND p.status <> 'cancelled' ORDER BY p.order_date DESC, p.id DESC LIMIT 1
                """, arguments: [id]) {
                card.fields += [.init("field.last-supplier", .text(last[0] as String)), .init("field.last-cost", .money(minorUnits: last[1])),
                                .init("field.last-ordered", .date(iso: last[2]))]
            }
        }
        // Tabs: a row of the stock or the moves is selected (c and t start on its warehouse).
        card.tabbed = true
        return card
    }

    static func sections(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> [CardSectionQuery] {
        try AppDatabase.requireStockAccess(actor)
        return [CardSectionQuery(
            title: "section.stock", columns: [.text("col.code"), .name("col.warehouse"), .quantity("col.on-hand"), .quantity("col.reorder-level")],
            select: "w.code, w.name, l.on_hand, l.reorder_level", from: "FROM stock_levels l JOIN warehouses w ON w.id = l.warehouse_id WHERE l.product_id = ?",
            order: "w.code", arguments: [id]) { r in
            let onHand: Int64 = r[2], reorder: Int64 = r[3]
            let level = CellValue.quantity(thousandths: onHand)
            return ([.text(r[0] as String), .text(r[1] as String), onHand <= reorder ? .warning(level) : level, .quantity(thousandths: reorder)], nil)
        }, moves(productId: id, actor: actor)]
    }

    /// The product's moves, newest first, each with the balance it left in its warehouse: what
    /// the warehouse holds now less every move after it (the ledger keeps on hand = Σ moves), so
    /// a page costs what lies before it, not the product's whole history.
    static func moves(productId: Int64, actor: Actor) -> CardSectionQuery {
        let showsShipments = actor.can(.viewAllCustomers), showsReceipts = actor.can(.viewSuppliers)
        return CardSectionQuery(
            title: "section.moves",
            columns: [.date("col.date"), .text("col.warehouse"), .status("col.move"), .text("col.document"), .quantity("col.quantity"), .quantity("col.balance"),
                      .text("col.note", flexible: true)],
            count: { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM stock_moves INDEXED BY stock_moves_product WHERE product_id = ?", arguments: [productId]) ?? 0 },
            page: { db, offset, limit in
                var later: [Int64: Int64] = [:]
                for r in try Row.fetchAll(db, sql: "SELECT warehouse_id, quantity FROM stock_moves INDEXED BY stock_moves_product WHERE product_id = ? ORDER BY moved_on DESC, id DESC LIMIT ?",
                                          arguments: [productId, max(0, offset)]) {
                    later[r[0], default: 0] += r[1]
                }
                var onHand: [Int64: Int64] = [:]
                for r in try Row.fetchAll(db, sql: "SELECT warehouse_id, on_hand FROM stock_levels WHERE product_id = ?", arguments: [productId]) { onHand[r[0]] = r[1] }
                let rows = try Row.fetchAll(db, sql: """
                    SELECT m.moved_on, w.code, m.reason, coalesce(s.number, g.number, ow.code), m.quantity, m.warehouse_id, m.note, m.shipment_id, m.goods_receipt_id
                    FROM stock_moves m INDEXED BY stock_moves_product JOIN warehouses w ON w.id = m.warehouse_id
                    LEFT JOIN shipments s ON s.id = m.shipment_id LEFT JOIN goods_receipts g ON g.id = m.goods_receipt_id
                    LEFT JOIN warehouses ow ON ow.id = m.other_warehouse_id
                    WHERE m.product_id = ? ORDER BY m.moved_on DESC, m.id DESC LIMIT \(limit ?? -1) OFFSET \(max(0, offset))
                    """, arguments: [productId])
                var refs: [RecordRef?] = []
                let cells: [[CellValue]] = rows.map { r in
                    let reason: String = r[2], quantity: Int64 = r[4], warehouse: Int64 = r[5]
                    let balance = (onHand[warehouse] ?? 0) - (later[warehouse] ?? 0)
                    later[warehouse, default: 0] += quantity
                    let document: String? = r[3]
                    // A transfer names the other warehouse: where it went, or where it came from.
                    let other = reason == "transfer" ? (quantity < 0 ? "→ " : "← ") + (document ?? "") : document ?? ""
                    let shipment: Int64? = r[7], receipt: Int64? = r[8]
                    refs.append(shipment.flatMap { showsShipments ? RecordRef(.shipment, $0) : nil } ?? receipt.flatMap { showsReceipts ? RecordRef(.goodsReceipt, $0) : nil })
                    return [.date(iso: r[0]), .text(r[1] as String), .status("move.\(reason)"), .text(other), .quantity(thousandths: quantity),
                            .quantity(thousandths: balance), .text(orEmpty: r[6])]
                }
                return CardPage(rows: cells, refs: refs.contains { $0 != nil } ? refs : [])
            })
    }
}
