import Foundation
import GRDB
import Testing
import TestSupport
import Domain
@testable import Store

/// The sales rep's writes: contact log, postponing, claims, customers, contacts, opportunities —
/// each in one transaction with an audit entry, refused for other reps' customers.
@Suite struct SalesRepWriteTests {
    let today = Fixtures.today
    let now: Int64 = 1_795_000_000

    func ownCustomer(_ db: AppDatabase, _ rep: Actor) throws -> (id: Int64, name: String) {
        let row = try db.customerPage(for: rep, after: nil, limit: 1)[0]
        return (row.id, row.name)
    }

    func otherCustomer(_ db: AppDatabase, _ rep: Actor) throws -> Int64 {
        try db.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM customers WHERE owner_id <> ? LIMIT 1", arguments: [rep.userId]) ?? 0 }
    }

    func audits(_ db: AppDatabase, _ action: String) throws -> Int {
        try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log WHERE action = ?", arguments: [action]) ?? 0 }
    }

    @Test func loggingACallWithNextContactTomorrowPutsTheCustomerUnderTomorrow() throws {
        let db = DemoFixture.make(inMemory: true)
        let rep = try Fixtures.actor("rep", in: db)
        let (id, name) = try ownCustomer(db, rep)
        try db.logContact(ContactLogEntry(customerId: id, kind: .call, happenedOn: today, summary: "asked for the new price list",
                                          outcome: "will order", nextContactOn: today.adding(days: 1)), by: rep, today: today, at: now)
        let tomorrow = try db.reminders(for: rep, today: today, limit: 500).first { $0.kind == .contactTomorrow }
        #expect(tomorrow?.items.contains { $0.record == RecordRef(.customer, id) && $0.title == name } == true)
        let dates = try db.read { db in try Row.fetchOne(db, sql: "SELECT last_contact_on, next_contact_on FROM customers WHERE id = ?", arguments: [id]).map { [$0[0], $0[1]] as [String?] } }
        #expect(dates == [today.iso, today.adding(days: 1).iso])
        #expect(try audits(db, "contact.log") == 1)
        // Postpone to next week, then mark done: the reminder moves, then goes.
        try db.postponeContact(customerId: id, to: today.adding(days: 7), by: rep, today: today, at: now)
        #expect(try db.reminders(for: rep, today: today, limit: 500).first { $0.kind == .contactTomorrow }?.items.contains { $0.record.id == id } == false)
        try db.markContactDone(customerId: id, by: rep, at: now)
        let next = try db.read { db in try String.fetchOne(db, sql: "SELECT next_contact_on FROM customers WHERE id = ?", arguments: [id]) }
        #expect(next == nil)
        #expect(try audits(db, "contact.postpone") == 1 && audits(db, "contact.done") == 1)
    }

    @Test func badContactLogInputChangesNothing() throws {
        let db = DemoFixture.make(inMemory: true)
        let rep = try Fixtures.actor("rep", in: db)
        let (id, _) = try ownCustomer(db, rep)
        let before = try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM contact_log") ?? 0 }
        for entry in [ContactLogEntry(customerId: id, kind: .visit, happenedOn: today, summary: "  "),
                      ContactLogEntry(customerId: id, kind: .visit, happenedOn: today.adding(days: 1), summary: "future"),
                      ContactLogEntry(customerId: id, kind: .visit, happenedOn: today, summary: "x", nextContactOn: today.adding(days: -1))] {
            #expect(throws: StoreError.self) { try db.logContact(entry, by: rep, today: today, at: now) }
        }
        #expect(throws: StoreError.self) { try db.postponeContact(customerId: id, to: today.adding(days: -1), by: rep, today: today, at: now) }
        #expect(try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM contact_log") ?? 0 } == before)
    }

    @Test func aRepCannotWriteToAnotherRepsCustomer() throws {
        let db = DemoFixture.make(inMemory: true)
        let rep = try Fixtures.actor("rep", in: db)
        let other = try otherCustomer(db, rep)
        let forbidden = { (e: any Error) -> Bool in if case StoreError.forbidden = e { return true } else { return false } }
        #expect(performing: { try db.logContact(ContactLogEntry(customerId: other, kind: .call, happenedOn: today, summary: "x"), by: rep, today: today, at: now) }, throws: forbidden)
        #expect(performing: { try db.postponeContact(customerId: other, to: today, by: rep, today: today, at: now) }, throws: forbidden)
        #expect(performing: { try db.markContactDone(customerId: other, by: rep, at: now) }, throws: forbidden)
        #expect(performing: { _ = try db.customerForEdit(id: other, by: rep) }, throws: forbidden)
        var c = try db.customerForEdit(id: other, by: try Fixtures.actor("manager", in: db))
        c.name += " X"
        #expect(performing: { try db.updateCustomer(c, by: rep, at: now) }, throws: forbidden)
        #expect(performing: { try db.saveContact(Contact(customerId: other, name: "Spy"), by: rep, today: today, at: now) }, throws: forbidden)
        #expect(performing: { try db.saveOpportunity(Opportunity(customerId: other, title: "Spy"), by: rep, today: today, at: now) }, throws: forbidden)
    }

