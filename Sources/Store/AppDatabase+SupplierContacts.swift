import Domain
import GRDB

/// A person at a supplier (`supplier_contacts`): added and edited by those who keep suppliers,
/// read by whoever sees them; audited like a customer's contact.
enum SupplierContactCard: CardBuilder {
    static func header(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> RecordCard {
        try AppDatabase.requireSupplierSide(actor)
        guard let c = try AppDatabase.supplierContact(db, id: id),
              let supplier = try String.fetchOne(db, sql: "SELECT name FROM suppliers WHERE id = ?", arguments: [c.supplierId]) else {
            throw StoreError.notFound("supplier contact \(id)")
        }
        return RecordCard(ref: RecordRef(.supplierContact, id), title: c.name, fields: [
            .init("field.supplier", .text(supplier)), .init("field.title", .text(orEmpty: c.title)), .init("field.mobile", .text(orEmpty: c.mobile)),
            .init("field.phone", .text(orEmpty: c.phone)), .init("field.email", .text(orEmpty: c.email)), .init("field.wechat", .text(orEmpty: c.wechat)),
            .init("field.notes", .text(orEmpty: c.notes)),
        ], sections: [])
    }
}

extension AppDatabase {
    public func supplierContactForEdit(id: Int64, by actor: Actor) throws(StoreError) -> SupplierContact {
        try read { db in
            try AppDatabase.requireSupplierSide(actor)
            guard let c = try AppDatabase.supplierContact(db, id: id) else { throw StoreError.notFound("supplier contact \(id)") }
            return c
        }
    }

    static func supplierContact(_ db: Database, id: Int64) throws -> SupplierContact? {
        try Row.fetchOne(db, sql: "SELECT id, supplier_id, name, title, mobile, phone, email, wechat, notes, version FROM supplier_contacts WHERE id = ?",
                         arguments: [id]).map { r in
            SupplierContact(id: r[0], supplierId: r[1], name: r[2], title: r[3], mobile: r[4], phone: r[5], email: r[6], wechat: r[7], notes: r[8], version: r[9])
        }
    }

    static func auditPairs(_ c: SupplierContact) -> [(String, String?)] {
        [("supplier_id", String(c.supplierId)), ("name", c.name), ("title", c.title), ("mobile", c.mobile), ("phone", c.phone), ("email", c.email),
         ("wechat", c.wechat), ("notes", c.notes)]
    }

    /// Adds a supplier's contact (no `id`) or saves an edited one if nobody saved it meanwhile.
    @discardableResult
    public func saveSupplierContact(_ contact: SupplierContact, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> Int64 {
        let c: SupplierContact
        do { c = try contact.validated(today: today) } catch { throw .invalid(error) }
        return try write { db in
            guard actor.can(.editSuppliers) else { throw StoreError.forbidden("\(actor.role.rawValue) cannot edit suppliers") }
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM suppliers WHERE id = ?", arguments: [c.supplierId]) == true else { throw StoreError.notFound("supplier \(c.supplierId)") }
            let values: [(any DatabaseValueConvertible)?] = [c.name, c.title, c.mobile, c.phone, c.email, c.wechat, c.notes]
            guard let id = c.id else {
                try db.execute(sql: "INSERT INTO supplier_contacts (name, title, mobile, phone, email, wechat, notes, supplier_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                               arguments: StatementArguments(values + [c.supplierId]))
                let id = db.lastInsertedRowID
                try AuditLog.record(db, actor: actor, at: now, action: "supplier_contact.create", entity: "supplier_contacts", entityId: id,
                                    after: AuditLog.json(AppDatabase.auditPairs(c)))
                return id
            }
            guard let stored = try AppDatabase.supplierContact(db, id: id), stored.supplierId == c.supplierId else { throw StoreError.notFound("supplier contact \(id)") }
            try AppDatabase.refuseStale(db, entity: "supplier_contacts", id: id, stored: (stored.version, AppDatabase.auditPairs(stored)),
                                        mine: (c.version, AppDatabase.auditPairs(c)))
            try db.execute(sql: """
                UPDATE supplier_contacts SET name = ?, title = ?, mobile = ?, phone = ?, email = ?, wechat = ?, notes = ?, version = version + 1 WHERE id = ? AND version = ?
                """, arguments: StatementArguments(values + [id, stored.version]))
            try AuditLog.record(db, actor: actor, at: now, action: "supplier_contact.update", entity: "supplier_contacts", entityId: id,
                                before: AuditLog.json(AppDatabase.auditPairs(stored)), after: AuditLog.json(AppDatabase.auditPairs(c)))
            return id
        }
    }
}
