import Domain
import GRDB

extension MoneyLedger {
    /// Allocates what a posted receipt (payment) left unapplied to the party's open items, on a
    /// day from the document's own date to today: each line at most its item's open amount, all
    /// of them at most the credit left. One transaction, audited; as of an earlier day the
    /// credit is still unapplied and the items still open (the allocation is dated).
    func allocateCredit(_ db: Database, documentId: Int64, lines: [ReceiptDraft.ManualAllocation], on day: DateOnly, today: DateOnly,
                        actor: Actor, at now: Int64) throws {
        guard actor.can(capability) else { throw StoreError.forbidden("\(actor.role.rawValue) cannot allocate \(documents)") }
        guard let doc = try Row.fetchOne(db, sql: "SELECT number, \(party), \(date), unapplied, status FROM \(documents) WHERE id = ?", arguments: [documentId]) else {
            throw StoreError.notFound("\(entity) \(documentId)")
        }
        let number: String = doc[0], partyId: Int64 = doc[1], credit = Money(minorUnits: doc[3])
        guard doc[4] as String == "posted" else {
            throw StoreError.invalid(DomainError("\(number) is voided", field: nil, code: "error.document-voided", number))
        }
        if let issued = DateOnly(iso: doc[2] as String), day < issued {
            throw StoreError.invalid(DomainError("the allocation date cannot be before \(number)'s date \(issued.iso)", field: "date", code: "error.allocation-before-document", issued.iso))
        }
        guard day <= today else { throw StoreError.invalid(DomainError("the date cannot be in the future", field: "date", code: "error.date-future", day.iso)) }
        // Items issued after the day were not there to pay.
        let candidates = try openItems(db, partyId: partyId).filter { $0.documentDate <= day }
        let split: AllocationResult
        do { split = try Allocation.manual(amount: credit, lines: lines.map { ($0.itemId, $0.amount) }, candidates: candidates) } catch { throw StoreError.invalid(error) }
        guard !split.allocations.isEmpty else { throw StoreError.invalid(DomainError("nothing to allocate", field: "allocation", code: "error.nothing-allocated")) }
        for a in split.allocations {
            try db.execute(sql: "INSERT INTO \(allocations) (\(documentKey), \(itemKey), amount, allocated_on) VALUES (?, ?, ?, ?)",
                           arguments: [documentId, a.id, a.amount.minorUnits, day.iso])
            try db.execute(sql: "UPDATE \(items) SET open_amount = open_amount - ? WHERE id = ?", arguments: [a.amount.minorUnits, a.id])
        }
        try db.execute(sql: "UPDATE \(documents) SET unapplied = ? WHERE id = ?", arguments: [split.unapplied.minorUnits, documentId])
        let numbers = Dictionary(uniqueKeysWithValues: candidates.map { ($0.id, $0.number) })
        try AuditLog.record(db, actor: actor, at: now, action: "\(entity).allocate", entity: entity, entityId: documentId,
                            before: AuditLog.json([("unapplied", String(credit.minorUnits))]),
                            after: AuditLog.json([("unapplied", String(split.unapplied.minorUnits)), ("date", day.iso),
                                                  ("allocations", split.allocations.map { "\(numbers[$0.id] ?? String($0.id))×\($0.amount.minorUnits)" }.joined(separator: "; "))]))
    }
}

extension AppDatabase {
    /// A receipt's unapplied credit allocated later (see `MoneyLedger.allocateCredit`).
    public func allocateCredit(receiptId: Int64, to lines: [ReceiptDraft.ManualAllocation], on day: DateOnly, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) {
        try write { db in try MoneyLedger.receipts.allocateCredit(db, documentId: receiptId, lines: lines, on: day, today: today, actor: actor, at: now) }
    }

    /// A payment's unapplied prepayment allocated later to the supplier's payables.
    public func allocatePrepayment(paymentId: Int64, to lines: [ReceiptDraft.ManualAllocation], on day: DateOnly, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) {
        try write { db in try MoneyLedger.payments.allocateCredit(db, documentId: paymentId, lines: lines, on: day, today: today, actor: actor, at: now) }
    }
}
