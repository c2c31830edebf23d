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
            try lower(db, item: a.id, by: a.amount, on: day)
        }
        // Allocated after its own date: aging as of an earlier day finds the credit still there.
        try db.execute(sql: """
            UPDATE \(documents) SET unapplied = ?1, credit_allocated_on = CASE WHEN ?2 > \(date) THEN max(coalesce(credit_allocated_on, ''), ?2) ELSE credit_allocated_on END
            WHERE id = ?3
            """, arguments: [split.unapplied.minorUnits, day.iso, documentId])
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

/// A supplier as a payment's look-up offers it: code and name (pinyin too).
public struct SupplierOption: Sendable, Equatable {
    public var id: Int64
    public var code: String
    public var name: String
    public var searchKey: String
}

extension AppDatabase {
    /// Every supplier, by code, for a payment's look-up (a few hundred at most: the look-up
    /// filters them as the user types).
    public func supplierOptions(by actor: Actor) throws(StoreError) -> [SupplierOption] {
        guard actor.can(.postPayments) || actor.can(.viewSuppliers) else { throw .forbidden("\(actor.role.rawValue) cannot see suppliers") }
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT id, code, name FROM suppliers ORDER BY code").map {
                SupplierOption(id: $0[0], code: $0[1], name: $0[2], searchKey: SearchKey.make(name: $0[2], code: $0[1]))
            }
        }
    }

    /// A supplier's open payables, for a payment's allocation lines.
    public func openPayables(supplierId: Int64, by actor: Actor) throws(StoreError) -> [AllocationCandidate] {
        guard actor.can(.postPayments) else { throw .forbidden("\(actor.role.rawValue) cannot post payments") }
        return try read { db in try MoneyLedger.payments.openItems(db, partyId: supplierId) }
    }
}

/// A receipt's (payment's) unapplied credit as a later allocation starts from it: how much is
/// left, from when, and the party's open items (oldest due first).
public struct CreditSource: Sendable, Equatable {
    public var ref: RecordRef
    public var number: String
    public var partyName: String
    public var date: DateOnly
    public var credit: Money
    public var openItems: [AllocationCandidate]
}

extension AppDatabase {
    /// What a customer's receipts (a supplier's payments) left unapplied, all told.
    public func creditLeft(_ party: RecordRef, by actor: Actor) throws(StoreError) -> Money {
        let ledger: MoneyLedger = party.kind == .supplier ? .payments : .receipts
        guard actor.can(ledger.capability) else { throw .forbidden("\(actor.role.rawValue) cannot see \(ledger.documents)") }
        return try read { db in
            Money(minorUnits: try Int64.fetchOne(db, sql: "SELECT coalesce(SUM(unapplied), 0) FROM \(ledger.documents) WHERE \(ledger.party) = ? AND unapplied > 0 AND status = 'posted'",
                                                 arguments: [party.id]) ?? 0)
        }
    }

    public func creditSource(_ ref: RecordRef, by actor: Actor) throws(StoreError) -> CreditSource {
        let ledger: MoneyLedger = ref.kind == .payment ? .payments : .receipts
        guard actor.can(ledger.capability) else { throw .forbidden("\(actor.role.rawValue) cannot allocate \(ledger.documents)") }
        return try read { db in
            guard let r = try Row.fetchOne(db, sql: """
                SELECT d.number, p.name, d.\(ledger.date), d.unapplied, d.status, d.\(ledger.party)
                FROM \(ledger.documents) d JOIN \(ledger.partyTable) p ON p.id = d.\(ledger.party) WHERE d.id = ?
                """, arguments: [ref.id]), let date = DateOnly(iso: r[2] as String) else { throw StoreError.notFound("\(ledger.entity) \(ref.id)") }
            guard r[4] as String == "posted" else { throw StoreError.invalid(DomainError("\(r[0] as String) is voided", field: nil, code: "error.document-voided", r[0])) }
            let credit = Money(minorUnits: r[3])
            guard credit.minorUnits > 0 else {
                throw StoreError.invalid(DomainError("\(r[0] as String) has nothing left to allocate", field: nil, code: "error.no-credit-left", r[0]))
            }
            let open = try ledger.openItems(db, partyId: r[5])
            guard !open.isEmpty else {
                throw StoreError.invalid(DomainError("nothing is open to allocate \(r[0] as String) to", field: nil, code: "error.nothing-open", r[0]))
            }
            return CreditSource(ref: ref, number: r[0], partyName: r[1], date: date, credit: credit, openItems: open)
        }
    }
}
