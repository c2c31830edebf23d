import Foundation
import Domain
import GRDB

/// One row of the customer list.
public struct CustomerRow: Hashable, Sendable {
    public var id: Int64
    public var code: String
    public var name: String
    public var status: String
    public var owner: String
    public var phone: String
    public var nextContact: String
    public var lastOrder: String
    public var lastContact: String
    public var openBalance: Int64
    /// Where the name sorts (its pinyin): the name order's keyset.
    public var sortKey: String = ""

    public init(id: Int64, code: String, name: String, status: String, owner: String, phone: String, nextContact: String, lastOrder: String,
                lastContact: String = "", openBalance: Int64 = 0) {
        self.id = id; self.code = code; self.name = name; self.status = status; self.owner = owner; self.phone = phone
        self.nextContact = nextContact; self.lastOrder = lastOrder; self.lastContact = lastContact; self.openBalance = openBalance
    }
}

/// The orders the customer list offers, each a keyset over an index (migration v2-customer-sorts).
public enum CustomerSort: String, CaseIterable, Sendable {
    case name
    /// Longest without contact first.
    case lastContact = "last-contact"
    /// Soonest next contact first; customers without one last.
    case nextContact = "next-contact"
    /// Most recent order first.
    case lastOrder = "last-order"
    /// Largest open receivables first.
    case openReceivables = "open-receivables"

    var expression: String {
        switch self {
        case .name: return "c.sort_key"
        case .lastContact: return "coalesce(c.last_contact_on, '')"
        case .nextContact: return "coalesce(c.next_contact_on, '9999-12-31')"
        case .lastOrder: return "coalesce(c.last_order_on, '')"
        case .openReceivables: return "c.open_balance"
        }
    }

    public var descending: Bool { self == .lastOrder || self == .openReceivables }

    /// Where a page that follows `row` starts.
    public func cursor(after row: CustomerRow) -> CustomerCursor {
        switch self {
        case .name: return CustomerCursor(text: row.sortKey, id: row.id)
        case .lastContact: return CustomerCursor(text: row.lastContact, id: row.id)
        case .nextContact: return CustomerCursor(text: row.nextContact.isEmpty ? "9999-12-31" : row.nextContact, id: row.id)
        case .lastOrder: return CustomerCursor(text: row.lastOrder, id: row.id)
        case .openReceivables: return CustomerCursor(number: row.openBalance, id: row.id)
        }
    }
}

/// A position in a sorted customer list: the sort value (text or number) and the id.
public struct CustomerCursor: Sendable, Equatable {
    public var text: String?
    public var number: Int64?
    public var id: Int64
    public init(text: String, id: Int64) { self.text = text; self.id = id }
    public init(number: Int64, id: Int64) { self.number = number; self.id = id }
}

/// Status, tag and region filters of the customer list; empty means all.
public struct CustomerFilter: Sendable, Equatable {
    public var status: CustomerStatus?
    public var tag: String
    public var region: String
    /// What a KPI counts (opened from the KPI dashboard): one rep's customers, those whose first
    /// order, or whose record, dates from a period.
    public var owner: Int64?
    public var firstOrder: DateRange?, created: DateRange?
    /// Only records missing one of the seven key fields (record completeness).
    public var incomplete = false
    /// Customers that churned in a period (churn rate): active at its start (an order in the
    /// dormant days before it) and not at its end, or marked lost during it — by the orders of
    /// `owner` when there is one (a rep's churn counts their own orders), not by who owns them now.
    public var churned: Churn?
    public struct Churn: Sendable, Equatable {
        public var period: DateRange, dormantDays: Int
    }
    public init(status: CustomerStatus? = nil, tag: String = "", region: String = "") { self.status = status; self.tag = tag; self.region = region }
    public var isEmpty: Bool { status == nil && tag.isEmpty && region.isEmpty && owner == nil && firstOrder == nil && created == nil && !incomplete && churned == nil }

