import Domain
import GRDB

/// A customer: the editable fields as the edit form reads them, what only the card shows
/// (owner, completeness, credit exposure, 12-month revenue), and one tab per related table.
enum CustomerCard: CardBuilder {
    static func header(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> RecordCard {
        try AppDatabase.requireCustomerAccess(db, customerId: id, actor: actor)
        guard let c = try AppDatabase.customer(db, id: id),
              let extra = try Row.fetchOne(db, sql: """
                SELECT u.display_name, c.owner_since, c.last_contact_on, c.last_order_on, c.open_balance
                FROM customers c LEFT JOIN users u ON u.id = c.owner_id WHERE c.id = ?
                """, arguments: [id]) else { throw StoreError.notFound("customer \(id)") }
        let exposure = try AppDatabase.creditExposures(db, ownerId: nil, customerId: id)[id]?.exposure
        let yearAgo = today.adding(months: -12).adding(days: 1).iso
        let revenue = try Int64.fetchOne(db, sql: "SELECT coalesce(SUM(total), 0) FROM shipments WHERE customer_id = ? AND ship_date BETWEEN ? AND ? AND status = 'posted'",
                                         arguments: [id, yearAgo, today.iso]) ?? 0
        let orders12 = try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM sales_orders WHERE customer_id = ? AND order_date BETWEEN ? AND ? AND status <> 'cancelled'",
                                          arguments: [id, yearAgo, today.iso]) ?? 0
        let filled = Int64(c.keyFieldsFilled), all = Int64(Customer.keyFieldCount)
        let exposureValue: CellValue = exposure.map { e in
            guard e.limit.minorUnits > 0 else { return .money(e.exposure) }
            let pair = CellValue.joined([.money(e.exposure), .money(e.limit)], separator: " / ")
            return e.isBreached ? .warning(pair) : pair
        } ?? .money(.zero)
        let owner: CellValue = (extra[0] as String?).map { name in
            (extra[1] as String?).map { .joined([.text(name), .date(iso: $0)], separator: " · ") } ?? .text(name)
        } ?? .empty
        var card = RecordCard(ref: RecordRef(.customer, id), title: c.name, fields: [
            .init("field.code", .text(orEmpty: c.code)), .init("field.short-name", .text(orEmpty: c.shortName)), .init("field.status", .status("status.\(c.status.rawValue)")),
            .init("field.owner", owner), .init("field.contact-person", .text(orEmpty: c.contactPerson)), .init("field.phone", .text(orEmpty: c.phone)),
            .init("field.email", .text(orEmpty: c.email)), .init("field.address", .text(orEmpty: c.address)), .init("field.region", .text(orEmpty: c.region)),
            .init("field.industry", .text(orEmpty: c.industry)), .init("field.source", .text(orEmpty: c.source)), .init("field.tags", .text(orEmpty: c.tags)),
            .init("field.completeness", .joined([.joined([.integer(filled), .integer(all)], separator: "/"), .percent(BasisPoints.ratio(filled, all))], separator: "  ")),
            .init("field.exposure", exposureValue), .init("field.payment-terms", .integer(Int64(c.paymentTermsDays))),
            .init("field.last-contact", .date(iso: extra[2])), .init("field.next-contact", c.nextContactOn.map { $0 < today ? .warning(.date($0)) : .date($0) } ?? .empty),
            .init("field.last-order", .date(iso: extra[3])), .init("field.open-receivables", .money(minorUnits: extra[4] ?? 0)),
            .init("field.revenue-12m", .money(minorUnits: revenue)), .init("field.orders-12m", .integer(orders12)),
        ], sections: [])
        card.tabbed = true
        return card
    }

