import Domain
import GRDB

extension AppDatabase {
    /// Past receipts (`rapport import receipts`), in the order given (the caller sorts them by
    /// date): each checked as the form checks one, its customer by code or name, then split —
    /// over the receivables the allocations file names, or oldest due first over what was open
    /// on its own date — and written as a posted receipt (the old system's number, or the next
    /// `RC-` of its year; an `RC-` number in the file is refused). What a row takes is known to
    /// the rows after it even when nothing is written (a dry run), so the check is the import.
    public func importReceipts(_ rows: ImportBatches<ImportedReceipt>, by actor: Actor, today: DateOnly, at now: Int64,
                               options: ImportOptions) throws(StoreError) -> ImportOutcome {
        try AppDatabase.requireImport(actor)
        return try bulkWrite { db in
            let customers = try PartyLookup.load(db, table: "customers")
            let futureDays = try AppDatabase.settings(db).moneyFutureDays
            var numbers = Set(try String.fetchAll(db, sql: "SELECT number FROM receipts"))
            var seen: [String: Int] = [:]
            let open = ImportedOpenItems(try db.makeStatement(sql: """
                SELECT id, number, doc_date, due_date, open_amount FROM receivables
                WHERE customer_id = ? AND status = 'posted' AND open_amount > 0 ORDER BY due_date, doc_date, number
                """))
            let insert = try db.makeStatement(sql: """
                INSERT INTO receipts (number, customer_id, receipt_date, amount, unapplied, method, rep_id, status, created_by, reference, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'posted', ?, ?, ?)
                """)
            let allocate = try db.makeStatement(sql: "INSERT INTO receipt_allocations (receipt_id, receivable_id, amount, allocated_on) VALUES (?, ?, ?, ?)")
            let lower = try db.makeStatement(sql: "UPDATE receivables SET open_amount = open_amount - ? WHERE id = ?")
            // Settled on the last day anything paid it: an imported receipt may be dated before
            // one already recorded.
            let settle = try db.makeStatement(sql: """
                UPDATE receivables SET settled_on = (SELECT max(a.allocated_on) FROM receipt_allocations a JOIN receipts r ON r.id = a.receipt_id
                                                     WHERE a.receivable_id = receivables.id AND r.status = 'posted')
                WHERE id = ? AND open_amount = 0
                """)
            let creator: Int64? = actor.userId == 0 ? nil : actor.userId
            return try AppDatabase.importRows(db, rows, kind: "receipts", options: options, actor: actor, at: now) { row, problems, _ in
                var d: ReceiptDraft
                do throws(DomainError) { d = try row.record.draft.validated(today: today, futureDays: futureDays) } catch {
                    problems.append(AppDatabase.problem(row.line, error, values: ["date": row.record.draft.date.iso, "amount": row.record.draft.amount.formatted(grouping: false),
                                                                                  "reference": row.record.draft.reference ?? "", "note": row.record.draft.note ?? ""]))
                    return nil
                }
                guard let customer = customers.resolve(row, column: "customer", into: &problems) else { return nil }
                d.partyId = customer.id
                let given = row.references["number"] ?? ""
                if given.uppercased().hasPrefix("RC-") {
                    problems.append(ImportProblem(line: row.line, column: "number", value: given, message: "RC- numbers are Rapport's own; leave the number empty"))
                    return nil
                }
                if !given.isEmpty, let problem = AppDatabase.codeProblem(given, line: row.line, seen: &seen, taken: &numbers, what: "receipt", column: "number") {
                    problems.append(problem); return nil
                }
                let candidates = try open.items(of: customer.id).filter { $0.documentDate <= d.date }
                if let named = row.record.allocations {
                    guard let lines = AppDatabase.namedAllocations(named, candidates: candidates, date: d.date, line: row.line, into: &problems) else { return nil }
                    d.split = .manual(lines)
                }
                let split: AllocationResult
                do throws(DomainError) { split = try d.allocate(over: candidates) } catch {
                    problems.append(ImportProblem(line: row.line, column: row.record.allocations == nil ? "amount" : "allocations", value: d.amount.formatted(grouping: false),
                                                  message: error.message))
                    return nil
                }
                for a in split.allocations { open.take(a.amount, from: a.id) }
                let receipt = d
                return {
                    let number = given.isEmpty ? try DocumentSequence.next(db, kind: .receipt, year: receipt.date.year) : given
                    try insert.execute(arguments: [number, receipt.partyId, receipt.date.iso, receipt.amount.minorUnits, split.unapplied.minorUnits, receipt.method.rawValue,
                                                   customer.ownerId, creator, receipt.reference, receipt.note])
                    let id = db.lastInsertedRowID
                    for a in split.allocations {
                        try allocate.execute(arguments: [id, a.id, a.amount.minorUnits, receipt.date.iso])
                        try lower.execute(arguments: [a.amount.minorUnits, a.id])
                        try settle.execute(arguments: [a.id])
                        open.written(a.amount, to: a.id)
                    }
                }
            }
        }
    }

    /// The allocations file's lines of one receipt as the form's manual split (one line per
    /// receivable, amounts of repeated lines added up); nil, with a problem per bad line, when a
    /// receivable is not the customer's, not open, or dated after the receipt.
    static func namedAllocations(_ named: [ImportedReceipt.NamedAllocation], candidates: [AllocationCandidate], date: DateOnly, line: Int,
                                 into problems: inout [ImportProblem]) -> [ReceiptDraft.ManualAllocation]? {
        var lines: [ReceiptDraft.ManualAllocation] = []
        let before = problems.count
        for n in named {
            guard let c = candidates.first(where: { $0.number == n.receivable }) else {
                problems.append(ImportProblem(line: line, column: "allocations file row \(n.line) receivable", value: n.receivable,
                                              message: "not an open receivable of this customer dated on or before \(date.iso)"))
                continue
            }
            if let i = lines.firstIndex(where: { $0.itemId == c.id }) { lines[i].amount += n.amount } else { lines.append(.init(itemId: c.id, amount: n.amount)) }
        }
        return problems.count == before ? lines : nil
    }
}

/// A customer's open receivables as an import sees them: as stored, less what earlier rows of
/// the same import took and did not write (a dry run, or rows held back by a bad row).
final class ImportedOpenItems {
    let statement: Statement
    private var taken: [Int64: Money] = [:]

    init(_ statement: Statement) { self.statement = statement }

    func take(_ amount: Money, from id: Int64) { taken[id, default: .zero] += amount }

    /// Written: the stored open amount says it now.
    func written(_ amount: Money, to id: Int64) {
        taken[id, default: .zero] -= amount
        if taken[id] == .zero { taken[id] = nil }
    }

    func items(of customerId: Int64) throws -> [AllocationCandidate] {
        try Row.fetchAll(statement, arguments: [customerId]).compactMap { r in
            guard let doc = DateOnly(iso: r[2] as String), let due = DateOnly(iso: r[3] as String) else { return nil }
            let left = Money(minorUnits: r[4]) - (taken[r[0]] ?? .zero)
            return left.minorUnits > 0 ? AllocationCandidate(id: r[0], number: r[1], documentDate: doc, dueDate: due, open: left) : nil
        }
    }
}