    @Test func aNewCustomerLikeAnotherRepsShowsOnlyNameOwnerAndDateAndAClaimReassignsIt() throws {
        let db = DemoFixture.make(inMemory: true)
        let rep = try Fixtures.actor("rep", in: db), manager = try Fixtures.actor("manager", in: db)
        // 北京华联商厦（集团）股份有限公司 belongs to rep2 in the demo; the rep keys in the plain name.
        let result = try db.createCustomer(Customer(code: "C900001", name: "北京华联商厦集团"), by: rep, today: today, at: now)
        guard case .duplicates(let hints, let blocking) = result else { Issue.record("expected duplicates, got \(result)"); return }
        #expect(blocking)
        let other = try #require(hints.first { $0.owner != rep.displayName })
        #expect(other.rule == .sameName)
        // Only name, owner and since are there to show; the customer is not created.
        #expect(try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customers WHERE code = 'C900001'") } == 0)
        // An equal name cannot be saved even when the rep says so.
        let again = try db.createCustomer(Customer(code: "C900001", name: "北京华联商厦集团"), by: rep, today: today, at: now, acceptSimilar: true)
        #expect(again == .duplicates(hints, blocking: true))
        let claim = try db.fileClaim(customerId: other.customerId, reason: "met them at the fair", by: rep, today: today, at: now)
        #expect(throws: StoreError.self) { try db.fileClaim(customerId: other.customerId, reason: "again", by: rep, today: today, at: now) }
        let pending = try db.reminders(for: manager, today: today).first { $0.kind == .pendingClaim }
        #expect(pending?.items.contains { $0.record == RecordRef(.claim, claim) } == true)
        #expect(throws: StoreError.self) { try db.decideClaim(id: claim, approve: true, by: rep, today: today, at: now) }
        let openOrders = try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sales_orders WHERE customer_id = ? AND status IN ('open','partially_shipped')", arguments: [other.customerId]) ?? 0 }
        try db.decideClaim(id: claim, approve: true, by: manager, today: today, at: now)
        let owner = try db.read { db in try Row.fetchOne(db, sql: "SELECT owner_id, owner_since FROM customers WHERE id = ?", arguments: [other.customerId]).map { ($0[0] as Int64, $0[1] as String) } }
        #expect(owner?.0 == rep.userId)
        #expect(owner?.1 == today.iso)
        let moved = try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sales_orders WHERE customer_id = ? AND status IN ('open','partially_shipped') AND owner_id = ?", arguments: [other.customerId, rep.userId]) ?? 0 }
        #expect(moved == openOrders)
        #expect(try audits(db, "customer.reassign") == 1 && audits(db, "claim.approve") == 1)
        #expect(try db.card(RecordRef(.customer, other.customerId), for: rep, today: today).title == other.name)
        #expect(try db.check().isEmpty)
    }

    @Test func similarButNotEqualNamesMayBeSavedOnceSeen() throws {
        let db = DemoFixture.make(inMemory: true)
        let rep = try Fixtures.actor("rep", in: db)
        let customer = Customer(code: "C900002", name: "北京华联商厦百货", phone: "010 6555 0000")
        let first = try db.createCustomer(customer, by: rep, today: today, at: now)
        guard case .duplicates(let hints, let blocking) = first else { Issue.record("expected a similar-name hint"); return }
        #expect(!blocking && hints.contains { $0.rule == .similarName })
        guard case .saved(let id) = try db.createCustomer(customer, by: rep, today: today, at: now, acceptSimilar: true) else { Issue.record("not saved"); return }
        let stored = try db.customerForEdit(id: id, by: rep)
        #expect(stored.ownerId == rep.userId && stored.phone == "010 6555 0000")
        #expect(try db.customerSearch(for: rep, query: "bjhl").contains { $0.id == id })
        let audit = try db.auditEntries(entity: "customers", limit: 1)[0]
        #expect(audit.action == "customer.create" && audit.after?.contains("saved_despite") == true)
    }

