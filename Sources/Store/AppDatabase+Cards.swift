import Domain
import GRDB

extension AppDatabase {
    /// The read-only card of one record, if `actor` may see it. A sales rep asking for another
    /// rep's customer (or that customer's documents) gets `.forbidden`, whatever path asked.
    public func card(_ ref: RecordRef, for actor: Actor, today: DateOnly) throws(StoreError) -> RecordCard {
        try read { db in try AppDatabase.card(db, ref: ref, actor: actor, today: today) }
    }

    static func requireCustomerAccess(_ db: Database, customerId: Int64, actor: Actor) throws {
        guard actor.can(.viewAllCustomers) || actor.can(.viewOwnCustomers) else { throw StoreError.forbidden("\(actor.role.rawValue) cannot open customer records") }
        guard let owner = try Row.fetchOne(db, sql: "SELECT owner_id FROM customers WHERE id = ?", arguments: [customerId]) else {
            throw StoreError.notFound("customer \(customerId)")
        }
        if actor.restrictedToOwnCustomers, (owner[0] as Int64?) != actor.userId {
            throw StoreError.forbidden("this customer belongs to another sales rep")
        }
    }

    static func requireSupplierSide(_ actor: Actor) throws {
        guard actor.can(.viewSuppliers) || actor.can(.viewPayables) else { throw StoreError.forbidden("\(actor.role.rawValue) cannot open supplier records") }
    }

    static func qty(_ v: Int64) -> String { Quantity(thousandths: v).description }
    static func money(_ v: Int64?) -> String { Money(minorUnits: v ?? 0).formatted() }

