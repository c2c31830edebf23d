import Domain
import GRDB

/// What a duplicate check may show anyone: the other customer's name, its owner and since when —
/// never its other details (docs/domain.md).
public struct DuplicateHint: Sendable, Equatable, Codable {
    public var customerId: Int64
    public var name: String
    public var owner: String
    public var ownerSince: String
    public var rule: DuplicateRule
    /// For telling "this one is yours already" apart; never shown.
    public var ownerId: Int64?
}

/// A candidate pair across the whole base, for `rapport report duplicates`.
public struct DuplicatePair: Sendable, Equatable, Codable {
    public struct Side: Sendable, Equatable, Codable {
        public var id: Int64
        public var code: String
        public var name: String
        public var owner: String
    }
    public var first: Side
    public var second: Side
    public var rule: DuplicateRule
}

extension AppDatabase {
    /// Candidates for a customer about to be created (or edited): every owner's customers,
    /// archived ones too, matched by docs/domain.md's rules.
    public func duplicateHints(name: String, phone: String?, email: String?, excluding: Int64? = nil, limit: Int = 10) throws(StoreError) -> [DuplicateHint] {
        try read { db in try AppDatabase.duplicateHints(db, name: name, phone: phone, email: email, excluding: excluding, limit: limit) }
    }

    /// The same, inside a transaction the caller holds (the write that would add the customer).
    static func duplicateHints(_ db: Database, name: String, phone: String?, email: String?, excluding: Int64? = nil, limit: Int = 10) throws -> [DuplicateHint] {
        let keys = DuplicateMatching.keys(name: name, phone: phone, email: email)
        do {
            var candidates: [Int64] = []
            var args: [String: (any DatabaseValueConvertible)?] = ["name": keys.name, "phone": keys.phone, "email": keys.email, "domain": keys.emailDomain]
            candidates += try Int64.fetchAll(db, sql: """
                SELECT id FROM customers WHERE name_key = :name AND :name <> ''
                UNION SELECT id FROM customers WHERE phone_key = :phone
                UNION SELECT id FROM customers WHERE email_key = :email
                UNION SELECT id FROM customers WHERE email_domain = :domain
                LIMIT 200
                """, arguments: StatementArguments(args))
            let trigrams = DuplicateMatching.trigrams(keys.name).map { $0.trimmingSpaces() }.filter { $0.count == 3 }
            if !trigrams.isEmpty {
                args["q"] = trigrams.map { "\"\($0.replacingQuotes())\"" }.joined(separator: " OR ")
                candidates += try Int64.fetchAll(db, sql: "SELECT rowid FROM customer_names WHERE customer_names MATCH :q ORDER BY rank LIMIT 300",
                                                 arguments: StatementArguments(args))
            }
            let ids = Set(candidates).subtracting([excluding].compactMap { $0 })
            guard !ids.isEmpty else { return [] }
            var hints: [DuplicateHint] = []
            for row in try Row.fetchAll(db, sql: """
                SELECT c.id, c.name, c.name_key, c.phone_key, c.email_key, c.email_domain, coalesce(u.display_name, ''), coalesce(c.owner_since, c.created_on), c.owner_id
                FROM customers c LEFT JOIN users u ON u.id = c.owner_id WHERE c.id IN (\(ids.map(String.init).joined(separator: ",")))
                """) {
                let other = DuplicateKeys(name: row[2], phone: row[3], email: row[4], emailDomain: row[5])
                guard let rule = DuplicateMatching.match(keys, other) else { continue }
                hints.append(DuplicateHint(customerId: row[0], name: row[1], owner: row[6], ownerSince: row[7], rule: rule, ownerId: row[8]))
            }
            let order = DuplicateRule.allCases
            return Array(hints.sorted { (order.firstIndex(of: $0.rule) ?? 0, $0.customerId) < (order.firstIndex(of: $1.rule) ?? 0, $1.customerId) }.prefix(limit))
        }
    }

