import Domain
import GRDB

extension AppDatabase {
    /// Cash in (receipts) and out (payments) for a period, not voided: by month, by method, by
    /// rep (a receipt's rep; payments have none) and by customer or supplier, each with counts,
    /// in, out and net; the totals, bars of in and out by month and the net by month. `by`
    /// names the table `rapport report cash --by` prints (nil: by month, the others as parts;
    /// on screen the parties are the largest `partyRows`, the rest summed in one row).
    static func cashReport(_ db: Database, _ request: ReportRequest, by: String?, for actor: Actor) throws -> Report {
        guard actor.can(.viewCashStatistics) || actor.can(.viewAllKPIs) else { throw StoreError.forbidden("\(actor.role.rawValue) cannot see cash statistics") }
        let p = request.period
        let daily = try CashFigures.daily(db, p)
        // Every month of the period, with or without money moving.
        var months: [String] = []
        var m = p.from.startOfMonth
        while m <= p.to { months.append(String(m.iso.prefix(7))); m = m.adding(months: 1) }
        // Each row opens the posted receipts and payments behind it (`rapport` lists them).
        let drill = DocumentDrill(kind: .moneyDocuments, period: p)
        let byMonth = CashFigures.table("cash-by-month", title: "cash.by-month", key: "col.month", daily.byMonth, order: months, drill: drill.month) { .text($0) }
        let byMethod = CashFigures.table("cash-by-method", title: "cash.by-method", key: "col.method", daily.byMethod, drill: drill.by("method")) { .status("method.\($0)") }
        let reps = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, display_name FROM users").map { (String($0[0] as Int64), $0[1] as String) })
        let byRep = CashFigures.table("cash-by-rep", title: "cash.by-rep", key: "col.rep", daily.byRep, drill: drill.by("rep", labels: reps)) {
            $0 == "0" ? .status("cash.no-rep") : .text(reps[$0] ?? $0)
        }
        let parties = try CashFigures.byParty(db, p)
        let shown = CashFigures.keyed(by == "party" ? (parties, nil) : CashFigures.largest(parties, CashFigures.partyRows))
        let customers = try partyNames(db, "customers", shown.keys.filter { $0.hasPrefix("c") })
        let suppliers = try partyNames(db, "suppliers", shown.keys.filter { $0.hasPrefix("s") })
        let byParty = CashFigures.table("cash-by-party", title: "cash.by-party", key: "col.party", shown, ref: { k in
            Int64(k.dropFirst()).map { RecordRef(k.first == "c" ? .customer : .supplier, $0) }
        }, drill: { (k: String?) -> ListQuery? in
            guard let k else { return drill.query() }
            guard let id = Int64(k.dropFirst()) else { return nil }
            let customer = k.first == "c"
            return drill.by(customer ? "customer" : "supplier", labels: [String(id): (customer ? customers : suppliers)[id] ?? k])(String(id))
        }) { k in
            k == CashFigures.others ? .status("cash.other-parties") : .text((k.first == "c" ? customers : suppliers)[Int64(k.dropFirst()) ?? 0] ?? k)
        }
        var main = Report.grouped([byMonth, byMethod, byRep, byParty], by: by, name: request.name, title: "title.cash")
        let total = byMonth.rows.last ?? []
        main.parameters = periodParameters(p) + [.init("param.cash-in", total.indices.contains(2) ? total[2] : .empty),
                                                  .init("param.cash-out", total.indices.contains(4) ? total[4] : .empty),
                                                  .init("param.net", total.indices.contains(5) ? total[5] : .empty)]
        func series(_ column: Int) -> [(label: String, value: Int64, marker: Int64?)] {
            byMonth.rows.dropLast().map { r in (label: r[0].plainText, value: r[column].moneyValue?.minorUnits ?? 0, marker: nil) }
        }
        main.series = [.init(title: "cash.chart-in", bars: series(2)), .init(title: "cash.chart-out", bars: series(4)),
                       .init(title: "cash.chart-net", points: byMonth.rows.dropLast().map { $0[5].moneyValue?.minorUnits ?? 0 })]
        return main
    }

    /// Names of these parties (`c12`, `s3` keys), bound as one JSON array.
    static func partyNames(_ db: Database, _ table: String, _ keys: [String]) throws -> [Int64: String] {
        guard !keys.isEmpty else { return [:] }
        let ids = "[" + keys.map { String($0.dropFirst()) }.joined(separator: ",") + "]"
        var out: [Int64: String] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT id, name FROM \(table) WHERE id IN (SELECT value FROM json_each(?))", arguments: [ids])
        while let r = try rows.next() { out[r[0]] = r[1] }
        return out
    }
}

