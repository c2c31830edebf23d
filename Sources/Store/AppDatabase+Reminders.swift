import Domain
import GRDB

extension AppDatabase {
    /// The reminder pane of `actor`'s home: for each kind of docs/domain.md this role gets, the total
    /// count and the first `limit` items, most urgent first. `rapport report reminders` prints
    /// exactly this.
    public func reminders(for actor: Actor, today: DateOnly, limit: Int? = nil) throws(StoreError) -> [ReminderGroup] {
        let limit = limit ?? ReminderKind.paneItemLimit(for: actor.role)
        return try read { db in try AppDatabase.reminders(db, actor: actor, today: today, limit: limit) }
    }

    static func reminders(_ db: Database, actor: Actor, today: DateOnly, limit: Int) throws -> [ReminderGroup] {
        let settings = try AppDatabase.settings(db)
        let rules = ReminderRules(today: today, dormantDays: settings.dormantDays)
        let own = ReminderKind.ownedOnly(actor.role)
        return try ReminderKind.kinds(for: actor.role).map { kind in
            try group(db, kind: kind, rules: rules, ownerId: own ? actor.userId : nil, limit: limit, buckets: settings.agingBuckets)
        }
    }

    /// One reminder group of `actor` for today: its total and the items from `offset` (all the
    /// rest when `limit` is nil) — the reminders card pages through a group with this.
    static func reminderGroup(_ db: Database, kind: ReminderKind, actor: Actor, today: DateOnly, offset: Int, limit: Int?) throws -> ReminderGroup {
        let settings = try AppDatabase.settings(db)
        let rules = ReminderRules(today: today, dormantDays: settings.dormantDays)
        let owner = ReminderKind.ownedOnly(actor.role) ? actor.userId : nil
        return try group(db, kind: kind, rules: rules, ownerId: owner, limit: limit ?? -1, offset: offset, buckets: settings.agingBuckets)
    }

    static func group(_ db: Database, kind: ReminderKind, rules: ReminderRules, ownerId: Int64?, limit: Int, offset: Int = 0, buckets: AgingBuckets) throws -> ReminderGroup {
        let t = rules.today
        var args: [String: (any DatabaseValueConvertible)?] = ["owner": ownerId, "t": t.iso, "limit": limit, "offset": offset]
        if kind == .creditBreach { return try creditBreaches(db, ownerId: ownerId, limit: limit, offset: offset) }
        let sql = groupSQL(kind, rules: rules, ownerId: ownerId, args: &args)
        let arguments = StatementArguments(args)
        let total = try Int.fetchOne(db, sql: sql.count, arguments: arguments) ?? 0
        let items = try Row.fetchAll(db, sql: sql.items, arguments: arguments).map { row -> ReminderItem in
            // A birthday's day is its next one (a birthday may have no year).
            let date = kind == .birthday ? (row[4] as String?).flatMap { Birthday(stored: $0)?.next(from: t) } : (row[4] as String?).flatMap { DateOnly(iso: $0) }
            var detail: String = row[3]
            var overdue = kind.isOverdueKind
            if kind == .lowStock {  // on hand / reorder level @ warehouse
                detail = "\(Quantity(thousandths: row[6]))/\(Quantity(thousandths: row[7])) @\(detail)"
            }
            if kind == .receivableOverdue || kind == .payableOverdue, let date {
                detail += "  " + buckets.labels[buckets.index(daysOverdue: date.distance(to: t))]
            }
            if kind == .deliveryDue || kind == .goodsExpected, let date, date < t { overdue = true }
            return ReminderItem(kind: kind, record: RecordRef(RecordRef.Kind(rawValue: row[0]) ?? .customer, row[1]), title: row[2], detail: detail,
                                date: date, amount: (row[5] as Int64?).map { Money(minorUnits: $0) }, overdue: overdue)
        }
        return ReminderGroup(kind: kind, total: total, items: items)
    }

