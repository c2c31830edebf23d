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
    /// and a cache that holds what the transaction dirties, for this transaction only.
    func bulkWrite<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.writeWithoutTransaction { db in
                let cache = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
                let temp = try Int.fetchOne(db, sql: "PRAGMA temp_store") ?? 0
                try db.execute(sql: "PRAGMA cache_size = -262144")
                try db.execute(sql: "PRAGMA temp_store = MEMORY")
                defer {
                    try? db.execute(sql: "PRAGMA cache_size = \(cache)")
                    try? db.execute(sql: "PRAGMA temp_store = \(temp)")
                }
                var result: T?
                try db.inTransaction {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw StoreError.failed("the import wrote nothing") }
                return result
            }
        } catch { throw mapError(error) }
    }

    /// Runs `check` for every row inside one write; writes the rows it accepted with `insert`
    /// unless this is a dry run or (without `skipBadRows`) any row had a problem.
    static func importRows<R: Sendable & Equatable>(
        _ db: Database, _ rows: [ImportRecord<R>], kind: String, options: ImportOptions, actor: Actor, at now: Int64,
        finish: (() throws -> Void)? = nil,
        check: (ImportRecord<R>, inout [ImportProblem], inout [ImportProblem]) throws -> (() throws -> Void)?
    ) throws -> ImportOutcome {
        var problems: [ImportProblem] = [], warnings: [ImportProblem] = []
        var writes: [() throws -> Void] = []
        for row in rows {
            let before = problems.count
            let write = try check(row, &problems, &warnings)
            if problems.count == before, let write { writes.append(write) }
        }
        let blocked = !problems.isEmpty && !options.skipBadRows
        if options.dryRun || blocked || writes.isEmpty {
            return ImportOutcome(imported: blocked ? 0 : writes.count, problems: problems, warnings: warnings, dryRun: options.dryRun)
        }
        for w in writes { try w() }
        try finish?()
        try AuditLog.record(db, actor: actor, at: now, action: "import.\(kind)", entity: kind, entityId: nil,
                            after: AuditLog.json([("file", options.source), ("rows", String(writes.count)), ("rejected", String(Set(problems.map(\.line)).count))]))
        return ImportOutcome(imported: writes.count, problems: problems, warnings: warnings, dryRun: false)
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

    public func importCustomers(_ rows: [ImportRecord<Customer>], by actor: Actor, today: DateOnly, at now: Int64, options: ImportOptions) throws(StoreError) -> ImportOutcome {
        try AppDatabase.requireImport(actor)
        return try bulkWrite { db in
            let users = try AppDatabase.userLookup(db)
            var codes = Set(try String.fetchAll(db, sql: "SELECT code FROM customers"))
            var seenCodes: [String: Int] = [:], seenNames: [String: Int] = [:]
            var seenPhones: [String: Int] = [:], seenEmails: [String: Int] = [:]
            // Rows go to a staging table first and into `customers` with one INSERT … SELECT:
            // one statement journal for the FTS triggers instead of one per row (21 s → 8 s for
            // 100k customers).
            let columns = """
                code, name, short_name, status, owner_id, owner_since, region, industry, source, tags, contact_person, phone,
                email, address, credit_limit, payment_terms_days, next_contact_on, created_on, name_key, phone_key, email_key, email_domain, search_key
                """
            try db.execute(sql: "DROP TABLE IF EXISTS temp.import_customers")
            try db.execute(sql: "CREATE TEMP TABLE import_customers AS SELECT \(columns) FROM customers WHERE 0")
            let insert = try db.makeStatement(sql: "INSERT INTO temp.import_customers (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            defer { try? db.execute(sql: "DROP TABLE IF EXISTS temp.import_customers") }
            let finish = {
                try db.execute(sql: "INSERT INTO customers (\(columns)) SELECT \(columns) FROM temp.import_customers ORDER BY rowid")
            }
            let byName = try db.makeStatement(sql: "SELECT c.name, coalesce(u.display_name, '') FROM customers c LEFT JOIN users u ON u.id = c.owner_id WHERE c.name_key = ? LIMIT 1")
            let byPhone = try db.makeStatement(sql: "SELECT name FROM customers WHERE phone_key = ? LIMIT 1")
            let byEmail = try db.makeStatement(sql: "SELECT name FROM customers WHERE email_key = ? LIMIT 1")
            return try AppDatabase.importRows(db, rows, kind: "customers", options: options, actor: actor, at: now, finish: finish) { row, problems, warnings in
                var c: Customer
                let written = ["code": row.record.code, "name": row.record.name, "phone": row.record.phone ?? "", "email": row.record.email ?? ""]
                do throws(DomainError) { c = try row.record.validated() } catch { problems.append(AppDatabase.problem(row.line, error, values: written)); return nil }
                if let owner = row.references["owner"], !owner.isEmpty {
                    guard let id = users[owner.lowercased()] else {
                        problems.append(ImportProblem(line: row.line, column: "owner", value: owner, message: "no active user with this login or name")); return nil
                    }
                    c.ownerId = id
                }
                if let problem = AppDatabase.codeProblem(c.code, line: row.line, seen: &seenCodes, taken: &codes, what: "customer") { problems.append(problem); return nil }
                // docs/domain.md's duplicate check. A customer already in Rapport under an equal
                // normalised name blocks the row, as the form does (someone owns it). Duplicates
                // inside the file, and equal phones or e-mails, come from the old system's own
                // data: imported, and listed so someone merges them.
                let keys = DuplicateMatching.keys(name: c.name, phone: c.phone, email: c.email)
                if !keys.name.isEmpty {
                    if let r = try Row.fetchOne(byName, arguments: [keys.name]) {
                        problems.append(ImportProblem(line: row.line, column: "name", value: c.name, message: "similar to \(r[0] as String), owned by \((r[1] as String).isEmpty ? "nobody" : r[1] as String)")); return nil
                    }
                    if let first = seenNames[keys.name] {
                        warnings.append(ImportProblem(line: row.line, column: "name", value: c.name, message: "the same customer as row \(first) (names equal once normalised)"))
                    }
                    seenNames[keys.name] = seenNames[keys.name] ?? row.line
                }
                if let p = keys.phone {
                    if let first = seenPhones[p] { warnings.append(ImportProblem(line: row.line, column: "phone", value: c.phone ?? "", message: "same phone as row \(first)")) }
                    else if let other = try String.fetchOne(byPhone, arguments: [p]) { warnings.append(ImportProblem(line: row.line, column: "phone", value: c.phone ?? "", message: "same phone as \(other)")) }
                    seenPhones[p] = seenPhones[p] ?? row.line
                }
                if let e = keys.email {
                    if let first = seenEmails[e] { warnings.append(ImportProblem(line: row.line, column: "email", value: c.email ?? "", message: "same e-mail as row \(first)")) }
                    else if let other = try String.fetchOne(byEmail, arguments: [e]) { warnings.append(ImportProblem(line: row.line, column: "email", value: c.email ?? "", message: "same e-mail as \(other)")) }
                    seenEmails[e] = seenEmails[e] ?? row.line
                }
                let v = c
                return {
                    try insert.execute(arguments: [v.code, v.name, v.shortName, v.status.rawValue, v.ownerId, v.ownerId == nil ? nil : today.iso, v.region, v.industry,
                                                   v.source, v.tags, v.contactPerson, v.phone, v.email, v.address, v.creditLimit.minorUnits, v.paymentTermsDays,
                                                   v.nextContactOn?.iso, today.iso, keys.name, keys.phone, keys.email, keys.emailDomain,
                                                   SearchKey.make(name: v.name, shortName: v.shortName, code: v.code, phone: v.phone, email: v.email)])
                }
            }
        }
    }

    public func importContacts(_ rows: [ImportRecord<Contact>], by actor: Actor, today: DateOnly, at now: Int64, options: ImportOptions) throws(StoreError) -> ImportOutcome {
        try AppDatabase.requireImport(actor)
        return try bulkWrite { db in
            let customers = try PartyLookup.load(db, table: "customers")
            let insert = try db.makeStatement(sql: "INSERT INTO contacts (customer_id, name, title, mobile, phone, email, wechat, qq, birthday, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            return try AppDatabase.importRows(db, rows, kind: "contacts", options: options, actor: actor, at: now) { row, problems, _ in
                guard let customerId = customers.resolve(row, column: "customer", into: &problems)?.id else { return nil }
                var c = row.record
                c.customerId = customerId
                let written = ["name": c.name, "mobile": c.mobile ?? "", "phone": c.phone ?? "", "email": c.email ?? "", "qq": c.qq ?? "", "birthday": c.birthday?.iso ?? ""]
                do throws(DomainError) { c = try c.validated(today: today) } catch { problems.append(AppDatabase.problem(row.line, error, values: written)); return nil }
                let v = c
                return { try insert.execute(arguments: [v.customerId, v.name, v.title, v.mobile, v.phone, v.email, v.wechat, v.qq, v.birthday?.iso, v.notes]) }
            }
        }
    }

    public func importProducts(_ rows: [ImportRecord<Product>], by actor: Actor, at now: Int64, options: ImportOptions) throws(StoreError) -> ImportOutcome {
        try AppDatabase.requireImport(actor)
        return try bulkWrite { db in
            var codes = Set(try String.fetchAll(db, sql: "SELECT code FROM products"))
            var seen: [String: Int] = [:]
            let insert = try db.makeStatement(sql: "INSERT INTO products (code, name, search_key, unit, list_price, cost_price, active) VALUES (?, ?, ?, ?, ?, ?, ?)")
            return try AppDatabase.importRows(db, rows, kind: "products", options: options, actor: actor, at: now) { row, problems, _ in
                let p: Product
                do throws(DomainError) { p = try row.record.validated() } catch {
                    problems.append(AppDatabase.problem(row.line, error, values: ["code": row.record.code, "name": row.record.name, "unit": row.record.unit])); return nil
                }
                if let problem = AppDatabase.codeProblem(p.code, line: row.line, seen: &seen, taken: &codes, what: "product") { problems.append(problem); return nil }
                return { try insert.execute(arguments: [p.code, p.name, SearchKey.make(name: p.name, code: p.code), p.unit, p.listPrice.minorUnits, p.costPrice.minorUnits, p.active ? 1 : 0]) }
            }
        }
    }

    public func importSuppliers(_ rows: [ImportRecord<Supplier>], by actor: Actor, at now: Int64, options: ImportOptions) throws(StoreError) -> ImportOutcome {
        try AppDatabase.requireImport(actor)
        return try bulkWrite { db in
            var codes = Set(try String.fetchAll(db, sql: "SELECT code FROM suppliers"))
            var seen: [String: Int] = [:]
            let insert = try db.makeStatement(sql: "INSERT INTO suppliers (code, name, contact_person, phone, email, address, payment_terms_days) VALUES (?, ?, ?, ?, ?, ?, ?)")
            return try AppDatabase.importRows(db, rows, kind: "suppliers", options: options, actor: actor, at: now) { row, problems, _ in
                let s: Supplier
                let written = ["code": row.record.code, "name": row.record.name, "phone": row.record.phone ?? "", "email": row.record.email ?? ""]
                do throws(DomainError) { s = try row.record.validated() } catch { problems.append(AppDatabase.problem(row.line, error, values: written)); return nil }
                if let problem = AppDatabase.codeProblem(s.code, line: row.line, seen: &seen, taken: &codes, what: "supplier") { problems.append(problem); return nil }
                return { try insert.execute(arguments: [s.code, s.name, s.contactPerson, s.phone, s.email, s.address, s.paymentTermsDays]) }
            }
        }
    }

    /// Opening receivables (`kind` "receivables", against customers) or payables ("payables",
    /// against suppliers): posted, open for their whole amount, due by the party's payment terms
    /// when the file gives no due date. Customers' balances follow by the receivables' triggers.
    public func importOpeningBalances(_ kind: String, _ rows: [ImportRecord<OpeningBalance>], by actor: Actor, today: DateOnly, at now: Int64,
                                      options: ImportOptions) throws(StoreError) -> ImportOutcome {
        try AppDatabase.requireImport(actor)
        let receivable = kind == "receivables"
        return try bulkWrite { db in
            let parties = try PartyLookup.load(db, table: receivable ? "customers" : "suppliers")
            let table = receivable ? "receivables" : "payables"
            var numbers = Set(try String.fetchAll(db, sql: "SELECT number FROM \(table)"))
            var seen: [String: Int] = [:]
            let insert = try db.makeStatement(sql: receivable
                ? "INSERT INTO receivables (number, customer_id, rep_id, doc_date, due_date, amount, open_amount, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'posted')"
                : "INSERT INTO payables (number, supplier_id, doc_date, due_date, amount, open_amount, status) VALUES (?, ?, ?, ?, ?, ?, 'posted')")
            return try AppDatabase.importRows(db, rows, kind: table, options: options, actor: actor, at: now) { row, problems, _ in
                let b: OpeningBalance
                do throws(DomainError) { b = try row.record.validated(today: today) } catch {
                    problems.append(AppDatabase.problem(row.line, error, values: ["number": row.record.number, "doc_date": row.record.docDate.iso,
                                                                                  "due_date": row.record.dueDate?.iso ?? "", "amount": row.record.amount.formatted(grouping: false)]))
                    return nil
                }
                guard let party = parties.resolve(row, column: receivable ? "customer" : "supplier", into: &problems) else { return nil }
                if let problem = AppDatabase.codeProblem(b.number, line: row.line, seen: &seen, taken: &numbers, what: receivable ? "receivable" : "payable", column: "number") {
                    problems.append(problem); return nil
                }
                let due = b.dueDate ?? b.docDate.adding(days: party.termsDays)
                return receivable
                    ? { try insert.execute(arguments: [b.number, party.id, party.ownerId, b.docDate.iso, due.iso, b.amount.minorUnits, b.amount.minorUnits]) }
                    : { try insert.execute(arguments: [b.number, party.id, b.docDate.iso, due.iso, b.amount.minorUnits, b.amount.minorUnits]) }
            }
        }
    }
}

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
    public func importUsers(_ rows: [ImportRecord<ImportedUser>], by actor: Actor, at now: Int64, options: ImportOptions) throws(StoreError) -> (ImportOutcome, issued: [(login: String, password: String)]) {
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
        let ready = hashes
        let outcome = try bulkWrite { db in
            var logins = Set(try String.fetchAll(db, sql: "SELECT login FROM users"))
            var seen: [String: Int] = [:]
            let insert = try db.makeStatement(sql: "INSERT INTO users (login, display_name, role, password_hash, active, created_at) VALUES (?, ?, ?, ?, ?, ?)")
            return try AppDatabase.importRows(db, rows, kind: "users", options: options, actor: actor, at: now) { row, problems, _ in
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
        }
        guard outcome.imported > 0, !outcome.dryRun else { return (outcome, []) }
        let refused = Set(outcome.problems.map(\.line))
        let written = Set(rows.filter { !refused.contains($0.line) }.map { $0.record.login.trimmingSpaces() })
        return (outcome, written.sorted().compactMap { login in passwords[login].map { (login, $0) } })
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
    public func importWarehouses(_ rows: [ImportRecord<Warehouse>], by actor: Actor, at now: Int64, options: ImportOptions) throws(StoreError) -> ImportOutcome {
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
    public func importOpeningStock(_ rows: [ImportRecord<OpeningStock>], by actor: Actor, today: DateOnly, at now: Int64, options: ImportOptions) throws(StoreError) -> ImportOutcome {
        try AppDatabase.requireImport(actor)
        return try bulkWrite { db in
            let products = try CodeNameLookup.products(db), warehouses = try CodeNameLookup.warehouses(db)
            var used = Set(try Row.fetchAll(db, sql: "SELECT product_id, warehouse_id FROM stock_levels").map { "\($0[0] as Int64)@\($0[1] as Int64)" })
            // What the records already say moved in and out of each place (historical shipments,
            // goods receipts, moves): the opening move makes on hand today what the file says.
            let recorded = try db.makeStatement(sql: """
                SELECT (SELECT coalesce(SUM(quantity), 0) FROM stock_moves WHERE product_id = ?1 AND warehouse_id = ?2)
                     + (SELECT coalesce(SUM(gl.quantity), 0) FROM goods_receipt_lines gl JOIN goods_receipts gr ON gr.id = gl.goods_receipt_id
                        WHERE gl.product_id = ?1 AND gr.warehouse_id = ?2 AND gr.status = 'posted')
                     - (SELECT coalesce(SUM(sl.quantity), 0) FROM shipment_lines sl JOIN shipments sh ON sh.id = sl.shipment_id
                        WHERE sl.product_id = ?1 AND sh.warehouse_id = ?2 AND sh.status = 'posted')
                """)
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

extension AppDatabase {
    /// Historical sales orders with their lines. Shipped ones (a `shipped_on` date) are booked as
    /// shipped with one posted shipment from the named (or first) warehouse, so sales, revenue
    /// and every report include them; they get no receivable — what is still owed comes in as
    /// opening receivables. Where a stock level exists, an `opening` move puts the shipped
    /// quantity back: today's stock was counted after those shipments.
    public func importHistoricalOrders(_ rows: [ImportRecord<HistoricalOrder>], by actor: Actor, today: DateOnly, at now: Int64,
                                       options: ImportOptions) throws(StoreError) -> ImportOutcome {
        try AppDatabase.requireImport(actor)
        return try bulkWrite { db in
            let customers = try PartyLookup.load(db, table: "customers")
            let users = try AppDatabase.userLookup(db)
            let products = try CodeNameLookup.products(db), warehouses = try CodeNameLookup.warehouses(db)
            let firstWarehouse = try Int64.fetchOne(db, sql: "SELECT min(id) FROM warehouses")
            var numbers = Set(try String.fetchAll(db, sql: "SELECT number FROM sales_orders"))
            let shipmentNumbers = Set(try String.fetchAll(db, sql: "SELECT number FROM shipments"))
            var seen: [String: Int] = [:]
            let levels = Set(try Row.fetchAll(db, sql: "SELECT product_id, warehouse_id FROM stock_levels").map { "\($0[0] as Int64)@\($0[1] as Int64)" })
            let by: Int64? = actor.userId == 0 ? nil : actor.userId
            let order = try db.makeStatement(sql: """
                INSERT INTO sales_orders (number, customer_id, owner_id, order_date, due_date, status, total, quantity, created_by, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let line = try db.makeStatement(sql: """
                INSERT INTO sales_order_lines (order_id, line_no, product_id, quantity, shipped_quantity, unit_price, discount_bp, amount)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let shipment = try db.makeStatement(sql: """
                INSERT INTO shipments (number, order_id, customer_id, warehouse_id, ship_date, status, total, created_by) VALUES (?, ?, ?, ?, ?, 'posted', ?, ?)
                """)
            let shipmentLine = try db.makeStatement(sql: "INSERT INTO shipment_lines (shipment_id, order_line_id, product_id, quantity, amount) VALUES (?, ?, ?, ?, ?)")
            let putBack = try db.makeStatement(sql: """
                INSERT INTO stock_moves (product_id, warehouse_id, moved_on, quantity, reason, note, user_id) VALUES (?, ?, ?, ?, 'opening', 'historical shipment (import)', ?)
                """)
            let dates = try db.makeStatement(sql: """
                UPDATE customers SET first_order_on = min(coalesce(first_order_on, ?1), ?1), last_order_on = max(coalesce(last_order_on, ?1), ?1) WHERE id = ?2
                """)
            return try AppDatabase.importRows(db, rows, kind: "sales_orders", options: options, actor: actor, at: now) { row, problems, _ in
                let o: HistoricalOrder
                do throws(DomainError) { o = try row.record.validated(today: today) } catch {
                    problems.append(AppDatabase.problem(row.line, error, values: ["number": row.record.number, "order_date": row.record.orderDate.iso,
                                                                                  "due_date": row.record.dueDate?.iso ?? "", "shipped_on": row.record.shippedOn?.iso ?? ""]))
                    return nil
                }
                guard let customer = customers.resolve(row, column: "customer", into: &problems) else { return nil }
                var owner = customer.ownerId
                if let rep = row.references["rep"], !rep.isEmpty {
                    guard let id = users[rep.lowercased()] else {
                        problems.append(ImportProblem(line: row.line, column: "rep", value: rep, message: "no active user with this login or name")); return nil
                    }
                    owner = id
                }
                guard let owner else {
                    problems.append(ImportProblem(line: row.line, column: "rep", value: "", message: "the customer has no rep: name one in a rep column")); return nil
                }
                var warehouse: Int64?
                if o.shippedOn != nil {
                    if (row.references["warehouse"] ?? "").isEmpty {
                        warehouse = firstWarehouse
                        if warehouse == nil { problems.append(ImportProblem(line: row.line, column: "warehouse", value: "", message: "no warehouse to ship from")); return nil }
                    } else {
                        guard let w = warehouses.resolve(row, column: "warehouse", into: &problems) else { return nil }
                        warehouse = w
                    }
                }
                var resolved: [(product: Int64, quantity: Int64, price: Int64, discount: Int64, amount: Int64)] = []
                for l in o.lines {
                    guard let p = products.find(l.product, line: row.line, column: "product", into: &problems, prefix: "lines file row \(l.line): ") else { return nil }
                    let price = l.unitPrice ?? Money(minorUnits: p.price)
                    let amount: Money
                    do throws(DomainError) { amount = try LineAmount.compute(quantity: l.quantity, unitPrice: price, discountBasisPoints: l.discount.value) } catch {
                        problems.append(ImportProblem(line: row.line, column: "quantity", value: l.quantity.description, message: "lines file row \(l.line): \(error.message)")); return nil
                    }
                    resolved.append((p.id, l.quantity.thousandths, price.minorUnits, l.discount.value, amount.minorUnits))
                }
                var taken = numbers
                if let problem = AppDatabase.codeProblem(o.number, line: row.line, seen: &seen, taken: &taken, what: "sales order", column: "number") {
                    problems.append(problem); return nil
                }
                if o.shippedOn != nil, shipmentNumbers.contains(o.number) {
                    problems.append(ImportProblem(line: row.line, column: "number", value: o.number, message: "a shipment already has this number")); return nil
                }
                numbers = taken
                let total = resolved.reduce(0) { $0 + $1.amount }, quantity = resolved.reduce(0) { $0 + $1.quantity }
                return {
                    let shipped = o.shippedOn != nil
                    try order.execute(arguments: [o.number, customer.id, owner, o.orderDate.iso, (o.dueDate ?? o.orderDate).iso, shipped ? "shipped" : "open",
                                                  total, quantity, by, o.note])
                    let orderId = db.lastInsertedRowID
                    var lineIds: [Int64] = []
                    for (n, l) in resolved.enumerated() {
                        try line.execute(arguments: [orderId, n + 1, l.product, l.quantity, shipped ? l.quantity : 0, l.price, l.discount, l.amount])
                        lineIds.append(db.lastInsertedRowID)
                    }
                    try dates.execute(arguments: [o.orderDate.iso, customer.id])
                    guard let day = o.shippedOn, let warehouse else { return }
                    try shipment.execute(arguments: [o.number, orderId, customer.id, warehouse, day.iso, total, by])
                    let shipmentId = db.lastInsertedRowID
                    for (l, lineId) in zip(resolved, lineIds) {
                        try shipmentLine.execute(arguments: [shipmentId, lineId, l.product, l.quantity, l.amount])
                        if levels.contains("\(l.product)@\(warehouse)") { try putBack.execute(arguments: [l.product, warehouse, day.iso, l.quantity, by]) }
                    }
                }
            }
        }
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