    @Test func anEditThatLostARaceIsRefusedAndSaysWhatChanged() throws {
        let db = DemoFixture.make(inMemory: true)
        let rep = try Fixtures.actor("rep", in: db), manager = try Fixtures.actor("manager", in: db)
        let (id, _) = try ownCustomer(db, rep)
        var mine = try db.customerForEdit(id: id, by: rep)
        var theirs = try db.customerForEdit(id: id, by: manager)
        theirs.phone = "021 5555 1234"
        try db.updateCustomer(theirs, by: manager, at: now)
        mine.address = "上海市南京西路1号"
        do {
            try db.updateCustomer(mine, by: rep, at: now)
            Issue.record("a stale save went through")
        } catch {
            guard case .stale(let message, let version) = error else { Issue.record("\(error)"); return }
            #expect(message.contains("manager") && message.contains("phone"))
            #expect(version == mine.version + 1)
            mine.version = version
        }
        #expect(try db.customerForEdit(id: id, by: rep).address != "上海市南京西路1号")
        try db.updateCustomer(mine, by: rep, at: now)
        #expect(try db.customerForEdit(id: id, by: rep).address == "上海市南京西路1号")
        var bad = try db.customerForEdit(id: id, by: rep)
        bad.email = "not-an-address"
        #expect(throws: StoreError.self) { try db.updateCustomer(bad, by: rep, at: now) }
    }

    @Test func contactsAndOpportunities() throws {
        let db = DemoFixture.make(inMemory: true)
        let rep = try Fixtures.actor("rep", in: db)
        let (id, _) = try ownCustomer(db, rep)
        let contactId = try db.saveContact(Contact(customerId: id, name: "刘洋", title: "采购经理", mobile: "138 0013 8000", wechat: "liuyang88",
                                                   qq: "12345678", birthday: Birthday(month: 11, day: 24, year: 1985)), by: rep, today: today, at: now)
        var contact = try db.contactForEdit(id: contactId, by: rep)
        #expect(contact.wechat == "liuyang88" && contact.version == 1)
        contact.title = "总经理"
        try db.saveContact(contact, by: rep, today: today, at: now)
        #expect(throws: StoreError.self) { try db.saveContact(contact, by: rep, today: today, at: now) }  // stale version
        #expect(throws: StoreError.self) { try db.saveContact(Contact(customerId: id, name: "X", qq: "12"), by: rep, today: today, at: now) }

        let oppId = try db.saveOpportunity(Opportunity(customerId: id, title: "2027 framework", stage: .proposal, amount: Money(minorUnits: 5_000_000),
                                                       probability: BasisPoints(3_000)), by: rep, today: today, at: now)
        var o = try db.opportunityForEdit(id: oppId, by: rep)
        #expect(o.weighted == Money(minorUnits: 1_500_000))
        o.stage = .lost
        #expect(throws: StoreError.self) { try db.saveOpportunity(o, by: rep, today: today, at: now) }  // lost needs a reason
        o.lostReason = "price"
        try db.saveOpportunity(o, by: rep, today: today, at: now)
        let closed = try db.read { db in try Row.fetchOne(db, sql: "SELECT closed_on, probability_bp FROM opportunities WHERE id = ?", arguments: [oppId]).map { ($0[0] as String, $0[1] as Int64) } }
        #expect(closed?.0 == today.iso)
        #expect(closed?.1 == 0)
    }
}

@Suite struct PerformanceTests {
    let db = Fixtures.demo
    let today = Fixtures.today

    @Test func monthToDateFiguresAreTheHomesFigures() throws {
        let rep = try Fixtures.actor("rep")
        let perf = try db.repPerformance(rep: rep.userId, period: .monthToDate(today), for: rep)
        let home = try db.dashboard(for: rep, today: today)
        let shown = Dictionary(uniqueKeysWithValues: perf.lines.map { ($0.key, $0.value) })
        for metric in home.metrics where shown[metric.key] != nil {
            #expect(shown[metric.key]?.plainText == metric.value.plainText, "\(metric.key)")
        }
        #expect(home.metrics.filter { shown[$0.key] != nil }.count >= 7)
        #expect(perf.commission == KPI.commission(base: perf.collections, rateBasisPoints: perf.commissionRate.value))
        let year = try db.repPerformance(rep: rep.userId, period: .yearToDate(today), for: rep)
        #expect(year.sales >= perf.sales && year.orders >= perf.orders)
    }

    @Test func onlyTheRepAndTheManagerSeeIt() throws {
        let rep = try Fixtures.actor("rep"), rep2 = try Fixtures.actor("rep2"), manager = try Fixtures.actor("manager")
        #expect(throws: StoreError.self) { try db.repPerformance(rep: rep2.userId, period: .monthToDate(today), for: rep) }
        #expect(throws: StoreError.self) { try db.card(RecordRef(.performance, rep2.userId), for: rep, today: today) }
        #expect(throws: StoreError.self) { try db.repPerformance(rep: rep.userId, period: .monthToDate(today), for: try Fixtures.actor("finance")) }
        _ = try db.repPerformance(rep: rep2.userId, period: .monthToDate(today), for: manager)
        let card = try db.card(RecordRef(.performance, rep.userId), for: rep, today: today)
        #expect(card.sections.map(\.title) == ["section.pipeline", "section.visits", "section.pay-and-expenses"])
        #expect(card.sections[1].rows.count == 30)
        #expect(card.charts.count == 3)
    }
}
