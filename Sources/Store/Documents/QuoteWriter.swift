import Domain
import GRDB

/// A quote on the document writer: a new quote is a draft numbered `Q-YEAR-NNNNN`; a stored one
/// is rewritten only while it is a draft.
struct QuoteWriter: DocumentWriting {
    static let kind = DocumentKind.quote
    static let table = "quotes"
    static let entity = "quote"
    var quote: Quote
    var total: Money

    init(_ quote: Quote) throws(StoreError) {
        do { self.quote = try quote.validated(); total = try self.quote.total() } catch { throw .invalid(error) }
    }

    var existingId: Int64? { quote.id }
    var version: Int64 { quote.version }
    var date: DateOnly { quote.quoteDate }
    var auditPairs: [(String, String?)] { AppDatabase.auditPairs(quote) }

    func authorize(_ db: Database, actor: Actor) throws {
        try AppDatabase.requireCustomerWrite(db, customerId: quote.customerId, actor: actor, .editQuotes)
        try AppDatabase.requireProducts(db, quote.lines)
    }

    func insert(_ db: Database, number: String, actor: Actor) throws -> Int64 {
        let owner = try Int64.fetchOne(db, sql: "SELECT owner_id FROM customers WHERE id = ?", arguments: [quote.customerId]) ?? actor.userId
        try db.execute(sql: "INSERT INTO quotes (number, customer_id, owner_id, quote_date, valid_until, status, total, note) VALUES (?, ?, ?, ?, ?, 'draft', ?, ?)",
                       arguments: [number, quote.customerId, owner, quote.quoteDate.iso, quote.validUntil.iso, total.minorUnits, quote.note])
        let id = db.lastInsertedRowID
        try insertLines(db, id: id)
        return id
    }

    func stored(_ db: Database, id: Int64) throws -> StoredDocument {
        guard let stored = try AppDatabase.quote(db, id: id), stored.quote.customerId == quote.customerId else { throw StoreError.notFound("quote \(id)") }
        guard stored.status == .draft else {
            throw StoreError.invalid(DomainError("\(stored.number) is \(stored.status.rawValue); only drafts are edited — copy it to quote again", field: nil,
                                                 code: "error.quote-not-draft-edit", stored.number, "status.\(stored.status.rawValue)"))
        }
        return StoredDocument(number: stored.number, version: stored.quote.version, auditPairs: AppDatabase.auditPairs(stored.quote))
    }

    func update(_ db: Database, id: Int64, stored: StoredDocument) throws {
        try db.execute(sql: "UPDATE quotes SET quote_date = ?, valid_until = ?, note = ?, total = ?, version = version + 1 WHERE id = ? AND version = ?",
                       arguments: [quote.quoteDate.iso, quote.validUntil.iso, quote.note, total.minorUnits, id, stored.version])
        try db.execute(sql: "DELETE FROM quote_lines WHERE quote_id = ?", arguments: [id])
        try insertLines(db, id: id)
    }

    func insertLines(_ db: Database, id: Int64) throws {
        let insert = try db.makeStatement(sql: "INSERT INTO quote_lines (quote_id, line_no, product_id, quantity, unit_price, discount_bp, amount) VALUES (?, ?, ?, ?, ?, ?, ?)")
        for (i, line) in quote.lines.enumerated() {
            try insert.execute(arguments: [id, i + 1, line.productId, line.quantity.thousandths, line.unitPrice.minorUnits, line.discount.value, try line.amount().minorUnits])
        }
    }
}

extension AppDatabase {
    /// Refuses a line whose product does not exist, naming it, and a quantity finer than its
    /// product's unit is counted (`unit_decimals`).
    static func requireProducts(_ db: Database, _ lines: [QuoteLine]) throws {
        guard !lines.isEmpty else { return }
        let ids = lines.map(\.productId)
        var units: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, unit FROM products WHERE id IN (\(ids.map(String.init).joined(separator: ",")))") {
            units[row[0]] = row[1]
        }
        if let missing = ids.first(where: { units[$0] == nil }) {
            throw StoreError.invalid(DomainError("product \(missing) does not exist", field: "product", code: "error.product-missing", String(missing)))
        }
        let decimals = try AppDatabase.settings(db).unitDecimals
        do {
            for line in lines { try decimals.check(line.quantity, unit: units[line.productId] ?? "") }
        } catch { throw StoreError.invalid(error) }
    }
}
