import Domain
import GRDB

/// An expense on the document writer: posted `EX-` in one transaction, audited; its category
/// must be on the company's list (finance adds categories), and a new item joins the list.
struct ExpenseWriter: PostingWriter {
    static let kind = DocumentKind.expense
    static let table = "expenses"
    static let entity = "expense"
    var entry: ExpenseEntry

    var date: DateOnly { entry.date }
    var auditPairs: [(String, String?)] {
        [("date", entry.date.iso), ("category", entry.category), ("item", entry.item), ("amount", String(entry.amount.minorUnits)),
         ("method", entry.method.rawValue), ("rep_id", entry.repId.map(String.init)), ("note", entry.note)]
    }

    func authorize(_ db: Database, actor: Actor) throws {
        guard actor.can(.editExpenses) else { throw StoreError.forbidden("\(actor.role.rawValue) cannot enter expenses") }
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM expense_categories WHERE name = ?", arguments: [entry.category]) == true else {
            throw StoreError.invalid(DomainError("'\(entry.category)' is not an expense category (finance adds categories: rapport expenses category add NAME)",
                                                 field: "category", code: "error.category-unknown", entry.category))
        }
        if let rep = entry.repId, try Bool.fetchOne(db, sql: "SELECT 1 FROM users WHERE id = ?", arguments: [rep]) != true {
            throw StoreError.invalid(DomainError("user \(rep) does not exist", field: "rep", code: "error.user-missing", String(rep)))
        }
    }

    func insert(_ db: Database, number: String, actor: Actor) throws -> Int64 {
        try db.execute(sql: "INSERT OR IGNORE INTO expense_items (category, item) VALUES (?, ?)", arguments: [entry.category, entry.item])
        try db.execute(sql: """
            INSERT INTO expenses (number, expense_date, category, item, amount, method, rep_id, note, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [number, entry.date.iso, entry.category, entry.item, entry.amount.minorUnits, entry.method.rawValue, entry.repId, entry.note,
                             actor.userId == 0 ? nil : actor.userId])
        return db.lastInsertedRowID
    }
}

/// Voiding an expense: nothing else depends on it.
enum ExpenseVoid: VoidableDocument {
    static let table = "expenses"
    static let entity = "expense"
    static func authorizeVoid(_ db: Database, id: Int64, actor: Actor) throws {
        guard actor.can(.editExpenses) else { throw StoreError.forbidden("\(actor.role.rawValue) cannot void expenses") }
    }
    static func refuseVoid(_ db: Database, id: Int64) throws {}
    static func reverse(_ db: Database, id: Int64, on day: DateOnly?, by actor: Actor, reason: String) throws -> [(String, String?)] { [] }
}

/// What an expense form offers: the categories in their order, each with its items, and the
/// reps (for salaries, commissions, travel).
public struct ExpenseSource: Sendable, Equatable {
    public var categories: [String]
    public var items: [String: [String]]
    public var reps: [(id: Int64, name: String)]
    public static func == (a: ExpenseSource, b: ExpenseSource) -> Bool {
        a.categories == b.categories && a.items == b.items && a.reps.map(\.id) == b.reps.map(\.id)
    }
}

extension AppDatabase {
    @discardableResult
    public func postExpense(_ entry: ExpenseEntry, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> SavedDocument {
        let valid: ExpenseEntry
        let futureDays = try settings().moneyFutureDays
        do { valid = try entry.validated(today: today, futureDays: futureDays) } catch { throw .invalid(error) }
        return try save(ExpenseWriter(entry: valid), by: actor, at: now)
    }

    public func voidExpense(id: Int64, reason: String, by actor: Actor, at now: Int64) throws(StoreError) {
        try void(ExpenseVoid.self, id: id, reason: reason, by: actor, at: now)
    }

    public func expenseSource(by actor: Actor) throws(StoreError) -> ExpenseSource {
        guard actor.can(.editExpenses) else { throw .forbidden("\(actor.role.rawValue) cannot enter expenses") }
        return try read { db in
            let categories = try String.fetchAll(db, sql: "SELECT name FROM expense_categories ORDER BY position, name")
            var items: [String: [String]] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT category, item FROM expense_items ORDER BY category, item") {
                items[r[0], default: []].append(r[1])
            }
            let reps = try Row.fetchAll(db, sql: "SELECT id, display_name FROM users WHERE role = 'sales_rep' AND active = 1 ORDER BY display_name")
                .map { (id: $0[0] as Int64, name: $0[1] as String) }
            return ExpenseSource(categories: categories, items: items, reps: reps)
        }
    }

    /// Finance's list of categories: a new one goes last; one in use is never removed.
    public func addExpenseCategory(_ name: String, by actor: Actor, at now: Int64) throws(StoreError) {
        guard actor.can(.editExpenses) else { throw .forbidden("\(actor.role.rawValue) cannot edit expense categories") }
        let valid: String
        do { valid = try ExpenseEntry.validCategory(name) } catch { throw .invalid(error) }
        try write { db in try AppDatabase.addExpenseCategory(db, valid, field: "category", by: actor, at: now) }
    }

    /// A checked category name added last, audited; refused (naming `field`) when it exists,
    /// in capitals or not ("SALES" is "sales").
    static func addExpenseCategory(_ db: Database, _ valid: String, field: String, by actor: Actor, at now: Int64) throws {
        if let existing = try String.fetchOne(db, sql: "SELECT name FROM expense_categories WHERE lower(name) = lower(?)", arguments: [valid]) {
            // A built-in category is named in the user's language (its catalog key).
            throw StoreError.invalid(DomainError("'\(existing)' is already a category", field: field, code: "error.category-exists",
                                                 ExpenseCategory(rawValue: existing) == nil ? existing : "expense.\(existing)"))
        }
        try db.execute(sql: "INSERT INTO expense_categories (name, position) VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM expense_categories))",
                       arguments: [valid])
        try AuditLog.record(db, actor: actor, at: now, action: "expense_category.add", entity: "expense_categories", entityId: nil,
                            after: AuditLog.json([("name", valid)]))
    }

    public func expenseCategories() throws(StoreError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT name FROM expense_categories ORDER BY position, name") }
    }
}