extension Report {
    /// One report of several groupings: the one `by` names (`cash-by-method` for `method`),
    /// else the first with the others as its parts (tabs on screen).
    static func grouped(_ parts: [Report], by: String?, name: String, title: String) -> Report {
        guard let first = parts.first else { return Report(name: name, title: title, parameters: [], columns: [], rows: []) }
        var main = by.flatMap { b in parts.first { $0.name.hasSuffix("-by-\(b)") || $0.name.hasSuffix("-\(b)") } } ?? first
        if by == nil { main.parts = Array(parts.dropFirst()) }
        main.name = name
        main.tableTitle = main.title
        main.title = title
        return main
    }
}

/// The cash report's figures: count and amount in and out per key.
enum CashFigures {
    struct Figure { var inCount: Int64 = 0, inAmount: Int64 = 0, outCount: Int64 = 0, outAmount: Int64 = 0 }
    typealias Grouped = [String: Figure]

    /// Parties shown on screen; the rest are summed in one row.
    static let partyRows = 500
    static let others = "~others"

    static func add(_ g: inout Grouped, _ key: String, side: String, count: Int64, amount: Int64) {
        var f = g[key] ?? Figure()
        if side == "in" { f.inCount += count; f.inAmount += amount } else { f.outCount += count; f.outAmount += amount }
        g[key] = f
    }

    /// By month, method and rep, from the daily sums (a few rows a day), added up here as they
    /// come in the table's order (a GROUP BY would sort them all first).
    static func daily(_ db: Database, _ p: DateRange) throws -> (byMonth: Grouped, byMethod: Grouped, byRep: Grouped) {
        var month = Grouped(), method = Grouped(), rep = Grouped()
        let rows = try Row.fetchCursor(db, sql: """
            SELECT substr(day, 1, 7), side, method, rep_id, documents, amount FROM cash_daily WHERE day BETWEEN ? AND ?
            """, arguments: [p.from.iso, p.to.iso])
        while let r = try rows.next() {
            let side: String = r[1], n: Int64 = r[4], a: Int64 = r[5]
            add(&month, r[0], side: side, count: n, amount: a)
            add(&method, r[2], side: side, count: n, amount: a)
            add(&rep, String(r[3] as Int64), side: side, count: n, amount: a)
        }
        return (month, method, rep)
    }

    /// A customer's (its id) or supplier's (the negative of its id) figure.
    struct PartyFigure { var party: Int64; var figure: Figure }

