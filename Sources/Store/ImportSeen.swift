import GRDB

/// What an import has seen earlier in its file — codes, and the customer duplicate keys —
/// kept in a temporary table rather than in memory, so a file of a million rows costs the page
/// cache, not a dictionary per key. Each key remembers the row it first appeared on.
struct ImportSeen {
    enum Kind: Int { case code = 0, name, phone, email }
    private let find: Statement
    private let add: Statement

    init(_ db: Database) throws {
        try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS import_seen (kind INTEGER NOT NULL, key TEXT NOT NULL, line INTEGER NOT NULL, PRIMARY KEY (kind, key)) WITHOUT ROWID")
        try db.execute(sql: "DELETE FROM temp.import_seen")
        find = try db.makeStatement(sql: "SELECT line FROM temp.import_seen WHERE kind = ? AND key = ?")
        add = try db.makeStatement(sql: "INSERT INTO temp.import_seen (kind, key, line) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
    }

    /// The row `key` first appeared on, when earlier than `line`; else nil, and `line` is
    /// remembered as its first.
    func earlier(_ kind: Kind, _ key: String, line: Int, in db: Database) throws -> Int? {
        // Most keys are new: one statement for them, a second only for a repeat.
        try add.execute(arguments: [kind.rawValue, key, line])
        if db.changesCount == 1 { return nil }
        return try Int.fetchOne(find, arguments: [kind.rawValue, key])
    }

    static func drop(_ db: Database) { try? db.execute(sql: "DROP TABLE IF EXISTS temp.import_seen") }
}
