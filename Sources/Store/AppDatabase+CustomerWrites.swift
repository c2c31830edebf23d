import Domain
import GRDB

/// What saving a new customer came to: saved, or held back because it looks like customers that
/// exist (each shown only as name, owner and since when). An equal normalised name blocks the
/// save; other matches may be saved anyway once the user has seen them.
public enum CustomerSaveResult: Sendable, Equatable {
    case saved(id: Int64)
    case duplicates([DuplicateHint], blocking: Bool)
}

/// A claim a rep filed for a customer another rep owns, as the manager decides it.
public struct ClaimSummary: Sendable, Equatable {
    public var id: Int64
    public var customerId: Int64
    public var customerName: String
    public var claimant: String
    public var owner: String
    public var reason: String
    public var filedOn: String
}

extension AppDatabase {
    /// A customer as stored, for the edit form (with its `version`).
    public func customerForEdit(id: Int64, by actor: Actor) throws(StoreError) -> Customer {
        try read { db in
            try AppDatabase.requireCustomerAccess(db, customerId: id, actor: actor)
            guard let c = try AppDatabase.customer(db, id: id) else { throw StoreError.notFound("customer \(id)") }
            return c
        }
    }

    static func customer(_ db: Database, id: Int64) throws -> Customer? {
        try Row.fetchOne(db, sql: """
            SELECT id, code, name, short_name, status, owner_id, region, industry, source, contact_person, phone, email, address,
                   credit_limit, payment_terms_days, next_contact_on, tags, version FROM customers WHERE id = ?
            """, arguments: [id]).map { r in
            Customer(id: r[0], code: r[1], name: r[2], shortName: r[3], status: CustomerStatus(rawValue: r[4]) ?? .lead, ownerId: r[5],
                     region: r[6], industry: r[7], source: r[8], contactPerson: r[9], phone: r[10], email: r[11], address: r[12],
                     creditLimit: Money(minorUnits: r[13]), paymentTermsDays: r[14], nextContactOn: (r[15] as String?).flatMap { DateOnly(iso: $0) },
                     tags: r[16], version: r[17])
        }
    }

    /// The next free customer code (`C000123`), offered in the new-customer form.
    public func suggestedCustomerCode() throws(StoreError) -> String {
        try read { db in
            var n = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM customers") ?? 0) + 1
            while true {
                let code = "C" + String(String(1_000_000 + n).dropFirst())
                if try Bool.fetchOne(db, sql: "SELECT 1 FROM customers WHERE code = ?", arguments: [code]) != true { return code }
                n += 1
            }
        }
    }