    static func card(_ db: Database, ref: RecordRef, actor: Actor, today: DateOnly) throws -> RecordCard {
        switch ref.kind {
        case .customer:
            try requireCustomerAccess(db, customerId: ref.id, actor: actor)
            return try customerCard(db, id: ref.id, today: today)
        case .contact:
            guard let row = try Row.fetchOne(db, sql: """
                SELECT k.name, k.title, k.mobile, k.phone, k.email, k.wechat, k.qq, k.birthday, k.notes, c.name, c.id
                FROM contacts k JOIN customers c ON c.id = k.customer_id WHERE k.id = ?
                """, arguments: [ref.id]) else { throw StoreError.notFound("contact \(ref.id)") }
            try requireCustomerAccess(db, customerId: row[10], actor: actor)
            return RecordCard(ref: ref, title: row[0], fields: [
                .init("field.customer", row[9]), .init("field.title", row[1] ?? ""), .init("field.mobile", row[2] ?? ""),
                .init("field.phone", row[3] ?? ""), .init("field.email", row[4] ?? ""), .init("field.wechat", row[5] ?? ""),
                .init("field.qq", row[6] ?? ""), .init("field.birthday", row[7] ?? ""), .init("field.notes", row[8] ?? ""),
            ], sections: [])
        case .salesOrder:
            guard let row = try Row.fetchOne(db, sql: """
                SELECT o.number, c.name, c.id, u.display_name, o.order_date, o.due_date, o.status, o.total, o.note
                FROM sales_orders o JOIN customers c ON c.id = o.customer_id JOIN users u ON u.id = o.owner_id WHERE o.id = ?
                """, arguments: [ref.id]) else { throw StoreError.notFound("order \(ref.id)") }
            try requireCustomerAccess(db, customerId: row[2], actor: actor)
            let lines = try Row.fetchAll(db, sql: """
                SELECT l.line_no, p.code, p.name, l.quantity, l.shipped_quantity, l.unit_price, l.discount_bp, l.amount
                FROM sales_order_lines l JOIN products p ON p.id = l.product_id WHERE l.order_id = ? ORDER BY l.line_no
                """, arguments: [ref.id]).map { r -> [String] in
                [String(r[0] as Int64), r[1], r[2], qty(r[3]), qty(r[4]), qty((r[3] as Int64) - (r[4] as Int64)), money(r[5]),
                 (r[6] as Int64) == 0 ? "" : (BasisPoints(r[6]).description), money(r[7])]
            }
            return RecordCard(ref: ref, title: "\(row[0] as String)  \(row[1] as String)", fields: [
                .init("field.customer", row[1]), .init("field.rep", row[3]), .init("field.order-date", row[4]),
                .init("field.due-date", row[5]), .init("field.status", "status.\(row[6] as String)"), .init("field.total", money(row[7])),
                .init("field.note", row[8] ?? ""),
            ], sections: [.init(title: "section.lines", columns: ["col.no", "col.code", "col.product", "col.ordered", "col.shipped", "col.remaining", "col.price", "col.discount", "col.amount"], rows: lines)])
        case .receivable:
            guard let row = try Row.fetchOne(db, sql: """
                SELECT r.number, c.name, c.id, r.doc_date, r.due_date, r.amount, r.open_amount, r.status
                FROM receivables r JOIN customers c ON c.id = r.customer_id WHERE r.id = ?
                """, arguments: [ref.id]) else { throw StoreError.notFound("receivable \(ref.id)") }
            try requireCustomerAccess(db, customerId: row[2], actor: actor)
            let allocs = try Row.fetchAll(db, sql: """
                SELECT rc.number, rc.receipt_date, rc.method, a.amount FROM receipt_allocations a JOIN receipts rc ON rc.id = a.receipt_id
                WHERE a.receivable_id = ? ORDER BY rc.receipt_date
                """, arguments: [ref.id]).map { [$0[0], $0[1], "method.\($0[2] as String)", money($0[3])] as [String] }
            let due = DateOnly(iso: row[4] as String)
            let overdue = due.map { max(0, $0.distance(to: today)) } ?? 0
            return RecordCard(ref: ref, title: "\(row[0] as String)  \(row[1] as String)", fields: [
                .init("field.customer", row[1]), .init("field.doc-date", row[3]), .init("field.due-date", row[4]),
                .init("field.days-overdue", String(overdue)), .init("field.amount", money(row[5])), .init("field.open", money(row[6])),
                .init("field.status", "status.\(row[7] as String)"),
            ], sections: [.init(title: "section.receipts", columns: ["col.number", "col.date", "col.method", "col.amount"], rows: allocs)])
        case .purchaseOrder:
            try requireSupplierSide(actor)
            guard let row = try Row.fetchOne(db, sql: """
                SELECT p.number, s.name, p.order_date, p.expected_date, p.status, p.total FROM purchase_orders p JOIN suppliers s ON s.id = p.supplier_id WHERE p.id = ?
                """, arguments: [ref.id]) else { throw StoreError.notFound("purchase order \(ref.id)") }
            let lines = try Row.fetchAll(db, sql: """
                SELECT l.line_no, pr.code, pr.name, l.quantity, l.received_quantity, l.unit_price, l.amount
                FROM purchase_order_lines l JOIN products pr ON pr.id = l.product_id WHERE l.po_id = ? ORDER BY l.line_no
                """, arguments: [ref.id]).map { r -> [String] in
                [String(r[0] as Int64), r[1], r[2], qty(r[3]), qty(r[4]), qty((r[3] as Int64) - (r[4] as Int64)), money(r[5]), money(r[6])]
            }
            return RecordCard(ref: ref, title: "\(row[0] as String)  \(row[1] as String)", fields: [
                .init("field.supplier", row[1]), .init("field.order-date", row[2]), .init("field.expected-date", row[3]),
                .init("field.status", "status.\(row[4] as String)"), .init("field.total", money(row[5])),
            ], sections: [.init(title: "section.lines", columns: ["col.no", "col.code", "col.product", "col.ordered", "col.received", "col.remaining", "col.price", "col.amount"], rows: lines)])
        case .payable:
            try requireSupplierSide(actor)
            guard let row = try Row.fetchOne(db, sql: """
                SELECT p.number, s.name, p.doc_date, p.due_date, p.amount, p.open_amount, p.status FROM payables p JOIN suppliers s ON s.id = p.supplier_id WHERE p.id = ?
                """, arguments: [ref.id]) else { throw StoreError.notFound("payable \(ref.id)") }
            return RecordCard(ref: ref, title: "\(row[0] as String)  \(row[1] as String)", fields: [
                .init("field.supplier", row[1]), .init("field.doc-date", row[2]), .init("field.due-date", row[3]),
                .init("field.amount", money(row[4])), .init("field.open", money(row[5])), .init("field.status", "status.\(row[6] as String)"),
            ], sections: [])
        case .supplier:
            try requireSupplierSide(actor)
            guard let row = try Row.fetchOne(db, sql: "SELECT code, name, contact_person, phone, email, address, payment_terms_days FROM suppliers WHERE id = ?", arguments: [ref.id]) else {
                throw StoreError.notFound("supplier \(ref.id)")
            }
            return RecordCard(ref: ref, title: row[1], fields: [
                .init("field.code", row[0]), .init("field.contact-person", row[2] ?? ""), .init("field.phone", row[3] ?? ""),
                .init("field.email", row[4] ?? ""), .init("field.address", row[5] ?? ""), .init("field.payment-terms", "\(row[6] as Int64)"),
            ], sections: [])
        case .claim:
            return try claimCard(db, id: ref.id, actor: actor)
        case .opportunity:
            return try opportunityCard(db, id: ref.id, actor: actor)
        case .performance:
            return try performanceCard(db, rep: ref.id, actor: actor, today: today)
        case .quote:
            return try quoteCard(db, id: ref.id, actor: actor, today: today)
        case .quoteList:
            return try quoteListCard(db, actor: actor, today: today)
        case .product, .stockLevel:
            guard actor.can(.viewStock) || actor.can(.editPurchaseOrders) || actor.can(.editQuotes) else { throw StoreError.forbidden("\(actor.role.rawValue) cannot open stock records") }
            guard let row = try Row.fetchOne(db, sql: "SELECT code, name, unit, list_price FROM products WHERE id = ?", arguments: [ref.id]) else {
                throw StoreError.notFound("product \(ref.id)")
            }
            let stock = try Row.fetchAll(db, sql: """
                SELECT w.code, w.name, l.on_hand, l.reorder_level FROM stock_levels l JOIN warehouses w ON w.id = l.warehouse_id WHERE l.product_id = ? ORDER BY w.code
                """, arguments: [ref.id]).map { [$0[0], $0[1], qty($0[2]), qty($0[3])] as [String] }
            return RecordCard(ref: RecordRef(.product, ref.id), title: "\(row[0] as String)  \(row[1] as String)", fields: [
                .init("field.code", row[0]), .init("field.unit", row[2]), .init("field.list-price", money(row[3])),
            ], sections: [.init(title: "section.stock", columns: ["col.code", "col.warehouse", "col.on-hand", "col.reorder-level"], rows: stock)])
        }
    }