    /// By customer and supplier: whole months from the monthly sums, the days of a month the
    /// period covers only in part from the documents' date index. Summed here in arrays by id
    /// (customers receive, suppliers are paid) rather than by SQLite's GROUP BY, which sorts
    /// every party-month row first (a year: 176,000 of them, 134 ms).
    static func byParty(_ db: Database, _ p: DateRange) throws -> [PartyFigure] {
        var partial: [DateRange] = []
        var whole: (from: String, to: String)?
        var m = p.from.startOfMonth
        while m <= p.to {
            let first = max(m, p.from), last = min(m.endOfMonth, p.to)
            if first == m && last == m.endOfMonth {
                let key = String(m.iso.prefix(7))
                whole = (whole?.from ?? key, key)
            } else {
                partial.append(DateRange(from: first, to: last))
            }
            m = m.adding(months: 1)
        }
        let ends = try Row.fetchOne(db, sql: "SELECT coalesce((SELECT max(id) FROM customers), 0), coalesce((SELECT max(id) FROM suppliers), 0)")
        var sums = [[Figure]](repeating: [], count: 2)
        sums[0] = [Figure](repeating: Figure(), count: Int(ends?[0] as Int64? ?? 0) + 1)
        sums[1] = [Figure](repeating: Figure(), count: Int(ends?[1] as Int64? ?? 0) + 1)
        func take(_ side: Int, _ party: Int64, _ n: Int64, _ a: Int64) {
            guard party >= 0, party < sums[side].count else { return }
            if side == 0 { sums[0][Int(party)].inCount += n; sums[0][Int(party)].inAmount += a }
            else { sums[1][Int(party)].outCount += n; sums[1][Int(party)].outAmount += a }
        }
        if let whole {
            let rows = try Row.fetchCursor(db, sql: """
                SELECT side = 'out', party_id, documents, amount FROM cash_party_monthly WHERE month BETWEEN ? AND ?
                """, arguments: [whole.from, whole.to])
            while let r = try rows.next() { take(r[0], r[1], r[2], r[3]) }
        }
        for range in partial {
            for (i, side) in CashSide.all.enumerated() {
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT \(side.party), COUNT(*), SUM(amount) FROM \(side.table) WHERE \(side.date) BETWEEN ? AND ? AND status = 'posted' GROUP BY 1
                    """, arguments: [range.from.iso, range.to.iso])
                while let r = try rows.next() { take(i, r[0], r[1], r[2]) }
            }
        }
        var out: [PartyFigure] = []
        for (i, f) in sums[0].enumerated() where f.inCount != 0 { out.append(PartyFigure(party: Int64(i), figure: f)) }
        for (i, f) in sums[1].enumerated() where f.outCount != 0 { out.append(PartyFigure(party: -Int64(i), figure: f)) }
        return out
    }

    /// The `n` parties that moved the most, and the others summed (nil when there are no others).
    static func largest(_ all: [PartyFigure], _ n: Int) -> ([PartyFigure], Figure?) {
        guard n > 0, all.count > n else { return (all, nil) }
        func moved(_ p: PartyFigure) -> Int64 { p.figure.inAmount + p.figure.outAmount }
        // The n-th largest movement (a sort of plain numbers), then the parties above it and, at
        // it, the lowest ids first.
        let cut = all.map(moved).sorted(by: >)[n - 1]
        var top = all.filter { moved($0) > cut }
        top += all.filter { moved($0) == cut }.sorted { $0.party < $1.party }.prefix(n - top.count)
        let shown = Set(top.map(\.party))
        var rest = Figure()
        for r in all where !shown.contains(r.party) {
            rest.inCount += r.figure.inCount; rest.inAmount += r.figure.inAmount; rest.outCount += r.figure.outCount; rest.outAmount += r.figure.outAmount
        }
        return (top, rest)
    }

    /// The parties as the party table keys them (`c12` a customer, `s3` a supplier), the others
    /// under their own key.
    static func keyed(_ parts: ([PartyFigure], Figure?)) -> Grouped {
        var g = Grouped(minimumCapacity: parts.0.count + 1)
        for p in parts.0 { g[(p.party > 0 ? "c" : "s") + String(abs(p.party))] = p.figure }
        if let rest = parts.1 { g[others] = rest }
        return g
    }

    /// One table: a row per key (largest movement first unless `order` is given; "others"
    /// last), then the total.
    static func table(_ name: String, title: String, key: String, _ g: Grouped, order: [String]? = nil, ref: (String) -> RecordRef? = { _ in nil },
                      drill: (String?) -> ListQuery?, label: (String) -> CellValue) -> Report {
        let keys: [String] = order ?? g.map { (key: $0.key, moved: $0.value.inAmount + $0.value.outAmount) }
            .sorted { ($0.key == others ? 1 : 0, -$0.moved, $0.key) < ($1.key == others ? 1 : 0, -$1.moved, $1.key) }.map(\.key)
        func cells(_ label: CellValue, _ f: Figure) -> [CellValue] {
            [label, .integer(f.inCount), .money(minorUnits: f.inAmount), .integer(f.outCount), .money(minorUnits: f.outAmount), .money(minorUnits: f.inAmount - f.outAmount)]
        }
        var total = Figure()
        for f in g.values { total.inCount += f.inCount; total.inAmount += f.inAmount; total.outCount += f.outCount; total.outAmount += f.outAmount }
        let columns = [ColumnSpec(key, flexible: true, shrinks: true), ColumnSpec("col.receipts", .integer), .money("col.cash-in"),
                       ColumnSpec("col.payments", .integer), .money("col.cash-out"), .money("col.net")]
        var report = Report(name: name, title: title, parameters: [], columns: columns,
                            rows: keys.map { cells(label($0), g[$0] ?? Figure()) } + [cells(.status("report.total"), total)],
                            refs: keys.map { $0 == others ? nil : ref($0) } + [nil])
        report.drills = keys.map { $0 == others ? nil : drill($0) } + [drill(nil)]
        return report
    }
}
