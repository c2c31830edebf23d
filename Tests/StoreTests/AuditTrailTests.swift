import Domain
import GRDB
@testable import Store
import Testing
import TestSupport

/// `:audit`: every change newest first, narrowed to one record (`h` on its card), a change's
/// values before and after; the manager's only.
@Suite struct AuditTrailTests {
    let today = Fixtures.today
    let now: Int64 = 1_795_000_000

    @Test func aRecordsHistoryNewestFirstWithBeforeAndAfter() throws {
        let db = DemoFixture.make(inMemory: true)
        let manager = try Fixtures.actor("manager", in: db), buyer = try Fixtures.actor("purchasing", in: db)
        let supplier = try db.read { db in try Int64.fetchOne(db, sql: "SELECT min(id) FROM suppliers") } ?? 0
        let id = try db.saveSupplierContact(SupplierContact(supplierId: supplier, name: "王芳", title: "财务"), by: buyer, today: today, at: now)
        var c = try db.supplierContactForEdit(id: id, by: buyer)
        c.title = "会计"
        try db.saveSupplierContact(c, by: buyer, today: today, at: now + 60)
        // The whole trail: the newest change first.
        let all = try db.listPage(ListQuery(.audit, sort: "newest"), after: nil, limit: 5, backwards: false, for: manager, today: today)
        #expect(all.rows.first?.cells[3] == .text("supplier_contact.update") && all.rows.first?.cells[2] == .text("purchasing"))
        // One record's: its update, then its creation.
        let query = ListQuery(.audit, sort: "newest", filter: ["entity": "supplier_contacts", "record": String(id)])
        let mine = try db.listPage(query, after: nil, limit: 50, backwards: false, for: manager, today: today)
        #expect(mine.rows.map { $0.cells[3].plainText } == ["supplier_contact.update", "supplier_contact.create"])
        #expect(try db.listCount(query, for: manager, today: today) == 2)
        // The update's card: the changed value first, before and after.
        let entry = try #require(mine.rows.first?.ref)
        let changes = try db.cardPage(entry, section: "section.changes", offset: 0, limit: nil, for: manager, today: today)
        #expect(changes.rows.first == [.text("title"), .text("财务"), .warning(.text("会计"))])
        // Searched by who or what.
        #expect(try db.listSearch(query, text: "update", limit: 10, for: manager, today: today).rows.count == 1)
        // Nobody else reads it.
        #expect(throws: StoreError.self) { try db.listPage(ListQuery(.audit, sort: "newest"), after: nil, limit: 5, backwards: false, for: buyer, today: today) }
        #expect(throws: StoreError.self) { try db.card(entry, for: buyer, today: today) }
        #expect(AppDatabase.auditEntity(for: .supplierContact) == "supplier_contacts" && AppDatabase.auditEntity(for: .report) == nil)
    }
}