    static func claimCard(_ db: Database, id: Int64, actor: Actor) throws -> RecordCard {
        guard actor.can(.approveClaims) else { throw StoreError.forbidden("only a manager decides claims") }
        guard let r = try Row.fetchOne(db, sql: """
            SELECT c.name, cl.display_name, coalesce(o.display_name, ''), k.reason, k.filed_on, k.status
            FROM claims k JOIN customers c ON c.id = k.customer_id JOIN users cl ON cl.id = k.claimant_id LEFT JOIN users o ON o.id = c.owner_id WHERE k.id = ?
            """, arguments: [id]) else { throw StoreError.notFound("claim \(id)") }
        return RecordCard(ref: RecordRef(.claim, id), title: r[0], fields: [
            .init("field.claimant", r[1]), .init("field.owner", r[2]), .init("field.reason", r[3]), .init("field.filed-on", r[4]),
            .init("field.status", "status.\(r[5] as String)"),
        ], sections: [])
    }

    static func customerCard(_ db: Database, id: Int64, today: DateOnly) throws -> RecordCard {
        // The editable fields as the edit form reads them; then what only the card shows.
        guard let c = try customer(db, id: id),
              let extra = try Row.fetchOne(db, sql: """
                SELECT u.display_name, c.owner_since, c.last_contact_on, c.last_order_on, c.open_balance
                FROM customers c LEFT JOIN users u ON u.id = c.owner_id WHERE c.id = ?
                """, arguments: [id]) else { throw StoreError.notFound("customer \(id)") }
        let exposure = try creditExposures(db, ownerId: nil, customerId: id)[id]?.exposure
        let yearAgo = today.adding(months: -12).adding(days: 1).iso
        let revenue = try Int64.fetchOne(db, sql: "SELECT coalesce(SUM(total), 0) FROM shipments WHERE customer_id = ? AND ship_date BETWEEN ? AND ? AND status = 'posted'",
                                         arguments: [id, yearAgo, today.iso]) ?? 0
        let orders12 = try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM sales_orders WHERE customer_id = ? AND order_date BETWEEN ? AND ? AND status <> 'cancelled'",
                                          arguments: [id, yearAgo, today.iso]) ?? 0
        let filled = c.keyFieldsFilled
        let completeness = "\(filled)/\(Customer.keyFieldCount)  " + BasisPoints.ratio(Int64(filled), Int64(Customer.keyFieldCount)).display
        let exposureText = exposure.map { e in
            e.exposure.formatted() + (e.limit.minorUnits > 0 ? " / " + e.limit.formatted() + (e.isBreached ? "  ⚠" : "") : "")
        } ?? "0.00"
        let next = c.nextContactOn.map { $0.iso + ($0 < today ? "  ⚠" : "") } ?? ""

