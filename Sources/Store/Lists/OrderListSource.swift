import Domain
import GRDB

/// Every sales order the user may see (a rep: their own customers'): newest first, or by due
/// date, number, customer or value; filtered by status, rep, customer and order-date range.
enum OrderListSource: ListSource {
    static let sorts = ListKind.orders.sorts

    static func columns(_ query: ListQuery) -> [ColumnSpec] {
        // Fits 80 columns (the due date has room for the ⚠ of an overdue open order); the rep is
        // a filter and on the order's card.
        [ColumnSpec("col.number", width: 13), ColumnSpec("col.date", .date, width: 10), ColumnSpec("col.customer", flexible: true, shrinks: true, width: 14),
         ColumnSpec("col.due", .date, width: 13), ColumnSpec("col.status", .status, width: 14), ColumnSpec("col.total", .money, width: 12)]
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

    /// How the page is read. `.filterFirst`: few rows match (fewer than the count cap) — read
    /// them through the filter's index and sort them. `.sortFirst`: many match — walk the sort's
    /// index and test each row, which finds a page of matches within a short walk. (SQLite would
    /// otherwise sort all 990,000 shipped orders to show 200 of them, or walk every order to
    /// find the 48 cancelled ones.) `.counting`: every term may use an index.
    enum Plan { case filterFirst, sortFirst, counting }

    static func keyset(_ query: ListQuery, actor: Actor, plan: Plan = .counting) throws(StoreError) -> KeysetPage {
        guard actor.can(.viewAllCustomers) || actor.can(.viewOwnCustomers) else { throw .forbidden("\(actor.role.rawValue) cannot list orders") }
        var conditions = ["1"]
        var args: [DatabaseValue] = []
        let (expression, descending, _) = order(query)
        // `+column` keeps SQLite from using an index for that term; the order-date range stays
        // indexed when the list is sorted by order date (its walk is the sort's own).
        func add(_ column: String, _ op: String, _ value: DatabaseValue) {
            let indexed = plan != .sortFirst || (column == "o.order_date" && expression == column)
            conditions.append("\(indexed ? "" : "+")\(column) \(op) ?"); args.append(value)
        }
        if actor.restrictedToOwnCustomers { add("o.owner_id", "=", actor.userId.databaseValue) }
        if let status = OrderStatus(rawValue: query.filter("status")) { add("o.status", "=", status.rawValue.databaseValue) }
        // Booked: every order but the cancelled (the KPIs' sales).
        if query.filter("status") == "booked" { conditions.append("o.status <> 'cancelled'") }
        if let rep = Int64(query.filter("rep")) { add("o.owner_id", "=", rep.databaseValue) }
        if let customer = Int64(query.filter("customer")) { add("o.customer_id", "=", customer.databaseValue) }
        if let from = DateOnly(iso: query.filter("from")) {
            add("o.order_date", ">=", from.iso.databaseValue)
            // An order is never due before it is ordered (a CHECK of the table): the due-date walk starts there.
            if expression == "o.due_date" { conditions.append("o.due_date >= ?"); args.append(from.iso.databaseValue) }
        }
        if let to = DateOnly(iso: query.filter("to")) { add("o.order_date", "<=", to.iso.databaseValue) }
        return KeysetPage(select: select, conditions: conditions.joined(separator: " AND "), arguments: args,
                          sortExpression: (plan == .filterFirst ? "+" : "") + expression, idExpression: "o.id", descending: descending)
    }

    /// Whether the filters leave few rows (see `Plan`): the count, capped, through the filters' indexes.
    static func plan(_ db: Database, _ query: ListQuery, actor: Actor) throws -> Plan {
        let counting = try keyset(query, actor: actor)
        guard counting.conditions != "1" else { return .sortFirst }
        let cap = ListKind.orders.countCap ?? 10_000
        let n = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (SELECT 1 FROM sales_orders o WHERE " + counting.conditions + " LIMIT ?)",
                                 arguments: StatementArguments(counting.arguments + [(cap + 1).databaseValue])) ?? 0
        return n > cap ? .sortFirst : .filterFirst
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
        try store.read { db in
            let keyset = try keyset(query, actor: actor, plan: try plan(db, query, actor: actor))
            return try keyset.rows(db, after: after, inclusive: inclusive, limit: limit, backwards: backwards) { row($0, query: query, today: today) }
        }
    }

    static func count(_ store: AppDatabase, _ query: ListQuery, actor: Actor, today: DateOnly) throws(StoreError) -> Int {
        let keyset = try keyset(query, actor: actor)
        let cap = (ListKind.orders.countCap ?? Int.max - 1) + 1
        return try store.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (SELECT 1 FROM sales_orders o WHERE " + keyset.conditions + " LIMIT ?)",
                             arguments: StatementArguments(keyset.arguments + [cap.databaseValue])) ?? 0
        }
    }

    static func search(_ store: AppDatabase, _ query: ListQuery, text: String, limit: Int, actor: Actor, today: DateOnly) throws(StoreError) -> [ListRow] {
        let keyset = try keyset(query, actor: actor)
        guard let (q, customers) = try searchTerms(store, text, actor: actor) else { return [] }
        return try store.read { db in
            var ids = Set<Int64>()
            if !customers.isEmpty {
                ids.formUnion(try Int64.fetchAll(db, sql: """
                    SELECT id FROM sales_orders INDEXED BY sales_orders_customer_date WHERE customer_id IN (\(customers))
                    ORDER BY order_date DESC, id DESC LIMIT ?
                    """, arguments: [limit]))
            }
            // Each pattern's newest numbers, no more than a page of them.
            ids.formUnion(try DocumentNumberSearch.ids(db, q, prefix: "SO", table: "sales_orders", limit: min(limit, 5_000)))
            // Only orders keyed in with a PO reference have one: the partial index holds just those.
            ids.formUnion(try Int64.fetchAll(db, sql: """
                SELECT id FROM sales_orders INDEXED BY sales_orders_po WHERE customer_po IS NOT NULL AND instr(lower(customer_po), ?) > 0 LIMIT 2000
                """, arguments: [q]))
            guard !ids.isEmpty else { return [] }
            return try Row.fetchAll(db, sql: select + " WHERE " + keyset.conditions + " AND o.id IN (\(ids.map(String.init).joined(separator: ","))) ORDER BY o.order_date DESC, o.id DESC LIMIT ?",
                                    arguments: StatementArguments(keyset.arguments + [limit.databaseValue])).map { row($0, query: query, today: today) }
        }
    }
}
