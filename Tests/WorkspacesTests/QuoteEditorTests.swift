import TestSupport
import Domain
@testable import Store
import Testing
@testable import Workspaces

/// A rep keys a quote in from the customer's card, changes a line, saves, and accepts it —
/// through the real view models and effect runner.
@Suite struct QuoteEditorTests {
    let today = DemoFixture.today
    let flow = EditorFlowTests()

    func openQuoteForm(_ db: AppDatabase) throws -> (AppModel, EffectRunner, Int64) {
        var (model, runner) = flow.loggedIn("rep", db)
        let rep = try #require(model.session?.actor)
        let customer = try db.customerPage(for: rep, after: nil, limit: 1)[0].id
        flow.drive(&model, runner, .open(RecordRef(.customer, customer)))
        guard case .card(let card)? = model.current else { Issue.record("no card"); return (model, runner, customer) }
        let tab = try #require(card.card?.sections.firstIndex { $0.title == "section.quotes" }) + 1
        flow.drive(&model, runner, .card(.showTab(tab)))
        flow.drive(&model, runner, .newRecord)
        return (model, runner, customer)
    }

    @Test func keyAQuoteFixALineSaveAndAcceptIt() throws {
        let db = DemoFixture.make(inMemory: true)
        var (model, runner, customer) = try openQuoteForm(db)
        let products = try db.productOptions()
        let han = try #require(products.first { $0.name.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } })
        let initials = Pinyin.of(String(han.name.prefix { !$0.isWhitespace })).initials
        var e = try #require(flow.editor(model))
        #expect(e.purpose == .newQuote(customerId: customer) && e.value("valid_until") == today.adding(days: 30).iso)
        #expect(e.focusKey == "product")
        // Line 1: pinyin initials, Enter takes the first match; price defaults to the list price.
        flow.type(initials, &model, runner)
        e = try #require(flow.editor(model))
        #expect(e.form.fields[e.productFieldIndex].matches.contains { $0.value == String(han.id) }, "\(initials)")
        let pick = try #require(flow.editor(model)?.form.fields[e.productFieldIndex].matches.firstIndex { $0.value == String(han.id) })
        flow.key(.down, &model, runner, times: pick)
        flow.key(.enter, &model, runner)
        e = try #require(flow.editor(model))
        #expect(e.value("product") == han.code + " " + han.name && e.value("unit_price") == han.listPrice.formatted(grouping: false))
        flow.type("4", &model, runner)
        flow.key(.enter, &model, runner)
        flow.type("99.5", &model, runner)  // the defaulted price is replaced, not appended to
        flow.key(.enter, &model, runner)
        flow.type("150", &model, runner)
        flow.key(.enter, &model, runner)
        e = try #require(flow.editor(model))
        #expect(e.form.fields.first { $0.key == "discount" }?.error?.key == "error.percent-range")
        #expect(e.lines?.items.isEmpty == true)
        flow.key(.clear, &model, runner); flow.type("10", &model, runner)
        flow.key(.enter, &model, runner)
        e = try #require(flow.editor(model))
        // 4 × 99.50 × 0.9 = 358.20
        #expect(e.lines?.items.map(\.amount) == [Money(minorUnits: 35_820)])
        #expect(e.focusKey == "product" && e.value("product").isEmpty)
        // Line 2 by code, quantity left empty (one).
        let second = products[1]
        flow.type(second.code, &model, runner)
        flow.key(.enter, &model, runner, times: 4)
        e = try #require(flow.editor(model))
        #expect(e.lines?.items.count == 2 && e.lines?.items[1].quantity == Quantity(units: 1) && e.lines?.items[1].unitPrice == second.listPrice)
        // ↑ walks the lines; Enter takes line 1 back, a new quantity, Enter to the end puts it back in place.
        flow.key(.up, &model, runner, times: 2)
        #expect(flow.editor(model)?.lines?.selected == 0)
        flow.key(.enter, &model, runner)
        e = try #require(flow.editor(model))
        #expect(e.lines?.editing == 0 && e.focusKey == "quantity" && e.value("quantity") == "4")
        flow.key(.save, &model, runner)  // Ctrl-S with the line taken back: it goes back first, then the quote saves
        // Saved: the quote card opens over the customer's card, with the number and both lines.
        guard case .card(let card)? = model.current, card.ref.kind == .quote else { Issue.record("no quote card: \(String(describing: model.current))"); return }
        #expect(model.toast?.text == "saved.quote")
        let quote = try db.quoteForEdit(id: card.ref.id, by: try #require(model.session?.actor), today: today)
        #expect(quote.quote.lines.map(\.productId) == [han.id, second.id] && quote.status == .draft)
        #expect(try quote.quote.total() == Money(minorUnits: 35_820) + second.listPrice)
        // Accept: the form shows the order's value and the credit; Enter through it books the order.
        func customerCard() -> RecordCard? {
            model.stack.compactMap { if case .card(let m) = $0, m.ref.kind == .customer { return m.card } else { return nil } }.first
        }
        let ordersBefore = customerCard()?.sections.first { $0.title == "section.orders" }?.total ?? -1
        flow.drive(&model, runner, .quote(.accept))
        e = try #require(flow.editor(model))
        #expect(e.notice?.argument == (Money(minorUnits: 35_820) + second.listPrice).formatted())
        flow.key(.enter, &model, runner, times: 3)
        #expect(model.toast?.text == "saved.quote-accepted" && model.toast?.argument?.hasPrefix("SO-2026-") == true)
        guard case .card(let accepted)? = model.current else { Issue.record("card gone"); return }
        #expect(accepted.card?.fields.contains { $0.label == "field.status" && $0.value == .status("status.accepted") } == true)
        // The customer's card beneath read again where it stands: the quote accepted, one more order.
        let quotes = try #require(customerCard()?.sections.first { $0.title == "section.quotes" })
        let number = try #require(accepted.card?.field("field.number"))
        #expect(quotes.rows.contains { $0.first == number && $0.contains(.status("status.accepted")) })
        #expect(customerCard()?.sections.first { $0.title == "section.orders" }?.total == ordersBefore + 1)
    }

    @Test func removingALineEscAsksAndAnEmptyQuoteIsNotSaved() throws {
        let db = DemoFixture.make(inMemory: true)
        var (model, runner, _) = try openQuoteForm(db)
        let before = try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM quotes") }
        // Data changed meanwhile (another user wrote): the card under the form is read again in
        // place; the form stays on top with what is typed.
        let depth = model.stack.count
        flow.type("p0", &model, runner)
        flow.drive(&model, runner, .dataChanged)
        #expect(model.stack.count == depth && flow.editor(model)?.value("product") == "p0")
        flow.key(.clear, &model, runner)
        flow.key(.enter, &model, runner)  // Enter on an empty product with no lines: not saved, says why
        #expect(flow.editor(model)?.form.fields.first { $0.key == "product" }?.error?.key == "error.no-lines")
        let p = try db.productOptions()[0]
        flow.type(p.code, &model, runner)
        flow.key(.enter, &model, runner, times: 4)
        #expect(flow.editor(model)?.lines?.items.count == 1)
        flow.key(.up, &model, runner)
        flow.key(.delete, &model, runner)
        #expect(flow.editor(model)?.lines?.items.isEmpty == true && flow.editor(model)?.lines?.selected == nil)
        flow.key(.cancel, &model, runner)
        #expect(flow.editor(model)?.form.askingDiscard == true)
        flow.key(.confirmDiscard(true), &model, runner)
        #expect(flow.editor(model) == nil)
        #expect(try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM quotes") } == before)
    }

    @Test func copyingASentQuoteMakesANewDraftAndEditingItIsRefused() throws {
        let db = DemoFixture.make(inMemory: true)
        var (model, runner) = flow.loggedIn("rep", db)
        flow.drive(&model, runner, .open(RecordRef(.quoteList, try #require(model.session?.actor.userId))))
        guard case .card(let list)? = model.current else { Issue.record("no list"); return }
        let row = try #require(list.card?.sections[0].rows.firstIndex { $0[4] == .status("status.sent") })
        flow.drive(&model, runner, .card(.showTab(1)))
        for _ in 0..<row { flow.drive(&model, runner, .card(.move(.down))) }
        flow.drive(&model, runner, .edit)
        #expect(model.toast?.isError == true && model.toast?.text == "error.quote-not-draft-edit" && model.toast?.more == ["status.sent"])
        flow.drive(&model, runner, .quote(.copy))
        let e = try #require(flow.editor(model))
        guard case .newQuote = e.purpose else { Issue.record("a copy is a new quote: \(e.purpose)"); return }
        #expect(e.title == "editor.copy-quote" && e.value("quote_date") == today.iso && e.lines?.items.isEmpty == false && e.form.isDirty)
        flow.key(.save, &model, runner)
        #expect(model.toast?.text == "saved.quote")
    }

    @Test func acceptingOverTheCreditLimitWarnsWithTheFigures() {
        func notice(receivables: Int64, limit: Int64) -> EditorModel.Notice? {
            EditorModel.acceptQuote(QuoteAcceptance(quoteId: 1, number: "Q-2026-00001", customerName: "北京华联", total: Money(minorUnits: 50_000),
                                                    credit: CreditExposure(openReceivables: Money(minorUnits: receivables), unshippedOrders: Money(minorUnits: 50_000),
                                                                           limit: Money(minorUnits: limit)), version: 1), today: today).notice
        }
        let over = notice(receivables: 60_000, limit: 100_000)
        #expect(over?.key == "accept.over-limit" && over?.isError == true)
        #expect([over?.argument ?? ""] + (over?.more ?? []) == ["500.00", "1,100.00", "1,000.00"])
        #expect(notice(receivables: 40_000, limit: 100_000)?.key == "accept.within-limit" && notice(receivables: 40_000, limit: 100_000)?.isError == false)
        #expect(notice(receivables: 40_000, limit: 0)?.key == "accept.no-limit")
    }
}
