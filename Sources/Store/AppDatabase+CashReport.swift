import Domain
import GRDB

extension AppDatabase {
    /// Cash in (receipts) and out (payments) for a period, not voided: by month, by method, by
    /// rep (a receipt's rep; payments have none) and by customer or supplier, each with counts,
    /// in, out and net; the totals, bars of in and out by month and the net by month. `by`
    /// names the table `rapport report cash --by` prints (nil: by month, the others as parts).
    static func cashReport(_ db: Database, _ request: ReportRequest, by: String?, for actor: Actor) throws -> Report {
        guard actor.can(.viewCashStatistics) || actor.can(.viewAllKPIs) else { throw StoreError.forbidden("\(actor.role.rawValue) cannot see cash statistics") }
        let p = request.period
        func grouped(_ key: String, _ table: String, _ date: String) throws -> [String: (count: Int64, amount: Int64)] {
            var out: [String: (Int64, Int64)] = [:]
            for r in try Row.fetchAll(db, sql: """
                SELECT CAST(\(key) AS TEXT), COUNT(*), SUM(amount) FROM \(table) WHERE \(date) BETWEEN ? AND ? AND status = 'posted' GROUP BY 1
                """, arguments: [p.from.iso, p.to.iso]) {
                out[(r[0] as String?) ?? ""] = (r[1], r[2])
            }
            return out
        }
        let columns: (String) -> [ColumnSpec] = { key in
            [ColumnSpec(key, flexible: true, shrinks: true), ColumnSpec("col.receipts", .integer), .money("col.cash-in"),
             ColumnSpec("col.payments", .integer), .money("col.cash-out"), .money("col.net")]
        }
        func part(_ name: String, title: String, key: String, receiptKey: String, paymentKey: String,
                  order: [String]? = nil, label: (String) -> CellValue, ref: (String) -> RecordRef? = { _ in nil }) throws -> Report {
            let ins = try grouped(receiptKey, "receipts", "receipt_date"), outs = try grouped(paymentKey, "payments", "payment_date")
            // Largest movement first, unless the order is given (months).
            func moved(_ k: String) -> Int64 { (ins[k]?.amount ?? 0) + (outs[k]?.amount ?? 0) }
            let keys: [String] = order ?? Set(ins.keys).union(outs.keys).sorted { moved($0) != moved($1) ? moved($0) > moved($1) : $0 < $1 }
            var rows: [[CellValue]] = keys.map { k in
                let i = ins[k] ?? (0, 0), o = outs[k] ?? (0, 0)
                return [label(k), .integer(i.count), .money(minorUnits: i.amount), .integer(o.count), .money(minorUnits: o.amount), .money(minorUnits: i.amount - o.amount)]
            }
            let tin = ins.values.reduce((Int64(0), Int64(0))) { ($0.0 + $1.count, $0.1 + $1.amount) }
            let tout = outs.values.reduce((Int64(0), Int64(0))) { ($0.0 + $1.count, $0.1 + $1.amount) }
            rows.append([.status("report.total"), .integer(tin.0), .money(minorUnits: tin.1), .integer(tout.0), .money(minorUnits: tout.1), .money(minorUnits: tin.1 - tout.1)])
            return Report(name: name, title: title, parameters: [], columns: columns(key), rows: rows, refs: keys.map(ref) + [nil])
        }
        // Every month of the period, with or without money moving.
        var months: [String] = []
        var m = p.from.startOfMonth
        while m <= p.to { months.append(String(m.iso.prefix(7))); m = m.adding(months: 1) }
        let byMonth = try part("cash-by-month", title: "cash.by-month", key: "col.month", receiptKey: "substr(receipt_date, 1, 7)", paymentKey: "substr(payment_date, 1, 7)",
                               order: months, label: { .text($0) })
        let byMethod = try part("cash-by-method", title: "cash.by-method", key: "col.method", receiptKey: "method", paymentKey: "method",
                                label: { .status("method.\($0)") })
        let reps = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, display_name FROM users").map { (String($0[0] as Int64), $0[1] as String) })
        let byRep = try part("cash-by-rep", title: "cash.by-rep", key: "col.rep", receiptKey: "coalesce(rep_id, '')", paymentKey: "''",
                             label: { $0.isEmpty ? .status("cash.no-rep") : .text(reps[$0] ?? $0) })
        let customers = try names(db, "customers", "SELECT DISTINCT customer_id FROM receipts WHERE receipt_date BETWEEN ? AND ? AND status = 'posted'", p)
        let suppliers = try names(db, "suppliers", "SELECT DISTINCT supplier_id FROM payments WHERE payment_date BETWEEN ? AND ? AND status = 'posted'", p)
        let byParty = try part("cash-by-party", title: "cash.by-party", key: "col.party", receiptKey: "'c' || customer_id", paymentKey: "'s' || supplier_id",
                               label: { k in .text((k.first == "c" ? customers : suppliers)[Int64(k.dropFirst()) ?? 0] ?? k) },
                               ref: { k in Int64(k.dropFirst()).map { RecordRef(k.first == "c" ? .customer : .supplier, $0) } })
        let parts = [byMonth, byMethod, byRep, byParty]
        var main = by.flatMap { b in parts.first { $0.name == "cash-by-\(b)" } } ?? byMonth
        let total = byMonth.rows.last ?? []
        main.name = request.name
        main.tableTitle = main.title
        main.title = "title.cash"
        main.parameters = periodParameters(p) + [.init("param.cash-in", total.indices.contains(2) ? total[2] : .empty),
                                                  .init("param.cash-out", total.indices.contains(4) ? total[4] : .empty),
                                                  .init("param.net", total.indices.contains(5) ? total[5] : .empty)]
        if by == nil { main.parts = [byMethod, byRep, byParty] }
        func series(_ column: Int) -> [(label: String, value: Int64, marker: Int64?)] {
            byMonth.rows.dropLast().map { r in (label: r[0].plainText, value: r[column].moneyValue?.minorUnits ?? 0, marker: nil) }
        }
        main.series = [.init(title: "cash.chart-in", bars: series(2)), .init(title: "cash.chart-out", bars: series(4)),
                       .init(title: "cash.chart-net", points: byMonth.rows.dropLast().map { $0[5].moneyValue?.minorUnits ?? 0 })]
        return main
    }

    /// Names of the parties the query's ids (for the period) name.
    static func names(_ db: Database, _ table: String, _ ids: String, _ p: DateRange) throws -> [Int64: String] {
        Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, name FROM \(table) WHERE id IN (\(ids))", arguments: [p.from.iso, p.to.iso]).map { ($0[0], $0[1]) })
    }
}
