import Domain
import Foundation
import GRDB

/// The audit trail (`:audit`, `h` on a card), newest first: the day and time, who, what they did,
/// and to which record. Filters: `user` (a login), `entity` (a table), `record` (its id, with
/// `entity`), `from`/`to` (days). The manager's.
enum AuditListSource: KeysetListSource {
    static let kind = ListKind.audit
    static let countFrom = "audit_log a"
    static let sorts = ListKind.audit.sorts

    static func columns(_ query: ListQuery) -> [ColumnSpec] {
        [ColumnSpec("col.date", .date, width: 10), ColumnSpec("col.time", width: 5), ColumnSpec("col.who", width: 10),
         ColumnSpec("col.action", flexible: true, shrinks: true, width: 16), ColumnSpec("col.record", width: 20)]
    }

    /// The record as people know it: a customer's or supplier's code and name, a document's
    /// number, a contact's name, a user's login (nil when it is gone or has none).
    static let recordLabel = """
        CASE a.entity
            WHEN 'customers' THEN (SELECT code || ' ' || name FROM customers WHERE id = a.entity_id)
            WHEN 'suppliers' THEN (SELECT code || ' ' || name FROM suppliers WHERE id = a.entity_id)
            WHEN 'users' THEN (SELECT 'user ' || login FROM users WHERE id = a.entity_id)
            WHEN 'contacts' THEN (SELECT name FROM contacts WHERE id = a.entity_id)
            WHEN 'supplier_contacts' THEN (SELECT name FROM supplier_contacts WHERE id = a.entity_id)
            WHEN 'opportunities' THEN (SELECT title FROM opportunities WHERE id = a.entity_id)
            WHEN 'quotes' THEN (SELECT number FROM quotes WHERE id = a.entity_id)
            WHEN 'sales_orders' THEN (SELECT number FROM sales_orders WHERE id = a.entity_id)
            WHEN 'shipments' THEN (SELECT number FROM shipments WHERE id = a.entity_id)
            WHEN 'receipts' THEN (SELECT number FROM receipts WHERE id = a.entity_id)
            WHEN 'payments' THEN (SELECT number FROM payments WHERE id = a.entity_id)
            WHEN 'expenses' THEN (SELECT number FROM expenses WHERE id = a.entity_id)
            WHEN 'purchase_orders' THEN (SELECT number FROM purchase_orders WHERE id = a.entity_id)
            WHEN 'goods_receipts' THEN (SELECT number FROM goods_receipts WHERE id = a.entity_id)
        END
        """

    static let select = """
        SELECT a.id, date(a.at, 'unixepoch', 'localtime'), strftime('%H:%M', a.at, 'unixepoch', 'localtime'), a.login, a.action, a.entity, a.entity_id, \(recordLabel)
        FROM audit_log a
        """

    static func authorize(_ actor: Actor) throws(StoreError) {
        guard actor.can(.manageUsers) else { throw .forbidden("only the manager reads the audit trail") }
    }

    static func keyset(_ query: ListQuery, actor: Actor) throws(StoreError) -> KeysetPage {
        try authorize(actor)
        var c = ["1"], args: [DatabaseValue] = []
        if !query.filter("user").isEmpty { c.append("a.login = ?"); args.append(query.filter("user").databaseValue) }
        if !query.filter("entity").isEmpty { c.append("a.entity = ?"); args.append(query.filter("entity").databaseValue) }
        if let record = Int64(query.filter("record")) { c.append("a.entity_id = ?"); args.append(record.databaseValue) }
        // Days as the local calendar has them.
        if let from = DateOnly(iso: query.filter("from")) { c.append("date(a.at, 'unixepoch', 'localtime') >= ?"); args.append(from.iso.databaseValue) }
        if let to = DateOnly(iso: query.filter("to")) { c.append("date(a.at, 'unixepoch', 'localtime') <= ?"); args.append(to.iso.databaseValue) }
        return KeysetPage(select: select, conditions: c.joined(separator: " AND "), arguments: args, sortExpression: "a.id", idExpression: "a.id", descending: true)
    }

    static func row(_ r: Row, query: ListQuery) -> ListRow {
        let id: Int64 = r[0], entity: String = r[5], record: Int64? = r[6], label: String? = r[7]
        return ListRow(ref: RecordRef(.auditEntry, id),
                       cells: [.date(iso: r[1]), .text(r[2] as String), .text(r[3] as String), .text(r[4] as String),
                               .text(label ?? (entity + (record.map { " #\($0)" } ?? "")))],
                       cursor: ListCursor(.number(id), id: id))
    }

