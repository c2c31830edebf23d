import Foundation
import GRDB
import Testing
import TestSupport
import Domain
@testable import Store

/// Quotes: written with their lines in one transaction, numbered without gaps, edited only as
/// drafts, refused for other reps' customers; accepting books the sales order with the same
/// lines and everything that follows from an order.
@Suite struct QuoteTests {
    let today = Fixtures.today
    let now: Int64 = 1_795_000_000

    func setup() throws -> (AppDatabase, Actor, Int64, [ProductOption]) {
        let db = DemoFixture.make(inMemory: true)
        let rep = try Fixtures.actor("rep", in: db)
        let customer = try db.customerPage(for: rep, after: nil, limit: 1)[0].id
        return (db, rep, customer, try db.productOptions())
    }

    func count(_ db: AppDatabase, _ sql: String, _ args: StatementArguments = []) throws -> Int {
        try db.read { db in try Int.fetchOne(db, sql: sql, arguments: args) ?? 0 }
    }

    /// The second line weighs 2.5 kg (pieces are counted whole).
    func weighed(_ p: [ProductOption]) -> ProductOption { p.first { $0.unit == "kg" } ?? p[1] }

    func twoLines(_ p: [ProductOption]) -> [QuoteLine] {
        [QuoteLine(productId: p[0].id, quantity: Quantity(units: 3), unitPrice: Money(minorUnits: 1_005)),
         QuoteLine(productId: weighed(p).id, quantity: Quantity(thousandths: 2_500), unitPrice: Money(minorUnits: 333), discount: BasisPoints(1_250))]
    }

    @Test func aNewQuoteIsADraftWithItsLinesNumberedAndAudited() throws {
        let (db, rep, customer, products) = try setup()
        let before = try count(db, "SELECT COUNT(*) FROM quotes")
        let saved = try db.saveQuote(Quote(customerId: customer, quoteDate: today, validUntil: today.adding(days: 30), note: " PO to follow ", lines: twoLines(products)),
                                     by: rep, today: today, at: now)
        let last = try db.read { db in try String.fetchOne(db, sql: "SELECT number FROM quotes WHERE id < ? ORDER BY number DESC LIMIT 1", arguments: [saved.id]) } ?? ""
        #expect(saved.number.hasPrefix("Q-2026-"))
        #expect(Int(saved.number.suffix(5)) == (Int(last.suffix(5)) ?? 0) + 1, "gapless after \(last)")
        #expect(try count(db, "SELECT COUNT(*) FROM quotes") == before + 1)
        // 3 × 10.05 = 30.15; 2.5 × 3.33 × 0.875 = 7.284375 → 7.28 (half-even per line); total 37.43.
        let stored = try db.read { db in try Row.fetchAll(db, sql: "SELECT amount FROM quote_lines WHERE quote_id = ? ORDER BY line_no", arguments: [saved.id]).map { $0[0] as Int64 } }
        #expect(stored == [3_015, 728])
        #expect(try count(db, "SELECT total FROM quotes WHERE id = ?", [saved.id]) == 3_743)
        let q = try db.quoteForEdit(id: saved.id, by: rep, today: today)
        #expect(q.status == .draft && q.quote.note == "PO to follow" && q.quote.lines == twoLines(products))
        #expect(try count(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'quote.create' AND entity_id = ?", [saved.id]) == 1)
    }

