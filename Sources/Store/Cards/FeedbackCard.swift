import Domain
import GRDB

/// One survey score or complaint: the customer, what they said and when; for a complaint, who
/// handles it and whether it is resolved. The manager's (`:feedback`); `e` changes a complaint.
enum FeedbackCard: CardBuilder {
    static func header(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> RecordCard {
        guard actor.can(.viewAllKPIs) else { throw StoreError.forbidden("only the manager sees every customer's feedback") }
        guard let r = try Row.fetchOne(db, sql: """
            SELECT f.kind, f.score, f.received_on, coalesce(f.note, ''), f.resolved, f.resolved_on, c.name, coalesce(o.display_name, ''), coalesce(h.display_name, '')
            FROM feedback f JOIN customers c ON c.id = f.customer_id LEFT JOIN users o ON o.id = c.owner_id LEFT JOIN users h ON h.id = f.handler_id WHERE f.id = ?
            """, arguments: [id]) else { throw StoreError.notFound("feedback \(id)") }
        let kind: String = r[0]
        var fields: [RecordCard.Field] = [.init("field.customer", .text(r[6])), .init("field.owner", .text(r[7])), .init("field.kind", .status("feedback.\(kind)")),
                                          .init("field.received-on", .date(iso: r[2]))]
        if let score = r[1] as Int64? { fields.append(.init("field.score", .integer(score))) }
        fields.append(.init("field.note", .text(r[3])))
        if kind == "complaint" {
            fields.append(.init("col.handler", .text(r[8])))
            fields.append(.init("col.status", (r[4] as Bool) ? .joined([.status("complaint.resolved"), .date(iso: r[5])], separator: " ") : .warning(.status("complaint.open"))))
        }
        return RecordCard(ref: RecordRef(.feedback, id), title: r[6], fields: fields, sections: [])
    }

    static func sections(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> [CardSectionQuery] { [] }
}
