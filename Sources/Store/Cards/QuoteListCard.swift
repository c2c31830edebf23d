import Domain
import GRDB

/// `:quotes`: a rep's quotes (everyone's for the other roles that see quotes): open ones by
/// validity, the last 90 days' by date, and the figures above them.
enum QuoteListCard: CardBuilder {
    static func requireAccess(_ actor: Actor) throws {
        guard actor.can(.editQuotes) || actor.can(.viewAllCustomers) else { throw StoreError.forbidden("\(actor.role.rawValue) cannot open quotes") }
    }

    static func own(_ actor: Actor) -> String { actor.restrictedToOwnCustomers ? " AND q.owner_id = :me AND c.owner_id = :me" : "" }

    static func header(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> RecordCard {
        try requireAccess(actor)
        let args: StatementArguments = ["me": actor.userId, "today": today.iso, "since": today.adding(days: -90).iso, "week": today.adding(days: 7).iso]
        let totals = try Row.fetchOne(db, sql: """
            SELECT COUNT(*), coalesce(SUM(q.total), 0), coalesce(SUM(q.valid_until <= :week), 0) FROM quotes q JOIN customers c ON c.id = q.customer_id
            WHERE q.status IN ('draft','sent') AND q.valid_until >= :today\(own(actor))
            """, arguments: args)
        let decided = try Row.fetchOne(db, sql: """
            SELECT coalesce(SUM(q.status = 'accepted'), 0), COUNT(*) FROM quotes q JOIN customers c ON c.id = q.customer_id
            WHERE q.quote_date >= :since AND q.status IN ('accepted','rejected')\(own(actor))
            """, arguments: args)
        var card = RecordCard(ref: RecordRef(.quoteList, actor.userId), title: actor.restrictedToOwnCustomers ? "title.my-quotes" : "title.quotes", fields: [
            .init("field.open-quotes", .joined([.integer(totals?[0] ?? 0), .money(minorUnits: totals?[1] ?? 0)], separator: "  ")),
            .init("field.expiring-7d", .integer(totals?[2] ?? 0)),
            .init("field.accept-rate-90d", .percent(BasisPoints.ratio(decided?[0] ?? 0, decided?[1] ?? 0))),
        ], sections: [])
        card.tabbed = true
        return card
    }

    static func sections(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> [CardSectionQuery] {
        try requireAccess(actor)
        let withRep = !actor.restrictedToOwnCustomers
        let columns: [ColumnSpec] = [.text("col.number"), .customer, .date("col.date"), .date("col.valid-until"), .status(), .money("col.total")] + (withRep ? [.text("col.rep")] : [])
        let from = "FROM quotes q JOIN customers c ON c.id = q.customer_id JOIN users u ON u.id = q.owner_id"
        let args: StatementArguments = ["me": actor.userId, "today": today.iso, "since": today.adding(days: -90).iso]
        func row(_ r: Row) -> (cells: [CellValue], ref: RecordRef?) {
            let status = AppDatabase.quoteStatus(r[5], validUntil: r[4], today: today)
            return ([.text(r[1] as String), .text(r[2] as String), .date(iso: r[3]), .date(iso: r[4]), .status("status.\(status.rawValue)"), .money(minorUnits: r[6])]
                    + (withRep ? [.text(r[7] as String)] : []), RecordRef(.quote, r[0]))
        }
        let select = "q.id, q.number, c.name, q.quote_date, q.valid_until, q.status, q.total, u.display_name"
        return [
            CardSectionQuery(title: "section.open-quotes", columns: columns, select: select,
                             from: "\(from) WHERE q.status IN ('draft','sent') AND q.valid_until >= :today\(own(actor))", order: "q.valid_until, q.id", arguments: args, row: row),
            CardSectionQuery(title: "section.recent-quotes", columns: columns, select: select,
                             from: "\(from) WHERE q.quote_date >= :since\(own(actor))", order: "q.quote_date DESC, q.id DESC", arguments: args, row: row),
        ]
    }
}