    /// Candidate pairs across the whole base: equal keys by SQL grouping, similar names by
    /// prefix filtering on trigrams (rarest first), each pair verified by the Domain rule.
    public func duplicatePairs(maxGroup: Int = 50, for actor: Actor) throws(StoreError) -> (pairs: [DuplicatePair], skippedGroups: Int) {
        // Every customer of every rep: for those who hand customers over.
        guard actor.can(.reassignCustomers) else { throw .forbidden("only a manager lists duplicate customers across reps") }
        return try read { db in
            var sides: [Int64: DuplicatePair.Side] = [:]
            var keys: [Int64: DuplicateKeys] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT c.id, c.code, c.name, coalesce(u.display_name, ''), c.name_key, c.phone_key, c.email_key, c.email_domain
                FROM customers c LEFT JOIN users u ON u.id = c.owner_id
                """) {
                let id: Int64 = row[0]
                sides[id] = DuplicatePair.Side(id: id, code: row[1], name: row[2], owner: row[3])
                keys[id] = DuplicateKeys(name: row[4], phone: row[5], email: row[6], emailDomain: row[7])
            }
            var found: [Pair: DuplicateRule] = [:]
            var skipped = 0
            var grams: [Int64: Set<String>] = [:]
            func add(_ a: Int64, _ b: Int64) {
                let p = Pair(a, b)
                guard found[p] == nil, let ka = keys[a], let kb = keys[b],
                      let rule = DuplicateMatching.match(ka, kb, trigramsA: grams[a], trigramsB: grams[b]) else { return }
                found[p] = rule
            }
            for column in ["name_key", "phone_key", "email_key", "email_domain"] {
                for row in try Row.fetchAll(db, sql: """
                    SELECT group_concat(id) FROM customers WHERE \(column) IS NOT NULL AND \(column) <> '' GROUP BY \(column) HAVING COUNT(*) > 1
                    """) {
                    let ids = (row[0] as String).split(separator: ",").compactMap { Int64($0) }
                    guard ids.count <= maxGroup else { skipped += 1; continue }
                    for i in ids.indices { for j in ids.indices where j > i { add(ids[i], ids[j]) } }
                }
            }
            // Similar names: two sets with Jaccard ≥ t share one of each other's rarest
            // prefixLength trigrams, so only pairs in the same posting list need checking.
            var frequency: [String: Int] = [:]
            for (id, k) in keys where !k.name.isEmpty {
                let g = DuplicateMatching.trigrams(k.name)
                grams[id] = g
                for t in g { frequency[t, default: 0] += 1 }
            }
            var postings: [String: [Int64]] = [:]
            for (id, g) in grams {
                let sorted = g.sorted { (frequency[$0] ?? 0, $0) < (frequency[$1] ?? 0, $1) }
                for t in sorted.prefix(DuplicateMatching.prefixLength(sorted.count)) { postings[t, default: []].append(id) }
            }
            for (_, ids) in postings where ids.count > 1 {
                guard ids.count <= maxGroup * 4 else { skipped += 1; continue }
                for i in ids.indices { for j in ids.indices where j > i { add(ids[i], ids[j]) } }
            }
            let order = DuplicateRule.allCases
            let pairs = found.compactMap { p, rule -> DuplicatePair? in
                guard let a = sides[p.low], let b = sides[p.high] else { return nil }
                return DuplicatePair(first: a, second: b, rule: rule)
            }.sorted { (order.firstIndex(of: $0.rule) ?? 0, $0.first.id, $0.second.id) < (order.firstIndex(of: $1.rule) ?? 0, $1.first.id, $1.second.id) }
            return (pairs, skipped)
        }
    }

    struct Pair: Hashable {
        var low: Int64, high: Int64
        init(_ a: Int64, _ b: Int64) { low = min(a, b); high = max(a, b) }
    }
}

extension String {
    /// FTS5 phrase quoting: a double quote inside a phrase is written twice.
    func replacingQuotes() -> String { String(flatMap { $0 == "\"" ? ["\"", "\""] : [$0] }) }
}