        let contacts = try Row.fetchAll(db, sql: "SELECT id, name, title, mobile, phone, email, wechat, birthday FROM contacts WHERE customer_id = ? ORDER BY name LIMIT 200", arguments: [id])
        let log = try Row.fetchAll(db, sql: """
            SELECT l.happened_on, l.kind, l.summary, coalesce(l.outcome, ''), coalesce(l.next_contact_on, ''), u.display_name
            FROM contact_log l JOIN users u ON u.id = l.user_id WHERE l.customer_id = ? ORDER BY l.happened_on DESC, l.id DESC LIMIT 200
            """, arguments: [id])
        let opportunities = try Row.fetchAll(db, sql: """
            SELECT id, title, stage, amount, probability_bp, coalesce(expected_close, ''), coalesce(lost_reason, '') FROM opportunities
            WHERE customer_id = ? ORDER BY stage IN ('won','lost'), expected_close, id LIMIT 200
            """, arguments: [id])
        let quotes = try Row.fetchAll(db, sql: "SELECT id, number, quote_date, valid_until, status, total FROM quotes WHERE customer_id = ? ORDER BY quote_date DESC, id DESC LIMIT 200", arguments: [id])
        let orders = try Row.fetchAll(db, sql: "SELECT id, number, order_date, due_date, status, total FROM sales_orders WHERE customer_id = ? ORDER BY order_date DESC, id DESC LIMIT 200", arguments: [id])
        let receivables = try Row.fetchAll(db, sql: """
            SELECT id, number, doc_date, due_date, amount, open_amount FROM receivables WHERE customer_id = ? AND status = 'posted' AND open_amount > 0 ORDER BY due_date LIMIT 200
            """, arguments: [id])
        let feedback = try Row.fetchAll(db, sql: "SELECT received_on, kind, coalesce(CAST(score AS TEXT), ''), coalesce(note, ''), resolved FROM feedback WHERE customer_id = ? ORDER BY received_on DESC LIMIT 200", arguments: [id])
        var card = RecordCard(ref: RecordRef(.customer, id), title: c.name, fields: [
            .init("field.code", c.code), .init("field.short-name", c.shortName ?? ""), .init("field.status", "status.\(c.status.rawValue)"),
            .init("field.owner", (extra[0] as String?).map { $0 + ((extra[1] as String?).map { "  (\($0))" } ?? "") } ?? ""),
            .init("field.contact-person", c.contactPerson ?? ""), .init("field.phone", c.phone ?? ""), .init("field.email", c.email ?? ""),
            .init("field.address", c.address ?? ""), .init("field.region", c.region ?? ""), .init("field.industry", c.industry ?? ""),
            .init("field.source", c.source ?? ""), .init("field.tags", c.tags),
            .init("field.completeness", completeness),
            .init("field.exposure", exposureText), .init("field.payment-terms", String(c.paymentTermsDays)),
            .init("field.last-contact", extra[2] ?? ""), .init("field.next-contact", next), .init("field.last-order", extra[3] ?? ""),
            .init("field.open-receivables", money(extra[4])), .init("field.revenue-12m", money(revenue)), .init("field.orders-12m", String(orders12)),
        ], sections: [
            .init(title: "section.contacts", columns: ["col.name", "col.title", "col.mobile", "col.phone", "col.email", "col.wechat", "col.birthday"],
                  rows: contacts.map { [$0[1], $0[2] ?? "", $0[3] ?? "", $0[4] ?? "", $0[5] ?? "", $0[6] ?? "", $0[7] ?? ""] as [String] },
                  refs: contacts.map { RecordRef(.contact, $0[0]) }),
            .init(title: "section.contact-log", columns: ["col.date", "col.kind", "col.summary", "col.outcome", "col.next-contact", "col.rep"],
                  rows: log.map { [$0[0], "contact-kind.\($0[1] as String)", $0[2], $0[3], $0[4], $0[5]] as [String] }),
            .init(title: "section.opportunities", columns: ["col.title", "col.stage", "col.amount", "col.probability", "col.weighted", "col.expected-close", "col.lost-reason"],
                  rows: opportunities.map { r -> [String] in
                      let o = Opportunity(customerId: id, title: r[1], amount: Money(minorUnits: r[3]), probability: BasisPoints(r[4]))
                      return [r[1], "stage.\(r[2] as String)", money(r[3]), BasisPoints(r[4]).description, o.weighted.formatted(), r[5], r[6]]
                  }, refs: opportunities.map { RecordRef(.opportunity, $0[0]) }),
            .init(title: "section.quotes", columns: ["col.number", "col.date", "col.valid-until", "col.status", "col.total"],
                  rows: quotes.map { [$0[1], $0[2], $0[3], "status." + quoteStatus($0[4], validUntil: $0[3], today: today).rawValue, money($0[5])] as [String] }, refs: quotes.map { RecordRef(.quote, $0[0]) }),
            .init(title: "section.orders", columns: ["col.number", "col.date", "col.due", "col.status", "col.total"],
                  rows: orders.map { [$0[1], $0[2], $0[3], "status.\($0[4] as String)", money($0[5])] as [String] }, refs: orders.map { RecordRef(.salesOrder, $0[0]) }),
            .init(title: "section.open-receivables", columns: ["col.number", "col.date", "col.due", "col.amount", "col.open"],
                  rows: receivables.map { [$0[1], $0[2], $0[3], money($0[4]), money($0[5])] as [String] }, refs: receivables.map { RecordRef(.receivable, $0[0]) }),
            .init(title: "section.feedback", columns: ["col.date", "col.kind", "col.score", "col.note", "col.resolved"],
                  rows: feedback.map { [$0[0], "feedback.\($0[1] as String)", $0[2], $0[3], ($0[4] as Int64) == 1 ? "✓" : ""] as [String] }),
        ])
        card.tabbed = true
        return card
    }

    /// A quote's status as of today: a sent or draft quote past `valid_until` reads as expired.
    static func quoteStatus(_ stored: String, validUntil: String, today: DateOnly) -> QuoteStatus {
        (QuoteStatus(rawValue: stored) ?? .draft).effective(validUntil: DateOnly(iso: validUntil) ?? today, today: today)
    }

    static func opportunityCard(_ db: Database, id: Int64, actor: Actor) throws -> RecordCard {
        guard let o = try opportunity(db, id: id) else { throw StoreError.notFound("opportunity \(id)") }
        try requireCustomerAccess(db, customerId: o.customerId, actor: actor)
        let customer = try String.fetchOne(db, sql: "SELECT name FROM customers WHERE id = ?", arguments: [o.customerId]) ?? ""
        return RecordCard(ref: RecordRef(.opportunity, id), title: o.title, fields: [
            .init("field.customer", customer), .init("field.stage", "stage.\(o.stage.rawValue)"), .init("field.amount", o.amount.formatted()),
            .init("field.probability", o.probability.description), .init("field.weighted", o.weighted.formatted()),
            .init("field.expected-close", o.expectedClose?.iso ?? ""), .init("field.lost-reason", o.lostReason ?? ""),
        ], sections: [])
    }

    static func quoteCard(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> RecordCard {
        guard let r = try Row.fetchOne(db, sql: """
            SELECT q.number, c.name, c.id, u.display_name, q.quote_date, q.valid_until, q.status, q.total, coalesce(q.note, ''), coalesce(o.number, '')
            FROM quotes q JOIN customers c ON c.id = q.customer_id JOIN users u ON u.id = q.owner_id LEFT JOIN sales_orders o ON o.id = q.sales_order_id WHERE q.id = ?
            """, arguments: [id]) else { throw StoreError.notFound("quote \(id)") }
        try requireCustomerAccess(db, customerId: r[2], actor: actor)
        let status = quoteStatus(r[6], validUntil: r[5], today: today)
        let lines = try Row.fetchAll(db, sql: """
            SELECT l.line_no, p.code, p.name, l.quantity, l.unit_price, l.discount_bp, l.amount
            FROM quote_lines l JOIN products p ON p.id = l.product_id WHERE l.quote_id = ? ORDER BY l.line_no
            """, arguments: [id]).map { l -> [String] in
            [String(l[0] as Int64), l[1], l[2], qty(l[3]), money(l[4]), (l[5] as Int64) == 0 ? "" : BasisPoints(l[5]).description, money(l[6])]
        }
        return RecordCard(ref: RecordRef(.quote, id), title: "\(r[0] as String)  \(r[1] as String)", fields: [
            .init("field.customer", r[1]), .init("field.rep", r[3]), .init("field.quote-date", r[4]), .init("field.valid-until", r[5]),
            .init("field.status", "status.\(status.rawValue)"), .init("field.total", money(r[7])), .init("field.order", r[9]), .init("field.note", r[8]),
        ], sections: [.init(title: "section.lines", columns: ["col.no", "col.code", "col.product", "col.quantity", "col.price", "col.discount", "col.amount"], rows: lines)])
    }
}
