import Domain
import GRDB
@testable import Store
import Testing
import TestSupport
@testable import Workspaces

/// Finance at the keyboard: a payment from `:new-payment` (supplier by pinyin initials, split
/// oldest first, posted and its card opened), and a receipt's credit allocated later from its card.
@Suite struct FinanceFlowTests {
    let flow = EditorFlowTests()

    func value(_ db: AppDatabase, _ sql: String, _ args: StatementArguments = []) throws -> Int64 {
        try db.read { db in try Int64.fetchOne(db, sql: sql, arguments: args) ?? 0 }
    }

    @Test func aPaymentPicksTheSupplierSplitsOldestFirstAndOpensItsCard() throws {
        let db = DemoFixture.make(inMemory: true)
        let (supplier, code) = try db.read { db -> (Int64, String) in
            let r = try Row.fetchOne(db, sql: """
                SELECT s.id, s.code FROM suppliers s WHERE (SELECT COUNT(*) FROM payables WHERE supplier_id = s.id AND open_amount > 0 AND status = 'posted') >= 2
                ORDER BY s.id LIMIT 1
                """)
            return (r?[0] ?? 0, r?[1] ?? "")
        }
        let open = try db.read { db in
            try Row.fetchAll(db, sql: "SELECT id, open_amount FROM payables WHERE supplier_id = ? AND open_amount > 0 AND status = 'posted' ORDER BY due_date, doc_date, number",
                             arguments: [supplier]).map { (id: $0[0] as Int64, open: $0[1] as Int64) }
        }
        var (model, runner) = flow.loggedIn("finance", db)
        flow.palette("new-payment", &model, runner)
        #expect(flow.editor(model)?.purpose == .pickSupplier(then: .payment))
        flow.type(code, &model, runner)
        flow.key(.enter, &model, runner)
        var e = try #require(flow.editor(model))
        #expect(e.purpose == .newPayment(supplierId: supplier) && e.lines?.items.map(\.id) == open.map(\.id))
        // The oldest payable and 1.00 of the next; the rest of the form as it stands.
        flow.type(Money(minorUnits: open[0].open + 100).formatted(grouping: false), &model, runner)
        e = try #require(flow.editor(model))
        #expect(e.lines?.items.prefix(2).map(\.amount.minorUnits) == [open[0].open, 100] && e.unallocated == .zero)
        flow.key(.save, &model, runner)
        let payment = try value(db, "SELECT max(id) FROM payments WHERE supplier_id = ?", [supplier])
        guard case .card(let card)? = model.current else { Issue.record("the payment's card is not open"); return }
        #expect(card.ref == RecordRef(.payment, payment))
        #expect(try value(db, "SELECT open_amount FROM payables WHERE id = ?", [open[0].id]) == 0)
        #expect(try value(db, "SELECT open_amount FROM payables WHERE id = ?", [open[1].id]) == open[1].open - 100)
        #expect(try db.check().isEmpty)
    }

