import Documents
import Domain
import Foundation
import Store

/// `rapport import receipts`: past receipts, and (optionally) a second file naming the
/// receivables each one paid. A bad allocation row refuses its receipt, reported on the
/// receipt's row, so `--skip-bad-rows` leaves the whole receipt out. The receipts reach the Store
/// in date order: each is split as of its own day, after every receipt dated before it.
enum ReceiptImport {
    /// A receipt row → the receipt; the customer and the old system's number stay references.
    static func receipt(_ row: inout ImportRow) -> ImportRecord<ImportedReceipt>? {
        let before = row.problems.count
        let date = row.parse("date", DataImport.requiredDate)
        let amount = row.parse("amount") { (t: String) throws(DomainError) -> Money in try Money.parse(t) }
        let method = row.parse("method", ImportConverters.method)
        guard row.problems.count == before, let date, let amount else { return nil }
        let draft = ReceiptDraft(partyId: 0, date: date, amount: amount, method: (method ?? nil) ?? .bankTransfer, split: .oldestFirst,
                                 reference: row.optional("reference"), note: row.optional("note"))
        return ImportRecord(line: row.line, record: ImportedReceipt(draft: draft), references: ["customer": row.field("customer"), "number": row.field("number")])
    }

    /// The receipts with the allocations file's rows attached (by the receipt's number), then in
    /// date order. Receipts with a bad allocation row are dropped and their problems added.
    static func attach(allocationsPath: String?, mapping: String?, encoding: String?, to receipts: [ImportRecord<ImportedReceipt>],
                       problems: inout [ImportProblem]) throws -> [ImportRecord<ImportedReceipt>] {
        var records = receipts
        if let allocationsPath {
            let table = try CSV.read(path: allocationsPath, encoding: encoding)
            let mapped = try MappedTable.map(table, spec: .receiptAllocations, mapping: mapping)
            var index: [String: Int] = [:]
            for (i, r) in records.enumerated() {
                let number = r.references["number"] ?? ""
                if !number.isEmpty, index[number] == nil { index[number] = i }
            }
            var named: [Int: [ImportedReceipt.NamedAllocation]] = [:]
            var refused = Set<Int>()
            for r in table.records {
                func v(_ name: String) -> String { mapped.value(name, in: r.fields) }
                let number = v("receipt")
                let at = index[number]
                func refuse(_ column: String, _ value: String, _ message: String) {
                    if let at { refused.insert(at) }
                    problems.append(ImportProblem(line: at.map { records[$0].line } ?? 0, column: "allocations file row \(r.line) \(column)", value: value, message: message))
                }
                if let p = mapped.shapeProblem(line: r.line, fields: r.fields) { refuse(p.column, p.value, p.message); continue }
                guard let at else { refuse("receipt", number, "no receipt with this number in the receipts file"); continue }
                do {
                    let amount = try Money.parse(v("amount"))
                    guard amount.minorUnits > 0 else { refuse("amount", v("amount"), "an allocation must be more than 0"); continue }
                    named[at, default: []].append(.init(receivable: v("receivable"), amount: amount, line: r.line))
                } catch { refuse("amount", v("amount"), error.message) }
            }
            for (at, list) in named { records[at].record.allocations = list }
            records = records.enumerated().filter { !refused.contains($0.offset) }.map(\.element)
        }
        return records.sorted { ($0.record.draft.date, $0.line) < ($1.record.draft.date, $1.line) }
    }
}
