import Domain
import GRDB

/// Receipts and payments in one list, newest first (or largest first): what a figure of the
/// cash report is made of. Filters: `from`, `to`, `method`, `rep` (`0`: none — payments, and
/// receipts of customers without a rep), `customer`, `supplier`, `side` (`in`, `out`) and
/// `status`. Each side is paged through its own date index and the two merged, so a page
/// reads about a page of each.
enum MoneyDocumentListSource: ListSource {
    static let sorts = ListKind.moneyDocuments.sorts

    static func columns(_ query: ListQuery) -> [ColumnSpec] {
        [ColumnSpec("col.date", .date, width: 10), ColumnSpec("col.number", width: 13), ColumnSpec("col.party", flexible: true, shrinks: true, width: 14),
         ColumnSpec("col.method", .status, width: 8), .money("col.cash-in"), .money("col.cash-out"), ColumnSpec("col.status", .status, width: 6)]
    }

    /// One side of the list: its table and columns, as the keyset page of that side reads them.
    struct Side {
        var kind: RecordRef.Kind, table: String, alias: String, date: String, partyTable: String, party: String, prefix: String, odd: Int

        static let receipts = Side(kind: .receipt, table: "receipts", alias: "r", date: "receipt_date", partyTable: "customers", party: "customer_id", prefix: "RC", odd: 0)
        static let payments = Side(kind: .payment, table: "payments", alias: "p", date: "payment_date", partyTable: "suppliers", party: "supplier_id", prefix: "PM", odd: 1)

        /// Receipts and payments share the list: a receipt's list id is twice its id, a payment's one more.
        var uid: String { "\(alias).id * 2 + \(odd)" }
        var select: String {
            """
            SELECT \(uid) AS uid, \(alias).\(date) AS day, \(alias).number AS number, x.name AS party, \(alias).method AS method, \(alias).amount AS amount,
                   \(alias).status AS status FROM \(table) \(alias) JOIN \(partyTable) x ON x.id = \(alias).\(party)
            """
        }

        /// The side's conditions, or nil when the filters leave it out.
        func conditions(_ query: ListQuery) -> (String, [DatabaseValue])? {
            let side = query.filter("side")
            if side == (kind == .receipt ? "out" : "in") { return nil }
            if !query.filter(kind == .receipt ? "supplier" : "customer").isEmpty { return nil }
            var c = ["1"], args: [DatabaseValue] = []
            func add(_ sql: String, _ value: String) { c.append(sql); args.append(value.databaseValue) }
            if let from = DateOnly(iso: query.filter("from")) { add("\(alias).\(date) >= ?", from.iso) }
            if let to = DateOnly(iso: query.filter("to")) { add("\(alias).\(date) <= ?", to.iso) }
            if let method = PaymentMethod(rawValue: query.filter("method")) { add("\(alias).method = ?", method.rawValue) }
            if let status = PostingStatus(rawValue: query.filter("status")) { add("\(alias).status = ?", status.rawValue) }
            if let id = Int64(query.filter(kind == .receipt ? "customer" : "supplier")) { c.append("\(alias).\(party) = ?"); args.append(id.databaseValue) }
            if let rep = Int64(query.filter("rep")) {
                if kind == .payment { if rep != 0 { return nil } }
                else if rep == 0 { c.append("r.rep_id IS NULL") } else { c.append("r.rep_id = ?"); args.append(rep.databaseValue) }
            }
            return (c.joined(separator: " AND "), args)
        }

        func keyset(_ query: ListQuery) -> KeysetPage? {
            guard let (conditions, args) = conditions(query) else { return nil }
            return KeysetPage(select: select, conditions: conditions, arguments: args,
                              sortExpression: query.sort == "amount" ? "\(alias).amount" : "\(alias).\(date)", idExpression: uid, descending: true)
        }
    }

    static func authorize(_ actor: Actor) throws(StoreError) {
        guard actor.can(.viewCashStatistics) || actor.can(.viewAllKPIs) else { throw .forbidden("\(actor.role.rawValue) cannot list receipts and payments") }
    }