    @Test func aReceiptsCreditIsAllocatedLaterFromItsCard() throws {
        let db = DemoFixture.make(inMemory: true)
        let (receipt, credit) = try db.read { db -> (Int64, Int64) in
            let r = try Row.fetchOne(db, sql: """
                SELECT r.id, r.unapplied FROM receipts r WHERE r.status = 'posted' AND r.unapplied > 0
                  AND EXISTS (SELECT 1 FROM receivables x WHERE x.customer_id = r.customer_id AND x.open_amount >= r.unapplied AND x.status = 'posted')
                ORDER BY r.id LIMIT 1
                """)
            return (r?[0] ?? 0, r?[1] ?? 0)
        }
        var (model, runner) = flow.loggedIn("finance", db)
        flow.drive(&model, runner, .open(RecordRef(.receipt, receipt)))
        flow.drive(&model, runner, .newRecord)
        let e = try #require(flow.editor(model))
        #expect(e.purpose == .allocateCredit(RecordRef(.receipt, receipt)))
        let first = try #require(e.lines?.items.first { $0.amount.minorUnits > 0 })
        #expect(e.lines?.total.minorUnits == credit)
        flow.key(.save, &model, runner)
        #expect(flow.editor(model) == nil)
        #expect(try value(db, "SELECT unapplied FROM receipts WHERE id = ?", [receipt]) == 0)
        #expect(try value(db, "SELECT allocated_on = ? FROM receipt_allocations WHERE receipt_id = ? AND receivable_id = ?",
                          [EditorFlowTests.today.iso, receipt, first.id]) == 1)
        #expect(try db.check().isEmpty)
        // Nothing left: `a` again opens nothing (the Store says there is no credit left).
        flow.drive(&model, runner, .newRecord)
        #expect(flow.editor(model) == nil)
    }

    /// A new receipt for a customer with credit from earlier receipts says so above the form
    /// (that credit is allocated from those receipts, not received again); its date may be
    /// ahead of today only as far as the company allows.
    @Test func aReceiptFormSaysWhatCreditIsLeftAndHowFarAheadItMayBeDated() throws {
        let db = DemoFixture.make(inMemory: true)
        let (customer, credit) = try db.read { db -> (Int64, Int64) in
            let r = try Row.fetchOne(db, sql: """
                SELECT customer_id, SUM(unapplied) FROM receipts WHERE status = 'posted' AND unapplied > 0 GROUP BY customer_id ORDER BY customer_id LIMIT 1
                """)
            return (r?[0] ?? 0, r?[1] ?? 0)
        }
        let manager = try #require(try db.user(login: "manager")).actor
        try db.saveSettings(try db.settings().setting("money_future_days", to: "2"), by: manager, today: DemoFixture.today, at: 0)
        var (model, runner) = flow.loggedIn("finance", db)
        flow.drive(&model, runner, .open(RecordRef(.customer, customer)))
        flow.palette("new-receipt", &model, runner)
        var e = try #require(flow.editor(model))
        #expect(e.notice == EditorModel.Notice(key: "receipt.earlier-credit", argument: Money(minorUnits: credit).formatted(), isError: false))
        let today = EditorFlowTests.today
        #expect(e.form.fields[0].rule.check(today.adding(days: 2).iso, today: today) == nil)
        #expect(e.form.fields[0].rule.check(today.adding(days: 3).iso, today: today)?.key == "error.date-beyond-future-days")
        e.form.fields[0].value = today.adding(days: 3).iso
        #expect(e.form.fields[0].rule.check(e.form.fields[0].value, today: today)?.more == ["2"])
    }

    /// Finance adds a category from the palette; the expense form offers it at once; a name
    /// already on the list is refused beside the field, and nothing is added.
    @Test func aNewExpenseCategoryFromThePalette() throws {
        let db = DemoFixture.make(inMemory: true)
        var (model, runner) = flow.loggedIn("finance", db)
        flow.palette("new-expense-category", &model, runner)
        #expect(flow.editor(model)?.purpose == .newExpenseCategory)
        flow.type("展会 Trade fairs", &model, runner)
        flow.key(.save, &model, runner)
        #expect(flow.editor(model) == nil)
        #expect(try db.expenseCategories().last == "展会 Trade fairs")
        flow.palette("new-expense-category", &model, runner)
        flow.type("展会 Trade fairs", &model, runner)
        flow.key(.save, &model, runner)
        #expect(flow.editor(model)?.form.fields.first?.error?.key == "error.category-exists")
        #expect(try db.expenseCategories().filter { $0 == "展会 Trade fairs" }.count == 1)
        let finance = try #require(try db.user(login: "finance")).actor
        #expect(try db.expenseSource(by: finance).categories.contains("展会 Trade fairs"))
    }

    /// A receipt dated back is split only over what was issued by its date; a line issued later
    /// refuses an amount beside the line, naming its date.
    @Test func aBackdatedReceiptSplitsOnlyOverWhatWasIssuedByItsDate() throws {
        let db = DemoFixture.make(inMemory: true)
        let finance = try #require(try db.user(login: "finance")).actor
        let customer = try db.read { db in
            try Int64.fetchOne(db, sql: """
                SELECT customer_id FROM receivables WHERE status = 'posted' AND open_amount > 0 GROUP BY customer_id HAVING COUNT(DISTINCT doc_date) >= 2 ORDER BY customer_id LIMIT 1
                """) ?? 0
        }
        let open = try db.openReceivables(customerId: customer, by: finance)
        let first = try #require(open.map(\.documentDate).min())
        var e = EditorModel.receipt(customerId: customer, customerName: "", openItems: open, today: EditorFlowTests.today)
        e.form.focus = 0
        e.form.fields[0].value = first.iso
        _ = e.handle(.form(.next))
        _ = e.handle(.form(.type("1")))
        for c in "000000" { _ = e.handle(.form(.type(c))) }
        let later = (e.lines?.items ?? []).filter { ($0.documentDate ?? first) > first }
        #expect(!later.isEmpty && later.allSatisfy { $0.amount == .zero })
        #expect((e.lines?.items ?? []).filter { $0.documentDate == first }.contains { $0.amount.minorUnits > 0 })
    }
}
