import Domain
import GRDB

extension AppDatabase {
    /// Receivables analysis as of a day (`:receivables`, `rapport report receivables-concentration`):
    /// concentration — every customer owing, largest first, with its share of all that is owed
    /// and the cumulative share (the top ones on the chart); then the customers whose overdue
    /// amount is over `overdueThreshold` or over their credit limit; the items more than
    /// `agedDays` overdue; and the items due from the day to six days later.
    static func receivablesReport(_ db: Database, _ request: ReportRequest, for actor: Actor) throws -> Report {
        guard actor.can(.viewAllReceivables) else { throw StoreError.forbidden("\(actor.role.rawValue) cannot see the receivables analysis") }
        let d = request.period.to, buckets = try settings(db).agingBuckets
        let rows = try MoneyLedger.receipts.rows(db, asOf: d, buckets: buckets).filter { $0.balance.minorUnits > 0 }
        var names: [Int64: (name: String, limit: Int64)] = [:]
        if !rows.isEmpty {
            let ids = "[" + rows.map { String($0.partyId) }.joined(separator: ",") + "]"
            let cursor = try Row.fetchCursor(db, sql: "SELECT id, name, credit_limit FROM customers WHERE id IN (SELECT value FROM json_each(?))", arguments: [ids])
            while let r = try cursor.next() { names[r[0]] = (r[1], r[2]) }
        }
        let total = rows.reduce(Int64(0)) { $0 + $1.balance.minorUnits }
        let ranked = rows.sorted { ($0.balance.minorUnits, $1.partyId) > ($1.balance.minorUnits, $0.partyId) }
        var cumulative: Int64 = 0
        let concentration: [[CellValue]] = ranked.enumerated().map { i, r in
            cumulative += r.balance.minorUnits
            return [.integer(Int64(i + 1)), .text(names[r.partyId]?.name ?? ""), .money(r.balance),
                    .percent(BasisPoints.ratio(r.balance.minorUnits, total)), .percent(BasisPoints.ratio(cumulative, total))]
        }
        var main = Report(name: request.name, title: "title.receivables", parameters: [
                            .init("param.as-of", .date(d)), .init("param.owed", .money(minorUnits: total)), .init("param.customers-owing", .integer(Int64(rows.count))),
                            .init("param.top10-share", .percent(BasisPoints.ratio(ranked.prefix(10).reduce(0) { $0 + $1.balance.minorUnits }, total))),
                          ],
                          columns: [ColumnSpec("col.rank", .integer), ColumnSpec("col.customer", flexible: true, shrinks: true), .money("col.balance"),
                                    ColumnSpec("col.share", .percent), ColumnSpec("col.cumulative", .percent)],
                          rows: concentration + [[.empty, .status("report.total"), .money(minorUnits: total), .percent(BasisPoints.ratio(total, total)), .empty]],
                          refs: ranked.map { RecordRef(.customer, $0.partyId) } + [nil])
        main.tableTitle = "receivables.concentration"
        main.series = [.init(title: "receivables.chart-top", bars: ranked.prefix(10).map { (label: names[$0.partyId]?.name ?? "", value: $0.balance.minorUnits, marker: nil) })]

        // Over the threshold or the limit: overdue is every bucket past "not due".
        let breaches = ranked.compactMap { r -> (AgingRow, Int64, Int64)? in
            let overdue = r.buckets.dropFirst().reduce(Int64(0)) { $0 + $1.minorUnits }, limit = names[r.partyId]?.limit ?? 0
            return overdue > ReceivablesAnalysis.overdueThreshold || (limit > 0 && overdue > limit) ? (r, overdue, limit) : nil
        }.sorted { ($0.1, $1.0.partyId) > ($1.1, $0.0.partyId) }
        let overLimit = Report(name: "receivables-overdue", title: "receivables.overdue", parameters: [],
                               columns: [ColumnSpec("col.customer", flexible: true, shrinks: true), .money("col.overdue"), .money("col.credit-limit"), .money("col.balance")],
                               rows: breaches.map { [.text(names[$0.0.partyId]?.name ?? ""), .warning(.money(minorUnits: $0.1)), $0.2 == 0 ? .empty : .money(minorUnits: $0.2), .money($0.0.balance)] },
                               refs: breaches.map { RecordRef(.customer, $0.0.partyId) })

        // Single items: aged beyond the days, and due within the week.
        func items(_ condition: String, _ arguments: [DatabaseValueConvertible], order: String) throws -> [Row] {
            try Row.fetchAll(db, sql: """
                SELECT i.id, i.number, c.name, i.due_date, i.open FROM (\(MoneyLedger.receipts.openOnDay("x.id id, x.number number, x.customer_id customer, x.due_date due_date"))) i
                JOIN customers c ON c.id = i.customer WHERE \(condition) ORDER BY \(order)
                """, arguments: StatementArguments([d.iso] + arguments))
        }
        /// `ahead`: days until due (the week's items) rather than days overdue.
        func itemTable(_ name: String, _ title: String, _ found: [Row], ahead: Bool = false) -> Report {
            Report(name: name, title: title, parameters: [],
                   columns: [ColumnSpec("col.number", width: 13), ColumnSpec("col.customer", flexible: true, shrinks: true), ColumnSpec("col.due", .date, width: 10),
                             ColumnSpec(ahead ? "col.days-left" : "col.days-overdue", .integer), .money("col.open")],
                   rows: found.map { r in
                       let due = DateOnly(iso: r[3] as String) ?? d
                       return [.text(r[1] as String), .text(r[2] as String), .date(due), .integer(Int64(ahead ? d.distance(to: due) : due.distance(to: d))),
                               .money(minorUnits: r[4])]
                   },
                   refs: found.map { RecordRef(.receivable, $0[0]) })
        }
        let aged = itemTable("receivables-aged", "receivables.aged", try items("i.due_date < ?2", [d.adding(days: -ReceivablesAnalysis.agedDays).iso], order: "i.due_date, i.number"))
        let dueSoon = itemTable("receivables-due-week", "receivables.due-week", try items("i.due_date BETWEEN ?1 AND ?2", [d.adding(days: 6).iso], order: "i.due_date, i.number"), ahead: true)
        main.parts = [overLimit, aged, dueSoon]
        return main
    }
}

/// What the receivables analysis calls too much: overdue beyond this amount (minor units), and
/// items more than this many days overdue.
enum ReceivablesAnalysis {
    static let overdueThreshold: Int64 = 10_000_00
    static let agedDays = 90
}
