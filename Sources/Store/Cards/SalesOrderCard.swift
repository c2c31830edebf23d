import Domain
import GRDB

/// A sales order: its header, its lines with ordered, shipped and remaining quantities, and its shipments.
enum SalesOrderCard: CardBuilder {
    static func header(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> RecordCard {
        try AppDatabase.requireDocumentAccess(db, table: "sales_orders", id: id, actor: actor)
        guard let r = try Row.fetchOne(db, sql: """
            SELECT o.number, c.name, u.display_name, o.order_date, o.due_date, o.status, o.total, o.note, o.customer_po, q.number, o.cancel_reason
            FROM sales_orders o JOIN customers c ON c.id = o.customer_id JOIN users u ON u.id = o.owner_id
            LEFT JOIN quotes q ON q.id = o.quote_id WHERE o.id = ?
            """, arguments: [id]) else { throw StoreError.notFound("order \(id)") }
        // Tabs: the order, its lines, its shipments (each of which opens, and can be voided there).
        var card = RecordCard(ref: RecordRef(.salesOrder, id), title: "\(r[0] as String)  \(r[1] as String)", fields: [
            .init("field.customer", .text(r[1] as String)), .init("field.rep", .text(r[2] as String)), .init("field.order-date", .date(iso: r[3])),
            .init("field.delivery-date", .date(iso: r[4])), .init("field.status", .status("status.\(r[5] as String)")), .init("field.total", .money(minorUnits: r[6])),
            .init("field.customer-po", .text(orEmpty: r[8])), .init("field.from-quote", .text(orEmpty: r[9])), .init("field.note", .text(orEmpty: r[7])),
        ], sections: [])
        if let why = r[10] as String? { card.fields.append(.init("field.cancel-reason", .text(why))) }
        card.tabbed = true
        return card
    }

    static func sections(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> [CardSectionQuery] {
        try AppDatabase.requireDocumentAccess(db, table: "sales_orders", id: id, actor: actor)
        return [CardSectionQuery(
            title: "section.lines",
            columns: [.integer("col.no"), .text("col.code"), .name("col.product"), .quantity("col.ordered"), .quantity("col.shipped"), .quantity("col.remaining"),
                      .money("col.price"), .percent("col.discount"), .money("col.amount")],
            select: "l.line_no, p.code, p.name, l.quantity, l.shipped_quantity, l.unit_price, l.discount_bp, l.amount",
            from: "FROM sales_order_lines l JOIN products p ON p.id = l.product_id WHERE l.order_id = ?", order: "l.line_no", arguments: [id]) { r in
            let ordered: Int64 = r[3], shipped: Int64 = r[4]
            return ([.integer(r[0]), .text(r[1] as String), .text(r[2] as String), .quantity(thousandths: ordered), .quantity(thousandths: shipped),
                     .quantity(thousandths: ordered - shipped), .money(minorUnits: r[5]), .basisPoints(r[6], blankZero: true), .money(minorUnits: r[7])], nil)
        }, ShipmentCard.list(where: "s.order_id = ?", id)]
    }
}
