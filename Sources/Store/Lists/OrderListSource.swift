import Domain
import GRDB

/// Every sales order the user may see (a rep: their own customers'): newest first, or by due
/// date, number, customer or value; filtered by status, rep, customer and order-date range.
enum OrderListSource: ListSource {
    static let sorts = ListKind.orders.sorts

    static func columns(_ query: ListQuery) -> [ColumnSpec] {
        // Fits 80 columns; the rep is a filter and on the order's card.
        [ColumnSpec("col.number", width: 13), ColumnSpec("col.date", .date, width: 10), ColumnSpec("col.customer", flexible: true, shrinks: true, width: 14),
         ColumnSpec("col.due", .date, width: 10), ColumnSpec("col.status", .status, width: 14), ColumnSpec("col.total", .money, width: 12)]
    }

    static let select = """
        SELECT o.id, o.number, o.order_date, c.name, o.owner_id, o.due_date, o.status, o.total, c.sort_key
        FROM sales_orders o JOIN customers c ON c.id = o.customer_id
        """

    /// Sort → (expression, descending, the row's column holding its value).
    static func order(_ query: ListQuery) -> (String, Bool, Int) {
        switch query.sort {
        case "due-date": ("o.due_date", false, 5)
        case "number": ("o.number", true, 1)
        case "customer": ("c.sort_key", false, 8)
        case "value": ("o.total", true, 7)
        default: ("o.order_date", true, 2)
        }
    }

    static func keyset(_ query: ListQuery, actor: Actor) throws(StoreError) -> KeysetPage {
        guard actor.can(.viewAllCustomers) || actor.can(.viewOwnCustomers) else { throw .forbidden("\(actor.role.rawValue) cannot list orders") }
        var conditions = ["1"]
        var args: [DatabaseValue] = []
        func add(_ sql: String, _ value: DatabaseValue) { conditions.append(sql); args.append(value) }
        if actor.restrictedToOwnCustomers { add("o.owner_id = ?", actor.userId.databaseValue) }
        if let status = OrderStatus(rawValue: query.filter("status")) { add("o.status = ?", status.rawValue.databaseValue) }
        if let rep = Int64(query.filter("rep")) { add("o.owner_id = ?", rep.databaseValue) }
        if let customer = Int64(query.filter("customer")) { add("o.customer_id = ?", customer.databaseValue) }
        if let from = DateOnly(iso: query.filter("from")) { add("o.order_date >= ?", from.iso.databaseValue) }
        if let to = DateOnly(iso: query.filter("to")) { add("o.order_date <= ?", to.iso.databaseValue) }
        let (expression, descending, _) = order(query)
        return KeysetPage(select: select, conditions: conditions.joined(separator: " AND "), arguments: args, sortExpression: expression,
                          idExpression: "o.id", descending: descending)
    }

    static func row(_ r: Row, query: ListQuery, today: DateOnly) -> ListRow {
        let status = r[6] as String
        let due = DateOnly(iso: r[5] as String)
        let late = status == OrderStatus.open.rawValue || status == OrderStatus.partiallyShipped.rawValue
        let dueCell: CellValue = due.map { late && $0 < today ? .warning(.date($0)) : .date($0) } ?? .empty
        let column = order(query).2
        let key: ListCursor.Key = column == 7 ? .number(r[7]) : .text(r[column])
        return ListRow(ref: RecordRef(.salesOrder, r[0]), cells: [.text(r[1] as String), .date(iso: r[2]), .text(r[3] as String), dueCell,
                                                                .status("status.\(status)"), .money(minorUnits: r[7])],
                       cursor: ListCursor(key, id: r[0]))
    }

    static func page(_ store: AppDatabase, _ query: ListQuery, after: ListCursor?, inclusive: Bool, limit: Int, backwards: Bool, actor: Actor, today: DateOnly) throws(StoreError) -> [ListRow] {
        let keyset = try keyset(query, actor: actor)
        return try store.read { db in try keyset.rows(db, after: after, inclusive: inclusive, limit: limit, backwards: backwards) { row($0, query: query, today: today) } }
    }

    static func count(_ store: AppDatabase, _ query: ListQuery, actor: Actor, today: DateOnly) throws(StoreError) -> Int {
        let keyset = try keyset(query, actor: actor)
        return try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sales_orders o WHERE " + keyset.conditions, arguments: StatementArguments(keyset.arguments)) ?? 0 }
    }

    /// How many of the newest orders a number or PO-reference search reads (a full number,
    /// `SO-2021-00012`, is found by its index however old).
    static let searchWindow: Int64 = 100_000

    static func search(_ store: AppDatabase, _ query: ListQuery, text: String, limit: Int, actor: Actor, today: DateOnly) throws(StoreError) -> [ListRow] {
        try typedSearch(store, query, text: text, limit: limit, actor: actor, today: today).rows
    }

    /// By customer (name, code, pinyin, initials — the customers' search), order number or the
    /// customer's PO reference; newest first, within the list's filters.
    static func typedSearch(_ store: AppDatabase, _ query: ListQuery, text: String, limit: Int, actor: Actor, today: DateOnly) throws(StoreError) -> ListPage {
        let keyset = try keyset(query, actor: actor)
        let q = SearchKey.normalizeQuery(text)
        guard !q.isEmpty else { return ListPage(columns: columns(query), rows: []) }
        let customers = try store.customerPicks(for: actor, query: q, limit: 200).map(\.id)
        return try store.read { db in
            var ids = Set<Int64>()
            if !customers.isEmpty {
                ids.formUnion(try Int64.fetchAll(db, sql: "SELECT id FROM sales_orders WHERE customer_id IN (\(customers.map(String.init).joined(separator: ","))) ORDER BY id DESC LIMIT 2000"))
            }
            let prefix = q.uppercased().replacingOccurrences(of: "[", with: "").replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "?", with: "")
            ids.formUnion(try Int64.fetchAll(db, sql: "SELECT id FROM sales_orders WHERE number GLOB ? LIMIT 2000", arguments: [prefix + "*"]))
            let newest = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM sales_orders") ?? 0
            ids.formUnion(try Int64.fetchAll(db, sql: """
                SELECT id FROM sales_orders WHERE id > ? AND (instr(lower(number), ?) > 0 OR instr(lower(ifnull(customer_po, '')), ?) > 0) LIMIT 2000
                """, arguments: [newest - searchWindow, q, q]))
            guard !ids.isEmpty else { return ListPage(columns: columns(query), rows: [], complete: newest <= searchWindow) }
            let rows = try Row.fetchAll(db, sql: select + " WHERE " + keyset.conditions + " AND o.id IN (\(ids.map(String.init).joined(separator: ","))) ORDER BY o.order_date DESC, o.id DESC LIMIT ?",
                                        arguments: StatementArguments(keyset.arguments + [limit.databaseValue])).map { row($0, query: query, today: today) }
            return ListPage(columns: columns(query), rows: rows, complete: newest <= searchWindow || rows.count >= limit)
        }
    }
}