    static func row(_ r: Row, query: ListQuery) -> ListRow {
        let uid: Int64 = r[0], amount: Int64 = r[5], receipt = uid % 2 == 0
        let status: String = r[6], method: String = r[4]
        return ListRow(ref: RecordRef(receipt ? .receipt : .payment, uid / 2),
                       cells: [.date(iso: r[1]), .text(r[2] as String), .text(r[3] as String), .status("method.\(method)"),
                               receipt ? .money(minorUnits: amount) : .empty, receipt ? .empty : .money(minorUnits: amount), .status("status.\(status)")],
                       cursor: ListCursor(query.sort == "amount" ? .number(amount) : .text(r[1]), id: uid))
    }

    static func page(_ store: AppDatabase, _ query: ListQuery, after: ListCursor?, inclusive: Bool, limit: Int, backwards: Bool, actor: Actor, today: DateOnly) throws(StoreError) -> [ListRow] {
        try authorize(actor)
        let sides = [Side.receipts, .payments].compactMap { $0.keyset(query) }
        return try store.read { db in
            // Each side's next `limit` rows, then the first `limit` of both in the list's order.
            var rows = try sides.flatMap { try $0.rows(db, after: after, inclusive: inclusive, limit: limit, backwards: backwards) { row($0, query: query) } }
            rows.sort(by: backwards ? { listOrder($1, $0) } : listOrder)
            return backwards ? Array(rows.prefix(limit).reversed()) : Array(rows.prefix(limit))
        }
    }

    /// The list's order: by the sort's value, then the list id, largest first.
    static func listOrder(_ a: ListRow, _ b: ListRow) -> Bool {
        switch (a.cursor.key, b.cursor.key) {
        case (.number(let x), .number(let y)) where x != y: x > y
        case (.text(let x), .text(let y)) where x != y: x > y
        default: a.cursor.id > b.cursor.id
        }
    }

    static func count(_ store: AppDatabase, _ query: ListQuery, actor: Actor, today: DateOnly) throws(StoreError) -> Int {
        try authorize(actor)
        let cap = (ListKind.moneyDocuments.countCap ?? Int.max - 1) + 1
        return try store.read { db in
            try [Side.receipts, .payments].reduce(0) { n, side in
                guard let (conditions, args) = side.conditions(query) else { return n }
                return n + (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (SELECT 1 FROM \(side.table) \(side.alias) WHERE \(conditions) LIMIT ?)",
                                             arguments: StatementArguments(args + [cap.databaseValue])) ?? 0)
            }
        }
    }

    /// By number (typed whole or by its sequence), customer (the customers' search) or
    /// supplier name; newest first.
    static func search(_ store: AppDatabase, _ query: ListQuery, text: String, limit: Int, actor: Actor, today: DateOnly) throws(StoreError) -> [ListRow] {
        try authorize(actor)
        guard let (q, customers) = try searchTerms(store, text, actor: actor) else { return [] }
        return try store.read { db in
            var found: [ListRow] = []
            for side in [Side.receipts, .payments] {
                guard let (conditions, args) = side.conditions(query) else { continue }
                var ids = try DocumentNumberSearch.ids(db, q, prefix: side.prefix, table: side.table, limit: limit)
                let parties = side.kind == .receipt ? customers
                    : try Int64.fetchAll(db, sql: "SELECT id FROM suppliers WHERE name LIKE ? OR code LIKE ? LIMIT 200", arguments: ["%\(q)%", "\(q)%"]).map(String.init).joined(separator: ",")
                if !parties.isEmpty {
                    ids.formUnion(try Int64.fetchAll(db, sql: """
                        SELECT id FROM \(side.table) WHERE \(side.party) IN (\(parties)) ORDER BY \(side.date) DESC, id DESC LIMIT ?
                        """, arguments: [limit]))
                }
                guard !ids.isEmpty else { continue }
                found += try Row.fetchAll(db, sql: side.select + " WHERE \(conditions) AND \(side.alias).id IN (\(ids.map(String.init).joined(separator: ",")))",
                                          arguments: StatementArguments(args)).map { row($0, query: query) }
            }
            return Array(found.sorted(by: listOrder).prefix(limit))
        }
    }
}
