import Domain
import GRDB

/// Suppliers by name (pinyin order for Chinese names, as customers) or code: code, name, contact,
/// phone, payment terms and what the company owes them. `/` by code, name, pinyin or initials.
enum SupplierListSource: ListSource {
    static let sorts = ListKind.suppliers.sorts

    static func columns(_ query: ListQuery) -> [ColumnSpec] {
        [ColumnSpec("col.code", width: 8), ColumnSpec("col.supplier", flexible: true, shrinks: true, width: 16), ColumnSpec("col.contact-person", shrinks: true, width: 8),
         ColumnSpec("col.phone", shrinks: true, width: 12), ColumnSpec("col.terms", .integer, width: 5), .money("col.owed")]
    }

    static let select = """
        SELECT s.id, s.code, s.name, coalesce(s.contact_person, ''), coalesce(s.phone, ''), s.payment_terms_days,
               (SELECT coalesce(SUM(open_amount), 0) FROM payables WHERE supplier_id = s.id AND status = 'posted' AND open_amount > 0)
        FROM suppliers s
        """

    static func authorize(_ actor: Actor) throws(StoreError) {
        guard actor.can(.viewSuppliers) || actor.can(.viewPayables) else { throw .forbidden("\(actor.role.rawValue) cannot list suppliers") }
    }

    static func row(_ r: Row, query: ListQuery) -> ListRow {
        ListRow(ref: RecordRef(.supplier, r[0]), cells: [.text(r[1] as String), .text(r[2] as String), .text(r[3] as String), .text(r[4] as String), .integer(r[5]),
                                                         .money(minorUnits: r[6])],
                cursor: ListCursor(.text(query.sort == "code" ? r[1] : SearchKey.sortKey(name: r[2])), id: r[0]))
    }

    /// Every supplier in the list's order (a firm has hundreds, not millions): the pinyin order is
    /// worked out here.
    static func ordered(_ db: Database, _ query: ListQuery) throws -> [ListRow] {
        try Row.fetchAll(db, sql: select).map { row($0, query: query) }.sorted { ($0.cursor.key.text, $0.cursor.id) < ($1.cursor.key.text, $1.cursor.id) }
    }

    static func page(_ store: AppDatabase, _ query: ListQuery, after: ListCursor?, inclusive: Bool, limit: Int, backwards: Bool, actor: Actor, today: DateOnly) throws(StoreError) -> [ListRow] {
        try authorize(actor)
        return try store.read { db in
            let all = try ordered(db, query)
            guard let after else { return Array(backwards ? all.suffix(limit) : all.prefix(limit)) }
            let key = (after.key.text, after.id)
            if backwards {
                return Array(all.filter { inclusive ? ($0.cursor.key.text, $0.cursor.id) <= key : ($0.cursor.key.text, $0.cursor.id) < key }.suffix(limit))
            }
            return Array(all.filter { inclusive ? ($0.cursor.key.text, $0.cursor.id) >= key : ($0.cursor.key.text, $0.cursor.id) > key }.prefix(limit))
        }
    }

    static func count(_ store: AppDatabase, _ query: ListQuery, actor: Actor, today: DateOnly) throws(StoreError) -> Int {
        try authorize(actor)
        return try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM suppliers") ?? 0 }
    }

    static func search(_ store: AppDatabase, _ query: ListQuery, text: String, limit: Int, actor: Actor, today: DateOnly) throws(StoreError) -> [ListRow] {
        try authorize(actor)
        let q = SearchKey.normalizeQuery(text)
        guard !q.isEmpty else { return [] }
        return try store.read { db in
            let keys = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, code, name FROM suppliers").map { ($0[0] as Int64, SearchKey.make(name: $0[2], code: $0[1])) })
            return Array(try ordered(db, query).filter { keys[$0.ref.id]?.contains(q) == true }.prefix(limit))
        }
    }
}

extension ListCursor.Key {
    var text: String {
        switch self {
        case .text(let t): t
        case .number(let n): String(format: "%020lld", n)
        }
    }
}
