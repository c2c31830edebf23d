import Domain
import GRDB

/// Shipments, newest first (or by number): date, number, order, customer, warehouse, status —
/// the morning's notes to print are at the top. A rep sees their own customers' only.
enum ShipmentListSource: KeysetListSource {
    static let kind = ListKind.shipments
    static let countFrom = "shipments s JOIN customers c ON c.id = s.customer_id"
    static let sorts = ListKind.shipments.sorts

    /// A period's shipments (revenue's, from the KPIs) show their value where the others show
    /// the warehouse: what the figure adds up.
    static func showsValue(_ query: ListQuery) -> Bool { !query.filter("from").isEmpty }

    static func columns(_ query: ListQuery) -> [ColumnSpec] {
        // The date has room for the ✓ of a row marked for printing.
        // Fits 80 columns: the value (or else the warehouse) is on the shipment's card.
        [ColumnSpec("col.date", .date, width: 12), ColumnSpec("col.number", width: 13), ColumnSpec("col.order", width: 13),
         ColumnSpec("col.customer", flexible: true, shrinks: true, width: 14), showsValue(query) ? .money("col.total") : ColumnSpec("col.warehouse", width: 9),
         ColumnSpec("col.status", .status, width: 8)]
    }

    static let select = """
        SELECT s.id, s.ship_date, s.number, o.number, c.name, w.code, s.status, s.total
        FROM shipments s JOIN sales_orders o ON o.id = s.order_id JOIN customers c ON c.id = s.customer_id JOIN warehouses w ON w.id = s.warehouse_id
        """

    static func keyset(_ query: ListQuery, actor: Actor) throws(StoreError) -> KeysetPage {
        guard actor.can(.viewAllCustomers) || actor.can(.viewOwnCustomers) else { throw .forbidden("\(actor.role.rawValue) cannot list shipments") }
        var conditions = ["1"]
        var args: [DatabaseValue] = []
        if actor.restrictedToOwnCustomers { conditions.append("c.owner_id = ?"); args.append(actor.userId.databaseValue) }
        if let status = PostingStatus(rawValue: query.filter("status")) { conditions.append("s.status = ?"); args.append(status.rawValue.databaseValue) }
        // A KPI's drill: the shipments of a period (revenue), one rep's orders.
        if let from = DateOnly(iso: query.filter("from")) { conditions.append("s.ship_date >= ?"); args.append(from.iso.databaseValue) }
        if let to = DateOnly(iso: query.filter("to")) { conditions.append("s.ship_date <= ?"); args.append(to.iso.databaseValue) }
        if let rep = Int64(query.filter("rep")) { conditions.append("s.order_id IN (SELECT id FROM sales_orders WHERE owner_id = ?)"); args.append(rep.databaseValue) }
        return KeysetPage(select: select, conditions: conditions.joined(separator: " AND "), arguments: args,
                          sortExpression: query.sort == "number" ? "s.number" : "s.ship_date", idExpression: "s.id", descending: true)
    }

    static func row(_ r: Row, query: ListQuery) -> ListRow {
        let status: String = r[6]
        return ListRow(ref: RecordRef(.shipment, r[0]), cells: [.date(iso: r[1]), .text(r[2] as String), .text(r[3] as String), .text(r[4] as String),
                                                               showsValue(query) ? .money(minorUnits: r[7]) : .text(r[5] as String), .status("status.\(status)")],
                       cursor: ListCursor(.text(query.sort == "number" ? r[2] : r[1]), id: r[0]))
    }



    /// By shipment or order number, or customer (name, code, pinyin — the customers' search); newest first.
    static func search(_ store: AppDatabase, _ query: ListQuery, text: String, limit: Int, actor: Actor, today: DateOnly) throws(StoreError) -> [ListRow] {
        let keyset = try keyset(query, actor: actor)
        guard let (q, customers) = try searchTerms(store, text, actor: actor) else { return [] }
        return try store.read { db in
            // Shipment numbers and order numbers, typed whole or by their sequence (`1332`).
            var ids = try DocumentNumberSearch.ids(db, q, prefix: "SH", table: "shipments", limit: min(limit, 5_000))
            for pattern in try DocumentNumberSearch.patterns(db, q, prefix: "SO", table: "sales_orders") {
                ids.formUnion(try Int64.fetchAll(db, sql: """
                    SELECT s.id FROM sales_orders o JOIN shipments s INDEXED BY shipments_order ON s.order_id = o.id WHERE o.number GLOB ? LIMIT ?
                    """, arguments: [pattern, min(limit, 5_000)]))
            }
            if !customers.isEmpty {
                ids.formUnion(try Int64.fetchAll(db, sql: """
                    SELECT id FROM shipments INDEXED BY shipments_customer WHERE customer_id IN (\(customers))
                    ORDER BY ship_date DESC, id DESC LIMIT ?
                    """, arguments: [limit]))
            }
            guard !ids.isEmpty else { return [] }
            return try Row.fetchAll(db, sql: select + " WHERE " + keyset.conditions + " AND s.id IN (\(ids.map(String.init).joined(separator: ","))) ORDER BY s.ship_date DESC, s.id DESC LIMIT ?",
                                    arguments: StatementArguments(keyset.arguments + [limit.databaseValue])).map { row($0, query: query) }
        }
    }
}