    @Test func badQuotesAreRefusedAndChangeNothing() throws {
        let (db, rep, customer, products) = try setup()
        let quotes = try count(db, "SELECT COUNT(*) FROM quotes"), lines = try count(db, "SELECT COUNT(*) FROM quote_lines")
        let seq = try count(db, "SELECT coalesce(SUM(last), 0) FROM document_sequences")
        let good = Quote(customerId: customer, quoteDate: today, validUntil: today.adding(days: 30), lines: twoLines(products))
        var noLines = good; noLines.lines = []
        var backwards = good; backwards.validUntil = today.adding(days: -1)
        var bigDiscount = good; bigDiscount.lines[0].discount = BasisPoints(10_001)
        var zeroQty = good; zeroQty.lines[1].quantity = .zero
        var unknownProduct = good; unknownProduct.lines[0].productId = 999_999
        var negativePrice = good; negativePrice.lines[0].unitPrice = Money(minorUnits: -1)
        for (bad, field) in [(noLines, "product"), (backwards, "valid_until"), (bigDiscount, "discount"), (zeroQty, "quantity"), (unknownProduct, "product"), (negativePrice, "unit_price")] {
            do {
                try db.saveQuote(bad, by: rep, today: today, at: now)
                Issue.record("saved a bad quote (\(field))")
            } catch let StoreError.invalid(e) {
                #expect(e.field == field, "\(e)")
            }
        }
        #expect(try count(db, "SELECT COUNT(*) FROM quotes") == quotes && count(db, "SELECT COUNT(*) FROM quote_lines") == lines)
        #expect(try count(db, "SELECT coalesce(SUM(last), 0) FROM document_sequences") == seq, "no number was used up")
    }

