import Domain
import GRDB

/// Sales orders not yet fully shipped — the assistant's work list: soonest due first (overdue
/// ones flagged), or newest first; a rep sees only their customers' orders.
enum OpenOrderListSource: ListSource {
    static let sorts = ListKind.openOrders.sorts

    static func columns(_ query: ListQuery) -> [ColumnSpec] {
        // Fits 80 columns: the customer takes what is left; the rep is on the order's card.
        [ColumnSpec("col.number", width: 13), ColumnSpec("col.customer", flexible: true, shrinks: true, width: 14), ColumnSpec("col.date", .date, width: 10),
         ColumnSpec("col.due", .date, width: 13), ColumnSpec("col.status", .status, shrinks: true, width: 10), ColumnSpec("col.total", .money, width: 12)]
    }

    static let select = """
        SELECT o.id, o.number, c.name, o.order_date, o.due_date, o.status, o.total
        FROM sales_orders o JOIN customers c ON c.id = o.customer_id
        """

    static func keyset(_ query: ListQuery, actor: Actor) throws(StoreError) -> KeysetPage {
        guard actor.can(.viewAllCustomers) || actor.can(.viewOwnCustomers) else { throw .forbidden("\(actor.role.rawValue) cannot list orders") }
        var conditions = "o.status IN ('open','partially_shipped')"
        var args: [DatabaseValue] = []
        if actor.restrictedToOwnCustomers { conditions += " AND o.owner_id = ?"; args.append(actor.userId.databaseValue) }
        let byOrderDate = query.sort == "order-date"
        return KeysetPage(select: select, conditions: conditions, arguments: args, sortExpression: byOrderDate ? "o.order_date" : "o.due_date",
                          idExpression: "o.id", descending: byOrderDate)
    }

    static func row(_ r: Row, query: ListQuery, today: DateOnly) -> ListRow {
        let due = DateOnly(iso: r[4] as String)
        let dueCell: CellValue = due.map { $0 < today ? .warning(.date($0)) : .date($0) } ?? .empty
        let key: String = query.sort == "order-date" ? r[3] : r[4]
        return ListRow(ref: RecordRef(.salesOrder, r[0]), cells: [.text(r[1] as String), .text(r[2] as String), .date(iso: r[3]), dueCell,
                                                                .status("status.\(r[5] as String)"), .money(minorUnits: r[6])],
                       cursor: ListCursor(.text(key), id: r[0]))
    }

    static func page(_ store: AppDatabase, _ query: ListQuery, after: ListCursor?, inclusive: Bool, limit: Int, backwards: Bool, actor: Actor, today: DateOnly) throws(StoreError) -> [ListRow] {
        let keyset = try keyset(query, actor: actor)
        return try store.read { db in try keyset.rows(db, after: after, inclusive: inclusive, limit: limit, backwards: backwards) { row($0, query: query, today: today) } }
    }

    static func count(_ store: AppDatabase, _ query: ListQuery, actor: Actor, today: DateOnly) throws(StoreError) -> Int {
        let keyset = try keyset(query, actor: actor)
        return try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sales_orders o WHERE " + keyset.conditions, arguments: StatementArguments(keyset.arguments)) ?? 0 }
    }

    /// By order number or customer name (or its pinyin), soonest due first.
    static func search(_ store: AppDatabase, _ query: ListQuery, text: String, limit: Int, actor: Actor, today: DateOnly) throws(StoreError) -> [ListRow] {
        let keyset = try keyset(query, actor: actor)
        let q = SearchKey.normalizeQuery(text)
        guard !q.isEmpty else { return [] }
        return try store.read { db in
            try Row.fetchAll(db, sql: select + " WHERE " + keyset.conditions + " AND (instr(lower(o.number), ?) > 0 OR instr(c.search_key, ?) > 0) ORDER BY o.due_date, o.id LIMIT ?",
                             arguments: StatementArguments(keyset.arguments + [q.databaseValue, q.databaseValue, limit.databaseValue])).map { row($0, query: query, today: today) }
        }
    }
}
