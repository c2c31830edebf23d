import Domain
import GRDB

/// Opportunities, largest first (or latest first): what the KPIs' close rate, loss rate and
/// weighted pipeline are made of. Filters: `state` (`open`, `closed`, `won`, `lost`), `from`
/// and `to` (the day it closed), `rep`. The manager sees everyone's, a rep their own.
enum OpportunityListSource: KeysetListSource {
    static let kind = ListKind.opportunities
    static let countFrom = "opportunities o"
    static let sorts = ListKind.opportunities.sorts

    static func columns(_ query: ListQuery) -> [ColumnSpec] {
        [ColumnSpec("col.close-date", .date, width: 10), ColumnSpec("col.customer", flexible: true, shrinks: true, width: 12),
         ColumnSpec("col.opportunity", flexible: true, shrinks: true, width: 10), ColumnSpec("col.stage", .status, shrinks: true, width: 13), .money("col.amount"),
         ColumnSpec("col.probability", .percent, width: 7), ColumnSpec("col.rep", shrinks: true, width: 8)]
    }

    /// The day a row is dated by (its close date): when it closed, else when it is expected to.
    static let date = "coalesce(o.closed_on, o.expected_close, o.created_on)"

    static let select = """
        SELECT o.id, \(date), c.name, o.title, o.stage, o.amount, o.probability_bp, u.display_name
        FROM opportunities o JOIN customers c ON c.id = o.customer_id JOIN users u ON u.id = o.owner_id
        """

    static func keyset(_ query: ListQuery, actor: Actor) throws(StoreError) -> KeysetPage {
        guard actor.can(.viewAllKPIs) || actor.can(.editQuotes) else { throw .forbidden("\(actor.role.rawValue) cannot list opportunities") }
        var c = ["1"], args: [DatabaseValue] = []
        if !actor.can(.viewAllKPIs) { c.append("o.owner_id = ?"); args.append(actor.userId.databaseValue) }
        switch query.filter("state") {
        case "open": c.append("o.stage NOT IN ('won','lost')")
        case "closed": c.append("o.stage IN ('won','lost')")
        case let stage where OpportunityStage(rawValue: stage) != nil: c.append("o.stage = ?"); args.append(stage.databaseValue)
        default: break
        }
        if let from = DateOnly(iso: query.filter("from")) { c.append("o.closed_on >= ?"); args.append(from.iso.databaseValue) }
        if let to = DateOnly(iso: query.filter("to")) { c.append("o.closed_on <= ?"); args.append(to.iso.databaseValue) }
        if let rep = Int64(query.filter("rep")) { c.append("o.owner_id = ?"); args.append(rep.databaseValue) }
        return KeysetPage(select: select, conditions: c.joined(separator: " AND "), arguments: args,
                          sortExpression: query.sort == "close" ? date : "o.amount", idExpression: "o.id", descending: true)
    }

    static func row(_ r: Row, query: ListQuery) -> ListRow {
        let amount: Int64 = r[5], stage: String = r[4]
        return ListRow(ref: RecordRef(.opportunity, r[0]),
                       cells: [.date(iso: r[1]), .text(r[2] as String), .text(r[3] as String), .status("stage.\(stage)"), .money(minorUnits: amount),
                               .percent(BasisPoints(r[6] as Int64)), .text(r[7] as String)],
                       cursor: ListCursor(query.sort == "close" ? .text(r[1]) : .number(amount), id: r[0]))
    }

    /// By a word of its title, or its customer (name, code, pinyin — the customers' search); largest first.
    static func search(_ store: AppDatabase, _ query: ListQuery, text: String, limit: Int, actor: Actor, today: DateOnly) throws(StoreError) -> [ListRow] {
        try search(store, query, text: text, limit: limit, actor: actor, column: "o.title", customerColumn: "o.customer_id", order: "o.amount DESC, o.id DESC")
    }
}
