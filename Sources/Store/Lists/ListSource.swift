import Domain
import GRDB

/// One kind of list: its sorts (the first is the default), its columns, keyset pages, its count
/// and its search. `AppDatabase.listPage` and friends find the source from the list's kind.
protocol ListSource {
    static var sorts: [String] { get }
    static func columns(_ query: ListQuery) -> [ColumnSpec]
    /// Rows after `after` in the list's order (before it, backwards); `inclusive`: from `after` itself.
    static func page(_ store: AppDatabase, _ query: ListQuery, after: ListCursor?, inclusive: Bool, limit: Int, backwards: Bool, actor: Actor, today: DateOnly) throws(StoreError) -> [ListRow]
    static func count(_ store: AppDatabase, _ query: ListQuery, actor: Actor, today: DateOnly) throws(StoreError) -> Int
    static func search(_ store: AppDatabase, _ query: ListQuery, text: String, limit: Int, actor: Actor, today: DateOnly) throws(StoreError) -> [ListRow]
    /// The search as the user types: bounded work per keystroke, saying when it is not complete.
    static func typedSearch(_ store: AppDatabase, _ query: ListQuery, text: String, limit: Int, actor: Actor, today: DateOnly) throws(StoreError) -> ListPage
}

extension ListSource {
    /// A search's text, normalised, and the ids of the customers it names (the customers' own
    /// search: name, code, pinyin, initials, phone); nil when nothing was typed.
    static func searchTerms(_ store: AppDatabase, _ text: String, actor: Actor) throws(StoreError) -> (q: String, customers: String)? {
        let q = SearchKey.normalizeQuery(text)
        guard !q.isEmpty else { return nil }
        return (q, try store.customerPicks(for: actor, query: q, limit: 200).map { String($0.id) }.joined(separator: ","))
    }

    static func typedSearch(_ store: AppDatabase, _ query: ListQuery, text: String, limit: Int, actor: Actor, today: DateOnly) throws(StoreError) -> ListPage {
        ListPage(columns: columns(query), rows: try search(store, query, text: text, limit: limit, actor: actor, today: today))
    }
}

/// A list paged by one keyset over one table (shipments, expenses, purchase orders): its page and
/// its capped count come from the keyset, the same conditions both ways.
protocol KeysetListSource: ListSource, SendableMetatype {
    static var kind: ListKind { get }
    /// The table (and alias) the count reads, with what the keyset's conditions need joined.
    static var countFrom: String { get }
    static func keyset(_ query: ListQuery, actor: Actor) throws(StoreError) -> KeysetPage
    static func row(_ r: Row, query: ListQuery) -> ListRow
    /// The row as of `today` (a PO past its expected date is marked); by default, as above.
    static func row(_ r: Row, query: ListQuery, today: DateOnly) -> ListRow
}

extension KeysetListSource {
    static func row(_ r: Row, query: ListQuery, today: DateOnly) -> ListRow { row(r, query: query) }

    /// The rows whose `column` contains the typed text, or whose customer (`customerColumn`) the
    /// customers' own search names (name, code, pinyin); in `order`, at most `limit`.
    static func search(_ store: AppDatabase, _ query: ListQuery, text: String, limit: Int, actor: Actor, column: String, customerColumn: String,
                       order: String) throws(StoreError) -> [ListRow] {
        let keyset = try keyset(query, actor: actor)
        guard let (_, customers) = try searchTerms(store, text, actor: actor) else { return [] }
        return try store.read { db in
            let byCustomer = customers.isEmpty ? "" : " OR \(customerColumn) IN (\(customers))"
            return try Row.fetchAll(db, sql: keyset.select + " WHERE " + keyset.conditions + " AND (\(column) LIKE ?\(byCustomer)) ORDER BY \(order) LIMIT ?",
                                    arguments: StatementArguments(keyset.arguments + ["%\(text.trimmingSpaces())%".databaseValue, limit.databaseValue])).map { row($0, query: query) }
        }
    }

    static func page(_ store: AppDatabase, _ query: ListQuery, after: ListCursor?, inclusive: Bool, limit: Int, backwards: Bool, actor: Actor, today: DateOnly) throws(StoreError) -> [ListRow] {
        let keyset = try keyset(query, actor: actor)
        return try store.read { db in try keyset.rows(db, after: after, inclusive: inclusive, limit: limit, backwards: backwards) { row($0, query: query, today: today) } }
    }

    static func count(_ store: AppDatabase, _ query: ListQuery, actor: Actor, today: DateOnly) throws(StoreError) -> Int {
        let keyset = try keyset(query, actor: actor)
        return try store.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (SELECT 1 FROM \(countFrom) WHERE " + keyset.conditions + " LIMIT ?)",
                             arguments: StatementArguments(keyset.arguments + [((kind.countCap ?? Int.max - 1) + 1).databaseValue])) ?? 0
        }
    }
}

