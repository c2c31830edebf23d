import Domain
import GRDB

/// An expense: when, what, how much, paid how, for which rep — and, once voided, why.
enum ExpenseCard: CardBuilder {
    /// A standard category in the user's language; one the company added, as it was typed.
    static func category(_ name: String) -> CellValue {
        ExpenseCategory(rawValue: name) != nil ? .status("expense.\(name)") : .text(name)
    }

    static func header(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> RecordCard {
        guard actor.can(.editExpenses) || actor.can(.viewAllKPIs) else { throw StoreError.forbidden("\(actor.role.rawValue) cannot open expenses") }
        guard let r = try Row.fetchOne(db, sql: """
            SELECT e.number, e.expense_date, e.category, e.item, e.amount, e.method, coalesce(u.display_name, ''), e.note, e.status, e.void_reason
            FROM expenses e LEFT JOIN users u ON u.id = e.rep_id WHERE e.id = ?
            """, arguments: [id]) else { throw StoreError.notFound("expense \(id)") }
        return RecordCard(ref: RecordRef(.expense, id), title: "\(r[0] as String)  \(r[3] as String)", fields: [
            .init("field.number", .text(r[0] as String)), .init("field.date", .date(iso: r[1])), .init("field.category", category(r[2])),
            .init("field.item", .text(r[3] as String)), .init("field.amount", .money(minorUnits: r[4])), .init("field.pay-method", .status("method.\(r[5] as String)")),
            .init("field.rep", .text(r[6] as String)), .init("field.note", .text(orEmpty: r[7])), .init("field.status", .status("status.\(r[8] as String)")),
            .init("field.void-reason", .text(orEmpty: r[9])),
        ], sections: [])
    }
}
