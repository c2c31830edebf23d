import Domain
import GRDB

/// Aging as of a day (DOMAIN: a receivable paid after D is still open as of D; one dated after D
/// does not exist yet; voided documents do not count), one row per customer or supplier — on
/// either money ledger (receipts against receivables, payments against payables).
extension MoneyLedger {
    /// One row per party with anything outstanding on `d`: the buckets (due-date ranges from
    /// `AgingBuckets`) and the credit. Open on d: open now, or settled after d (only those are
    /// read, through two indexes), plus what was allocated after d by a document still posted;
    /// credit on d: unapplied now, or allocated only after d. SQLite gives each item's bucket
    /// (its due date against the ranges) and the rows are summed here as they stream — no sort
    /// of every item by party. `parties`, when given, limits both to those parties (a rep's).
    func rows(_ db: Database, asOf d: DateOnly, buckets: AgingBuckets, parties: String? = nil) throws -> [AgingRow] {
        let only = parties.map { " AND x.\(party) IN (\($0))" } ?? ""
        // Columns as `openOnDay` gives them: party, bucket, credit, open. The credit with
        // unapplied left is read from its own partial index (`SchemaV10`); `+` keeps SQLite off
        // the date index (every receipt up to d) for the rest.
        // Credit allocated after d is still there on d; a document whose credit was last
        // allocated later on or before d (or never) has its allocations read for nothing.
        let credit = """
            SELECT x.\(party), -1, CASE WHEN x.credit_allocated_on IS NULL OR x.credit_allocated_on <= ?1 THEN x.unapplied
                ELSE x.unapplied + coalesce((SELECT SUM(a.amount) FROM \(allocations) a WHERE a.\(documentKey) = x.id AND a.allocated_on > ?1), 0) END, 0
            FROM \(documents) x
            """
        // The newest range first: an item due on or after its start is in it.
        var arguments: [String] = [d.iso]
        var bucket = "CASE"
        let ranges = buckets.dueDateRanges(asOf: d)
        for (i, range) in ranges.enumerated() {
            guard let from = range.from else { bucket += " ELSE \(i)"; continue }
            arguments.append(from.iso)
            bucket += " WHEN x.due_date >= ?\(arguments.count) THEN \(i)"
        }
        bucket += " END"
        let cursor = try Row.fetchCursor(db, sql: """
            \(openOnDay("x.\(party), \(bucket), 0", only: only))
            UNION ALL
            \(credit) WHERE x.unapplied > 0 AND x.status = 'posted' AND x.\(date) <= ?1\(only)
            UNION ALL
            \(credit) WHERE x.unapplied = 0 AND x.status = 'posted' AND x.credit_allocated_on > ?1 AND +x.\(date) <= ?1\(only)
            """, arguments: StatementArguments(arguments))
        var at: [Int64: Int] = [:]
        var rows: [AgingRow] = []
        let zero = [Money](repeating: .zero, count: ranges.count)
        while let r = try cursor.next() {
            let party: Int64 = r[0], b: Int = r[1], credit: Int64 = r[2], open: Int64 = r[3]
            let i: Int
            if let known = at[party] { i = known } else {
                i = rows.count
                at[party] = i
                rows.append(AgingRow(partyId: party, buckets: zero, unapplied: .zero))
            }
            if b < 0 { rows[i].unapplied -= Money(minorUnits: credit) } else { rows[i].buckets[b] += Money(minorUnits: open) }
        }
        return rows.sorted { $0.partyId < $1.partyId }
    }

    /// The items open on day `?1` as SQL: `columns` of the item `x`, then `open`, what was open
    /// on the day — open now plus what posted documents allocated after it (an item never paid,
    /// open = amount, has nothing to look up). Only items open now or settled after the day are read.
    func openOnDay(_ columns: String, only: String = "") -> String {
        let later = "SELECT SUM(a.amount) FROM \(allocations) a JOIN \(documents) p ON p.id = a.\(documentKey) WHERE a.\(itemKey) = x.id AND a.allocated_on > ?1 AND p.status = 'posted'"
        let item = """
            SELECT \(columns), CASE WHEN x.open_amount = x.amount THEN x.amount ELSE x.open_amount + coalesce((\(later)), 0) END open
            FROM \(items) x
            """
        return """
            \(item) WHERE x.open_amount > 0 AND x.status = 'posted' AND x.doc_date <= ?1\(only)
            UNION ALL
            \(item) WHERE x.open_amount = 0 AND x.status = 'posted' AND x.settled_on > ?1 AND x.doc_date <= ?1\(only)
            """
    }
}

