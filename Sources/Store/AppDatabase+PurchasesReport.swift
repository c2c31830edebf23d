import Domain
import GRDB

extension AppDatabase {
    /// Purchasing statistics for a period (`:purchases`, `rapport report purchases`): the goods
    /// received (posted goods receipts), by supplier, by product and by month — receipts, quantity
    /// and amount — and each supplier's on-time rate: of its POs expected in the period and fully
    /// received, the share whose last goods arrived by the expected date. Bars by month and for
    /// the largest suppliers. `by` names the table the command prints (supplier, product, month).
    static func purchasesReport(_ db: Database, _ request: ReportRequest, by: String?, for actor: Actor) throws -> Report {
        guard actor.can(.editPurchaseOrders) || actor.can(.viewAllKPIs) else { throw StoreError.forbidden("\(actor.role.rawValue) cannot see purchasing statistics") }
        let p = request.period
        let args: StatementArguments = [p.from.iso, p.to.iso]
        let columns: (String) -> [ColumnSpec] = { key in
            [ColumnSpec(key, flexible: true, shrinks: true), ColumnSpec("col.goods-receipt-count", .integer), ColumnSpec("col.quantity", .quantity), .money("col.amount")]
        }
        func cells(_ label: CellValue, _ n: Int64, _ q: Int64, _ a: Int64) -> [CellValue] { [label, .integer(n), .quantity(thousandths: q), .money(minorUnits: a)] }
        /// One grouping: `group` the SQL it is grouped by, `label` what a row shows, `id` what it
        /// opens (with `ref`); largest amount first unless `order` (a month's keys) is given.
        func part(_ name: String, title: String, column: String, group: String, label: String, id: String = "0", order: [String]? = nil,
                  ref: ((Int64) -> RecordRef)? = nil) throws -> Report {
            var rows: [(key: String, id: Int64, label: String, n: Int64, q: Int64, a: Int64)] = []
            for r in try Row.fetchAll(db, sql: """
                SELECT \(group), \(label), COUNT(DISTINCT g.id), SUM(l.quantity), SUM(l.amount), \(id)
                FROM goods_receipts g JOIN goods_receipt_lines l ON l.goods_receipt_id = g.id JOIN suppliers s ON s.id = g.supplier_id JOIN products pr ON pr.id = l.product_id
                WHERE g.status = 'posted' AND g.receipt_date BETWEEN ? AND ? GROUP BY 1
                """, arguments: args) {
                rows.append((r[0] as String, r[5] as Int64, r[1] as String, r[2], r[3], r[4]))
            }
            if let order {
                let byKey = Dictionary(uniqueKeysWithValues: rows.map { ($0.key, $0) })
                rows = order.map { byKey[$0] ?? ($0, 0, $0, 0, 0, 0) }
            } else {
                rows.sort { ($0.a, $1.label) > ($1.a, $0.label) }
            }
            let total = rows.reduce((n: Int64(0), q: Int64(0), a: Int64(0))) { ($0.n + $1.n, $0.q + $1.q, $0.a + $1.a) }
            // Receipts are counted once each in the total (a receipt spans products).
            let receipts = try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM goods_receipts g WHERE g.status = 'posted' AND g.receipt_date BETWEEN ? AND ?", arguments: args) ?? 0
            return Report(name: name, title: title, parameters: [], columns: columns(column),
                          rows: rows.map { cells(.text($0.label), $0.n, $0.q, $0.a) } + [cells(.status("report.total"), receipts, total.q, total.a)],
                          refs: rows.map { r in ref.map { $0(r.id) } } + [nil])
        }
        var months: [String] = []
        var m = p.from.startOfMonth
        while m <= p.to { months.append(String(m.iso.prefix(7))); m = m.adding(months: 1) }
        var bySupplier = try part("purchases-by-supplier", title: "purchases.by-supplier", column: "col.supplier", group: "CAST(s.id AS TEXT)", label: "s.name",
                                  id: "s.id") { RecordRef(.supplier, $0) }
        let byProduct = try part("purchases-by-product", title: "purchases.by-product", column: "col.product", group: "CAST(pr.id AS TEXT)",
                                 label: "pr.code || ' ' || pr.name", id: "pr.id") { RecordRef(.product, $0) }
        let byMonth = try part("purchases-by-month", title: "purchases.by-month", column: "col.month", group: "substr(g.receipt_date, 1, 7)",
                               label: "substr(g.receipt_date, 1, 7)", order: months)
        // On time: POs expected in the period, fully received, the last goods by the expected date.
        var onTime: [Int64: (due: Int64, kept: Int64)] = [:]
        for r in try Row.fetchAll(db, sql: """
            SELECT p.supplier_id, (SELECT max(g.receipt_date) FROM goods_receipts g WHERE g.po_id = p.id AND g.status = 'posted') <= p.expected_date
            FROM purchase_orders p WHERE p.status = 'received' AND p.expected_date BETWEEN ? AND ?
            """, arguments: args) {
            let kept: Bool = r[1] ?? false
            var f = onTime[r[0]] ?? (0, 0)
            f.due += 1; if kept { f.kept += 1 }
            onTime[r[0]] = f
        }
        func rate(_ f: (due: Int64, kept: Int64)?) -> CellValue {
            guard let f, f.due > 0 else { return .notAvailable }
            return .percent(BasisPoints(f.kept * 10_000 / f.due))
        }
        bySupplier.columns.append(ColumnSpec("col.on-time", .percent))
        let all = onTime.values.reduce((due: Int64(0), kept: Int64(0))) { ($0.due + $1.due, $0.kept + $1.kept) }
        bySupplier.rows = bySupplier.rows.enumerated().map { i, row in
            row + [bySupplier.refs.indices.contains(i) ? bySupplier.refs[i].map { rate(onTime[$0.id]) } ?? rate(all) : rate(all)]
        }
        var main = Report.grouped([bySupplier, byProduct, byMonth], by: by, name: request.name, title: "title.purchases")
        let total = byMonth.rows.last ?? []
        main.parameters = periodParameters(p) + [.init("param.purchases", total.indices.contains(3) ? total[3] : .empty),
                                                  .init("param.goods-receipts", total.indices.contains(1) ? total[1] : .empty),
                                                  .init("param.on-time", rate(all))]
        main.series = [.init(title: "purchases.chart-month", bars: byMonth.rows.dropLast().map { (label: $0[0].plainText, value: $0[3].moneyValue?.minorUnits ?? 0, marker: nil) }),
                       .init(title: "purchases.chart-supplier", bars: bySupplier.rows.dropLast().prefix(10).map { (label: $0[0].plainText, value: $0[3].moneyValue?.minorUnits ?? 0, marker: nil) })]
        return main
    }
}
