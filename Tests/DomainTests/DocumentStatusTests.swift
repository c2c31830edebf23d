import Testing
@testable import Domain

@Suite struct DocumentStatusTests {
    @Test func quoteFlow() throws {
        #expect(try QuoteStatus.draft.transition(to: .sent) == .sent)
        #expect(try QuoteStatus.sent.transition(to: .accepted) == .accepted)
        #expect(throws: DomainError.invalidTransition("quote", from: "accepted", to: "draft")) { try QuoteStatus.accepted.transition(to: .draft) }
        #expect(throws: DomainError.self) { try QuoteStatus.rejected.transition(to: .accepted) }
        #expect(throws: DomainError.self) { try QuoteStatus.draft.transition(to: .accepted) }
        let d = DateOnly(year: 2026, month: 11, day: 1)!
        #expect(QuoteStatus.sent.effective(validUntil: d, today: d.adding(days: 1)) == .expired)
        #expect(QuoteStatus.accepted.effective(validUntil: d, today: d.adding(days: 1)) == .accepted)
    }

    @Test func ordersCancelOnlyWhileNothingShipped() throws {
        #expect(try OrderStatus.open.cancel(shippedSoFar: .zero) == .cancelled)
        #expect(throws: DomainError.self) { try OrderStatus.partiallyShipped.cancel(shippedSoFar: Quantity(units: 1)) }
        #expect(throws: DomainError.self) { try OrderStatus.shipped.cancel(shippedSoFar: Quantity(units: 5)) }
        #expect(OrderStatus.derived(ordered: Quantity(units: 5), shipped: .zero) == .open)
        #expect(OrderStatus.derived(ordered: Quantity(units: 5), shipped: Quantity(units: 2)) == .partiallyShipped)
        #expect(OrderStatus.derived(ordered: Quantity(units: 5), shipped: Quantity(units: 5)) == .shipped)
        #expect(PurchaseOrderStatus.derived(ordered: Quantity(units: 5), received: Quantity(units: 1)) == .partiallyReceived)
        #expect(throws: DomainError.self) { try PurchaseOrderStatus.received.cancel(receivedSoFar: Quantity(units: 5)) }
    }

    @Test func postedDocumentsAreVoidedWithAReasonOnce() throws {
        #expect(try PostingStatus.posted.void(reason: "wrong customer") == .voided)
        #expect(throws: DomainError("a void needs a reason", field: "reason")) { try PostingStatus.posted.void(reason: "  ") }
        #expect(throws: DomainError.self) { try PostingStatus.voided.void(reason: "again") }
    }

    @Test func linesNeverShipMoreThanRemains() throws {
        let line = LineProgress(ordered: Quantity(units: 10), done: Quantity(units: 4))
        #expect(try line.adding(Quantity(units: 6)).remaining == .zero)
        #expect(throws: DomainError.self) { try line.adding(Quantity(units: 7)) }
        #expect(throws: DomainError.self) { try line.adding(.zero) }
    }

    @Test func gaplessNumbers() {
        #expect(DocumentKind.salesOrder.number(year: 2026, sequence: 42) == "SO-2026-00042")
        #expect(DocumentKind.quote.number(year: 2026, sequence: 1) == "Q-2026-00001")
        #expect(DocumentKind.expense.number(year: 2027, sequence: 123_456) == "EX-2027-123456")
    }

    @Test func permissions() {
        #expect(Role.salesRep.can(.viewOwnCustomers))
        #expect(!Role.salesRep.can(.viewAllCustomers))
        #expect(!Role.purchasing.can(.viewOwnCustomers))
        #expect(Role.manager.can(.manageUsers))
        #expect(!Role.finance.can(.manageUsers))
        #expect(Actor(userId: 1, login: "r", displayName: "r", role: .salesRep).restrictedToOwnCustomers)
        #expect(!Actor(userId: 1, login: "a", displayName: "a", role: .salesAssistant).restrictedToOwnCustomers)
        #expect(Role.parse("assistant") == .salesAssistant)
        #expect(Role.parse("boss") == nil)
    }

    @Test func aQuantityIsNoFinerThanItsUnit() throws {
        let units = UnitDecimals.standard
        #expect(throws: DomainError.self) { try units.check(Quantity(thousandths: 2_500), unit: "pcs") }
        try units.check(Quantity(units: 3), unit: "pcs")
        try units.check(Quantity(thousandths: 2_125), unit: "kg")
        let metres = try UnitDecimals.parse("pcs=0, m=2")
        #expect(metres.decimals(for: "M") == 2 && metres.decimals(for: "box") == 3)
        #expect(throws: DomainError.self) { try metres.check(Quantity(thousandths: 1_255), unit: "m") }
        #expect(metres.text == "m=2 pcs=0")
        for bad in ["pcs", "pcs=4", "pcs=0 pcs=1", "=2"] { #expect(throws: DomainError.self) { try UnitDecimals.parse(bad) } }
        let set = try CompanySettings().setting("unit_decimals", to: "kg=3 pcs=0")
        #expect(set.value(of: "unit_decimals") == "kg=3 pcs=0")
    }
}
