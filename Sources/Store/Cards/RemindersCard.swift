import Domain
import GRDB

/// `:reminders`, and "… N more" on a home's reminder group: one tab per group the role gets, each
/// with every item (the home shows the first few), paged like any card table; Enter opens an item.
enum RemindersCard: CardBuilder {
    static func header(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> RecordCard {
        var card = RecordCard(ref: RecordRef(.reminders, actor.userId), title: "title.reminders", fields: [], sections: [])
        card.tabbed = true
        return card
    }

    /// The overview's figures are the tables' counts, read once with them.
    static func card(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> RecordCard {
        var card = try header(db, id: id, actor: actor, today: today)
        card.sections = try opened(db, try sections(db, id: id, actor: actor, today: today))
        card.fields = zip(ReminderKind.kinds(for: actor.role), card.sections).map { kind, section in
            let total = CellValue.integer(Int64(section.total))
            return .init(section.title, section.total > 0 && kind.isOverdueKind ? .warning(total) : total)
        }
        return card
    }

    static func sections(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> [CardSectionQuery] {
        ReminderKind.kinds(for: actor.role).map { kind in
            CardSectionQuery(title: "reminder.\(kind.rawValue)", columns: [.name("col.reminder-title"), .text("col.detail", flexible: true), .date("col.date"), .money("col.amount")],
                             count: { db in try AppDatabase.reminderGroup(db, kind: kind, actor: actor, today: today, offset: 0, limit: 0).total },
                             page: { db, offset, limit in
                let items = try AppDatabase.reminderGroup(db, kind: kind, actor: actor, today: today, offset: offset, limit: limit).items
                return CardPage(rows: items.map { item in
                    let date: CellValue = item.date.map { item.overdue ? .warning(.date($0)) : .date($0) } ?? .empty
                    return [.text(item.title), .text(item.detail), date, item.amount.map { .money($0) } ?? .empty]
                }, refs: items.map(\.record))
            })
        }
    }
}
