import Domain
import GRDB

/// A receivable: amounts, days overdue, and the receipts allocated to it.
enum ReceivableCard: CardBuilder {
    static func header(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> RecordCard {
        try AppDatabase.requireDocumentAccess(db, table: "receivables", id: id, actor: actor)
        guard let r = try Row.fetchOne(db, sql: """
            SELECT r.number, c.name, r.doc_date, r.due_date, r.amount, r.open_amount, r.status
            FROM receivables r JOIN customers c ON c.id = r.customer_id WHERE r.id = ?
            """, arguments: [id]) else { throw StoreError.notFound("receivable \(id)") }
        let overdue = DateOnly(iso: r[3] as String).map { max(0, $0.distance(to: today)) } ?? 0
        return RecordCard(ref: RecordRef(.receivable, id), title: "\(r[0] as String)  \(r[1] as String)", fields: [
            .init("field.customer", .text(r[1] as String)), .init("field.doc-date", .date(iso: r[2])), .init("field.due-date", .date(iso: r[3])),
            .init("field.days-overdue", overdue > 0 ? .warning(.integer(Int64(overdue))) : .integer(0)), .init("field.amount", .money(minorUnits: r[4])),
            .init("field.open", .money(minorUnits: r[5])), .init("field.status", .status("status.\(r[6] as String)")),
        ], sections: [])
    }

    static func sections(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> [CardSectionQuery] {
        try AppDatabase.requireDocumentAccess(db, table: "receivables", id: id, actor: actor)
        return [CardSectionQuery(
            title: "section.receipts", columns: [.text("col.number"), .date("col.date"), .status("col.method"), .money("col.amount")],
            select: "rc.number, rc.receipt_date, rc.method, a.amount",
            from: "FROM receipt_allocations a JOIN receipts rc ON rc.id = a.receipt_id WHERE a.receivable_id = ?", order: "rc.receipt_date, a.id", arguments: [id]) { r in
            ([.text(r[0] as String), .date(iso: r[1]), .status("method.\(r[2] as String)"), .money(minorUnits: r[3])], nil)
        }]
    }
}