    /// Creates a customer after docs/domain.md's duplicate check against every owner's customers.
    /// A sales rep's customer is always their own.
    public func createCustomer(_ customer: Customer, by actor: Actor, today: DateOnly, at now: Int64, acceptSimilar: Bool = false) throws(StoreError) -> CustomerSaveResult {
        guard actor.can(.editOwnCustomers) || actor.can(.editAllCustomers) else { throw .forbidden("\(actor.role.rawValue) cannot create customers") }
        var c: Customer
        do { c = try customer.validated() } catch { throw .invalid(error) }
        if actor.restrictedToOwnCustomers || c.ownerId == nil { c.ownerId = actor.userId }
        let validated = c
        // The duplicate check runs inside the writing transaction (IMMEDIATE): two reps saving
        // the same name at the same moment cannot both pass it.
        return try write { db in
            let hints = try AppDatabase.duplicateHints(db, name: validated.name, phone: validated.phone, email: validated.email)
            let blocking = hints.contains { $0.rule == .sameName }
            if !hints.isEmpty && (blocking || !acceptSimilar) { return CustomerSaveResult.duplicates(hints, blocking: blocking) }
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM customers WHERE code = ?", arguments: [validated.code]) == true {
                throw StoreError.invalid(DomainError("the code \(validated.code) is taken", field: "code", code: "error.code-taken", validated.code))
            }
            let keys = DuplicateMatching.keys(name: validated.name, phone: validated.phone, email: validated.email)
            try db.execute(sql: """
                INSERT INTO customers (code, name, short_name, status, owner_id, owner_since, region, industry, source, tags, contact_person, phone,
                    email, address, credit_limit, payment_terms_days, next_contact_on, created_on, name_key, phone_key, email_key, email_domain, search_key, sort_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [validated.code, validated.name, validated.shortName, validated.status.rawValue, validated.ownerId, today.iso,
                                 validated.region, validated.industry, validated.source, validated.tags, validated.contactPerson, validated.phone,
                                 validated.email, validated.address, validated.creditLimit.minorUnits, validated.paymentTermsDays,
                                 validated.nextContactOn?.iso, today.iso, keys.name, keys.phone, keys.email, keys.emailDomain,
                                 SearchKey.make(name: validated.name, shortName: validated.shortName, code: validated.code, phone: validated.phone, email: validated.email),
                                 SearchKey.sortKey(name: validated.name)])
            let id = db.lastInsertedRowID
            // The contact person named on the form is a contact of the customer from the start
            // (printed quotes and the contact log name them).
            if let person = validated.contactPerson {
                try db.execute(sql: "INSERT INTO contacts (customer_id, name, phone, email) VALUES (?, ?, ?, ?)", arguments: [id, person, validated.phone, validated.email])
            }
            var after = AppDatabase.auditPairs(validated)
            if !hints.isEmpty { after.append(("saved_despite", hints.map { "\($0.rule.rawValue):\($0.customerId)" }.joined(separator: ","))) }
            try AuditLog.record(db, actor: actor, at: now, action: "customer.create", entity: "customers", entityId: id, after: AuditLog.json(after))
            return .saved(id: id)
        }
    }

    /// Saves an edited customer if nobody saved it since it was read (`version`); otherwise
    /// refuses with what changed, so the form can keep the user's input and say so.
    @discardableResult
    public func updateCustomer(_ customer: Customer, by actor: Actor, at now: Int64) throws(StoreError) -> Int64 {
        guard let id = customer.id else { throw .invalid(DomainError("no customer to update", code: "error.not-found")) }
        let validated: Customer
        do { validated = try customer.validated() } catch { throw .invalid(error) }
        let capability: Capability = actor.can(.editAllCustomers) ? .editAllCustomers : .editOwnCustomers
        return try write { db in
            try AppDatabase.requireCustomerWrite(db, customerId: id, actor: actor, capability)
            guard let stored = try AppDatabase.customer(db, id: id) else { throw StoreError.notFound("customer \(id)") }
            var c = validated
            // Ownership changes go through reassignment or claims, never through the edit form.
            c.ownerId = stored.ownerId
            try AppDatabase.refuseStale(db, entity: "customers", id: id, stored: (stored.version, AppDatabase.auditPairs(stored)),
                                        mine: (c.version, AppDatabase.auditPairs(c)))
            if c.code != stored.code, try Bool.fetchOne(db, sql: "SELECT 1 FROM customers WHERE code = ? AND id <> ?", arguments: [c.code, id]) == true {
                throw StoreError.invalid(DomainError("the code \(c.code) is taken", field: "code", code: "error.code-taken", c.code))
            }
            let keys = DuplicateMatching.keys(name: c.name, phone: c.phone, email: c.email)
            try db.execute(sql: """
                UPDATE customers SET code = ?, name = ?, short_name = ?, status = ?, region = ?, industry = ?, source = ?, tags = ?, contact_person = ?,
                    phone = ?, email = ?, address = ?, credit_limit = ?, payment_terms_days = ?, next_contact_on = ?, name_key = ?, phone_key = ?,
                    email_key = ?, email_domain = ?, search_key = ?, sort_key = ?, lost_on = CASE WHEN ? = 'lost' THEN coalesce(lost_on, ?) ELSE NULL END,
                    version = version + 1
                WHERE id = ? AND version = ?
                """, arguments: [c.code, c.name, c.shortName, c.status.rawValue, c.region, c.industry, c.source, c.tags, c.contactPerson,
                                 c.phone, c.email, c.address, c.creditLimit.minorUnits, c.paymentTermsDays, c.nextContactOn?.iso, keys.name, keys.phone,
                                 keys.email, keys.emailDomain, SearchKey.make(name: c.name, shortName: c.shortName, code: c.code, phone: c.phone, email: c.email),
                                 SearchKey.sortKey(name: c.name), c.status.rawValue, DateOnly(daysSinceEpoch: Int32(now / 86_400)).iso, id, stored.version])
            try AuditLog.record(db, actor: actor, at: now, action: "customer.update", entity: "customers", entityId: id,
                                before: AuditLog.json(AppDatabase.auditPairs(stored)), after: AuditLog.json(AppDatabase.auditPairs(c)))
            return stored.version + 1
        }
    }

    /// Refuses a save based on an older `version` than the stored one, naming who saved last
    /// (from the audit log) and which fields differ between their version and the user's.
    static func refuseStale(_ db: Database, entity: String, id: Int64, stored: (version: Int64, pairs: [(String, String?)]),
                            mine: (version: Int64, pairs: [(String, String?)])) throws {
        guard stored.version != mine.version else { return }
        let who = try String.fetchOne(db, sql: "SELECT login FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id DESC LIMIT 1",
                                      arguments: [entity, id]) ?? "another user"
        let changed = zip(stored.pairs, mine.pairs).compactMap { theirs, ours in theirs.1 != ours.1 ? theirs.0 : nil }
        throw StoreError.stale("\(who) saved this record after you opened it" + (changed.isEmpty ? "" : " (changed: \(changed.joined(separator: ", ")))") +
                               ". Your input is kept; save again to replace their version, or Esc to drop yours.", currentVersion: stored.version)
    }

    static func auditPairs(_ c: Customer) -> [(String, String?)] {
        [("code", c.code), ("name", c.name), ("short_name", c.shortName), ("status", c.status.rawValue), ("owner_id", c.ownerId.map(String.init)),
         ("region", c.region), ("industry", c.industry), ("source", c.source), ("tags", c.tags), ("contact_person", c.contactPerson),
         ("phone", c.phone), ("email", c.email), ("address", c.address), ("credit_limit", String(c.creditLimit.minorUnits)),
         ("payment_terms_days", String(c.paymentTermsDays)), ("next_contact_on", c.nextContactOn?.iso)]
    }

    /// A rep asks the manager for a customer another rep owns (after a duplicate hint).
    @discardableResult
    public func fileClaim(customerId: Int64, reason: String, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> Int64 {
        guard actor.can(.fileClaims) else { throw .forbidden("\(actor.role.rawValue) cannot file claims") }
        let why = reason.trimmingSpaces()
        guard !why.isEmpty else { throw .invalid(DomainError("say why the customer should be yours", field: "reason", code: "error.claim-reason")) }
        return try write { db in
            guard let owner = try Row.fetchOne(db, sql: "SELECT owner_id FROM customers WHERE id = ?", arguments: [customerId]) else {
                throw StoreError.notFound("customer \(customerId)")
            }
            if (owner[0] as Int64?) == actor.userId { throw StoreError.invalid(DomainError("this customer is already yours", code: "error.already-yours")) }
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM claims WHERE customer_id = ? AND claimant_id = ? AND status = 'pending'",
                                 arguments: [customerId, actor.userId]) == true {
                throw StoreError.invalid(DomainError("you already asked for this customer; the manager has not decided yet", code: "error.claim-pending"))
            }
            try db.execute(sql: "INSERT INTO claims (customer_id, claimant_id, status, reason, filed_on) VALUES (?, ?, 'pending', ?, ?)",
                           arguments: [customerId, actor.userId, why, today.iso])
            let id = db.lastInsertedRowID
            try AuditLog.record(db, actor: actor, at: now, action: "claim.file", entity: "claims", entityId: id,
                                after: AuditLog.json([("customer_id", String(customerId)), ("reason", why)]))
            return id
        }
    }

    public func claim(id: Int64, for actor: Actor) throws(StoreError) -> ClaimSummary {
        guard actor.can(.approveClaims) else { throw .forbidden("only a manager decides claims") }
        return try read { db in
            guard let r = try Row.fetchOne(db, sql: """
                SELECT k.id, c.id, c.name, cl.display_name, coalesce(o.display_name, ''), k.reason, k.filed_on
                FROM claims k JOIN customers c ON c.id = k.customer_id JOIN users cl ON cl.id = k.claimant_id LEFT JOIN users o ON o.id = c.owner_id
                WHERE k.id = ?
                """, arguments: [id]) else { throw StoreError.notFound("claim \(id)") }
            return ClaimSummary(id: r[0], customerId: r[1], customerName: r[2], claimant: r[3], owner: r[4], reason: r[5], filedOn: r[6])
        }
    }

    /// The manager approves (the customer and its open documents go to the claimant) or rejects
    /// a pending claim. Approving one claim rejects the others pending for the same customer.
    public func decideClaim(id: Int64, approve: Bool, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) {
        guard actor.can(.approveClaims) else { throw .forbidden("only a manager decides claims") }
        try write { db in
            guard let r = try Row.fetchOne(db, sql: "SELECT customer_id, claimant_id, status FROM claims WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound("claim \(id)")
            }
            guard (r[2] as String) == "pending" else { throw StoreError.invalid(DomainError("this claim was already \(r[2] as String)", code: "error.claim-decided", "status.\(r[2] as String)")) }
            let customerId: Int64 = r[0], claimant: Int64 = r[1]
            try db.execute(sql: "UPDATE claims SET status = ?, decided_by = ?, decided_on = ?, version = version + 1 WHERE id = ?",
                           arguments: [approve ? "approved" : "rejected", actor.userId, today.iso, id])
            try AuditLog.record(db, actor: actor, at: now, action: approve ? "claim.approve" : "claim.reject", entity: "claims", entityId: id)
            guard approve else { return }
            try db.execute(sql: "UPDATE claims SET status = 'rejected', decided_by = ?, decided_on = ?, version = version + 1 WHERE customer_id = ? AND status = 'pending'",
                           arguments: [actor.userId, today.iso, customerId])
            try AppDatabase.reassignCustomer(db, customerId: customerId, to: claimant, by: actor, today: today, at: now)
        }
    }

    /// Moves a customer and its open documents (draft/sent quotes, open orders, open opportunities,
    /// open receivables) to another rep, with one audit entry naming every moved document count.
    static func reassignCustomer(_ db: Database, customerId: Int64, to rep: Int64, by actor: Actor, today: DateOnly, at now: Int64) throws {
        let previous = try Int64.fetchOne(db, sql: "SELECT owner_id FROM customers WHERE id = ?", arguments: [customerId])
        try db.execute(sql: "UPDATE customers SET owner_id = ?, owner_since = ?, version = version + 1 WHERE id = ?", arguments: [rep, today.iso, customerId])
        var moved: [(String, String?)] = [("owner_id", String(rep))]
        for (table, condition) in [("quotes", "status IN ('draft','sent')"), ("sales_orders", "status IN ('open','partially_shipped')"),
                                   ("opportunities", "stage NOT IN ('won','lost')")] {
            try db.execute(sql: "UPDATE \(table) SET owner_id = ?, version = version + 1 WHERE customer_id = ? AND \(condition)", arguments: [rep, customerId])
            moved.append((table, String(db.changesCount)))
        }
        try db.execute(sql: "UPDATE receivables SET rep_id = ? WHERE customer_id = ? AND status = 'posted' AND open_amount > 0", arguments: [rep, customerId])
        moved.append(("receivables", String(db.changesCount)))
        try AuditLog.record(db, actor: actor, at: now, action: "customer.reassign", entity: "customers", entityId: customerId,
                            before: AuditLog.json([("owner_id", previous.map(String.init))]), after: AuditLog.json(moved))
    }
}
