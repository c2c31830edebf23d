import Domain
import GRDB

/// Every purchase order: those still expected first, soonest (the overdue) at the top, then the
/// received and cancelled newest first; or newest ordered first, or by number. Filters:
/// `status` (a status, or `expected`: open or partly received), `supplier`. Purchasing, the manager and whoever sees suppliers.
enum PurchaseOrderListSource: KeysetListSource {
    static let kind = ListKind.purchaseOrders
    static let countFrom = "purchase_orders p"
    static let sorts = ListKind.purchaseOrders.sorts

    static func columns(_ query: ListQuery) -> [ColumnSpec] {
        // The expected date has room for the overdue mark.
        [ColumnSpec(query.sort == "order-date" ? "col.order-date" : "col.expected", .date, width: query.sort == "order-date" ? 10 : 13), ColumnSpec("col.number", width: 13),
         ColumnSpec("col.supplier", flexible: true, shrinks: true, width: 14), ColumnSpec("col.status", .status, width: 10), .money("col.total")]
    }

    static let select = """
        SELECT p.id, p.expected_date, p.number, s.name, p.status, p.total, p.order_date,
               CASE WHEN p.status IN ('open','partially_received') THEN '0' || p.expected_date
                    ELSE '1' || (99999999 - CAST(replace(p.expected_date, '-', '') AS INTEGER)) END AS expected_key
        FROM purchase_orders p JOIN suppliers s ON s.id = p.supplier_id
        """

    static func keyset(_ query: ListQuery, actor: Actor) throws(StoreError) -> KeysetPage {
        guard actor.can(.editPurchaseOrders) || actor.can(.viewSuppliers) else { throw .forbidden("\(actor.role.rawValue) cannot list purchase orders") }
        var c = ["1"], args: [DatabaseValue] = []
        if let status = PurchaseOrderStatus(rawValue: query.filter("status")) { c.append("p.status = ?"); args.append(status.rawValue.databaseValue) }
        // Still expected: open or partly received (the goods-expected reminder's full list).
        if query.filter("status") == "expected" { c.append("p.status IN ('open','partially_received')") }
        if let supplier = Int64(query.filter("supplier")) { c.append("p.supplier_id = ?"); args.append(supplier.databaseValue) }
        let (sort, descending) = switch query.sort {
        case "order-date": ("p.order_date", true)
        case "number": ("p.number", true)
        default: ("expected_key", false)
        }
        return KeysetPage(select: select, conditions: c.joined(separator: " AND "), arguments: args, sortExpression: sort, idExpression: "p.id", descending: descending)
    }

    static func row(_ r: Row, query: ListQuery) -> ListRow { row(r, query: query, today: nil) }

    /// A PO still expected after its expected date has that date marked (the list's ⚠).
    static func row(_ r: Row, query: ListQuery, today: DateOnly) -> ListRow { row(r, query: query, today: Optional(today)) }

    private static func row(_ r: Row, query: ListQuery, today: DateOnly?) -> ListRow {
        let status: String = r[4], expected: String = r[1]
        let key: String = switch query.sort { case "order-date": r[6]; case "number": r[2]; default: r[7] }
        var date = CellValue.date(iso: query.sort == "order-date" ? r[6] : expected)
        if let today, query.sort != "order-date", ["open", "partially_received"].contains(status), let due = DateOnly(iso: expected), due < today { date = .warning(date) }
        return ListRow(ref: RecordRef(.purchaseOrder, r[0]),
                       cells: [date, .text(r[2] as String), .text(r[3] as String), .status("status.\(status)"), .money(minorUnits: r[5])],
                       cursor: ListCursor(.text(key), id: r[0]))
    }



    /// By number (typed whole or by its sequence) or the supplier's name or code.
    static func search(_ store: AppDatabase, _ query: ListQuery, text: String, limit: Int, actor: Actor, today: DateOnly) throws(StoreError) -> [ListRow] {
        let keyset = try keyset(query, actor: actor)
        let q = SearchKey.normalizeQuery(text)
        guard !q.isEmpty else { return [] }
        return try store.read { db in
            var ids = try DocumentNumberSearch.ids(db, q, prefix: "PO", table: "purchase_orders", limit: limit)
            // The suppliers it names (code, name, pinyin or initials — a firm has hundreds), then their POs.
            let suppliers = try Row.fetchAll(db, sql: "SELECT id, code, name FROM suppliers").filter { SearchKey.make(name: $0[2], code: $0[1]).contains(q) }.map { $0[0] as Int64 }
            if !suppliers.isEmpty {
                ids.formUnion(try Int64.fetchAll(db, sql: """
                    SELECT id FROM purchase_orders WHERE supplier_id IN (\(suppliers.map(String.init).joined(separator: ","))) ORDER BY order_date DESC LIMIT ?
                    """, arguments: [limit]))
            }
            guard !ids.isEmpty else { return [] }
            return try Row.fetchAll(db, sql: select + " WHERE " + keyset.conditions + " AND p.id IN (\(ids.map(String.init).joined(separator: ","))) ORDER BY p.order_date DESC, p.id DESC LIMIT ?",
                                    arguments: StatementArguments(keyset.arguments + [limit.databaseValue])).map { row($0, query: query, today: today) }
        }
    }
}