    func sql(_ args: inout [(any DatabaseValueConvertible)?]) -> String {
        var sql = ""
        if let status { sql += " AND c.status = ?"; args.append(status.rawValue) }
        if !tag.isEmpty { sql += " AND instr(',' || c.tags || ',', ?) > 0"; args.append("," + Customer.normalizeTags(tag) + ",") }
        if !region.isEmpty { sql += " AND c.region = ?"; args.append(region.trimmingSpaces()) }
        if let churned {
            let p = churned.period, d = churned.dormantDays
            let orders = "SELECT customer_id FROM sales_orders WHERE order_date BETWEEN ? AND ? AND status <> 'cancelled'" + (owner == nil ? "" : " AND owner_id = ?")
            sql += " AND c.id IN (\(orders)) AND (c.id NOT IN (\(orders)) OR c.lost_on BETWEEN ? AND ?)"
            for window in [DateRange(from: p.from.adding(days: -d), to: p.from.adding(days: -1)), DateRange(from: p.to.adding(days: 1 - d), to: p.to)] {
                args += [window.from.iso, window.to.iso]
                if let owner { args.append(owner) }
            }
            args += [p.from.iso, p.to.iso]
        } else if let owner { sql += " AND c.owner_id = ?"; args.append(owner) }
        if incomplete { sql += " AND c.filled_fields < 7" }
        for (column, range) in [("first_order_on", firstOrder), ("created_on", created)] {
            guard let range else { continue }
            sql += " AND c.\(column) BETWEEN ? AND ?"; args += [range.from.iso, range.to.iso]
        }
        return sql
    }
}

extension CustomerRow {
    /// The columns every customer list reads; `fetch` maps them.
    static let select = """
        SELECT c.id, c.code, c.name, c.status, coalesce(u.display_name, ''), coalesce(c.phone, ''), coalesce(c.next_contact_on, ''), coalesce(c.last_order_on, ''),
               coalesce(c.last_contact_on, ''), c.open_balance, c.sort_key
        FROM customers c LEFT JOIN users u ON u.id = c.owner_id
        """

    static func fetch(_ db: Database, sql: String, arguments: StatementArguments) throws -> [CustomerRow] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map {
            var row = CustomerRow(id: $0[0], code: $0[1], name: $0[2], status: $0[3], owner: $0[4], phone: $0[5], nextContact: $0[6], lastOrder: $0[7],
                                  lastContact: $0[8], openBalance: $0[9])
            row.sortKey = $0[10]
            return row
        }
    }
}

extension AppDatabase {
    /// A page of customers in `sort` order after `after` — keyset pagination on an index of
    /// (owner,) sort value, id — with the filter applied. Never loads the table.
    public func customerPage(for actor: Actor, sort: CustomerSort = .name, filter: CustomerFilter = CustomerFilter(), after: CustomerCursor?,
                             limit: Int, backwards: Bool = false) throws(StoreError) -> [CustomerRow] {
        guard actor.can(.viewAllCustomers) || actor.can(.viewOwnCustomers) else { throw .forbidden("\(actor.role.rawValue) cannot list customers") }
        let own = actor.restrictedToOwnCustomers
        return try read { db in
            let forward = backwards == sort.descending
            let cmp = forward ? ">" : "<"
            let order = forward ? "ASC" : "DESC"
            var sql = CustomerRow.select + " WHERE c.archived = 0"
            var args: [(any DatabaseValueConvertible)?] = []
            if own { sql += " AND c.owner_id = ?"; args.append(actor.userId) }
            sql += filter.sql(&args)
            if let after {
                sql += " AND (\(sort.expression), c.id) \(cmp) (?, ?)"
                args.append(after.number.map { $0 as any DatabaseValueConvertible } ?? after.text ?? "")
                args.append(after.id)
            }
            sql += " ORDER BY \(sort.expression) \(order), c.id \(order) LIMIT ?"
            args.append(limit)
            let rows = try CustomerRow.fetch(db, sql: sql, arguments: StatementArguments(args))
            return backwards ? rows.reversed() : rows
        }
    }

    /// Customers whose search key (name, code, pinyin, initials, phone digits, e-mail) contains
    /// the query, by name, at most `limit`. A rep's search scans only their own customers in name
    /// order; everyone else's uses the trigram index when the query is rare enough, and a
    /// name-ordered scan that stops early when it is common (or shorter than 3 characters).
    public func customerSearch(for actor: Actor, query: String, limit: Int = 200) throws(StoreError) -> [CustomerRow] {
        try customerSearch(for: actor, query: query, limit: limit, window: nil).rows
    }