    @Test func anotherRepsCustomerIsRefusedByEveryQuotePath() throws {
        let (db, rep, _, products) = try setup()
        let other = try db.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM customers WHERE owner_id <> ? LIMIT 1", arguments: [rep.userId]) } ?? 0
        let theirQuote = try db.read { db in try Int64.fetchOne(db, sql: "SELECT q.id FROM quotes q JOIN customers c ON c.id = q.customer_id WHERE c.owner_id <> ? AND q.status = 'draft' LIMIT 1", arguments: [rep.userId]) } ?? 0
        #expect(throws: StoreError.forbidden("this customer belongs to another sales rep")) {
            try db.saveQuote(Quote(customerId: other, quoteDate: today, validUntil: today, lines: twoLines(products)), by: rep, today: today, at: now)
        }
        #expect(throws: StoreError.forbidden("this customer belongs to another sales rep")) { try db.quoteForEdit(id: theirQuote, by: rep, today: today) }
        #expect(throws: StoreError.forbidden("this customer belongs to another sales rep")) { try db.quoteAcceptance(id: theirQuote, by: rep, today: today) }
        #expect(throws: StoreError.forbidden("this customer belongs to another sales rep")) {
            try db.acceptQuote(id: theirQuote, version: 1, orderDate: today, dueDate: today, note: nil, by: rep, today: today, at: now)
        }
        #expect(throws: StoreError.forbidden("this customer belongs to another sales rep")) { try db.setQuoteStatus(id: theirQuote, to: .sent, by: rep, today: today, at: now) }
        #expect(throws: StoreError.self) { try db.card(RecordRef(.quote, theirQuote), for: rep, today: today) }
        // The list shows only the rep's own quotes; the manager's shows everyone's.
        let list = try db.card(RecordRef(.quoteList, rep.userId), for: rep, today: today)
        let mine = try Set(db.read { db in try Int64.fetchAll(db, sql: "SELECT q.id FROM quotes q JOIN customers c ON c.id = q.customer_id WHERE c.owner_id = ?", arguments: [rep.userId]) })
        let listed = list.sections.flatMap(\.refs).compactMap { $0?.id }
        #expect(!listed.isEmpty && listed.allSatisfy(mine.contains))
        let manager = try Fixtures.actor("manager", in: db)
        #expect(try db.card(RecordRef(.quoteList, manager.userId), for: manager, today: today).sections[1].refs.contains { !mine.contains($0?.id ?? 0) })
        let finance = try Fixtures.actor("purchasing", in: db)
        #expect(throws: StoreError.self) { try db.card(RecordRef(.quoteList, finance.userId), for: finance, today: today) }
    }

    @Test func onlyDraftsAreEditedAndAStaleEditIsRefused() throws {
        let (db, rep, customer, products) = try setup()
        let saved = try db.saveQuote(Quote(customerId: customer, quoteDate: today, validUntil: today.adding(days: 30), lines: twoLines(products)), by: rep, today: today, at: now)
        var edit = try db.quoteForEdit(id: saved.id, by: rep, today: today).quote
        edit.lines.removeLast()
        try db.saveQuote(edit, by: rep, today: today, at: now)
        #expect(try count(db, "SELECT COUNT(*) FROM quote_lines WHERE quote_id = ?", [saved.id]) == 1)
        #expect(try count(db, "SELECT total FROM quotes WHERE id = ?", [saved.id]) == 3_015)
        // The same opened version saved again lost the race: refused, saying what changed.
        do {
            try db.saveQuote(edit, by: rep, today: today, at: now)
            Issue.record("a stale save went through")
        } catch let StoreError.stale(message, version) {
            #expect(message.contains("rep saved this record after you opened it") && version == 2)
        }
        try db.setQuoteStatus(id: saved.id, to: .sent, by: rep, today: today, at: now)
        var sent = try db.quoteForEdit(id: saved.id, by: rep, today: today).quote
        sent.note = "changed after sending"
        #expect(throws: StoreError.self) { try db.saveQuote(sent, by: rep, today: today, at: now) }
        #expect(throws: StoreError.invalid(DomainError("quote cannot go from sent to sent", field: "status"))) {
            try db.setQuoteStatus(id: saved.id, to: .sent, by: rep, today: today, at: now)
        }
        try db.setQuoteStatus(id: saved.id, to: .rejected, reason: "price too high", by: rep, today: today, at: now)
        let row = try db.read { db in try Row.fetchOne(db, sql: "SELECT status, note FROM quotes WHERE id = ?", arguments: [saved.id]).map { [$0[0], $0[1]] as [String] } }
        #expect(row?[0] == "rejected" && row?[1].contains("rejected: price too high") == true)
        #expect(throws: StoreError.self) { try db.quoteAcceptance(id: saved.id, by: rep, today: today) }
    }

    @Test func acceptingBooksTheSalesOrderWithTheSameLinesInOneStep() throws {
        let (db, rep, customer, products) = try setup()
        try db.write { db in try db.execute(sql: "UPDATE customers SET status = 'prospect', first_order_on = NULL, last_order_on = NULL WHERE id = ?", arguments: [customer]) }
        let saved = try db.saveQuote(Quote(customerId: customer, quoteDate: today.adding(days: -3), validUntil: today.adding(days: 30), lines: twoLines(products)),
                                     by: rep, today: today, at: now)
        let month = try count(db, "SELECT coalesce(SUM(total), 0) FROM sales_monthly WHERE owner_id = ? AND month = '2026-11'", [rep.userId])
        let exposureBefore = try db.card(RecordRef(.customer, customer), for: rep, today: today)
        let preview = try db.quoteAcceptance(id: saved.id, by: rep, today: today)
        #expect(preview.total == Money(minorUnits: 3_743))
        let number = try db.acceptQuote(id: saved.id, version: preview.version, orderDate: today, dueDate: today.adding(days: 7), note: "their PO 7781",
                                        by: rep, today: today, at: now)
        #expect(number.hasPrefix("SO-2026-"))
        let order = try db.read { db in
            try Row.fetchOne(db, sql: "SELECT id, customer_id, owner_id, status, total, quantity, quote_id, due_date, note FROM sales_orders WHERE number = ?", arguments: [number])
                .map { r in (ids: [r[0], r[1], r[2], r[4], r[5], r[6]] as [Int64], text: [r[3], r[7], r[8]] as [String]) }
        }
        let orderId = order?.ids[0] ?? 0
        #expect(order?.ids == [orderId, customer, rep.userId, 3_743, 5_500, saved.id])
        #expect(order?.text == ["open", today.adding(days: 7).iso, "their PO 7781"])
        let copied = try db.read { db in
            try Row.fetchAll(db, sql: "SELECT line_no, product_id, quantity, shipped_quantity, unit_price, discount_bp, amount FROM sales_order_lines WHERE order_id = ? ORDER BY line_no", arguments: [orderId])
                .map { [$0[0], $0[1], $0[2], $0[3], $0[4], $0[5], $0[6]] as [Int64] }
        }
        #expect(copied == [[1, products[0].id, 3_000, 0, 1_005, 0, 3_015], [2, weighed(products).id, 2_500, 0, 333, 1_250, 728]])
        #expect(try count(db, "SELECT sales_order_id FROM quotes WHERE id = ? AND status = 'accepted'", [saved.id]) == Int(orderId))
        // Everything an order moves: booked sales, the customer's order dates and status, credit exposure.
        #expect(try count(db, "SELECT coalesce(SUM(total), 0) FROM sales_monthly WHERE owner_id = ? AND month = '2026-11'", [rep.userId]) == month + 3_743)
        let c = try db.read { db in try Row.fetchOne(db, sql: "SELECT status, first_order_on, last_order_on FROM customers WHERE id = ?", arguments: [customer]).map { [$0[0], $0[1], $0[2]] as [String] } }
        #expect(c == ["active", today.iso, today.iso])
        #expect(try db.card(RecordRef(.quote, saved.id), for: rep, today: today).fields.contains { $0.value == .text(number) })
        let exposureAfter = try db.card(RecordRef(.customer, customer), for: rep, today: today).fields.first { $0.label == "field.exposure" }?.value
        #expect(exposureBefore.fields.first { $0.label == "field.exposure" }?.value != exposureAfter)
        #expect(try count(db, "SELECT COUNT(*) FROM audit_log WHERE action IN ('quote.accept', 'sales_order.create')") == 2)
        #expect(try db.check().isEmpty)
        // Accepted once: a second accept (or an old form) is refused and books nothing.
        #expect(throws: StoreError.self) {
            try db.acceptQuote(id: saved.id, version: preview.version + 1, orderDate: today, dueDate: today, note: nil, by: rep, today: today, at: now)
        }
        #expect(throws: StoreError.self) {
            try db.acceptQuote(id: saved.id, version: preview.version, orderDate: today, dueDate: today, note: nil, by: rep, today: today, at: now)
        }
        #expect(try count(db, "SELECT COUNT(*) FROM sales_orders WHERE quote_id = ?", [saved.id]) == 1)
    }

    @Test func expiredQuotesAndBadOrderDatesBookNothing() throws {
        let (db, rep, customer, products) = try setup()
        let old = try db.saveQuote(Quote(customerId: customer, quoteDate: today.adding(days: -40), validUntil: today.adding(days: -10), lines: twoLines(products)),
                                   by: rep, today: today, at: now)
        let orders = try count(db, "SELECT COUNT(*) FROM sales_orders")
        #expect(throws: StoreError.invalid(DomainError("\(old.number) expired on \(today.adding(days: -10).iso) — copy it to quote again"))) {
            try db.acceptQuote(id: old.id, version: 1, orderDate: today, dueDate: today, note: nil, by: rep, today: today, at: now)
        }
        #expect(try db.quoteForEdit(id: old.id, by: rep, today: today).status == .expired)
        let fresh = try db.saveQuote(Quote(customerId: customer, quoteDate: today, validUntil: today.adding(days: 5), lines: twoLines(products)), by: rep, today: today, at: now)
        #expect(throws: StoreError.self) { try db.acceptQuote(id: fresh.id, version: 1, orderDate: today, dueDate: today.adding(days: -1), note: nil, by: rep, today: today, at: now) }
        #expect(throws: StoreError.self) { try db.acceptQuote(id: fresh.id, version: 1, orderDate: today.adding(days: 1), dueDate: today.adding(days: 2), note: nil, by: rep, today: today, at: now) }
        #expect(throws: StoreError.self) { try db.acceptQuote(id: fresh.id, version: 1, orderDate: today.adding(days: -1), dueDate: today, note: nil, by: rep, today: today, at: now) }
        #expect(try count(db, "SELECT COUNT(*) FROM sales_orders") == orders)
        #expect(try db.quoteForEdit(id: fresh.id, by: rep, today: today).status == .draft)
    }

    @Test func productsAreFoundByPinyinInitials() throws {
        let (_, _, _, products) = try setup()
        let han = try #require(products.first { $0.name.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } })
        let initials = Pinyin.of(String(han.name.prefix { !$0.isWhitespace })).initials
        #expect(han.searchKey.contains(initials) && han.searchKey.contains(han.code.lowercased()), "\(han.searchKey)")
    }
}