    /// By who, what or which table (`contact.update`, `customers`, a login), newest first.
    static func search(_ store: AppDatabase, _ query: ListQuery, text: String, limit: Int, actor: Actor, today: DateOnly) throws(StoreError) -> [ListRow] {
        let keyset = try keyset(query, actor: actor)
        let q = text.trimmingSpaces().lowercased()
        guard !q.isEmpty else { return [] }
        let like = "%" + q.replacingOccurrences(of: "%", with: "") + "%"
        return try store.read { db in
            try Row.fetchAll(db, sql: select + " WHERE " + keyset.conditions + " AND (lower(a.login) LIKE ? OR lower(a.action) LIKE ? OR lower(a.entity) LIKE ?) ORDER BY a.id DESC LIMIT ?",
                             arguments: StatementArguments(keyset.arguments + [like.databaseValue, like.databaseValue, like.databaseValue, limit.databaseValue])).map { row($0, query: query) }
        }
    }
}

/// One change: when, who, what, to which record, and each value before and after it.
enum AuditEntryCard: CardBuilder {
    static func entry(_ db: Database, id: Int64, actor: Actor) throws -> Row {
        try AuditListSource.authorize(actor)
        guard let r = try Row.fetchOne(db, sql: """
            SELECT date(at, 'unixepoch', 'localtime'), strftime('%H:%M:%S', at, 'unixepoch', 'localtime'), login, action, entity, entity_id, before, after FROM audit_log WHERE id = ?
            """, arguments: [id]) else { throw StoreError.notFound("audit entry \(id)") }
        return r
    }

    static func header(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> RecordCard {
        let r = try entry(db, id: id, actor: actor)
        let record: Int64? = r[5]
        var card = RecordCard(ref: RecordRef(.auditEntry, id), title: "\(r[3] as String)  \(r[0] as String) \(r[1] as String)", fields: [
            .init("field.date", .date(iso: r[0])), .init("col.time", .text(r[1] as String)), .init("col.who", .text(r[2] as String)),
            .init("col.action", .text(r[3] as String)), .init("col.record", .text((r[4] as String) + (record.map { " #\($0)" } ?? ""))),
        ], sections: [])
        card.tabbed = true
        return card
    }

    /// Each value named before or after the change, the changed ones first.
    static func sections(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> [CardSectionQuery] {
        let r = try entry(db, id: id, actor: actor)
        func values(_ json: String?) -> [String: String] {
            guard let data = json?.data(using: .utf8), let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
            return object.compactMapValues { $0 is NSNull ? nil : "\($0)" }
        }
        let before = values(r[6]), after = values(r[7])
        let keys = Set(before.keys).union(after.keys).sorted { (before[$0] == after[$0] ? 1 : 0, $0) < (before[$1] == after[$1] ? 1 : 0, $1) }
        let rows: [[CellValue]] = keys.map { k in
            let changed = before[k] != after[k]
            let now = CellValue.text(orEmpty: after[k])
            return [.text(k), .text(orEmpty: before[k]), changed && !before.isEmpty ? .warning(now) : now]
        }
        return [CardSectionQuery(title: "section.changes", columns: [.text("col.field"), .name("col.before"), .name("col.after")],
                                 count: { _ in rows.count }, page: { _, offset, limit in
            CardPage(rows: Array(rows.dropFirst(max(0, offset)).prefix(limit ?? rows.count)), refs: [])
        })]
    }
}

extension AppDatabase {
    /// The audit trail's name for a kind of record (its table), for `h` on a card; nil for a
    /// card that is not one record (a report).
    public static func auditEntity(for kind: RecordRef.Kind) -> String? {
        switch kind {
        case .customer: "customers"
        case .contact: "contacts"
        case .opportunity: "opportunities"
        case .quote: "quotes"
        case .salesOrder: "sales_orders"
        case .shipment: "shipments"
        case .receipt: "receipts"
        case .payment: "payments"
        case .expense: "expenses"
        case .supplier: "suppliers"
        case .supplierContact: "supplier_contacts"
        case .purchaseOrder: "purchase_orders"
        case .goodsReceipt: "goods_receipts"
        case .user: "users"
        case .feedback: "feedback"
        default: nil
        }
    }
}
