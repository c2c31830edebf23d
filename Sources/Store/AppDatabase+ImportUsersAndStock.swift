import Domain
import GRDB


/// A user as an import file gives it: the password is Rapport's to issue.
public struct ImportedUser: Sendable, Equatable {
    public var login: String
    public var displayName: String
    public var role: Role
    public var active: Bool
    public init(login: String, displayName: String, role: Role, active: Bool = true) {
        self.login = login; self.displayName = displayName; self.role = role; self.active = active
    }
}

extension AppDatabase {
    /// Users (typically the reps) from a file. Each new user gets a random first password,
    /// returned once in `issued` (login → password) for the manager to hand out; only its
    /// yescrypt hash is stored.
    /// `beforeCommit` gets the first passwords of the users about to be added, inside the
    /// transaction: it writes them down, and if it cannot, nothing is added (no user whose
    /// password nobody has).
    public func importUsers(_ rows: [ImportRecord<ImportedUser>], by actor: Actor, at now: Int64, options: ImportOptions,
                            beforeCommit: @escaping @Sendable ([(login: String, password: String)]) throws -> Void = { _ in }) throws(StoreError) -> (ImportOutcome, issued: [(login: String, password: String)]) {
        guard actor.can(.manageUsers) else { throw .forbidden("only a manager adds users") }
        var passwords: [String: String] = [:], hashes: [String: String] = [:]
        if !options.dryRun {
            // Hash outside the transaction (yescrypt is slow on purpose), one password per
            // login; rows refused below simply do not use theirs.
            for login in Set(rows.map { $0.record.login.trimmingSpaces() }) {
                let password = AppDatabase.firstPassword()
                passwords[login] = password
                hashes[login] = try PasswordHasher.hash(password)
            }
        }
        let ready = hashes, issuedPasswords = passwords
        let outcome = try bulkWrite { db in
            var logins = Set(try String.fetchAll(db, sql: "SELECT login FROM users"))
            var seen: [String: Int] = [:]
            let insert = try db.makeStatement(sql: "INSERT INTO users (login, display_name, role, password_hash, active, created_at) VALUES (?, ?, ?, ?, ?, ?)")
            let result = try AppDatabase.importRows(db, ImportBatches(rows), kind: "users", options: options, actor: actor, at: now) { row, problems, _ in
                let login: String
                do throws(StoreError) { login = try AppDatabase.validatedLogin(row.record.login) } catch {
                    problems.append(ImportProblem(line: row.line, column: "login", value: row.record.login, message: "1–64 letters, digits, '.', '_' or '-'")); return nil
                }
                if let problem = AppDatabase.codeProblem(login, line: row.line, seen: &seen, taken: &logins, what: "user", column: "login") {
                    problems.append(problem); return nil
                }
                let u = row.record
                let name = u.displayName.trimmingSpaces().isEmpty ? login : u.displayName.trimmingSpaces()
                return { try insert.execute(arguments: [login, name, u.role.rawValue, ready[login] ?? "", u.active ? 1 : 0, now]) }
            }
            if result.imported > 0, !result.dryRun { try beforeCommit(AppDatabase.issued(rows, result, issuedPasswords)) }
            return result
        }
        guard outcome.imported > 0, !outcome.dryRun else { return (outcome, []) }
        return (outcome, AppDatabase.issued(rows, outcome, passwords))
    }

    /// The first password of each user the import adds (the rows not refused).
    static func issued(_ rows: [ImportRecord<ImportedUser>], _ outcome: ImportOutcome, _ passwords: [String: String]) -> [(login: String, password: String)] {
        let refused = Set(outcome.problems.map(\.line))
        let written = Set(rows.filter { !refused.contains($0.line) }.map { $0.record.login.trimmingSpaces() })
        return written.sorted().compactMap { login in passwords[login].map { (login, $0) } }
    }

    /// Twelve characters from an alphabet without look-alikes (no 0/O, 1/l/I).
    static func firstPassword() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var rng = SystemRandomNumberGenerator()
        return String((0..<12).map { _ in alphabet[Int(rng.next(upperBound: UInt64(alphabet.count)))] })
    }
}

/// Opening stock of one product in one warehouse.
public struct OpeningStock: Sendable, Equatable {
    public var quantity: Quantity
    public var reorderLevel: Quantity
    public init(quantity: Quantity, reorderLevel: Quantity) { self.quantity = quantity; self.reorderLevel = reorderLevel }
}

