import Domain
import GRDB

/// A product as a quote line's look-up offers it.
public struct ProductOption: Sendable, Equatable {
    public var id: Int64
    public var code: String
    public var name: String
    public var unit: String
    public var listPrice: Money
    /// Code, name and pinyin (full and initials), lower-cased, as written with the product.
    public var searchKey: String
    /// The decimals a quantity of it may have (its unit's, `unit_decimals`).
    public var decimals: Int
    public init(id: Int64, code: String, name: String, unit: String, listPrice: Money, searchKey: String, decimals: Int = 3) {
        self.id = id; self.code = code; self.name = name; self.unit = unit; self.listPrice = listPrice; self.searchKey = searchKey
        self.decimals = decimals
    }
}

/// A quote read for its form: the quote itself, its number and status, who it is for, and each
/// line's product as the form shows it.
public struct QuoteForEdit: Sendable, Equatable {
    public var quote: Quote
    public var number: String
    /// The status as of today (a draft or sent quote past its validity reads as expired).
    public var status: QuoteStatus
    public var customerName: String
    public var products: [Int64: ProductOption]
}

/// What accepting a quote will do: the order's value and the customer's credit after it.
public struct QuoteAcceptance: Sendable, Equatable {
    public var quoteId: Int64
    public var number: String
    public var customerName: String
    public var total: Money
    /// Exposure (open receivables + unshipped open orders) with this order added.
    public var credit: CreditExposure
    public var version: Int64
}

extension AppDatabase {
    /// Active products for a quote line's look-up, by code. A few thousand rows: the look-up
    /// filters them in memory as the rep types.
    public func productOptions() throws(StoreError) -> [ProductOption] {
        try read { db in try AppDatabase.productOptions(db, price: "list_price") }
    }

    /// Active products for a form's look-up, each priced by `price` (`list_price` for sales,
    /// `cost_price` for purchase orders).
    static func productOptions(_ db: Database, price: String) throws -> [ProductOption] {
        let units = try AppDatabase.settings(db).unitDecimals
        return try Row.fetchAll(db, sql: "SELECT id, code, name, unit, \(price), search_key FROM products WHERE active = 1 ORDER BY code").map {
            ProductOption(id: $0[0], code: $0[1], name: $0[2], unit: $0[3], listPrice: Money(minorUnits: $0[4]), searchKey: $0[5], decimals: units.decimals(for: $0[3]))
        }
    }

    public func quoteForEdit(id: Int64, by actor: Actor, today: DateOnly) throws(StoreError) -> QuoteForEdit {
        try read { db in
            guard let q = try AppDatabase.quote(db, id: id) else { throw StoreError.notFound("quote \(id)") }
            try AppDatabase.requireCustomerAccess(db, customerId: q.quote.customerId, actor: actor)
            let name = try String.fetchOne(db, sql: "SELECT name FROM customers WHERE id = ?", arguments: [q.quote.customerId]) ?? ""
            var products: [Int64: ProductOption] = [:]
            let units = try AppDatabase.settings(db).unitDecimals
            for r in try Row.fetchAll(db, sql: """
                SELECT DISTINCT p.id, p.code, p.name, p.unit, p.list_price, p.search_key FROM quote_lines l JOIN products p ON p.id = l.product_id WHERE l.quote_id = ?
                """, arguments: [id]) {
                products[r[0]] = ProductOption(id: r[0], code: r[1], name: r[2], unit: r[3], listPrice: Money(minorUnits: r[4]), searchKey: r[5],
                                              decimals: units.decimals(for: r[3]))
            }
            return QuoteForEdit(quote: q.quote, number: q.number, status: q.status.effective(validUntil: q.quote.validUntil, today: today),
                                customerName: name, products: products)
        }
    }

    static func quote(_ db: Database, id: Int64) throws -> (quote: Quote, number: String, status: QuoteStatus, ownerId: Int64)? {
        guard let r = try Row.fetchOne(db, sql: "SELECT customer_id, quote_date, valid_until, note, version, number, status, owner_id FROM quotes WHERE id = ?", arguments: [id]),
              let date = DateOnly(iso: r[1] as String), let valid = DateOnly(iso: r[2] as String) else { return nil }
        let lines = try Row.fetchAll(db, sql: "SELECT product_id, quantity, unit_price, discount_bp FROM quote_lines WHERE quote_id = ? ORDER BY line_no", arguments: [id]).map {
            QuoteLine(productId: $0[0], quantity: Quantity(thousandths: $0[1]), unitPrice: Money(minorUnits: $0[2]), discount: BasisPoints($0[3]))
        }
        return (Quote(id: id, customerId: r[0], quoteDate: date, validUntil: valid, note: r[3], lines: lines, version: r[4]), r[5],
                QuoteStatus(rawValue: r[6]) ?? .draft, r[7])
    }