    /// As the list searches while the user types: a common or short query over everyone's
    /// customers reads at most `window` entries of the name index (covering the search key), so
    /// each keystroke costs a bounded amount; when that stops it short of `limit` matches, the
    /// answer says it is not complete (the screen asks for a letter more).
    public func customerSearch(for actor: Actor, query: String, limit: Int, window: Int?) throws(StoreError) -> (rows: [CustomerRow], complete: Bool) {
        guard actor.can(.viewAllCustomers) || actor.can(.viewOwnCustomers) else { throw .forbidden("\(actor.role.rawValue) cannot list customers") }
        let q = SearchKey.normalizeQuery(query)
        let own = actor.restrictedToOwnCustomers
        return try read { db in
            let select = CustomerRow.select
            func rows(_ sql: String, _ args: StatementArguments) throws -> [CustomerRow] { try CustomerRow.fetch(db, sql: sql, arguments: args) }
            if q.isEmpty { return ([], true) }
            let owner = own ? " AND c.owner_id = \(actor.userId)" : ""
            // Rare queries of 3+ characters: the trigram index names the few candidates.
            if q.count >= 3 {
                let phrase = "\"" + q.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                let ids = try Int64.fetchAll(db, sql: "SELECT rowid FROM customer_search WHERE customer_search MATCH ? LIMIT 2001", arguments: [phrase])
                if ids.count <= 2000 {
                    guard !ids.isEmpty else { return ([], true) }
                    return (try rows(select + " WHERE c.id IN (\(ids.map(String.init).joined(separator: ","))) AND c.archived = 0\(owner) ORDER BY c.sort_key, c.id LIMIT ?", [limit]), true)
                }
            }
            // Common or short queries: walk the (owner,) name index, which covers search_key, and
            // stop at `limit` matches. instr on the lower-cased key is cheaper than LIKE.
            let index = own ? "customers_owner_sort" : "customers_sort"
            // Everyone's customers while typing: the walk stops at the name `window` entries in
            // (found by stepping through the index alone), so a rare short query costs a bounded read.
            if let window, !own,
               let edge = try String.fetchOne(db, sql: "SELECT sort_key FROM customers INDEXED BY customers_sort ORDER BY sort_key LIMIT 1 OFFSET ?", arguments: [window]) {
                let found = try rows(select.replacingOccurrences(of: "FROM customers c", with: "FROM customers c INDEXED BY customers_sort")
                                     + " WHERE c.sort_key <= ? AND instr(c.search_key, ?) > 0 AND c.archived = 0 ORDER BY c.sort_key, c.id LIMIT ?", [edge, q, limit])
                return (found, found.count >= limit)
            }
            return (try rows(select.replacingOccurrences(of: "FROM customers c", with: "FROM customers c INDEXED BY \(index)")
                             + " WHERE instr(c.search_key, ?) > 0\(owner) AND c.archived = 0 ORDER BY c.sort_key, c.id LIMIT ?", [q, limit]), true)
        }
    }

    /// As the list's search while typing (the same bounded read), for a form's customer look-up.
    public func customerPicks(for actor: Actor, query: String, limit: Int) throws(StoreError) -> [CustomerRow] {
        try customerSearch(for: actor, query: query, limit: limit, window: CustomerListSource.searchWindow).rows
    }

    public func customerCount(for actor: Actor, filter: CustomerFilter = CustomerFilter()) throws(StoreError) -> Int {
        try read { db in
            var args: [(any DatabaseValueConvertible)?] = []
            var sql = "SELECT COUNT(*) FROM customers c WHERE c.archived = 0"
            if actor.restrictedToOwnCustomers { sql += " AND c.owner_id = ?"; args.append(actor.userId) }
            sql += filter.sql(&args)
            return try Int.fetchOne(db, sql: sql, arguments: StatementArguments(args)) ?? 0
        }
    }

    /// Regions and tags in use, offered by the filter form.
    public func customerFacets(for actor: Actor) throws(StoreError) -> (regions: [String], tags: [String]) {
        try read { db in
            let owner = actor.restrictedToOwnCustomers ? " AND owner_id = \(actor.userId)" : ""
            let regions = try String.fetchAll(db, sql: "SELECT DISTINCT region FROM customers WHERE region IS NOT NULL AND archived = 0\(owner) ORDER BY region LIMIT 200")
            let tagLists = try String.fetchAll(db, sql: "SELECT DISTINCT tags FROM customers WHERE tags <> '' AND archived = 0\(owner) LIMIT 500")
            return (regions, Array(Set(tagLists.flatMap { $0.split(separator: ",").map(String.init) })).sorted())
        }
    }
}
