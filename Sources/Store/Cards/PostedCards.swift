import Domain
import GRDB

/// A shipment: where from, when, its lines, and — once voided — why.
enum ShipmentCard: CardBuilder {
    static func header(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> RecordCard {
        try AppDatabase.requireDocumentAccess(db, table: "shipments", id: id, actor: actor)
        guard let r = try Row.fetchOne(db, sql: """
            SELECT s.number, c.name, o.number, w.code || ' ' || w.name, s.ship_date, s.status, s.total, s.void_reason
            FROM shipments s JOIN customers c ON c.id = s.customer_id JOIN sales_orders o ON o.id = s.order_id JOIN warehouses w ON w.id = s.warehouse_id
            WHERE s.id = ?
            """, arguments: [id]) else { throw StoreError.notFound("shipment \(id)") }
        return RecordCard(ref: RecordRef(.shipment, id), title: "\(r[0] as String)  \(r[1] as String)", fields: [
            .init("field.number", .text(r[0] as String)), .init("field.customer", .text(r[1] as String)), .init("field.order", .text(r[2] as String)),
            .init("field.warehouse", .text(r[3] as String)), .init("field.ship-date", .date(iso: r[4])), .init("field.status", .status("status.\(r[5] as String)")),
            .init("field.total", .money(minorUnits: r[6])), .init("field.void-reason", .text(orEmpty: r[7])),
            // Paid: voiding it waits for those receipts (the card says so before `d` is pressed).
            .init("field.paid-by", .text(orEmpty: try ShipmentVoid.paidBy(db, id: id))),
        ], sections: [])
    }

    static func sections(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> [CardSectionQuery] {
        try AppDatabase.requireDocumentAccess(db, table: "shipments", id: id, actor: actor)
        return [CardSectionQuery(
            title: "section.lines", columns: [.text("col.code"), .name("col.product"), .quantity("col.quantity"), .text("col.unit"), .money("col.amount")],
            select: "p.code, p.name, l.quantity, p.unit, l.amount",
            from: "FROM shipment_lines l JOIN products p ON p.id = l.product_id WHERE l.shipment_id = ?", order: "l.id", arguments: [id]) { r in
            ([.text(r[0] as String), .text(r[1] as String), .quantity(thousandths: r[2]), .text(r[3] as String), .money(minorUnits: r[4])], nil)
        }]
    }

    /// A tab of shipments (an order's), newest first, each opening its card.
    static func list(where condition: String, _ id: Int64) -> CardSectionQuery {
        CardSectionQuery(title: "section.shipments", columns: [.text("col.number"), .date("col.date"), .text("col.warehouse"), .status(), .money("col.total")],
                         select: "s.id, s.number, s.ship_date, w.code, s.status, s.total",
                         from: "FROM shipments s JOIN warehouses w ON w.id = s.warehouse_id WHERE \(condition)", order: "s.ship_date DESC, s.id DESC", arguments: [id]) { r in
            ([.text(r[1] as String), .date(iso: r[2]), .text(r[3] as String), .status("status.\(r[4] as String)"), .money(minorUnits: r[5])], RecordRef(.shipment, r[0]))
        }
    }
}

/// A receipt: from whom, how much, how it was split, what is left as credit — and, once voided, why.
enum ReceiptCard: CardBuilder {
    static func header(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> RecordCard {
        try AppDatabase.requireDocumentAccess(db, table: "receipts", id: id, actor: actor)
        guard let r = try Row.fetchOne(db, sql: """
            SELECT r.number, c.name, r.receipt_date, r.method, r.amount, CASE WHEN r.status = 'posted' THEN r.unapplied ELSE 0 END, r.status, r.void_reason,
                   r.reference, r.note
            FROM receipts r JOIN customers c ON c.id = r.customer_id WHERE r.id = ?
            """, arguments: [id]) else { throw StoreError.notFound("receipt \(id)") }
        return RecordCard(ref: RecordRef(.receipt, id), title: "\(r[0] as String)  \(r[1] as String)", fields: [
            .init("field.number", .text(r[0] as String)), .init("field.customer", .text(r[1] as String)), .init("field.date", .date(iso: r[2])),
            .init("field.method", .status("method.\(r[3] as String)")), .init("field.amount", .money(minorUnits: r[4])),
            .init("field.unapplied", .money(minorUnits: r[5])), .init("field.reference", .text(orEmpty: r[8])), .init("field.note", .text(orEmpty: r[9])),
            .init("field.status", .status("status.\(r[6] as String)")),
            .init("field.void-reason", .text(orEmpty: r[7])),
        ], sections: [])
    }

    static func sections(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> [CardSectionQuery] {
        try AppDatabase.requireDocumentAccess(db, table: "receipts", id: id, actor: actor)
        return [CardSectionQuery(
            title: "section.allocations", columns: [.text("col.number"), .date("col.date"), .date("col.due"), .date("col.allocated-on"), .money("col.amount")],
            select: "r.id, r.number, r.doc_date, r.due_date, a.allocated_on, a.amount",
            from: "FROM receipt_allocations a JOIN receivables r ON r.id = a.receivable_id WHERE a.receipt_id = ?", order: "a.allocated_on, r.due_date, r.id", arguments: [id]) { r in
            ([.text(r[1] as String), .date(iso: r[2]), .date(iso: r[3]), .date(iso: r[4]), .money(minorUnits: r[5])], RecordRef(.receivable, r[0]))
        }]
    }

    /// A customer's receipts: those with credit left to allocate first, then newest first.
    static func list(customerId: Int64) -> CardSectionQuery {
        CardSectionQuery(title: "section.receipts", columns: [.text("col.number"), .date("col.date"), .status("col.method"), .status(), .money("col.amount"), .money("col.unapplied")],
                         select: "id, number, receipt_date, method, status, amount, CASE WHEN status = 'posted' THEN unapplied ELSE 0 END", from: "FROM receipts WHERE customer_id = ?",
                         order: "(status = 'posted' AND unapplied > 0) DESC, receipt_date DESC, id DESC", arguments: [customerId]) { r in
            ([.text(r[1] as String), .date(iso: r[2]), .status("method.\(r[3] as String)"), .status("status.\(r[4] as String)"), .money(minorUnits: r[5]),
              .money(minorUnits: r[6])], RecordRef(.receipt, r[0]))
        }
    }
}