/// A keyset page over one table: rows after (or before) a cursor in the order of one indexed
/// expression and the id; `WHERE` and its arguments come from the list.
struct KeysetPage: Sendable {
    var select: String
    var conditions: String
    var arguments: [DatabaseValue]
    var sortExpression: String
    var idExpression: String
    var descending: Bool

    func sql(after: ListCursor?, inclusive: Bool, limit: Int, backwards: Bool) -> (String, StatementArguments) {
        let forward = backwards == descending
        var args = arguments
        var sql = select + " WHERE " + conditions
        if let after {
            sql += " AND (\(sortExpression), \(idExpression)) \(forward ? ">" : "<")\(inclusive ? "=" : "") (?, ?)"
            switch after.key {
            case .text(let t): args.append(t.databaseValue)
            case .number(let n): args.append(n.databaseValue)
            }
            args.append(after.id.databaseValue)
        }
        let order = forward ? "ASC" : "DESC"
        sql += " ORDER BY \(sortExpression) \(order), \(idExpression) \(order) LIMIT ?"
        args.append(limit.databaseValue)
        return (sql, StatementArguments(args))
    }

    func rows(_ db: Database, after: ListCursor?, inclusive: Bool, limit: Int, backwards: Bool, map: (Row) -> ListRow) throws -> [ListRow] {
        let (sql, args) = self.sql(after: after, inclusive: inclusive, limit: limit, backwards: backwards)
        let rows = try Row.fetchAll(db, sql: sql, arguments: args).map(map)
        return backwards ? rows.reversed() : rows
    }
}

extension AppDatabase {
    static func listSource(for kind: ListKind) -> any ListSource.Type {
        switch kind {
        case .customers: CustomerListSource.self
        case .openOrders: OpenOrderListSource.self
        case .orders: OrderListSource.self
        case .shipments: ShipmentListSource.self
        case .moneyDocuments: MoneyDocumentListSource.self
        case .expenses: ExpenseListSource.self
        case .purchaseOrders: PurchaseOrderListSource.self
        case .stock: StockListSource.self
        case .suppliers: SupplierListSource.self
        case .audit: AuditListSource.self
        case .opportunities: OpportunityListSource.self
        case .contactLog: ContactLogListSource.self
        }
    }

    /// The sorts a list offers, in the order `s` cycles through them.
    public func listSorts(_ kind: ListKind) -> [String] { AppDatabase.listSource(for: kind).sorts }

    public func listPage(_ query: ListQuery, after: ListCursor?, inclusive: Bool = false, limit: Int, backwards: Bool, for actor: Actor, today: DateOnly) throws(StoreError) -> ListPage {
        let source = AppDatabase.listSource(for: query.kind)
        return ListPage(columns: source.columns(query), rows: try source.page(self, query, after: after, inclusive: inclusive, limit: limit, backwards: backwards, actor: actor, today: today))
    }

    public func listCount(_ query: ListQuery, for actor: Actor, today: DateOnly) throws(StoreError) -> Int {
        try AppDatabase.listSource(for: query.kind).count(self, query, actor: actor, today: today)
    }

    public func listSearch(_ query: ListQuery, text: String, limit: Int, for actor: Actor, today: DateOnly) throws(StoreError) -> ListPage {
        try AppDatabase.listSource(for: query.kind).typedSearch(self, query, text: text, limit: limit, actor: actor, today: today)
    }

    /// Every row of a list as the user has it (its sort and filters, or a search), for `x`:
    /// read page by page, each page turned into sheet rows at once.
    public func listSheet(_ query: ListQuery, text: String?, for actor: Actor, today: DateOnly) throws(StoreError) -> Sheet {
        if query.kind == .customers, let sort = CustomerSort(rawValue: query.sort) {
            return try customerListSheet(for: actor, sort: sort, filter: CustomerFilter(query), query: text)
        }
        let source = AppDatabase.listSource(for: query.kind)
        let columns = source.columns(query)
        var rows: [[CellValue]] = []
        if let text, !text.isEmpty {
            rows = try source.search(self, query, text: text, limit: 100_000, actor: actor, today: today).map(\.cells)
        } else {
            var after: ListCursor?
            while true {
                let page = try source.page(self, query, after: after, inclusive: false, limit: 2_000, backwards: false, actor: actor, today: today)
                rows += page.map(\.cells)
                guard page.count == 2_000, let last = page.last else { break }
                after = last.cursor
            }
        }
        return Sheet(name: query.kind.rawValue, columns: columns, rows: rows)
    }
}
