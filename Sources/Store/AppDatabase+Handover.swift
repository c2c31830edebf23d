import Domain
import GRDB

/// What a departing rep leaves: their customers and the open work on them.
public struct HandoverSource: Sendable, Equatable {
    /// The leaving rep; nil for customers marked on the customer list (each from its owner).
    public var rep: UserAccount?
    /// The customers marked, when they are handed over rather than all of a rep's.
    public var selection: [Int64] = []
    public var customers: Int64
    public var openQuotes: Int64
    public var openOrders: Int64
    public var openOpportunities: Int64
    public var openReceivables: Int64
    public var receivablesOpen: Money
    /// The active reps who may take them.
    public var takers: [UserAccount]
}

/// Handing over a departing rep's customers (`:handover`, the manager's): to one rep or spread
/// over several, every customer with its open quotes, orders, opportunities and receivables, in
/// one transaction, an audit entry per customer; then, if asked, the rep disabled. "No employee
/// leaves with the customers."
extension AppDatabase {
    public func handoverSource(from rep: Int64, by actor: Actor) throws(StoreError) -> HandoverSource {
        try read { db in
            guard actor.can(.reassignCustomers) else { throw StoreError.forbidden("only the manager hands customers over") }
            let users = try AppDatabase.userAccounts(db)
            guard let leaving = users.first(where: { $0.id == rep }) else { throw StoreError.notFound("user \(rep)") }
            var source = try AppDatabase.handoverSource(db, customers: "c.owner_id = ?", arguments: [rep], takers: users.filter { $0.role == .salesRep && $0.active && $0.id != rep })
            source.rep = leaving
            return source
        }
    }

    /// What the customers marked on the customer list leave with them, and who may take them.
    public func handoverSource(customers ids: [Int64], by actor: Actor) throws(StoreError) -> HandoverSource {
        try read { db in
            guard actor.can(.reassignCustomers) else { throw StoreError.forbidden("only the manager hands customers over") }
            let users = try AppDatabase.userAccounts(db)
            var source = try AppDatabase.handoverSource(db, customers: "c.id IN (SELECT value FROM json_each(?))", arguments: [AppDatabase.jsonArray(ids)],
                                                        takers: users.filter { $0.role == .salesRep && $0.active })
            source.selection = ids
            return source
        }
    }

    static func jsonArray(_ ids: [Int64]) -> String { "[" + ids.map(String.init).joined(separator: ",") + "]" }

    /// The counts of what the customers (`c`, as `customers` selects them) leave.
    static func handoverSource(_ db: Database, customers: String, arguments: StatementArguments, takers: [UserAccount]) throws -> HandoverSource {
        func count(_ sql: String) throws -> Int64 { try Int64.fetchOne(db, sql: sql, arguments: arguments) ?? 0 }
        let receivables = try Row.fetchOne(db, sql: """
            SELECT COUNT(*), coalesce(SUM(r.open_amount), 0) FROM receivables r JOIN customers c ON c.id = r.customer_id
            WHERE \(customers) AND r.status = 'posted' AND r.open_amount > 0
            """, arguments: arguments)
        return HandoverSource(
            rep: nil, customers: try count("SELECT COUNT(*) FROM customers c WHERE \(customers)"),
            openQuotes: try count("SELECT COUNT(*) FROM quotes q JOIN customers c ON c.id = q.customer_id WHERE \(customers) AND q.status IN ('draft','sent')"),
            openOrders: try count("SELECT COUNT(*) FROM sales_orders o JOIN customers c ON c.id = o.customer_id WHERE \(customers) AND o.status IN ('open','partially_shipped')"),
            openOpportunities: try count("SELECT COUNT(*) FROM opportunities o JOIN customers c ON c.id = o.customer_id WHERE \(customers) AND o.stage NOT IN ('won','lost')"),
            openReceivables: receivables?[0] ?? 0, receivablesOpen: Money(minorUnits: receivables?[1] ?? 0),
            takers: takers)
    }

    static func userAccounts(_ db: Database) throws -> [UserAccount] {
        try Row.fetchAll(db, sql: "SELECT id, login, display_name, role, active FROM users ORDER BY display_name").map(AppDatabase.user)
    }

