import Domain
import GRDB

/// Expenses, newest first (or largest first): what a figure of the expense statistics is made
/// of. Filters: `from`, `to`, `category`, `item`, `rep` (`0`: none) and `status`.
enum ExpenseListSource: KeysetListSource {
    static let kind = ListKind.expenses
    static let countFrom = "expenses e"
    static let sorts = ListKind.expenses.sorts

    static func columns(_ query: ListQuery) -> [ColumnSpec] {
        [ColumnSpec("col.date", .date, width: 10), ColumnSpec("col.number", width: 13), ColumnSpec("col.category", .status, width: 10),
         ColumnSpec("col.item", flexible: true, shrinks: true, width: 12), ColumnSpec("col.rep", shrinks: true, width: 8), .money("col.amount"),
         ColumnSpec("col.status", .status, width: 6)]
    }

    static let select = """
        SELECT e.id, e.expense_date, e.number, e.category, e.item, coalesce(u.display_name, ''), e.amount, e.status
        FROM expenses e LEFT JOIN users u ON u.id = e.rep_id
        """

    static func keyset(_ query: ListQuery, actor: Actor) throws(StoreError) -> KeysetPage {
        guard actor.can(.editExpenses) || actor.can(.viewAllKPIs) else { throw .forbidden("\(actor.role.rawValue) cannot list expenses") }
        var c = ["1"], args: [DatabaseValue] = []
        func add(_ sql: String, _ value: String) { c.append(sql); args.append(value.databaseValue) }
        if let from = DateOnly(iso: query.filter("from")) { add("e.expense_date >= ?", from.iso) }
        if let to = DateOnly(iso: query.filter("to")) { add("e.expense_date <= ?", to.iso) }
        if !query.filter("category").isEmpty {
            // One category, or several (a KPI's: "marketing,sales,commissions").
            let names = query.filter("category").split(separator: ",").map(String.init)
            c.append("e.category IN (\(names.map { _ in "?" }.joined(separator: ", ")))")
            args += names.map(\.databaseValue)
        }
        if !query.filter("item").isEmpty { add("e.item = ?", query.filter("item")) }
        if let status = PostingStatus(rawValue: query.filter("status")) { add("e.status = ?", status.rawValue) }
        if let rep = Int64(query.filter("rep")) {
            if rep == 0 { c.append("e.rep_id IS NULL") } else { c.append("e.rep_id = ?"); args.append(rep.databaseValue) }
        }
        return KeysetPage(select: select, conditions: c.joined(separator: " AND "), arguments: args,
                          sortExpression: query.sort == "amount" ? "e.amount" : "e.expense_date", idExpression: "e.id", descending: true)
    }

    static func row(_ r: Row, query: ListQuery) -> ListRow {
        let amount: Int64 = r[6], status: String = r[7]
        return ListRow(ref: RecordRef(.expense, r[0]),
                       cells: [.date(iso: r[1]), .text(r[2] as String), ExpenseCard.category(r[3]), .text(r[4] as String), .text(r[5] as String),
                               .money(minorUnits: amount), .status("status.\(status)")],
                       cursor: ListCursor(query.sort == "amount" ? .number(amount) : .text(r[1]), id: r[0]))
    }



    /// By number (typed whole or by its sequence) or a word of the item or note; newest first.
    static func search(_ store: AppDatabase, _ query: ListQuery, text: String, limit: Int, actor: Actor, today: DateOnly) throws(StoreError) -> [ListRow] {
        let keyset = try keyset(query, actor: actor)
        let q = SearchKey.normalizeQuery(text)
        guard !q.isEmpty else { return [] }
        return try store.read { db in
            var ids = try DocumentNumberSearch.ids(db, q, prefix: "EX", table: "expenses", limit: limit)
            let words = "%" + text.trimmingSpaces() + "%"
            ids.formUnion(try Int64.fetchAll(db, sql: "SELECT id FROM expenses WHERE item LIKE ? OR note LIKE ? ORDER BY expense_date DESC LIMIT ?", arguments: [words, words, limit]))
            guard !ids.isEmpty else { return [] }
            return try Row.fetchAll(db, sql: select + " WHERE " + keyset.conditions + " AND e.id IN (\(ids.map(String.init).joined(separator: ","))) ORDER BY e.expense_date DESC, e.id DESC LIMIT ?",
                                    arguments: StatementArguments(keyset.arguments + [limit.databaseValue])).map { row($0, query: query) }
        }
    }
}