extension AppDatabase {
    public func importWarehouses(_ rows: ImportBatches<Warehouse>, by actor: Actor, at now: Int64, options: ImportOptions) throws(StoreError) -> ImportOutcome {
        try AppDatabase.requireImport(actor)
        return try bulkWrite { db in
            var codes = Set(try String.fetchAll(db, sql: "SELECT code FROM warehouses"))
            var seen: [String: Int] = [:]
            let insert = try db.makeStatement(sql: "INSERT INTO warehouses (code, name) VALUES (?, ?)")
            return try AppDatabase.importRows(db, rows, kind: "warehouses", options: options, actor: actor, at: now) { row, problems, _ in
                let code = row.record.code.trimmingSpaces(), name = row.record.name.trimmingSpaces()
                guard !code.isEmpty, code.count <= 32 else {
                    problems.append(ImportProblem(line: row.line, column: "code", value: code, message: "a code of 1–32 characters is required")); return nil
                }
                guard !name.isEmpty else { problems.append(ImportProblem(line: row.line, column: "name", value: name, message: "a name is required")); return nil }
                if let problem = AppDatabase.codeProblem(code, line: row.line, seen: &seen, taken: &codes, what: "warehouse") { problems.append(problem); return nil }
                return { try insert.execute(arguments: [code, name]) }
            }
        }
    }

    /// Opening stock: the stock level (on hand as the file says, with its reorder level) and an
    /// `opening` stock move dated today of whatever the records do not already explain
    /// (historical shipments, receipts), for product–warehouse pairs without a stock level yet
    /// (later changes are adjustments, not opening balances).
    public func importOpeningStock(_ rows: ImportBatches<OpeningStock>, by actor: Actor, today: DateOnly, at now: Int64, options: ImportOptions) throws(StoreError) -> ImportOutcome {
        try AppDatabase.requireImport(actor)
        return try bulkWrite { db in
            let products = try CodeNameLookup.products(db), warehouses = try CodeNameLookup.warehouses(db)
            var used = Set(try Row.fetchAll(db, sql: "SELECT product_id, warehouse_id FROM stock_levels").map { "\($0[0] as Int64)@\($0[1] as Int64)" })
            // What the ledger already says moved in and out of each place (historical shipments,
            // goods receipts): the opening move makes on hand today what the file says.
            let recorded = try db.makeStatement(sql: "SELECT coalesce(SUM(quantity), 0) FROM stock_moves WHERE product_id = ?1 AND warehouse_id = ?2")
            var seen: [String: Int] = [:]
            let move = try db.makeStatement(sql: "INSERT INTO stock_moves (product_id, warehouse_id, moved_on, quantity, reason, note, user_id) VALUES (?, ?, ?, ?, 'opening', 'opening balance (import)', ?)")
            let level = try db.makeStatement(sql: "INSERT INTO stock_levels (product_id, warehouse_id, on_hand, reorder_level) VALUES (?, ?, ?, ?)")
            return try AppDatabase.importRows(db, rows, kind: "stock", options: options, actor: actor, at: now) { row, problems, _ in
                let pRef = row.references["product"] ?? "", wRef = row.references["warehouse"] ?? ""
                guard let product = products.resolve(row, column: "product", into: &problems)?.id,
                      let warehouse = warehouses.resolve(row, column: "warehouse", into: &problems) else { return nil }
                let s = row.record
                guard s.quantity.thousandths >= 0 else {
                    problems.append(ImportProblem(line: row.line, column: "quantity", value: s.quantity.description, message: "opening stock cannot be negative")); return nil
                }
                guard s.reorderLevel.thousandths >= 0 else {
                    problems.append(ImportProblem(line: row.line, column: "reorder_level", value: s.reorderLevel.description, message: "cannot be negative")); return nil
                }
                var taken = used
                if let problem = AppDatabase.codeProblem("\(product)@\(warehouse)", line: row.line, seen: &seen, taken: &taken, what: "stock record", column: "warehouse") {
                    problems.append(ImportProblem(line: row.line, column: "warehouse", value: wRef,
                                                  message: problem.message.contains("twice") ? "\(pRef) in \(wRef) appears twice in the file" : "\(pRef) in \(wRef) has stock already: adjust it instead"))
                    return nil
                }
                used = taken
                return {
                    let opening = s.quantity.thousandths - (try Int64.fetchOne(recorded, arguments: [product, warehouse]) ?? 0)
                    if opening != 0 { try move.execute(arguments: [product, warehouse, today.iso, opening, actor.userId == 0 ? nil : actor.userId]) }
                    try level.execute(arguments: [product, warehouse, s.quantity.thousandths, s.reorderLevel.thousandths])
                }
            }
        }
    }
}
