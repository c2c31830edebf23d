import Domain
import GRDB

/// The contact log across customers, newest first: what CRM usage counts. Filters: `from`, `to`
/// (the day it happened) and `rep` (who logged it). The manager sees everyone's entries, a rep
/// their own. A row opens its customer.
enum ContactLogListSource: KeysetListSource {
    static let kind = ListKind.contactLog
    static let countFrom = "contact_log l"
    static let sorts = ListKind.contactLog.sorts

    static func columns(_ query: ListQuery) -> [ColumnSpec] {
        [ColumnSpec("col.date", .date, width: 10), ColumnSpec("col.kind", .status, width: 8), ColumnSpec("col.customer", flexible: true, shrinks: true, width: 14),
         ColumnSpec("col.summary", flexible: true, shrinks: true, width: 14), ColumnSpec("col.rep", shrinks: true, width: 8)]
    }

    static let select = """
        SELECT l.id, l.happened_on, l.kind, c.name, l.summary, u.display_name, l.customer_id
        FROM contact_log l JOIN customers c ON c.id = l.customer_id JOIN users u ON u.id = l.user_id
        """

    static func keyset(_ query: ListQuery, actor: Actor) throws(StoreError) -> KeysetPage {
        guard actor.can(.viewAllKPIs) || actor.can(.logContacts) else { throw .forbidden("\(actor.role.rawValue) cannot list the contact log") }
        var c = ["1"], args: [DatabaseValue] = []
        if !actor.can(.viewAllKPIs) { c.append("l.user_id = ?"); args.append(actor.userId.databaseValue) }
        if let from = DateOnly(iso: query.filter("from")) { c.append("l.happened_on >= ?"); args.append(from.iso.databaseValue) }
        if let to = DateOnly(iso: query.filter("to")) { c.append("l.happened_on <= ?"); args.append(to.iso.databaseValue) }
        if let rep = Int64(query.filter("rep")) { c.append("l.user_id = ?"); args.append(rep.databaseValue) }
        return KeysetPage(select: select, conditions: c.joined(separator: " AND "), arguments: args, sortExpression: "l.happened_on", idExpression: "l.id", descending: true)
    }

    static func row(_ r: Row, query: ListQuery) -> ListRow {
        ListRow(ref: RecordRef(.customer, r[6]),
                cells: [.date(iso: r[1]), .status("contact-kind.\(r[2] as String)"), .text(r[3] as String), .text(r[4] as String), .text(r[5] as String)],
                cursor: ListCursor(.text(r[1]), id: r[0]))
    }

    /// By a word of the summary, or its customer (name, code, pinyin — the customers' search); newest first.
    static func search(_ store: AppDatabase, _ query: ListQuery, text: String, limit: Int, actor: Actor, today: DateOnly) throws(StoreError) -> [ListRow] {
        try search(store, query, text: text, limit: limit, actor: actor, column: "l.summary", customerColumn: "l.customer_id", order: "l.happened_on DESC, l.id DESC")
    }
}
