import Domain
import GRDB

/// A customer's contacts as a form offers them (the log entry's "with whom").
public struct ContactOption: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var title: String
}

extension AppDatabase {
    /// Records what a customer said (CSAT, NPS or a complaint), by whoever may log contacts for
    /// the customer; audited.
    @discardableResult
    public func saveFeedback(_ feedback: Feedback, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> Int64 {
        let f: Feedback
        do { f = try feedback.validated(today: today) } catch { throw .invalid(error) }
        return try write { db in
            try AppDatabase.requireCustomerWrite(db, customerId: f.customerId, actor: actor, .logContacts)
            // A complaint is the customer's owner's to handle until the manager hands it on.
            try db.execute(sql: """
                INSERT INTO feedback (customer_id, kind, score, received_on, note, handler_id)
                VALUES (?, ?, ?, ?, ?, CASE WHEN ?2 = 'complaint' THEN (SELECT owner_id FROM customers WHERE id = ?1) END)
                """, arguments: [f.customerId, f.kind.rawValue, f.score, f.receivedOn.iso, f.note])
            let id = db.lastInsertedRowID
            try AuditLog.record(db, actor: actor, at: now, action: "feedback.create", entity: "feedback", entityId: id,
                                after: AuditLog.json([("customer_id", String(f.customerId)), ("kind", f.kind.rawValue), ("score", f.score.map(String.init)),
                                                      ("received_on", f.receivedOn.iso), ("note", f.note)]))
            return id
        }
    }

    /// The customer's contacts by name, for a form's "with whom".
    public func contactOptions(customerId: Int64, by actor: Actor) throws(StoreError) -> [ContactOption] {
        try read { db in
            try AppDatabase.requireCustomerAccess(db, customerId: customerId, actor: actor)
            return try Row.fetchAll(db, sql: "SELECT id, name, coalesce(title, '') FROM contacts WHERE customer_id = ? ORDER BY name, id", arguments: [customerId])
                .map { ContactOption(id: $0[0], name: $0[1], title: $0[2]) }
        }
    }
}