    /// The count and the page of one reminder group, as SQL over named arguments.
    static func groupSQL(_ kind: ReminderKind, rules: ReminderRules, ownerId: Int64?, args: inout [String: (any DatabaseValueConvertible)?]) -> (count: String, items: String) {
        let t = rules.today
        let ownerCustomer = ownerId == nil ? "" : " AND c.owner_id = :owner"
        let sql: (count: String, items: String)
        switch kind {
        case .contactToday, .contactTomorrow, .overdueFollowUp:
            let cond: String
            switch kind {
            case .contactToday: cond = "c.next_contact_on = :d"; args["d"] = t.iso
            case .contactTomorrow: cond = "c.next_contact_on = :d"; args["d"] = rules.tomorrow.iso
            default: cond = "c.next_contact_on < :t"
            }
            let from = "FROM customers c WHERE \(cond) AND c.archived = 0\(ownerCustomer)"
            sql = ("SELECT COUNT(*) \(from)",
                   "SELECT 'customer', c.id, c.name, coalesce(c.contact_person, '') || '  ' || coalesce(c.phone, ''), c.next_contact_on, NULL \(from) ORDER BY c.next_contact_on, c.name LIMIT :limit OFFSET :offset")
        case .dormantCustomer:
            args["before"] = rules.dormantBefore.iso
            let from = "FROM customers c WHERE c.status = 'active' AND c.last_order_on < :before AND c.archived = 0\(ownerCustomer)"
            sql = ("SELECT COUNT(*) \(from)",
                   "SELECT 'customer', c.id, c.name, coalesce(c.phone, ''), c.last_order_on, NULL \(from) ORDER BY c.last_order_on DESC LIMIT :limit OFFSET :offset")
        case .receivableDue, .receivableOverdue:
            let cond: String
            if kind == .receivableDue { cond = "r.due_date BETWEEN :t AND :to"; args["to"] = rules.dueWindow.to.iso } else { cond = "r.due_date < :t" }
            let rep = ownerId == nil ? "" : " AND r.rep_id = :owner"
            let filter = "WHERE r.open_amount > 0 AND r.status = 'posted' AND \(cond)\(rep)"
            sql = ("SELECT COUNT(*) FROM receivables r \(filter)",
                   "SELECT 'receivable', r.id, c.name, r.number, r.due_date, r.open_amount FROM receivables r JOIN customers c ON c.id = r.customer_id \(filter) ORDER BY r.due_date, r.number LIMIT :limit OFFSET :offset")
        case .birthday:
            let mds = rules.birthdayMonthDays
            let list = mds.indices.map { ":md\($0)" }.joined(separator: ",")
            for (i, md) in mds.enumerated() { args["md\(i)"] = md }
            let from = "FROM contacts k JOIN customers c ON c.id = k.customer_id WHERE k.birthday_md IN (\(list)) AND c.archived = 0\(ownerCustomer)"
            sql = ("SELECT COUNT(*) \(from)",
                   "SELECT 'contact', k.id, k.name, c.name, k.birthday, NULL \(from) ORDER BY k.birthday_md, k.name LIMIT :limit OFFSET :offset")
        case .deliveryDue:
            args["h"] = rules.deliveryHorizon.iso
            let from = "FROM sales_orders o JOIN customers c ON c.id = o.customer_id WHERE o.status IN ('open','partially_shipped') AND o.due_date <= :h\(ownerCustomer)"
            sql = (ownerId == nil ? "SELECT COUNT(*) FROM sales_orders o WHERE o.status IN ('open','partially_shipped') AND o.due_date <= :h" : "SELECT COUNT(*) \(from)",
                   "SELECT 'sales_order', o.id, c.name, o.number, o.due_date, o.total \(from) ORDER BY o.due_date, o.number LIMIT :limit OFFSET :offset")
        default:
            sql = stockAndSupplierSQL(kind, rules: rules, args: &args)
        }
        return sql
    }

    /// The groups that are not about a customer's own records: goods expected, low stock,
    /// payables, claims (credit breaches are computed, not queried).
    static func stockAndSupplierSQL(_ kind: ReminderKind, rules: ReminderRules, args: inout [String: (any DatabaseValueConvertible)?]) -> (count: String, items: String) {
        switch kind {
        case .goodsExpected:
            args["h"] = rules.deliveryHorizon.iso
            let from = "FROM purchase_orders p JOIN suppliers s ON s.id = p.supplier_id WHERE p.status IN ('open','partially_received') AND p.expected_date <= :h"
            return ("SELECT COUNT(*) \(from)",
                    "SELECT 'purchase_order', p.id, s.name, p.number, p.expected_date, p.total \(from) ORDER BY p.expected_date, p.number LIMIT :limit OFFSET :offset")
        case .lowStock:
            let from = "FROM stock_levels l JOIN products p ON p.id = l.product_id JOIN warehouses w ON w.id = l.warehouse_id WHERE l.on_hand <= l.reorder_level"
            return ("SELECT COUNT(*) \(from)",
                    "SELECT 'product', p.id, p.code || ' ' || p.name, w.code, NULL, NULL, l.on_hand, l.reorder_level \(from) ORDER BY l.on_hand - l.reorder_level, p.code LIMIT :limit OFFSET :offset")
        case .payableDue, .payableOverdue:
            let cond: String
            if kind == .payableDue { cond = "p.due_date BETWEEN :t AND :to"; args["to"] = rules.dueWindow.to.iso } else { cond = "p.due_date < :t" }
            let from = "FROM payables p JOIN suppliers s ON s.id = p.supplier_id WHERE p.open_amount > 0 AND p.status = 'posted' AND \(cond)"
            return ("SELECT COUNT(*) \(from)",
                    "SELECT 'payable', p.id, s.name, p.number, p.due_date, p.open_amount \(from) ORDER BY p.due_date, p.number LIMIT :limit OFFSET :offset")
        case .pendingClaim:
            let from = "FROM claims k JOIN customers c ON c.id = k.customer_id JOIN users cl ON cl.id = k.claimant_id LEFT JOIN users o ON o.id = c.owner_id WHERE k.status = 'pending'"
            return ("SELECT COUNT(*) FROM claims k WHERE k.status = 'pending'",
                    "SELECT 'claim', k.id, c.name, cl.display_name || ' ← ' || coalesce(o.display_name, ''), k.filed_on, NULL \(from) ORDER BY k.filed_on, k.id LIMIT :limit OFFSET :offset")
        default:
            return ("", "")
        }
    }