extension AppDatabase {
    /// `:aging` and `rapport report aging`: one row per customer (its rep and credit limit) or
    /// supplier with anything outstanding as of the day, the buckets of the company setting,
    /// unapplied credit (negative) and the balance; the total last. Largest balance first, or by
    /// a bucket (`sort`: its label), the party's name, or the balance.
    static func agingReport(_ db: Database, _ request: ReportRequest, payables: Bool, sort: String? = nil, for actor: Actor) throws -> Report {
        guard actor.can(payables ? .viewPayables : .viewAllReceivables) else {
            throw StoreError.forbidden("\(actor.role.rawValue) cannot see the aging of \(payables ? "payables" : "receivables")")
        }
        let asOf = request.period.to, buckets = try settings(db).agingBuckets
        let parties = payables ? nil : request.rep.map { "SELECT id FROM customers WHERE owner_id = \($0)" }
        let rows = try (payables ? MoneyLedger.payments : .receipts).rows(db, asOf: asOf, buckets: buckets, parties: parties)
        var names: [Int64: (name: String, rep: String, limit: Int64)] = [:]
        if !rows.isEmpty {
            // Tens of thousands of ids: bound as one JSON array rather than spelled into the SQL;
            // read through the customers' narrow name index, each rep's name shared.
            let ids = "[" + rows.map { String($0.partyId) }.joined(separator: ",") + "]"
            let sql = payables ? "SELECT id, name, 0, 0 FROM suppliers WHERE id IN (SELECT value FROM json_each(?))"
                : "SELECT id, name, coalesce(owner_id, 0), credit_limit FROM customers INDEXED BY customers_aging_names WHERE id IN (SELECT value FROM json_each(?))"
            let reps = payables ? [:] : Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, display_name FROM users").map { ($0[0] as Int64, $0[1] as String) })
            names.reserveCapacity(rows.count)
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: [ids])
            while let r = try cursor.next() { names[r[0]] = (r[1], reps[r[2]] ?? "", r[3]) }
        }
        let labels = buckets.labels
        let bucketKeys = labels.map { $0 == "not-due" ? "aging.not-due" : $0 }
        // Each row's sort figure worked out once, not at every comparison.
        let sorted: [AgingRow]
        if sort == "name" {
            sorted = rows.sorted { (names[$0.partyId]?.name ?? "", $0.partyId) < (names[$1.partyId]?.name ?? "", $1.partyId) }
        } else {
            let bucket = sort.flatMap { labels.firstIndex(of: $0) }
            let keyed = rows.map { r -> (Int64, AgingRow) in
                if let bucket { return (r.buckets[bucket].minorUnits, r) }
                return (sort == "unapplied" ? -r.unapplied.minorUnits : r.balance.minorUnits, r)
            }
            sorted = keyed.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1.partyId < $1.1.partyId }.map(\.1)
        }
        func cells(_ r: AgingRow, name: CellValue, rep: String, limit: Int64?) -> [CellValue] {
            var cells: [CellValue] = []
            cells.reserveCapacity(r.buckets.count + 5)
            cells.append(name)
            for b in r.buckets { cells.append(.money(b)) }
            cells.append(.money(r.unapplied))
            cells.append(.money(r.balance))
            if !payables { cells += [.text(rep), limit.map { $0 == 0 ? .empty : .money(minorUnits: $0) } ?? .empty] }
            return cells
        }
        let total = Aging.total(rows, bucketCount: labels.count)
        let n = labels.count
        let columns = [ColumnSpec(payables ? "col.supplier" : "col.customer", flexible: true, shrinks: true)] + bucketKeys.map { ColumnSpec.money($0) }
            + [.money(payables ? "col.prepaid" : "col.unapplied"), .money("col.balance")] + (payables ? [] : [ColumnSpec("col.rep", shrinks: true), .money("col.credit-limit")])
        var parameters: [Report.Parameter] = [.init("param.as-of", .date(asOf))]
        if let rep = request.rep { parameters.append(.init("param.rep", .text(try repName(db, rep)))) }
        if let sort {
            let by: CellValue = switch sort {
            case "name": .status(payables ? "col.supplier" : "col.customer")
            case "unapplied": .status(payables ? "col.prepaid" : "col.unapplied")
            case "balance": .status("col.balance")
            case "not-due": .status("aging.not-due")
            default: .text(sort)
            }
            parameters.append(.init("param.sorted-by", by))
        }
        var report = Report(name: request.name, title: payables ? "title.payables-aging" : "title.aging", parameters: parameters,
                            columns: columns,
                            rows: sorted.map { r in let p = names[r.partyId]; return cells(r, name: .text(p?.name ?? ""), rep: p?.rep ?? "", limit: payables ? nil : p?.limit) }
                                + [cells(total, name: .status("report.total"), rep: "", limit: nil)],
                            refs: sorted.map { RecordRef(payables ? .supplier : .customer, $0.partyId) } + [nil])
        // The overview: what is owed, what of it is overdue, by how many, and the buckets' bars.
        report.parameters += [.init(payables ? "param.owed-suppliers" : "param.owed", .money(total.balance)), .init("param.overdue", .money(total.buckets.dropFirst().reduce(.zero, +))),
                              .init(payables ? "param.suppliers-owed" : "param.customers-owing", .integer(Int64(rows.count)))]
        report.series = [.init(title: payables ? "aging.chart-payables" : "kpi.aging", bars: zip(labels, total.buckets).map { (label: $0.0 == "not-due" ? "aging.not-due" : $0.0, value: $0.1.minorUnits, marker: nil) })]
        // On screen: the party with four figures a tab (80 columns).
        let figures = Array(1...(n + 2))
        report.tabs = stride(from: 0, to: figures.count, by: 4).map { start in
            let part = Array(figures[start..<min(start + 4, figures.count)])
            return Report.Tab("aging.tab-\(start / 4 + 1)", columns: [0] + part)
        } + (payables ? [] : [Report.Tab("aging.tab-credit", columns: [0, n + 2, n + 3, n + 4])])
        return report
    }

    /// `rapport check`: read through the as-of rules at the end of time, every customer's
    /// (supplier's) buckets + unapplied equal its open items less its unapplied credit, as stored.
    static func agingProblems(_ db: Database) throws -> [String] {
        guard let end = DateOnly(iso: "2999-12-31") else { return [] }
        let buckets = try settings(db).agingBuckets
        var problems: [String] = []
        for (name, ledger, stored) in [("customer", MoneyLedger.receipts, """
                SELECT c.id, c.code, c.open_balance - coalesce((SELECT SUM(unapplied) FROM receipts WHERE customer_id = c.id AND status = 'posted'), 0)
                FROM customers c
                """), ("supplier", MoneyLedger.payments, """
                SELECT s.id, s.code, coalesce((SELECT SUM(open_amount) FROM payables WHERE supplier_id = s.id AND status = 'posted'), 0)
                    - coalesce((SELECT SUM(unapplied) FROM payments WHERE supplier_id = s.id AND status = 'posted'), 0)
                FROM suppliers s
                """)] {
            let aged = Dictionary(uniqueKeysWithValues: try ledger.rows(db, asOf: end, buckets: buckets).map { ($0.partyId, $0.balance.minorUnits) })
            for r in try Row.fetchAll(db, sql: stored) where (aged[r[0]] ?? 0) != r[2] as Int64 {
                problems.append("aging buckets + unapplied ≠ \(name) balance: \(r[1] as String) (\(aged[r[0]] ?? 0) ≠ \(r[2] as Int64))")
                if problems.count >= 20 { return problems }
            }
        }
        return problems
    }

    /// The customer owing on the most receivables, and how many (the benchmark's worst receipt).
    public func customerWithMostOpenReceivables() throws(StoreError) -> (Int64, Int)? {
        try read { db in
            try Row.fetchOne(db, sql: """
                SELECT customer_id, COUNT(*) FROM receivables WHERE open_amount > 0 AND status = 'posted' GROUP BY customer_id ORDER BY 2 DESC LIMIT 1
                """).map { ($0[0] as Int64, $0[1] as Int) }
        }
    }

    static func repName(_ db: Database, _ id: Int64) throws -> String {
        try String.fetchOne(db, sql: "SELECT display_name FROM users WHERE id = ?", arguments: [id]) ?? String(id)
    }
}
