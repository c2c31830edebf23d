import Domain
import GRDB

extension AppDatabase {
    /// Logs a call, e-mail, IM, visit or meeting. The customer's last contact moves to this one
    /// (if later), its next contact becomes the entry's, and earlier open follow-ups are done.
    @discardableResult
    public func logContact(_ entry: ContactLogEntry, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> Int64 {
        let e: ContactLogEntry
        do { e = try entry.validated(today: today) } catch { throw .invalid(error) }
        return try write { db in
            try AppDatabase.requireCustomerWrite(db, customerId: e.customerId, actor: actor, .logContacts)
            if let contact = e.contactId,
               try Int64.fetchOne(db, sql: "SELECT customer_id FROM contacts WHERE id = ?", arguments: [contact]) != e.customerId {
                throw StoreError.invalid(DomainError("that contact is not at this customer", field: "contact", code: "error.contact-elsewhere"))
            }
            let before = try AppDatabase.contactDates(db, customerId: e.customerId)
            try db.execute(sql: "UPDATE contact_log SET done = 1, version = version + 1 WHERE customer_id = ? AND done = 0 AND next_contact_on IS NOT NULL",
                           arguments: [e.customerId])
            try db.execute(sql: """
                INSERT INTO contact_log (customer_id, contact_id, user_id, kind, happened_on, summary, outcome, next_contact_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [e.customerId, e.contactId, actor.userId, e.kind.rawValue, e.happenedOn.iso, e.summary, e.outcome, e.nextContactOn?.iso])
            let id = db.lastInsertedRowID
            try db.execute(sql: """
                UPDATE customers SET last_contact_on = max(coalesce(last_contact_on, ''), ?), next_contact_on = ?, version = version + 1 WHERE id = ?
                """, arguments: [e.happenedOn.iso, e.nextContactOn?.iso, e.customerId])
            try AuditLog.record(db, actor: actor, at: now, action: "contact.log", entity: "contact_log", entityId: id, before: before,
                                after: AuditLog.json([("customer_id", String(e.customerId)), ("kind", e.kind.rawValue), ("happened_on", e.happenedOn.iso),
                                                      ("summary", e.summary), ("outcome", e.outcome), ("next_contact_on", e.nextContactOn?.iso)]))
            return id
        }
    }

    /// Moves the customer's next contact to another day (a reminder put off).
    public func postponeContact(customerId: Int64, to date: DateOnly, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) {
        guard date >= today else { throw .invalid(DomainError("\(date) is in the past; postpone to today or later", field: "next_contact_on", code: "error.postpone-past", date.iso)) }
        try write { db in
            try AppDatabase.requireCustomerWrite(db, customerId: customerId, actor: actor, .logContacts)
            let before = try AppDatabase.contactDates(db, customerId: customerId)
            try db.execute(sql: "UPDATE customers SET next_contact_on = ?, version = version + 1 WHERE id = ?", arguments: [date.iso, customerId])
            try AuditLog.record(db, actor: actor, at: now, action: "contact.postpone", entity: "customers", entityId: customerId,
                                before: before, after: AuditLog.json([("next_contact_on", date.iso)]))
        }
    }

    /// The follow-up is done without a new entry: no next contact planned, open follow-ups closed.
    /// Returns what it changed, for an undo.
    @discardableResult
    public func markContactDone(customerId: Int64, by actor: Actor, at now: Int64) throws(StoreError) -> FollowUpUndo {
        try write { db in
            let name = try AppDatabase.requireCustomerWrite(db, customerId: customerId, actor: actor, .logContacts)
            let before = try AppDatabase.contactDates(db, customerId: customerId)
            let next = try String.fetchOne(db, sql: "SELECT next_contact_on FROM customers WHERE id = ?", arguments: [customerId]).flatMap { DateOnly(iso: $0) }
            let closed = try Int64.fetchAll(db, sql: "SELECT id FROM contact_log WHERE customer_id = ? AND done = 0", arguments: [customerId])
            try db.execute(sql: "UPDATE contact_log SET done = 1, version = version + 1 WHERE customer_id = ? AND done = 0", arguments: [customerId])
            try db.execute(sql: "UPDATE customers SET next_contact_on = NULL, version = version + 1 WHERE id = ?", arguments: [customerId])
            try AuditLog.record(db, actor: actor, at: now, action: "contact.done", entity: "customers", entityId: customerId,
                                before: before, after: AuditLog.json([("next_contact_on", nil)]))
            let version = try Int64.fetchOne(db, sql: "SELECT version FROM customers WHERE id = ?", arguments: [customerId]) ?? 0
            return FollowUpUndo(customerId: customerId, name: name, nextContactOn: next, closedEntries: closed, version: version)
        }
    }

    /// Puts back a follow-up just marked done — unless the customer changed since, which wins.
    public func undoContactDone(_ undo: FollowUpUndo, by actor: Actor, at now: Int64) throws(StoreError) {
        try write { db in
            try AppDatabase.requireCustomerWrite(db, customerId: undo.customerId, actor: actor, .logContacts)
            try AppDatabase.refuseStale(db, entity: "customers", id: undo.customerId,
                                        stored: (try Int64.fetchOne(db, sql: "SELECT version FROM customers WHERE id = ?", arguments: [undo.customerId]) ?? 0, []),
                                        mine: (undo.version, []))
            try db.execute(sql: "UPDATE customers SET next_contact_on = ?, version = version + 1 WHERE id = ?", arguments: [undo.nextContactOn?.iso, undo.customerId])
            for id in undo.closedEntries {
                try db.execute(sql: "UPDATE contact_log SET done = 0, version = version + 1 WHERE id = ? AND customer_id = ?", arguments: [id, undo.customerId])
            }
            try AuditLog.record(db, actor: actor, at: now, action: "contact.done-undone", entity: "customers", entityId: undo.customerId,
                                before: AuditLog.json([("next_contact_on", nil)]), after: AuditLog.json([("next_contact_on", undo.nextContactOn?.iso)]))
        }
    }

    static func contactDates(_ db: Database, customerId: Int64) throws -> String? {
        try Row.fetchOne(db, sql: "SELECT last_contact_on, next_contact_on FROM customers WHERE id = ?", arguments: [customerId]).map {
            AuditLog.json([("last_contact_on", $0[0]), ("next_contact_on", $0[1])])
        }
    }

    /// A rep's contact-log entries per day over the `days` days up to `today`, by kind: the
    /// "my visits" view. Days without entries are there with zeros.
    public func contactActivity(for actor: Actor, today: DateOnly, days: Int = 30) throws(StoreError) -> [ContactDay] {
        let from = today.adding(days: -(days - 1))
        return try read { db in
            var byDay: [String: ContactDay] = [:]
            for r in try Row.fetchAll(db, sql: """
                SELECT happened_on, kind, COUNT(*) FROM contact_log WHERE user_id = ? AND happened_on BETWEEN ? AND ? GROUP BY happened_on, kind
                """, arguments: [actor.userId, from.iso, today.iso]) {
                let day: String = r[0]
                var d = byDay[day] ?? ContactDay(day: DateOnly(iso: day) ?? today, counts: [:])
                if let kind = ContactKind(rawValue: r[1]) { d.counts[kind, default: 0] += r[2] }
                byDay[day] = d
            }
            return (0..<days).map { i in
                let d = from.adding(days: i)
                return byDay[d.iso] ?? ContactDay(day: d, counts: [:])
            }
        }
    }
}

/// Contact-log entries of one day, per kind.
public struct ContactDay: Sendable, Equatable {
    public var day: DateOnly
    public var counts: [ContactKind: Int]
    public var total: Int { counts.values.reduce(0, +) }
}
