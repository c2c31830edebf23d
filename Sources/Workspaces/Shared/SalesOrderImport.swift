import Documents
import Domain
import Foundation
import Store

/// Sales-order history in two files: the orders, and their lines joined by the order number.
/// An order is whole or not at all: a bad line (or a line that looks wrong) refuses its order,
/// and the problem is reported on that order's row, so `--skip-bad-rows` leaves the whole order
/// out and the rejects file names it. A discount column written as fractions (all values ≤ 1)
/// is refused: discounts are percent, and 0.15 would silently be 0.15 %.
struct SalesOrderImport {
    var orders: MappedTable
    var good: [(Int, [String])]
    var linesPath: String
    var linesMapping: String?
    var encoding: String?

    func records(problems: inout [ImportProblem]) throws -> [ImportRecord<HistoricalOrder>] {
        let linesTable = try CSV.read(path: linesPath, encoding: encoding)
        let lines = try MappedTable.map(linesTable, spec: .salesOrderLines, mapping: linesMapping)
        var orderRow: [String: Int] = [:]
        for (line, f) in good where orderRow[orders.value("number", in: f)] == nil { orderRow[orders.value("number", in: f)] = line }
        let fractions = SalesOrderImport.discountsLookLikeFractions(linesTable.records.map { lines.value("discount", in: $0.fields) })
        var byOrder: [String: [HistoricalOrder.Line]] = [:]
        var refused = Set<String>()
        for r in linesTable.records {
            func v(_ name: String) -> String { lines.value(name, in: r.fields) }
            let number = v("number")
            // A line's problem is its order's: reported on the order's row (0: no such order).
            func refuse(_ column: String, _ value: String, _ message: String) {
                refused.insert(number)
                problems.append(ImportProblem(line: orderRow[number] ?? 0, column: "lines file row \(r.line) \(column)", value: value, message: message))
            }
            if let p = lines.shapeProblem(line: r.line, fields: r.fields) { refuse(p.column, p.value, p.message); continue }
            guard orderRow[number] != nil else { refuse("number", number, "no order with this number in the orders file"); continue }
            var bad = false
            let quantity = SalesOrderImport.field("quantity", v("quantity"), { t throws(DomainError) in try Quantity.parse(t) }) { refuse($0, $1, $2); bad = true }
            let price = SalesOrderImport.field("unit_price", v("unit_price"), { t throws(DomainError) in t.isEmpty ? nil : try Money.parse(t) }) { refuse($0, $1, $2); bad = true }
            let discount = SalesOrderImport.field("discount", v("discount"), { t throws(DomainError) in t.isEmpty ? BasisPoints(0) : try BasisPoints.parsePercent(t) }) { refuse($0, $1, $2); bad = true }
            if fractions, let d = try? BasisPoints.parsePercent(v("discount")), d.value > 0, d.value < 100 {
                refuse("discount", v("discount"), "looks like a fraction; discounts are percent (write \(BasisPoints(d.value * 100).plain) for this one)")
                bad = true
            }
            guard !bad, let quantity, let price, let discount else { continue }
            byOrder[number, default: []].append(.init(line: r.line, product: v("product"), quantity: quantity, unitPrice: price, discount: discount))
        }
        var records: [ImportRecord<HistoricalOrder>] = []
        for (line, f) in good {
            let number = orders.value("number", in: f)
            var bad = refused.contains(number)
            func problem(_ column: String, _ value: String, _ message: String) { problems.append(ImportProblem(line: line, column: column, value: value, message: message)); bad = true }
            let orderDate = SalesOrderImport.field("order_date", orders.value("order_date", in: f), DataImport.requiredDate, problem)
            let due = SalesOrderImport.field("due_date", orders.value("due_date", in: f), DataImport.date, problem)
            let shipped = SalesOrderImport.field("shipped_on", orders.value("shipped_on", in: f), DataImport.date, problem)
            guard !bad, let orderDate, let due, let shipped else { continue }
            let note = orders.value("note", in: f)
            records.append(ImportRecord(line: line, record: HistoricalOrder(number: number, orderDate: orderDate, dueDate: due, shippedOn: shipped,
                                                                            note: note.isEmpty ? nil : note, lines: byOrder[number] ?? []),
                                        references: ["customer": orders.value("customer", in: f), "rep": orders.value("rep", in: f), "warehouse": orders.value("warehouse", in: f)]))
        }
        return records
    }

    /// One value parsed; a failure is reported (column, value, message) and gives nil.
    static func field<T>(_ column: String, _ text: String, _ parse: (String) throws(DomainError) -> T, _ report: (String, String, String) -> Void) -> T? {
        do { return try parse(text) } catch { report(column, text, error.message); return nil }
    }

    /// A discount column whose every value is at most 1, with some strictly between 0 and 1,
    /// was written as fractions (0.15 meaning 15 %).
    static func discountsLookLikeFractions(_ values: [String]) -> Bool {
        let written = values.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        guard !written.contains(where: { $0.contains("%") }) else { return false }
        let points = written.compactMap { try? BasisPoints.parsePercent($0).value }
        return !points.isEmpty && points.allSatisfy { $0 <= 100 } && points.contains { $0 > 0 && $0 < 100 }
    }
}
