import GRDB

/// Finding documents by number as the user types it.
enum DocumentNumberSearch {
    /// What a typed number can mean, each an index range of `number`: the start of a full
    /// number (`so-2026-01`), or — digits only — a sequence in any year the documents span
    /// (`1465` → `SO-2026-01465`, and `SO-2026-1465…` where sequences run longer).
    /// The ids of `table`'s documents whose numbers the typed text can mean, each pattern's
    /// newest `limit` first.
    static func ids(_ db: Database, _ q: String, prefix: String, table: String, limit: Int) throws -> Set<Int64> {
        var ids = Set<Int64>()
        for pattern in try patterns(db, q, prefix: prefix, table: table) {
            ids.formUnion(try Int64.fetchAll(db, sql: "SELECT id FROM \(table) WHERE number GLOB ? ORDER BY number DESC LIMIT ?", arguments: [pattern, limit]))
        }
        return ids
    }

    static func patterns(_ db: Database, _ q: String, prefix: String, table: String) throws -> [String] {
        let typed = q.uppercased().filter { !"[]*?".contains($0) }
        guard !typed.isEmpty else { return [] }
        guard typed.allSatisfy(\.isNumber) else { return [typed + "*"] }
        // Each bare MIN/MAX is one step of the number index (wrapped in substr() it would read them all).
        let ends = try Row.fetchOne(db, sql: "SELECT (SELECT MIN(number) FROM \(table)), (SELECT MAX(number) FROM \(table))")
        func year(_ number: String?) -> Int? { number.flatMap { Int($0.dropFirst(3).prefix(4)) } }
        guard let first = year(ends?[0]), let last = year(ends?[1]), first <= last, last - first < 50 else { return [] }
        let padded = String(repeating: "0", count: max(0, 5 - typed.count)) + typed
        return (first...last).flatMap { ["\(prefix)-\($0)-\(padded)", "\(prefix)-\($0)-\(typed)*"] }
    }
}