    static func auditPairs(_ q: Quote) -> [(String, String?)] {
        [("customer_id", String(q.customerId)), ("quote_date", q.quoteDate.iso), ("valid_until", q.validUntil.iso), ("note", q.note),
         ("lines", q.lines.map { "\($0.productId)×\($0.quantity)@\($0.unitPrice.minorUnits)-\($0.discount.value)bp" }.joined(separator: "; ")),
         ("total", (try? q.total().minorUnits).map(String.init))]
    }

    /// Writes a new quote (numbered `Q-YEAR-NNNNN`, a draft) or saves a draft that nobody saved
    /// meanwhile, through the document writer. Returns the id and number.
    @discardableResult
    public func saveQuote(_ quote: Quote, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> (id: Int64, number: String) {
        let saved = try save(try QuoteWriter(quote), by: actor, at: now)
        return (saved.id, saved.number)
    }

    /// Moves a quote along its life (draft → sent, draft or sent → rejected), audited; an
    /// expired quote moves no further.
    public func setQuoteStatus(id: Int64, to next: QuoteStatus, reason: String? = nil, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) {
        guard next == .sent || next == .rejected else { throw .invalid(DomainError("use accept to accept a quote", field: "status", code: "error.use-accept")) }
        try write { db in
            guard let stored = try AppDatabase.quote(db, id: id) else { throw StoreError.notFound("quote \(id)") }
            _ = try AppDatabase.requireCustomerWrite(db, customerId: stored.quote.customerId, actor: actor, .editQuotes)
            let status = try AppDatabase.liveStatus(stored, today: today)
            _ = try status.transition(to: next)
            let note = reason.map { $0.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 }
            try db.execute(sql: """
                UPDATE quotes SET status = ?, note = CASE WHEN ? IS NULL THEN note ELSE trim(coalesce(note || char(10), '') || ?) END, version = version + 1 WHERE id = ?
                """, arguments: [next.rawValue, note, note.map { "\(today.iso) rejected: \($0)" }, id])
            try AuditLog.record(db, actor: actor, at: now, action: "quote.\(next.rawValue)", entity: "quotes", entityId: id,
                                before: AuditLog.json([("status", status.rawValue)]), after: AuditLog.json([("status", next.rawValue), ("reason", note)]))
        }
    }

    /// The stored status as of today; an expired quote is refused with what to do instead.
    static func liveStatus(_ stored: (quote: Quote, number: String, status: QuoteStatus, ownerId: Int64), today: DateOnly) throws -> QuoteStatus {
        let status = stored.status.effective(validUntil: stored.quote.validUntil, today: today)
        if status == .expired && stored.status != .expired {
            throw StoreError.invalid(DomainError("\(stored.number) expired on \(stored.quote.validUntil.iso) — copy it to quote again", field: nil, code: "error.quote-expired", stored.number, stored.quote.validUntil.iso))
        }
        return status
    }

    /// What accepting the quote would book, with the customer's credit after it.
    public func quoteAcceptance(id: Int64, by actor: Actor, today: DateOnly) throws(StoreError) -> QuoteAcceptance {
        try read { db in
            guard let stored = try AppDatabase.quote(db, id: id) else { throw StoreError.notFound("quote \(id)") }
            let name = try AppDatabase.requireCustomerWrite(db, customerId: stored.quote.customerId, actor: actor, .editQuotes)
            let status = try AppDatabase.liveStatus(stored, today: today)
            guard status == .draft || status == .sent else {
                throw StoreError.invalid(DomainError("\(stored.number) is \(status.rawValue) and cannot be accepted", field: nil, code: "error.quote-not-acceptable", stored.number, "status.\(status.rawValue)"))
            }
            let total = (try? stored.quote.total()) ?? .zero
            let current = try AppDatabase.creditExposures(db, ownerId: nil, customerId: stored.quote.customerId)[stored.quote.customerId]?.exposure
                ?? CreditExposure(openReceivables: .zero, unshippedOrders: .zero, limit: .zero)
            return QuoteAcceptance(quoteId: id, number: stored.number, customerName: name, total: total,
                                   credit: CreditExposure(openReceivables: current.openReceivables, unshippedOrders: current.unshippedOrders + total, limit: current.limit),
                                   version: stored.quote.version)
        }
    }

    /// Accepts the quote and books its sales order with the same lines, in one transaction: the
    /// order is numbered `SO-YEAR-NNNNN`, open, for the customer's rep; the quote points at it;
    /// the customer's first and last order dates follow, and a lead or dormant customer becomes
    /// active. A draft is recorded as sent on the way (draft → sent → accepted).
    @discardableResult
    public func acceptQuote(id: Int64, version: Int64, orderDate: DateOnly, dueDate: DateOnly, note: String?, by actor: Actor,
                            today: DateOnly, at now: Int64) throws(StoreError) -> String {
        guard dueDate >= orderDate else { throw .invalid(DomainError("the delivery date cannot be before the order date", field: "due_date", code: "error.due-before-order")) }
        guard orderDate <= today else { throw .invalid(DomainError("the order date cannot be in the future", field: "order_date", code: "error.order-date-future")) }
        return try write { db in
            guard let stored = try AppDatabase.quote(db, id: id) else { throw StoreError.notFound("quote \(id)") }
            _ = try AppDatabase.requireCustomerWrite(db, customerId: stored.quote.customerId, actor: actor, .editQuotes)
            try AppDatabase.refuseStale(db, entity: "quotes", id: id, stored: (stored.quote.version, []), mine: (version, []))
            var status = try AppDatabase.liveStatus(stored, today: today)
            if status == .draft { status = try status.transition(to: .sent) }
            status = try status.transition(to: .accepted)
            guard orderDate >= stored.quote.quoteDate else {
                throw StoreError.invalid(DomainError("the order date cannot be before the quote date \(stored.quote.quoteDate.iso)", field: "order_date", code: "error.order-before-quote", stored.quote.quoteDate.iso))
            }
            let q = stored.quote
            let total = try q.total()
            let quantity = q.lines.reduce(Int64(0)) { $0 + $1.quantity.thousandths }
            let owner = try Int64.fetchOne(db, sql: "SELECT owner_id FROM customers WHERE id = ?", arguments: [q.customerId]) ?? stored.ownerId
            let number = try DocumentSequence.next(db, kind: .salesOrder, year: orderDate.year)
            let trimmed = note?.trimmingSpaces()
            try db.execute(sql: """
                INSERT INTO sales_orders (number, customer_id, owner_id, order_date, due_date, status, total, quantity, quote_id, created_by, note)
                VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?)
                """, arguments: [number, q.customerId, owner, orderDate.iso, dueDate.iso, total.minorUnits, quantity, id, actor.userId == 0 ? nil : actor.userId,
                                 trimmed?.isEmpty == false ? trimmed : nil])
            let orderId = db.lastInsertedRowID
            try db.execute(sql: """
                INSERT INTO sales_order_lines (order_id, line_no, product_id, quantity, unit_price, discount_bp, amount)
                SELECT ?, line_no, product_id, quantity, unit_price, discount_bp, amount FROM quote_lines WHERE quote_id = ? ORDER BY line_no
                """, arguments: [orderId, id])
            try db.execute(sql: "UPDATE quotes SET status = 'accepted', sales_order_id = ?, version = version + 1 WHERE id = ?", arguments: [orderId, id])
            try AppDatabase.recordOrderDate(db, customerId: q.customerId, orderDate: orderDate)
            try AuditLog.record(db, actor: actor, at: now, action: "quote.accept", entity: "quotes", entityId: id,
                                before: AuditLog.json([("status", stored.status.rawValue)]), after: AuditLog.json([("status", "accepted"), ("sales_order", number)]))
            try AuditLog.record(db, actor: actor, at: now, action: "sales_order.create", entity: "sales_orders", entityId: orderId,
                                after: AuditLog.json([("number", number), ("quote", stored.number), ("customer_id", String(q.customerId)), ("order_date", orderDate.iso),
                                                      ("due_date", dueDate.iso), ("total", String(total.minorUnits)), ("lines", String(q.lines.count))]))
            return number
        }
    }
}
