import Domain
import GRDB

/// A supplier read back for its form.
public struct SupplierForEdit: Sendable, Equatable {
    public var id: Int64
    public var version: Int64
    public var supplier: Supplier
}

extension AppDatabase {
    static func auditPairs(_ s: Supplier) -> [(String, String?)] {
        [("code", s.code), ("name", s.name), ("contact_person", s.contactPerson), ("phone", s.phone), ("email", s.email), ("address", s.address),
         ("payment_terms_days", String(s.paymentTermsDays))]
    }

    /// Creates (`id` nil) or changes a supplier: validated, its code unique, audited. A name equal
    /// to another supplier's once normalised (docs/domain.md's rule for customers) is refused
    /// naming that supplier unless `acceptSimilar` (the form's second Ctrl-S); a change saved over
    /// someone else's is refused as stale.
    @discardableResult
    public func saveSupplier(_ supplier: Supplier, id: Int64? = nil, version: Int64 = 1, acceptSimilar: Bool = false, by actor: Actor, at now: Int64) throws(StoreError) -> Int64 {
        guard actor.can(.editSuppliers) else { throw .forbidden("\(actor.role.rawValue) cannot edit suppliers") }
        let s: Supplier
        do { s = try supplier.validated() } catch { throw .invalid(error) }
        return try write { db in
            if let taken = try String.fetchOne(db, sql: "SELECT name FROM suppliers WHERE code = ? AND id <> ?", arguments: [s.code, id ?? 0]) {
                throw StoreError.invalid(DomainError("code \(s.code) is \(taken)'s", field: "code", code: "error.code-taken", s.code, taken))
            }
            let storedName = try id.flatMap { try String.fetchOne(db, sql: "SELECT name FROM suppliers WHERE id = ?", arguments: [$0]) }
            let key = DuplicateMatching.normalizeName(s.name)
            // A name that did not change (once normalised) was judged when it was saved.
            if !acceptSimilar, storedName.map({ DuplicateMatching.normalizeName($0) != key }) ?? true {
                for r in try Row.fetchAll(db, sql: "SELECT id, code, name FROM suppliers WHERE id <> ?", arguments: [id ?? 0]) where DuplicateMatching.normalizeName(r[2]) == key {
                    throw StoreError.invalid(DomainError("similar to \(r[2] as String) (\(r[1] as String)); save again to keep both", field: "name",
                                                         code: "error.supplier-similar", r[2], r[1]))
                }
            }
            let pairs = AppDatabase.auditPairs(s)
            guard let id else {
                try db.execute(sql: "INSERT INTO suppliers (code, name, contact_person, phone, email, address, payment_terms_days) VALUES (?, ?, ?, ?, ?, ?, ?)",
                               arguments: [s.code, s.name, s.contactPerson, s.phone, s.email, s.address, s.paymentTermsDays])
                let new = db.lastInsertedRowID
                try AuditLog.record(db, actor: actor, at: now, action: "supplier.create", entity: "suppliers", entityId: new, after: AuditLog.json(pairs))
                return new
            }
            guard let stored = try AppDatabase.supplier(db, id: id) else { throw StoreError.notFound("supplier \(id)") }
            try AppDatabase.refuseStale(db, entity: "suppliers", id: id, stored: (stored.version, AppDatabase.auditPairs(stored.supplier)), mine: (version, pairs))
            try db.execute(sql: """
                UPDATE suppliers SET code = ?, name = ?, contact_person = ?, phone = ?, email = ?, address = ?, payment_terms_days = ?, version = version + 1 WHERE id = ?
                """, arguments: [s.code, s.name, s.contactPerson, s.phone, s.email, s.address, s.paymentTermsDays, id])
            try AuditLog.record(db, actor: actor, at: now, action: "supplier.update", entity: "suppliers", entityId: id,
                                before: AuditLog.json(AppDatabase.auditPairs(stored.supplier)), after: AuditLog.json(pairs))
            return id
        }
    }

    public func supplierForEdit(id: Int64, by actor: Actor) throws(StoreError) -> SupplierForEdit {
        guard actor.can(.editSuppliers) else { throw .forbidden("\(actor.role.rawValue) cannot edit suppliers") }
        return try read { db in
            guard let s = try AppDatabase.supplier(db, id: id) else { throw StoreError.notFound("supplier \(id)") }
            return s
        }
    }

    static func supplier(_ db: Database, id: Int64) throws -> SupplierForEdit? {
        try Row.fetchOne(db, sql: "SELECT code, name, contact_person, phone, email, address, payment_terms_days, version FROM suppliers WHERE id = ?", arguments: [id]).map {
            SupplierForEdit(id: id, version: $0[7], supplier: Supplier(code: $0[0], name: $0[1], contactPerson: $0[2], phone: $0[3], email: $0[4], address: $0[5],
                                                                       paymentTermsDays: $0[6]))
        }
    }
}
