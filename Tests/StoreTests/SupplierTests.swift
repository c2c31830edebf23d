import Domain
import GRDB
@testable import Store
import Testing
import TestSupport

/// Suppliers: created and changed with validation, a unique code, a name like another's refused
/// naming it unless kept on purpose, a change over someone else's refused as stale, audited;
/// listed by name or code and found by code, name or pinyin.
@Suite struct SupplierTests {
    let now: Int64 = 1_795_000_000

    func refusal(_ e: any Error) -> DomainError? { if case .invalid(let d)? = e as? StoreError { d } else { nil } }

    @Test func createChangeAndFindSuppliers() throws {
        let db = DemoFixture.make(inMemory: true)
        let buyer = try Fixtures.actor("purchasing", in: db)
        let (code, name) = try db.read { db -> (String, String) in
            let r = try Row.fetchOne(db, sql: "SELECT code, name FROM suppliers ORDER BY id LIMIT 1")
            return (r?[0] ?? "", r?[1] ?? "")
        }
        let count = try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM suppliers") ?? 0 }
        #expect { try db.saveSupplier(Supplier(code: code, name: "Another Co"), by: buyer, at: now) } throws: { refusal($0)?.field == "code" }
        #expect { try db.saveSupplier(Supplier(code: "S-NEW", name: "  " + name.uppercased() + " "), by: buyer, at: now) } throws: {
            refusal($0)?.code == "error.supplier-similar" && refusal($0)?.arguments == [name, code]
        }
        #expect { try db.saveSupplier(Supplier(code: "S-NEW", name: "温州 Wenzhou Valves", phone: "abc"), by: buyer, at: now) } throws: { refusal($0)?.field == "phone" }
        #expect(try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM suppliers") ?? 0 } == count)
        let id = try db.saveSupplier(Supplier(code: "S-NEW", name: "温州阀门厂 Wenzhou Valves", contactPerson: "王工", paymentTermsDays: 45), by: buyer, at: now)
        // Kept on purpose: a second one with a like name.
        _ = try db.saveSupplier(Supplier(code: "S-NEW2", name: "温州阀门厂 Wenzhou Valves"), acceptSimilar: true, by: buyer, at: now)
        var edit = try db.supplierForEdit(id: id, by: buyer)
        #expect(edit.version == 1 && edit.supplier.paymentTermsDays == 45)
        edit.supplier.paymentTermsDays = 60
        // Its name unchanged, the like-named one kept on purpose does not hold the change up.
        try db.saveSupplier(edit.supplier, id: id, version: 1, by: buyer, at: now)
        #expect(throws: StoreError.self) { try db.saveSupplier(edit.supplier, id: id, version: 1, acceptSimilar: true, by: buyer, at: now) }
        #expect(try db.supplierForEdit(id: id, by: buyer).supplier.paymentTermsDays == 60)
        #expect(try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log WHERE entity = 'suppliers' AND entity_id = ?", arguments: [id]) ?? 0 } == 2)
        // By pinyin initials of its name; the list in name order pages through every supplier once.
        let found = try db.listSearch(ListQuery(.suppliers, sort: "name"), text: "wzfmc", limit: 10, for: buyer, today: Fixtures.today)
        #expect(found.rows.map(\.ref.id).contains(id))
        var seen: [Int64] = [], after: ListCursor?
        while true {
            let page = try db.listPage(ListQuery(.suppliers, sort: "name"), after: after, limit: 7, backwards: false, for: buyer, today: Fixtures.today)
            seen += page.rows.map(\.ref.id)
            guard page.rows.count == 7, let last = page.rows.last else { break }
            after = last.cursor
        }
        #expect(seen.count == count + 2 && Set(seen).count == seen.count)
        // Finance sees suppliers (their payables) but does not edit them; a rep neither.
        #expect(throws: StoreError.self) { try db.saveSupplier(Supplier(code: "X", name: "X"), by: try Fixtures.actor("finance", in: db), at: now) }
        #expect(throws: StoreError.self) { try db.listPage(ListQuery(.suppliers, sort: "name"), after: nil, limit: 5, backwards: false, for: try Fixtures.actor("rep", in: db), today: Fixtures.today) }
    }
}