    static func sections(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> [CardSectionQuery] {
        try AppDatabase.requireCustomerAccess(db, customerId: id, actor: actor)
        let args: StatementArguments = [id]
        return [
            CardSectionQuery(title: "section.contacts", columns: [.name("col.name"), .text("col.title"), .text("col.mobile"), .text("col.phone"), .text("col.email"), .text("col.wechat"), .text("col.birthday")],
                             select: "id, name, title, mobile, phone, email, wechat, birthday", from: "FROM contacts WHERE customer_id = ?", order: "name, id", arguments: args) { r in
                ([.text(r[1] as String), .text(orEmpty: r[2]), .text(orEmpty: r[3]), .text(orEmpty: r[4]), .text(orEmpty: r[5]), .text(orEmpty: r[6]), .text(orEmpty: (r[7] as String?).flatMap { Birthday(stored: $0)?.description })], RecordRef(.contact, r[0]))
            },
            CardSectionQuery(title: "section.contact-log", columns: [.date("col.date"), .status("col.kind"), ColumnSpec("col.contact", shrinks: true, width: 10), .name("col.summary"), .name("col.outcome"), .date("col.next-contact"), .text("col.rep")],
                             select: "l.happened_on, l.kind, k.name, l.summary, l.outcome, l.next_contact_on, u.display_name",
                             from: "FROM contact_log l JOIN users u ON u.id = l.user_id LEFT JOIN contacts k ON k.id = l.contact_id WHERE l.customer_id = ?",
                             order: "l.happened_on DESC, l.id DESC", arguments: args) { r in
                ([.date(iso: r[0]), .status("contact-kind.\(r[1] as String)"), .text(orEmpty: r[2]), .text(r[3] as String), .text(orEmpty: r[4]), .date(iso: r[5]), .text(r[6] as String)], nil)
            },
            CardSectionQuery(title: "section.opportunities", columns: [.name("col.title"), .status("col.stage"), .money("col.amount"), .percent("col.probability"), .money("col.weighted"), .date("col.expected-close"), .text("col.lost-reason")],
                             select: "id, title, stage, amount, probability_bp, expected_close, lost_reason", from: "FROM opportunities WHERE customer_id = ?",
                             order: "stage IN ('won','lost'), expected_close, id", arguments: args) { r in
                let o = Opportunity(customerId: id, title: r[1], amount: Money(minorUnits: r[3]), probability: BasisPoints(r[4]))
                return ([.text(o.title), .status("stage.\(r[2] as String)"), .money(o.amount), .percent(o.probability), .money(o.weighted), .date(iso: r[5]), .text(orEmpty: r[6])], RecordRef(.opportunity, r[0]))
            },
            CardSectionQuery(title: "section.quotes", columns: [.text("col.number"), .date("col.date"), .date("col.valid-until"), .status(), .money("col.total")],
                             select: "id, number, quote_date, valid_until, status, total", from: "FROM quotes WHERE customer_id = ?", order: "quote_date DESC, id DESC", arguments: args) { r in
                ([.text(r[1] as String), .date(iso: r[2]), .date(iso: r[3]), .status("status." + AppDatabase.quoteStatus(r[4], validUntil: r[3], today: today).rawValue), .money(minorUnits: r[5])],
                 RecordRef(.quote, r[0]))
            },
            CardSectionQuery(title: "section.orders", columns: [.text("col.number"), .date("col.date"), .date("col.due"), .status(), .money("col.total")],
                             select: "id, number, order_date, due_date, status, total", from: "FROM sales_orders WHERE customer_id = ?", order: "order_date DESC, id DESC", arguments: args) { r in
                ([.text(r[1] as String), .date(iso: r[2]), .date(iso: r[3]), .status("status.\(r[4] as String)"), .money(minorUnits: r[5])], RecordRef(.salesOrder, r[0]))
            },
            CardSectionQuery(title: "section.open-receivables", columns: [.text("col.number"), .date("col.date"), .date("col.due"), .money("col.amount"), .money("col.open")],
                             select: "id, number, doc_date, due_date, amount, open_amount", from: "FROM receivables WHERE customer_id = ? AND status = 'posted' AND open_amount > 0",
                             order: "due_date, id", arguments: args) { r in
                let due = DateOnly(iso: r[3] as String)
                let dueCell: CellValue = due.map { $0 < today ? .warning(.date($0)) : .date($0) } ?? .empty
                return ([.text(r[1] as String), .date(iso: r[2]), dueCell, .money(minorUnits: r[4]), .money(minorUnits: r[5])], RecordRef(.receivable, r[0]))
            },
            ReceiptCard.list(customerId: id),
            CardSectionQuery(title: "section.feedback", columns: [.date("col.date"), .status("col.kind"), .integer("col.score"), .name("col.note"), ColumnSpec("col.resolved", .flag)],
                             select: "received_on, kind, score, note, resolved", from: "FROM feedback WHERE customer_id = ?", order: "received_on DESC, id DESC", arguments: args) { r in
                ([.date(iso: r[0]), .status("feedback.\(r[1] as String)"), (r[2] as Int64?).map { .integer($0) } ?? .empty, .text(orEmpty: r[3]), .flag((r[4] as Int64) == 1)], nil)
            },
        ]
    }
}
