import Domain
import GRDB

extension AppDatabase {
    public func contactForEdit(id: Int64, by actor: Actor) throws(StoreError) -> Contact {
        try read { db in
            guard let c = try AppDatabase.contact(db, id: id) else { throw StoreError.notFound("contact \(id)") }
            try AppDatabase.requireCustomerAccess(db, customerId: c.customerId, actor: actor)
            return c
        }
    }

    static func contact(_ db: Database, id: Int64) throws -> Contact? {
        try Row.fetchOne(db, sql: "SELECT id, customer_id, name, title, mobile, phone, email, wechat, qq, birthday, notes, version FROM contacts WHERE id = ?",
                         arguments: [id]).map { r in
            Contact(id: r[0], customerId: r[1], name: r[2], title: r[3], mobile: r[4], phone: r[5], email: r[6], wechat: r[7], qq: r[8],
                    birthday: (r[9] as String?).flatMap { Birthday(stored: $0) }, notes: r[10], version: r[11])
        }
    }

    static func auditPairs(_ c: Contact) -> [(String, String?)] {
        [("customer_id", String(c.customerId)), ("name", c.name), ("title", c.title), ("mobile", c.mobile), ("phone", c.phone), ("email", c.email),
         ("wechat", c.wechat), ("qq", c.qq), ("birthday", c.birthday?.stored), ("notes", c.notes)]
    }

    /// Adds a contact (no `id`) or saves an edited one if nobody saved it meanwhile.
    @discardableResult
    public func saveContact(_ contact: Contact, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> Int64 {
        let c: Contact
        do { c = try contact.validated(today: today) } catch { throw .invalid(error) }
        let capability: Capability = actor.can(.editAllCustomers) ? .editAllCustomers : .editOwnCustomers
        return try write { db in
            try AppDatabase.requireCustomerWrite(db, customerId: c.customerId, actor: actor, capability)
            let values: [(any DatabaseValueConvertible)?] = [c.name, c.title, c.mobile, c.phone, c.email, c.wechat, c.qq, c.birthday?.stored, c.notes]
            guard let id = c.id else {
                try db.execute(sql: "INSERT INTO contacts (name, title, mobile, phone, email, wechat, qq, birthday, notes, customer_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               arguments: StatementArguments(values + [c.customerId]))
                let id = db.lastInsertedRowID
                try AuditLog.record(db, actor: actor, at: now, action: "contact.create", entity: "contacts", entityId: id, after: AuditLog.json(AppDatabase.auditPairs(c)))
                return id
            }
            guard let stored = try AppDatabase.contact(db, id: id), stored.customerId == c.customerId else { throw StoreError.notFound("contact \(id)") }
            try AppDatabase.refuseStale(db, entity: "contacts", id: id, stored: (stored.version, AppDatabase.auditPairs(stored)),
                                        mine: (c.version, AppDatabase.auditPairs(c)))
            try db.execute(sql: """
                UPDATE contacts SET name = ?, title = ?, mobile = ?, phone = ?, email = ?, wechat = ?, qq = ?, birthday = ?, notes = ?, version = version + 1
                WHERE id = ? AND version = ?
                """, arguments: StatementArguments(values + [id, stored.version]))
            try AuditLog.record(db, actor: actor, at: now, action: "contact.update", entity: "contacts", entityId: id,
                                before: AuditLog.json(AppDatabase.auditPairs(stored)), after: AuditLog.json(AppDatabase.auditPairs(c)))
            return id
        }
    }

    public func opportunityForEdit(id: Int64, by actor: Actor) throws(StoreError) -> Opportunity {
        try read { db in
            guard let o = try AppDatabase.opportunity(db, id: id) else { throw StoreError.notFound("opportunity \(id)") }
            try AppDatabase.requireCustomerAccess(db, customerId: o.customerId, actor: actor)
            return o
        }
    }

    static func opportunity(_ db: Database, id: Int64) throws -> Opportunity? {
        try Row.fetchOne(db, sql: "SELECT id, customer_id, title, stage, amount, probability_bp, expected_close, lost_reason, version FROM opportunities WHERE id = ?",
                         arguments: [id]).map { r in
            Opportunity(id: r[0], customerId: r[1], title: r[2], stage: OpportunityStage(rawValue: r[3]) ?? .qualification, amount: Money(minorUnits: r[4]),
                        probability: BasisPoints(r[5]), expectedClose: (r[6] as String?).flatMap { DateOnly(iso: $0) }, lostReason: r[7], version: r[8])
        }
    }

    static func auditPairs(_ o: Opportunity) -> [(String, String?)] {
        [("customer_id", String(o.customerId)), ("title", o.title), ("stage", o.stage.rawValue), ("amount", String(o.amount.minorUnits)),
         ("probability_bp", String(o.probability.value)), ("expected_close", o.expectedClose?.iso), ("lost_reason", o.lostReason)]
    }

    /// Adds or saves an opportunity. Moving it to won or lost closes it today; reopening clears that.
    @discardableResult
    public func saveOpportunity(_ opportunity: Opportunity, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> Int64 {
        let o: Opportunity
        do { o = try opportunity.validated() } catch { throw .invalid(error) }
        return try write { db in
            try AppDatabase.requireCustomerWrite(db, customerId: o.customerId, actor: actor, .editQuotes)
            guard let id = o.id else {
                let owner = try Int64.fetchOne(db, sql: "SELECT owner_id FROM customers WHERE id = ?", arguments: [o.customerId]) ?? actor.userId
                try db.execute(sql: """
                    INSERT INTO opportunities (customer_id, owner_id, title, stage, amount, probability_bp, expected_close, closed_on, lost_reason, created_on)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [o.customerId, owner, o.title, o.stage.rawValue, o.amount.minorUnits, o.probability.value, o.expectedClose?.iso,
                                     o.stage.isClosed ? today.iso : nil, o.lostReason, today.iso])
                let id = db.lastInsertedRowID
                try AuditLog.record(db, actor: actor, at: now, action: "opportunity.create", entity: "opportunities", entityId: id, after: AuditLog.json(AppDatabase.auditPairs(o)))
                return id
            }
            guard let stored = try AppDatabase.opportunity(db, id: id), stored.customerId == o.customerId else { throw StoreError.notFound("opportunity \(id)") }
            try AppDatabase.refuseStale(db, entity: "opportunities", id: id, stored: (stored.version, AppDatabase.auditPairs(stored)),
                                        mine: (o.version, AppDatabase.auditPairs(o)))
            try db.execute(sql: """
                UPDATE opportunities SET title = ?, stage = ?, amount = ?, probability_bp = ?, expected_close = ?, lost_reason = ?,
                    closed_on = CASE WHEN ? THEN coalesce(closed_on, ?) ELSE NULL END, version = version + 1
                WHERE id = ? AND version = ?
                """, arguments: [o.title, o.stage.rawValue, o.amount.minorUnits, o.probability.value, o.expectedClose?.iso, o.lostReason,
                                 o.stage.isClosed, today.iso, id, stored.version])
            try AuditLog.record(db, actor: actor, at: now, action: "opportunity.update", entity: "opportunities", entityId: id,
                                before: AuditLog.json(AppDatabase.auditPairs(stored)), after: AuditLog.json(AppDatabase.auditPairs(o)))
            return id
        }
    }
}
