import Domain
import GRDB

/// Bulk imports from a firm's old system: every row checked (values, references by code or
/// name, codes unique in the file and the database, customers through the duplicate check)
/// before anything is written; then all rows in one transaction with one audit entry — or, with
/// `skipBadRows`, the good rows only. A dry run checks and writes nothing.
extension AppDatabase {
    public struct ImportOptions: Sendable {
        public var dryRun: Bool
        public var skipBadRows: Bool
        /// The file name, for the audit log.
        public var source: String
        public init(dryRun: Bool = false, skipBadRows: Bool = false, source: String) {
            self.dryRun = dryRun; self.skipBadRows = skipBadRows; self.source = source
        }
    }

    /// One transaction for a bulk write, with the connection set up for it: each INSERT into a
    /// table with FTS triggers keeps a statement journal, which SQLite spills to a temporary
    /// file — 4.5 million writes for 100k customers (strace), 26 s. Temporary files in memory
    /// and a cache that holds what the transaction dirties, for this transaction only. Rows are
    /// written as they pass; the transaction is committed only when the import imports (not a
    /// dry run, and no problem unless bad rows are skipped) — else rolled back, leaving nothing.
    /// `temporaryOnDisk`: temporary tables in files (held in a bounded cache), for imports that
    /// stage rows or remember keys per row — a million of them must not sit in memory.
    func bulkWrite(temporaryOnDisk: Bool = false, _ body: @Sendable (Database) throws -> ImportOutcome) throws(StoreError) -> ImportOutcome {
        do {
            return try writer.writeWithoutTransaction { db in
                let cache = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
                let temp = try Int.fetchOne(db, sql: "PRAGMA temp_store") ?? 0
                try db.execute(sql: "PRAGMA cache_size = -65536")
                try db.execute(sql: "PRAGMA temp_store = \(temporaryOnDisk ? "FILE" : "MEMORY")")
                defer {
                    try? db.execute(sql: "PRAGMA cache_size = \(cache)")
                    try? db.execute(sql: "PRAGMA temp_store = \(temp)")
                }
                var result: ImportOutcome?
                try db.inTransaction {
                    let outcome = try body(db)
                    result = outcome
                    return outcome.imported > 0 && !outcome.dryRun ? .commit : .rollback
                }
                guard let result else { throw StoreError.failed("the import wrote nothing") }
                return result
            }
        } catch { throw mapError(error) }
    }

    /// Bulk loads set a company up from its old system: the manager's job, like its settings.
    public static func mayImport(_ actor: Actor) throws(StoreError) { try requireImport(actor) }

    /// Runs `check` for every row, batch by batch, and writes each row it accepts at once with
    /// the closure it returns — until a problem blocks the import (without `skipBadRows`), after
    /// which rows are only checked. Nothing is written in a dry run. The caller's transaction
    /// is rolled back unless rows were imported (see `bulkWrite`).
    static func importRows<R: Sendable & Equatable>(
        _ db: Database, _ rows: ImportBatches<R>, kind: String, options: ImportOptions, actor: Actor, at now: Int64,
        finish: (() throws -> Void)? = nil,
        check: (ImportRecord<R>, inout [ImportProblem], inout [ImportProblem]) throws -> (() throws -> Void)?
    ) throws -> ImportOutcome {
        var problems: [ImportProblem] = [], warnings: [ImportProblem] = []
        var accepted = 0
        while let batch = try rows.next() {
            for row in batch {
                let before = problems.count
                let write = try check(row, &problems, &warnings)
                guard problems.count == before, let write else { continue }
                accepted += 1
                if !options.dryRun && (options.skipBadRows || (problems.isEmpty && !rows.anyRefusedBefore)) { try write() }
            }
        }
        let blocked = (!problems.isEmpty || rows.anyRefusedBefore) && !options.skipBadRows
        if options.dryRun || blocked || accepted == 0 {
            return ImportOutcome(imported: blocked ? 0 : accepted, problems: problems, warnings: warnings, dryRun: options.dryRun)
        }
        try finish?()
        try AuditLog.record(db, actor: actor, at: now, action: "import.\(kind)", entity: kind, entityId: nil,
                            after: AuditLog.json([("file", options.source), ("rows", String(accepted)), ("rejected", String(Set(problems.map(\.line)).count))]))
        return ImportOutcome(imported: accepted, problems: problems, warnings: warnings, dryRun: false)
    }