    /// Hands every customer of `rep` to `takers` (one: all to them; several: spread as `spread`
    /// says), with their open documents; returns how many moved. `disable`: the rep is disabled
    /// in the same transaction.
    @discardableResult
    public func handOver(from rep: Int64, to takers: [Int64], spread: Handover.Spread, disable: Bool, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> Int {
        try write { db in
            guard actor.can(.reassignCustomers) else { throw StoreError.forbidden("only the manager hands customers over") }
            let users = try AppDatabase.userAccounts(db)
            guard let leaving = users.first(where: { $0.id == rep }) else { throw StoreError.notFound("user \(rep)") }
            try AppDatabase.checkTakers(takers, users: users, leaving: rep)
            let moved = try AppDatabase.moveCustomers(db, "c.owner_id = ?", [rep], to: takers, spread: spread, by: actor, today: today, at: now)
            if disable {
                try db.execute(sql: "UPDATE users SET active = 0, version = version + 1 WHERE id = ?", arguments: [rep])
                try AuditLog.record(db, actor: actor, at: now, action: "user.disable", entity: "users", entityId: rep,
                                    before: AuditLog.json([("active", leaving.active ? "1" : "0")]), after: AuditLog.json([("active", "0"), ("after", "handover")]))
            }
            return moved
        }
    }

    /// Hands the customers marked on the customer list (each from its own owner) to `takers`,
    /// the same way; returns how many moved.
    @discardableResult
    public func handOver(customers ids: [Int64], to takers: [Int64], spread: Handover.Spread, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> Int {
        try write { db in
            guard actor.can(.reassignCustomers) else { throw StoreError.forbidden("only the manager hands customers over") }
            guard !ids.isEmpty else { throw StoreError.invalid(DomainError("mark the customers to hand over first", field: "to", code: "error.handover-none")) }
            try AppDatabase.checkTakers(takers, users: try AppDatabase.userAccounts(db), leaving: nil)
            return try AppDatabase.moveCustomers(db, "c.id IN (SELECT value FROM json_each(?))", [AppDatabase.jsonArray(ids)], to: takers, spread: spread,
                                                 by: actor, today: today, at: now)
        }
    }

    /// Each taker an active sales rep, not the one leaving.
    static func checkTakers(_ takers: [Int64], users: [UserAccount], leaving rep: Int64?) throws {
        for t in takers {
            guard let u = users.first(where: { $0.id == t }) else { throw StoreError.notFound("user \(t)") }
            guard u.active else { throw StoreError.invalid(DomainError("\(u.login) is disabled and cannot take customers", field: "to", code: "error.handover-disabled", u.displayName)) }
            guard u.id != rep else { throw StoreError.invalid(DomainError("customers are handed to another rep", field: "to", code: "error.handover-same", u.displayName)) }
            guard u.role == .salesRep else { throw StoreError.invalid(DomainError("\(u.login) is not a sales rep", field: "to", code: "error.handover-not-rep", u.displayName)) }
        }
    }

    /// Moves the customers (`c`, as `which` selects them) and their open quotes, orders,
    /// opportunities and receivables to the takers, set-based; one audit entry per customer
    /// naming its owner before and what moved with it.
    static func moveCustomers(_ db: Database, _ which: String, _ arguments: StatementArguments, to takers: [Int64], spread: Handover.Spread,
                              by actor: Actor, today: DateOnly, at now: Int64) throws -> Int {
        var owners: [Int64: Int64?] = [:]
        let customers = try Row.fetchAll(db, sql: """
            SELECT c.id, c.open_balance + coalesce((SELECT SUM(o.total) FROM sales_orders o INDEXED BY sales_orders_open_customer
                                                     WHERE o.customer_id = c.id AND o.status IN ('open','partially_shipped')), 0), c.owner_id
            FROM customers c WHERE \(which)
            """, arguments: arguments).map { r -> Handover.Customer in owners[r[0]] = r[2] as Int64?; return Handover.Customer(id: r[0], openValue: r[1]) }
        let plan: [Int64: Int64]
        do throws(DomainError) { plan = try Handover.assign(customers, to: takers, by: spread) } catch { throw StoreError.invalid(error) }
        try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS handover_plan (customer_id INTEGER PRIMARY KEY, rep INTEGER NOT NULL); DELETE FROM handover_plan")
        let add = try db.makeStatement(sql: "INSERT INTO handover_plan (customer_id, rep) VALUES (?, ?)")
        for (customer, taker) in plan { try add.execute(arguments: [customer, taker]) }
        // What moves with each customer, counted before it moves (for its audit entry).
        var moved: [Int64: [String: Int64]] = [:]
        let open = [("quotes", "status IN ('draft','sent')"), ("sales_orders", "status IN ('open','partially_shipped')"), ("opportunities", "stage NOT IN ('won','lost')"),
                    ("receivables", "status = 'posted' AND open_amount > 0")]
        for (table, condition) in open {
            for r in try Row.fetchAll(db, sql: "SELECT customer_id, COUNT(*) FROM \(table) WHERE customer_id IN (SELECT customer_id FROM handover_plan) AND \(condition) GROUP BY 1") {
                moved[r[0], default: [:]][table] = r[1]
            }
        }
        let to = "(SELECT rep FROM handover_plan p WHERE p.customer_id = %@)"
        try db.execute(sql: "UPDATE customers SET owner_id = \(to.replacingOccurrences(of: "%@", with: "customers.id")), owner_since = ?, version = version + 1 WHERE id IN (SELECT customer_id FROM handover_plan)",
                       arguments: [today.iso])
        for (table, condition) in open {
            let column = table == "receivables" ? "rep_id" : "owner_id", version = table == "receivables" ? "" : ", version = version + 1"
            try db.execute(sql: "UPDATE \(table) SET \(column) = \(to.replacingOccurrences(of: "%@", with: "\(table).customer_id"))\(version) WHERE customer_id IN (SELECT customer_id FROM handover_plan) AND \(condition)")
        }
        let audit = try db.makeStatement(sql: "INSERT INTO audit_log (at, user_id, login, action, entity, entity_id, before, after) VALUES (?, ?, ?, 'customer.handover', 'customers', ?, ?, ?)")
        for (customer, taker) in plan {
            let counts = moved[customer] ?? [:]
            try audit.execute(arguments: [now, actor.userId == 0 ? nil : actor.userId, actor.login, customer, AuditLog.json([("owner_id", (owners[customer] ?? nil).map(String.init))]),
                                          AuditLog.json([("owner_id", String(taker))] + open.map { ($0.0, String(counts[$0.0] ?? 0)) })])
        }
        try db.execute(sql: "DELETE FROM handover_plan")
        return plan.count
    }
}
