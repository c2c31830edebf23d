import Domain
import GRDB

extension AppDatabase {
    /// Past expenses (`rapport import expenses`): each checked as the form checks one, its
    /// category on the company's list, its rep a login; numbered `EX-` by its date's year unless
    /// the file gives a number (then it must be new). Its item joins the category's list.
    public func importExpenses(_ rows: ImportBatches<ExpenseEntry>, by actor: Actor, today: DateOnly, at now: Int64,
                               options: ImportOptions) throws(StoreError) -> ImportOutcome {
        try AppDatabase.requireImport(actor)
        return try bulkWrite { db in
            let futureDays = try AppDatabase.settings(db).moneyFutureDays
            let categories = Set(try String.fetchAll(db, sql: "SELECT name FROM expense_categories"))
            let logins = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT lower(login), id FROM users").map { ($0[0] as String, $0[1] as Int64) })
            var numbers = Set(try String.fetchAll(db, sql: "SELECT number FROM expenses"))
            var seen: [String: Int] = [:]
            let insert = try db.makeStatement(sql: """
                INSERT INTO expenses (number, expense_date, category, item, amount, method, rep_id, note, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let item = try db.makeStatement(sql: "INSERT OR IGNORE INTO expense_items (category, item) VALUES (?, ?)")
            return try AppDatabase.importRows(db, rows, kind: "expenses", options: options, actor: actor, at: now) { row, problems, _ in
                var e: ExpenseEntry
                do throws(DomainError) { e = try row.record.validated(today: today, futureDays: futureDays) } catch {
                    problems.append(AppDatabase.problem(row.line, error, values: ["date": row.record.date.iso, "category": row.record.category,
                                                                                  "item": row.record.item, "amount": row.record.amount.formatted(grouping: false)]))
                    return nil
                }
                guard categories.contains(e.category) else {
                    problems.append(ImportProblem(line: row.line, column: "category", value: e.category,
                                                  message: "not an expense category (add it first: rapport expenses category add NAME)"))
                    return nil
                }
                if let login = row.references["rep"], !login.isEmpty {
                    guard let id = logins[login.lowercased()] else {
                        problems.append(ImportProblem(line: row.line, column: "rep", value: login, message: "no user has this login"))
                        return nil
                    }
                    e.repId = id
                }
                let given = row.references["number"] ?? ""
                // Rapport's own numbers are its to give: one taken now would meet the sequence later.
                if given.uppercased().hasPrefix("EX-") {
                    problems.append(ImportProblem(line: row.line, column: "number", value: given, message: "EX- numbers are Rapport's own; leave the number empty"))
                    return nil
                }
                if !given.isEmpty, let problem = AppDatabase.codeProblem(given, line: row.line, seen: &seen, taken: &numbers, what: "expense", column: "number") {
                    problems.append(problem); return nil
                }
                let creator: Int64? = actor.userId == 0 ? nil : actor.userId
                return {
                    let number = given.isEmpty ? try DocumentSequence.next(db, kind: .expense, year: e.date.year) : given
                    try item.execute(arguments: [e.category, e.item])
                    try insert.execute(arguments: [number, e.date.iso, e.category, e.item, e.amount.minorUnits, e.method.rawValue, e.repId, e.note, creator])
                }
            }
        }
    }
}
