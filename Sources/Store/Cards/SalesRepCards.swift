import Domain
import GRDB

/// A rep's claim on another rep's customer, as the manager decides it.
enum ClaimCard: CardBuilder {
    static func header(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> RecordCard {
        guard actor.can(.approveClaims) else { throw StoreError.forbidden("only a manager decides claims") }
        guard let r = try Row.fetchOne(db, sql: """
            SELECT c.name, cl.display_name, coalesce(o.display_name, ''), k.reason, k.filed_on, k.status
            FROM claims k JOIN customers c ON c.id = k.customer_id JOIN users cl ON cl.id = k.claimant_id LEFT JOIN users o ON o.id = c.owner_id WHERE k.id = ?
            """, arguments: [id]) else { throw StoreError.notFound("claim \(id)") }
        return RecordCard(ref: RecordRef(.claim, id), title: r[0], fields: [
            .init("field.claimant", .text(r[1] as String)), .init("field.owner", .text(r[2] as String)), .init("field.reason", .text(r[3] as String)),
            .init("field.filed-on", .date(iso: r[4])), .init("field.status", .status("status.\(r[5] as String)")),
        ], sections: [])
    }
}

/// An opportunity with its weighted amount.
enum OpportunityCard: CardBuilder {
    static func header(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> RecordCard {
        guard let o = try AppDatabase.opportunity(db, id: id) else { throw StoreError.notFound("opportunity \(id)") }
        try AppDatabase.requireCustomerAccess(db, customerId: o.customerId, actor: actor)
        let customer = try String.fetchOne(db, sql: "SELECT name FROM customers WHERE id = ?", arguments: [o.customerId]) ?? ""
        return RecordCard(ref: RecordRef(.opportunity, id), title: o.title, fields: [
            .init("field.customer", .text(customer)), .init("field.stage", .status("stage.\(o.stage.rawValue)")), .init("field.amount", .money(o.amount)),
            .init("field.probability", .percent(o.probability)), .init("field.weighted", .money(o.weighted)),
            .init("field.expected-close", o.expectedClose.map { .date($0) } ?? .empty), .init("field.lost-reason", .text(orEmpty: o.lostReason)),
        ], sections: [])
    }
}

/// A quote: its header (status as of today: a quote past its validity reads expired) and lines.
enum QuoteCard: CardBuilder {
    static func header(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> RecordCard {
        try AppDatabase.requireDocumentAccess(db, table: "quotes", id: id, actor: actor)
        guard let r = try Row.fetchOne(db, sql: """
            SELECT q.number, c.name, u.display_name, q.quote_date, q.valid_until, q.status, q.total, q.note, o.number
            FROM quotes q JOIN customers c ON c.id = q.customer_id JOIN users u ON u.id = q.owner_id LEFT JOIN sales_orders o ON o.id = q.sales_order_id WHERE q.id = ?
            """, arguments: [id]) else { throw StoreError.notFound("quote \(id)") }
        let status = AppDatabase.quoteStatus(r[5], validUntil: r[4], today: today)
        return RecordCard(ref: RecordRef(.quote, id), title: "\(r[0] as String)  \(r[1] as String)", fields: [
            .init("field.number", .text(r[0] as String)), .init("field.customer", .text(r[1] as String)), .init("field.rep", .text(r[2] as String)),
            .init("field.quote-date", .date(iso: r[3])), .init("field.valid-until", .date(iso: r[4])), .init("field.status", .status("status.\(status.rawValue)")),
            .init("field.total", .money(minorUnits: r[6])), .init("field.order", .text(orEmpty: r[8])), .init("field.note", .text(orEmpty: r[7])),
        ], sections: [])
    }

    static func sections(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> [CardSectionQuery] {
        try AppDatabase.requireDocumentAccess(db, table: "quotes", id: id, actor: actor)
        return [CardSectionQuery(
            title: "section.lines", columns: [.integer("col.no"), .text("col.code"), .name("col.product"), .quantity("col.quantity"), .money("col.price"), .percent("col.discount"), .money("col.amount")],
            select: "l.line_no, p.code, p.name, l.quantity, l.unit_price, l.discount_bp, l.amount",
            from: "FROM quote_lines l JOIN products p ON p.id = l.product_id WHERE l.quote_id = ?", order: "l.line_no", arguments: [id]) { r in
            ([.integer(r[0]), .text(r[1] as String), .text(r[2] as String), .quantity(thousandths: r[3]), .money(minorUnits: r[4]), .basisPoints(r[5], blankZero: true),
              .money(minorUnits: r[6])], nil)
        }]
    }
}