    /// Customers whose exposure (open receivables + unshipped open order lines) exceeds their limit.
    static func creditBreaches(_ db: Database, ownerId: Int64?, limit: Int, offset: Int = 0) throws -> ReminderGroup {
        let exposures = try creditExposures(db, ownerId: ownerId)
        let breached = exposures.filter { $0.value.exposure.isBreached }
            .sorted { ($0.value.exposure.headroom, $0.key) < ($1.value.exposure.headroom, $1.key) }
        let items = breached.dropFirst(offset).prefix(limit < 0 ? breached.count : limit).map { entry in
            ReminderItem(kind: .creditBreach, record: RecordRef(.customer, entry.key), title: entry.value.name,
                         detail: "\(entry.value.exposure.exposure.compact) / \(entry.value.exposure.limit.compact)", date: nil,
                         amount: -entry.value.exposure.headroom, overdue: true)
        }
        return ReminderGroup(kind: .creditBreach, total: breached.count, items: Array(items))
    }

    /// Credit exposure of the customers that may be over their limit: those whose open
    /// receivables alone exceed it (a partial index) and those with open order lines — read
    /// through the open orders' own index (left to itself, SQLite scanned every order: 104 ms).
    static func creditExposures(_ db: Database, ownerId: Int64?, customerId: Int64? = nil) throws -> [Int64: (name: String, exposure: CreditExposure)] {
        let owner = ownerId == nil ? "" : " AND c.owner_id = :owner"
        let args = StatementArguments(["owner": ownerId, "customer": customerId])
        var unshipped: [Int64: Money] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT o.customer_id, l.quantity - l.shipped_quantity, l.unit_price, l.discount_bp
            FROM sales_orders o INDEXED BY sales_orders_open_customer JOIN sales_order_lines l ON l.order_id = o.id\(ownerId == nil ? "" : " JOIN customers c ON c.id = o.customer_id")
            WHERE o.status IN ('open','partially_shipped') AND l.quantity > l.shipped_quantity\(owner)\(customerId == nil ? "" : " AND o.customer_id = :customer")
            """, arguments: args) {
            let value = try LineAmount.compute(quantity: Quantity(thousandths: row[1]), unitPrice: Money(minorUnits: row[2]), discountBasisPoints: row[3])
            unshipped[row[0], default: .zero] += value
        }
        let candidates: String
        if customerId != nil {
            candidates = "SELECT id, name, credit_limit, open_balance FROM customers c WHERE c.id = :customer"
        } else {
            let ids = unshipped.keys.map(String.init).joined(separator: ",")
            candidates = """
                SELECT id, name, credit_limit, open_balance FROM customers c INDEXED BY customers_over_limit WHERE c.credit_limit > 0 AND c.open_balance > c.credit_limit\(owner)
                UNION SELECT id, name, credit_limit, open_balance FROM customers c WHERE c.credit_limit > 0 AND c.id IN (\(ids))
                """
        }
        var result: [Int64: (name: String, exposure: CreditExposure)] = [:]
        for row in try Row.fetchAll(db, sql: candidates, arguments: args) {
            let id: Int64 = row[0]
            result[id] = (row[1], CreditExposure(openReceivables: Money(minorUnits: row[3]), unshippedOrders: unshipped[id] ?? .zero, limit: Money(minorUnits: row[2])))
        }
        return result
    }
}
