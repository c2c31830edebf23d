import Domain
import GRDB
@testable import Store
import Testing
import TestSupport

/// People at a supplier: added and edited by purchasing (checked like a customer's contact,
/// audited, a stale edit refused), listed on the supplier's card, read-only for finance.
@Suite struct SupplierContactTests {
    let today = Fixtures.today
    let now: Int64 = 1_795_000_000

    @Test func addEditAndListAPersonAtASupplier() throws {
        let db = DemoFixture.make(inMemory: true)
        let buyer = try Fixtures.actor("purchasing", in: db), finance = try Fixtures.actor("finance", in: db)
        let supplier = try db.read { db in try Int64.fetchOne(db, sql: "SELECT min(id) FROM suppliers") } ?? 0
        let before = try db.cardPage(RecordRef(.supplier, supplier), section: "section.contacts", offset: 0, limit: nil, for: buyer, today: today).rows.count
        #expect(before >= 1, "the demo gives each supplier someone to call")
        #expect(throws: StoreError.self) { try db.saveSupplierContact(SupplierContact(supplierId: supplier, name: "  "), by: buyer, today: today, at: now) }
        #expect(throws: StoreError.self) { try db.saveSupplierContact(SupplierContact(supplierId: supplier, name: "王芳", email: "not-mail"), by: buyer, today: today, at: now) }
        #expect(throws: StoreError.self) { try db.saveSupplierContact(SupplierContact(supplierId: supplier, name: "王芳"), by: finance, today: today, at: now) }
        let id = try db.saveSupplierContact(SupplierContact(supplierId: supplier, name: " 王芳 ", title: "财务", mobile: "138 0013 8000"), by: buyer, today: today, at: now)
        var stored = try db.supplierContactForEdit(id: id, by: finance)
        #expect(stored.name == "王芳" && stored.mobile == "138 0013 8000")
        stored.email = "wang.fang@supplier.cn"
        try db.saveSupplierContact(stored, by: buyer, today: today, at: now)
        // Saving the version read before that edit again: refused, nothing overwritten.
        stored.title = "会计"
        #expect(throws: StoreError.self) { try db.saveSupplierContact(stored, by: buyer, today: today, at: now) }
        let page = try db.cardPage(RecordRef(.supplier, supplier), section: "section.contacts", offset: 0, limit: nil, for: finance, today: today)
        let row = try #require(page.rows.firstIndex { $0.first == .text("王芳") })
        #expect(page.rows[row][1] == .text("财务") && page.rows[row][4] == .text("wang.fang@supplier.cn") && page.refs[row] == RecordRef(.supplierContact, id))
        #expect(try db.card(RecordRef(.supplierContact, id), for: finance, today: today).title == "王芳")
        #expect(throws: StoreError.self) { try db.card(RecordRef(.supplierContact, id), for: try Fixtures.actor("rep", in: db), today: today) }
        #expect(try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log WHERE entity = 'supplier_contacts' AND entity_id = ?", arguments: [id]) } == 2)
    }
}
