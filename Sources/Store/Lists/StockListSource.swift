import Domain
import GRDB

/// Stock (`:stock`), by product code: what is on hand, the reorder level, what is on order (open
/// PO lines still to come) and, over all warehouses, what open sales orders reserve and what is
/// left available. Filters: `warehouse` (one warehouse's rows; reserved and available are then
/// left blank — sales orders name no warehouse), `category` (the products filed under it) and
/// `below` (at or under the reorder level).
/// Quantities only: nobody sees a cost here.
enum StockListSource: ListSource {
    static let sorts = ListKind.stock.sorts

    static func columns(_ query: ListQuery) -> [ColumnSpec] {
        [ColumnSpec("col.code", width: 7), ColumnSpec("col.product", flexible: true, shrinks: true, width: 16), ColumnSpec("col.unit", width: 4),
         ColumnSpec("col.on-hand", .quantity, width: 8), ColumnSpec("col.reorder-level", .quantity, width: 10), ColumnSpec("col.on-order", .quantity, width: 8),
         ColumnSpec("col.reserved", .quantity, width: 8), ColumnSpec("col.available", .quantity, width: 9)]
    }

    static func authorize(_ actor: Actor) throws(StoreError) {
        guard actor.can(.viewStock) || actor.can(.editPurchaseOrders) || actor.can(.editQuotes) else { throw .forbidden("\(actor.role.rawValue) cannot see stock") }
    }

    /// The rows' SQL: one per product (all warehouses summed) or per product in one warehouse.
    static func sql(_ query: ListQuery, where extra: String) -> (String, [DatabaseValue]) {
        let warehouse = Int64(query.filter("warehouse"))
        let category = query.filter("category")
        let inCategory = category.isEmpty ? "" : " AND p.category = ?"
        let categoryArgs: [DatabaseValue] = category.isEmpty ? [] : [category.databaseValue]
        // Sums spelled out: in HAVING, `on_hand` would name a stock row's own column, not the sum.
        let below = query.filter("below") == "1" ? " HAVING coalesce(SUM(s.on_hand), 0) <= coalesce(SUM(s.reorder_level), 0) AND SUM(s.reorder_level) > 0" : ""
        if let warehouse {
            return ("""
                SELECT p.id, p.code, p.name, p.unit, s.on_hand AS on_hand, s.reorder_level AS reorder FROM stock_levels s JOIN products p ON p.id = s.product_id
                WHERE s.warehouse_id = ? AND p.active = 1\(inCategory)\(extra)\(below.isEmpty ? "" : " AND s.on_hand <= s.reorder_level AND s.reorder_level > 0")
                """, [warehouse.databaseValue] + categoryArgs)
        }
        return ("""
            SELECT p.id, p.code, p.name, p.unit, coalesce(SUM(s.on_hand), 0) AS on_hand, coalesce(SUM(s.reorder_level), 0) AS reorder
            FROM products p LEFT JOIN stock_levels s ON s.product_id = p.id WHERE p.active = 1\(inCategory)\(extra) GROUP BY p.id\(below)
            """, categoryArgs)
    }

    /// What open POs still bring and open sales orders still take, per product of these rows.
    static func flows(_ db: Database, products: [Int64], warehouse: Int64?) throws -> (onOrder: [Int64: Int64], reserved: [Int64: Int64]) {
        guard !products.isEmpty else { return ([:], [:]) }
        let ids = products.map(String.init).joined(separator: ",")
        var onOrder: [Int64: Int64] = [:], reserved: [Int64: Int64] = [:]
        for r in try Row.fetchAll(db, sql: """
            SELECT l.product_id, SUM(max(0, l.quantity - l.received_quantity)) FROM purchase_order_lines l INDEXED BY purchase_order_lines_product
            JOIN purchase_orders p ON p.id = l.po_id
            WHERE l.product_id IN (\(ids)) AND p.status IN ('open','partially_received')\(warehouse == nil ? "" : " AND p.warehouse_id = \(warehouse ?? 0)") GROUP BY 1
            """) { onOrder[r[0]] = r[1] }
        if warehouse == nil {
            for r in try Row.fetchAll(db, sql: """
                SELECT l.product_id, SUM(l.quantity - l.shipped_quantity) FROM sales_orders o INDEXED BY sales_orders_open_customer
                JOIN sales_order_lines l ON l.order_id = o.id
                WHERE o.status IN ('open','partially_shipped') AND l.product_id IN (\(ids)) AND l.quantity > l.shipped_quantity GROUP BY 1
                """) { reserved[r[0]] = r[1] }
        }
        return (onOrder, reserved)
    }

    static func rows(_ db: Database, _ raw: [Row], query: ListQuery) throws -> [ListRow] {
        let warehouse = Int64(query.filter("warehouse"))
        let (onOrder, reserved) = try flows(db, products: raw.map { $0[0] }, warehouse: warehouse)
        return raw.map { r in
            let id: Int64 = r[0], onHand: Int64 = r[4]
            let cells: [CellValue] = [.text(r[1] as String), .text(r[2] as String), .text(r[3] as String), .quantity(thousandths: onHand), .quantity(thousandths: r[5]),
                                      .quantity(thousandths: onOrder[id] ?? 0),
                                      warehouse == nil ? .quantity(thousandths: reserved[id] ?? 0) : .empty,
                                      warehouse == nil ? .quantity(thousandths: onHand - (reserved[id] ?? 0)) : .empty]
            return ListRow(ref: RecordRef(.product, id), cells: cells, cursor: ListCursor(.text(r[1]), id: id))
        }
    }