    /// A code must be new: not earlier in the file (`seen`), not in the database (`taken`).
    /// Nil when it is, and then it counts as taken for the rows after.
    static func codeProblem(_ code: String, line: Int, seen: inout [String: Int], taken: inout Set<String>, what: String, column: String = "code") -> ImportProblem? {
        if let first = seen[code] {
            return ImportProblem(line: line, column: column, value: code, message: "the \(column) appears twice in the file (first on row \(first))")
        }
        seen[code] = line
        guard !taken.contains(code) else {
            return ImportProblem(line: line, column: column, value: code, message: "a \(what) with this \(column) exists already")
        }
        taken.insert(code)
        return nil
    }

    static func problem(_ line: Int, _ e: DomainError, values: [String: String]) -> ImportProblem {
        let column = e.field ?? "(row)"
        return ImportProblem(line: line, column: column, value: values[column] ?? "", message: e.message)
    }

    /// Users by login or display name (exact), for owner columns.
    static func userLookup(_ db: Database) throws -> [String: Int64] {
        var map: [String: Int64] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT id, login, display_name FROM users WHERE active = 1 ORDER BY id") {
            map[(r[2] as String).lowercased()] = map[(r[2] as String).lowercased()] ?? r[0]
            map[(r[1] as String).lowercased()] = r[0]
        }
        return map
    }
}

/// Customers or suppliers by code, or by name when only one has it, for reference columns.
/// Records by code, or by name when only one has it — how every reference column resolves.
struct CodeNameLookup<Value> {
    private var byCode: [String: Value] = [:]
    /// Nil inside: two records share the name.
    private var byName: [String: Value?] = [:]
    let noun: String

    init(noun: String) { self.noun = noun }

    mutating func add(code: String, name: String, _ value: Value) {
        byCode[code] = value
        let n = name.lowercased()
        byName[n] = byName[n] == nil ? .some(value) : .some(nil)
    }

    /// The record `ref` names, or why it names none.
    func find(_ ref: String) -> Result<Value, ImportMessage> {
        if let v = byCode[ref] { return .success(v) }
        if let hit = byName[ref.lowercased()] {
            if let v = hit { return .success(v) }
            return .failure(ImportMessage("several \(noun)s have this name: use the code"))
        }
        return .failure(ImportMessage("no \(noun) with this code or name"))
    }

    /// The record a row's reference column names; a problem of that row and column when none.
    func resolve<R>(_ row: ImportRecord<R>, column: String, into problems: inout [ImportProblem], prefix: String = "") -> Value? {
        let ref = row.references[column] ?? ""
        return find(ref, line: row.line, column: column, into: &problems, prefix: prefix)
    }

    func find(_ ref: String, line: Int, column: String, into problems: inout [ImportProblem], prefix: String = "") -> Value? {
        switch find(ref) {
        case .success(let v): return v
        case .failure(let m):
            problems.append(ImportProblem(line: line, column: column, value: ref, message: prefix + m.text))
            return nil
        }
    }
}

struct ImportMessage: Error { let text: String; init(_ t: String) { text = t } }

/// Customers (with owner and terms) or suppliers (with terms) for reference columns.
enum PartyLookup {
    struct Party { var id: Int64; var ownerId: Int64?; var termsDays: Int }

    static func load(_ db: Database, table: String) throws -> CodeNameLookup<Party> {
        var lookup = CodeNameLookup<Party>(noun: table == "customers" ? "customer" : "supplier")
        let owner = table == "customers" ? "owner_id" : "NULL"
        for r in try Row.fetchAll(db, sql: "SELECT id, code, name, \(owner), payment_terms_days FROM \(table)") {
            lookup.add(code: r[1], name: r[2], Party(id: r[0], ownerId: r[3], termsDays: r[4]))
        }
        return lookup
    }
}

extension CodeNameLookup where Value == (id: Int64, price: Int64) {
    static func products(_ db: Database) throws -> Self {
        var lookup = Self(noun: "product")
        for r in try Row.fetchAll(db, sql: "SELECT id, code, name, list_price FROM products") { lookup.add(code: r[1], name: r[2], (r[0], r[3])) }
        return lookup
    }
}

extension CodeNameLookup where Value == Int64 {
    static func warehouses(_ db: Database) throws -> Self {
        var lookup = Self(noun: "warehouse")
        for r in try Row.fetchAll(db, sql: "SELECT id, code, name FROM warehouses") { lookup.add(code: r[1], name: r[2], r[0]) }
        return lookup
    }
}
