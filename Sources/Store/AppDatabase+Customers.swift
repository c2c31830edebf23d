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

    public init(id: Int64, code: String, name: String, status: String, owner: String, phone: String, nextContact: String, lastOrder: String) {
        self.id = id; self.code = code; self.name = name; self.status = status; self.owner = owner; self.phone = phone
        self.nextContact = nextContact; self.lastOrder = lastOrder
    }
}

extension CustomerRow {
    /// The columns every customer list reads; `fetch` maps them.
    static let select = """
        SELECT c.id, c.code, c.name, c.status, coalesce(u.display_name, ''), coalesce(c.phone, ''), coalesce(c.next_contact_on, ''), coalesce(c.last_order_on, '')
        FROM customers c LEFT JOIN users u ON u.id = c.owner_id
        """

    static func fetch(_ db: Database, sql: String, arguments: StatementArguments) throws -> [CustomerRow] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map {
            CustomerRow(id: $0[0], code: $0[1], name: $0[2], status: $0[3], owner: $0[4], phone: $0[5], nextContact: $0[6], lastOrder: $0[7])
        }
    }
}

extension AppDatabase {
    /// A page of customers ordered by name then id, after (`afterName`, `afterId`) — keyset
    /// pagination on `customers_owner_name` (reps) or on name (everyone else). Never loads the table.
    public func customerPage(for actor: Actor, after: (name: String, id: Int64)?, limit: Int, backwards: Bool = false) throws(StoreError) -> [CustomerRow] {
        guard actor.can(.viewAllCustomers) || actor.can(.viewOwnCustomers) else { throw .forbidden("\(actor.role.rawValue) cannot list customers") }
        let own = actor.restrictedToOwnCustomers
        return try read { db in
            let cmp = backwards ? "<" : ">"
            let order = backwards ? "DESC" : "ASC"
            var sql = CustomerRow.select + " WHERE c.archived = 0"
            var args: [(any DatabaseValueConvertible)?] = []
            if own { sql += " AND c.owner_id = ?"; args.append(actor.userId) }
            if let after { sql += " AND (c.name, c.id) \(cmp) (?, ?)"; args.append(after.name); args.append(after.id) }
            sql += " ORDER BY c.name \(order), c.id \(order) LIMIT ?"
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
        guard actor.can(.viewAllCustomers) || actor.can(.viewOwnCustomers) else { throw .forbidden("\(actor.role.rawValue) cannot list customers") }
        let q = SearchKey.normalizeQuery(query)
        let own = actor.restrictedToOwnCustomers
        return try read { db in
            let select = CustomerRow.select
            func rows(_ sql: String, _ args: StatementArguments) throws -> [CustomerRow] { try CustomerRow.fetch(db, sql: sql, arguments: args) }
            if q.isEmpty { return [] }
            let owner = own ? " AND c.owner_id = \(actor.userId)" : ""
            // Rare queries of 3+ characters: the trigram index names the few candidates.
            if q.count >= 3 {
                let phrase = "\"" + q.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                let ids = try Int64.fetchAll(db, sql: "SELECT rowid FROM customer_search WHERE customer_search MATCH ? LIMIT 2001", arguments: [phrase])
                if ids.count <= 2000 {
                    guard !ids.isEmpty else { return [] }
                    return try rows(select + " WHERE c.id IN (\(ids.map(String.init).joined(separator: ","))) AND c.archived = 0\(owner) ORDER BY c.name, c.id LIMIT ?", [limit])
                }
            }
            // Common or short queries: walk the (owner,) name index, which covers search_key, and
            // stop at `limit` matches. instr on the lower-cased key is cheaper than LIKE.
            let index = own ? "customers_owner_name" : "customers_name"
            return try rows(select.replacingOccurrences(of: "FROM customers c", with: "FROM customers c INDEXED BY \(index)")
                            + " WHERE instr(c.search_key, ?) > 0\(owner) AND c.archived = 0 ORDER BY c.name, c.id LIMIT ?", [q, limit])
        }
    }

    public func customerCount(for actor: Actor) throws(StoreError) -> Int {
        try read { db in
            actor.restrictedToOwnCustomers
                ? try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customers WHERE owner_id = ? AND archived = 0", arguments: [actor.userId]) ?? 0
                : try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customers WHERE archived = 0") ?? 0
        }
    }
}
