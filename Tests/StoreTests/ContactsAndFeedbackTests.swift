import Foundation
import GRDB
import Testing
import TestSupport
import Domain
@testable import Store

/// Contacts where people expect them: the new customer's contact person is a contact; a log
/// entry names whom it was with; feedback (CSAT, NPS, complaints) is recorded from the card and
/// checked, so the manager's CSAT, NPS and complaint rate are more than demo data.
@Suite struct ContactsAndFeedbackTests {
    let today = Fixtures.today
    let now: Int64 = 1_795_000_000

    func count(_ db: AppDatabase, _ sql: String, _ args: StatementArguments = []) throws -> Int {
        try db.read { db in try Int.fetchOne(db, sql: sql, arguments: args) ?? 0 }
    }

    @Test func theContactPersonOfANewCustomerIsAContactAndALogEntryNamesIt() throws {
        let db = DemoFixture.make(inMemory: true)
        let rep = try Fixtures.actor("rep", in: db)
        guard case .saved(let id) = try db.createCustomer(Customer(code: "C900001", name: "杭州新客户贸易有限公司", contactPerson: "王小明", phone: "13900001111"),
                                                           by: rep, today: today, at: now) else { Issue.record("not saved"); return }
        let contacts = try db.contactOptions(customerId: id, by: rep)
        #expect(contacts.map(\.name) == ["王小明"])
        try db.logContact(ContactLogEntry(customerId: id, contactId: contacts[0].id, kind: .call, happenedOn: today, summary: "first call"), by: rep, today: today, at: now)
        let log = try db.cardPage(RecordRef(.customer, id), section: "section.contact-log", offset: 0, limit: nil, for: rep, today: today)
        #expect(log.rows.first?[2] == .text("王小明"))
        // Another rep's contact is refused for this customer's log.
        let other = try count(db, "SELECT id FROM contacts WHERE customer_id <> ? LIMIT 1", [id])
        #expect(throws: StoreError.self) {
            try db.logContact(ContactLogEntry(customerId: id, contactId: Int64(other), kind: .call, happenedOn: today, summary: "x"), by: rep, today: today, at: now)
        }
    }

    @Test func feedbackIsCheckedAndCounted() throws {
        let db = DemoFixture.make(inMemory: true)
        let rep = try Fixtures.actor("rep", in: db), rep2 = try Fixtures.actor("rep2", in: db)
        let customer = try db.customerPage(for: rep, after: nil, limit: 1)[0].id
        let before = try count(db, "SELECT COUNT(*) FROM feedback WHERE customer_id = ?", [customer])
        for (bad, field) in [(Feedback(customerId: customer, kind: .csat, score: 6, receivedOn: today, note: nil), "score"),
                             (Feedback(customerId: customer, kind: .nps, score: nil, receivedOn: today, note: nil), "score"),
                             (Feedback(customerId: customer, kind: .complaint, score: nil, receivedOn: today, note: "  "), "note"),
                             (Feedback(customerId: customer, kind: .csat, score: 4, receivedOn: today.adding(days: 1), note: nil), "received_on")] {
            do { try db.saveFeedback(bad, by: rep, today: today, at: now); Issue.record("accepted \(bad)") } catch {
                if case .invalid(let e) = error { #expect(e.field == field) } else { Issue.record("\(error)") }
            }
        }
        #expect(throws: StoreError.self) { try db.saveFeedback(Feedback(customerId: customer, kind: .csat, score: 4, receivedOn: today, note: nil), by: rep2, today: today, at: now) }
        try db.saveFeedback(Feedback(customerId: customer, kind: .nps, score: 9, receivedOn: today, note: "will recommend"), by: rep, today: today, at: now)
        try db.saveFeedback(Feedback(customerId: customer, kind: .complaint, score: 3, receivedOn: today, note: "late delivery"), by: rep, today: today, at: now)
        #expect(try count(db, "SELECT COUNT(*) FROM feedback WHERE customer_id = ?", [customer]) == before + 2)
        // A complaint keeps no score; each is audited.
        #expect(try count(db, "SELECT COUNT(*) FROM feedback WHERE customer_id = ? AND kind = 'complaint' AND score IS NULL AND note = 'late delivery'", [customer]) == 1)
        #expect(try count(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'feedback.create'") == 2)
    }
}

@Suite struct CostPriceTests {
    @Test func onlyTheRolesThatBuyAccountOrManageExportCostPrices() throws {
        let db = Fixtures.demo
        for (login, sees) in [("rep", false), ("assistant", false), ("purchasing", true), ("finance", true), ("manager", true)] {
            let sheet = try db.exportSheet("products", for: try Fixtures.actor(login, in: db))
            #expect(sheet.columns.contains { $0.title == "cost_price" } == sees, "\(login)")
            #expect(sheet.rows.allSatisfy { $0.count == sheet.columns.count })
        }
    }
}