    static func page(_ store: AppDatabase, _ query: ListQuery, after: ListCursor?, inclusive: Bool, limit: Int, backwards: Bool, actor: Actor, today: DateOnly) throws(StoreError) -> [ListRow] {
        try authorize(actor)
        var extra = "", args: [DatabaseValue] = []
        if let after, case .text(let code) = after.key {
            extra = " AND p.code \(backwards ? "<" : ">")\(inclusive ? "=" : "") ?"
            args.append(code.databaseValue)
        }
        let (sql, base) = sql(query, where: extra)
        let arguments = StatementArguments(base + args + [limit.databaseValue])
        return try store.read { db in
            let raw = try Row.fetchAll(db, sql: sql + " ORDER BY p.code \(backwards ? "DESC" : "ASC") LIMIT ?", arguments: arguments)
            let rows = try StockListSource.rows(db, raw, query: query)
            return backwards ? rows.reversed() : rows
        }
    }

    static func count(_ store: AppDatabase, _ query: ListQuery, actor: Actor, today: DateOnly) throws(StoreError) -> Int {
        try authorize(actor)
        let (sql, args) = sql(query, where: "")
        return try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (\(sql))", arguments: StatementArguments(args)) ?? 0 }
    }

    /// By code, name or pinyin (the products' search key).
    static func search(_ store: AppDatabase, _ query: ListQuery, text: String, limit: Int, actor: Actor, today: DateOnly) throws(StoreError) -> [ListRow] {
        try authorize(actor)
        let q = SearchKey.normalizeQuery(text)
        guard !q.isEmpty else { return [] }
        let (sql, args) = sql(query, where: " AND (p.code LIKE ? OR p.name LIKE ? OR p.search_key LIKE ?)")
        return try store.read { db in
            let raw = try Row.fetchAll(db, sql: sql + " ORDER BY p.code LIMIT ?",
                                       arguments: StatementArguments(args + ["\(q)%".databaseValue, "%\(text.trimmingSpaces())%".databaseValue, "%\(q)%".databaseValue, limit.databaseValue]))
            return try StockListSource.rows(db, raw, query: query)
        }
    }
}

extension AppDatabase {
    /// Every warehouse (code and name), for the stock list's filter.
    public func warehouseOptions() throws(StoreError) -> [WarehouseOption] {
        try read { db in try AppDatabase.warehouseOptions(db) }
    }

    static func warehouseOptions(_ db: Database) throws -> [WarehouseOption] {
        try Row.fetchAll(db, sql: "SELECT id, code, name FROM warehouses ORDER BY code").map { WarehouseOption(id: $0[0], code: $0[1], name: $0[2]) }
    }

    /// The categories products are filed under, for the stock list's filter.
    public func productCategories() throws(StoreError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT DISTINCT category FROM products WHERE category <> '' ORDER BY category") }
    }
}

extension AppDatabase {
    /// `rapport report stock [--warehouse CODE] [--category NAME] [--below]`: every row `:stock`
    /// shows with the same filters, as a report (the warehouse and category named in its header).
    public func stockReport(warehouseCode: String?, category: String? = nil, below: Bool, for actor: Actor, today: DateOnly) throws(StoreError) -> Report {
        var filter: [String: String] = below ? ["below": "1"] : [:]
        var parameters: [Report.Parameter] = []
        if let code = warehouseCode {
            guard let w = try warehouseOptions().first(where: { $0.code.lowercased() == code.lowercased() }) else {
                throw .invalid(DomainError("no warehouse has the code \(code)", field: "warehouse", code: "error.warehouse-missing", code))
            }
            filter["warehouse"] = String(w.id)
            parameters.append(.init("field.warehouse", .text(w.code + " " + w.name)))
        }
        if let category, !category.isEmpty {
            guard try productCategories().contains(category) else {
                throw .invalid(DomainError("no product is filed under the category \(category)", field: "category", code: "error.category-missing", category))
            }
            filter["category"] = category
            parameters.append(.init("field.category", .text(category)))
        }
        if below { parameters.append(.init("field.below-reorder", .status("filter.below-reorder"))) }
        let query = ListQuery(.stock, sort: "code", filter: filter)
        var rows: [ListRow] = [], after: ListCursor?
        while true {
            let page = try StockListSource.page(self, query, after: after, inclusive: false, limit: 2_000, backwards: false, actor: actor, today: today)
            rows += page
            guard page.count == 2_000, let last = page.last else { break }
            after = last.cursor
        }
        return Report(name: "stock", title: "list.stock", parameters: parameters, columns: StockListSource.columns(query), rows: rows.map(\.cells), refs: rows.map(\.ref))
    }
}
