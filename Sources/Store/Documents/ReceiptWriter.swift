import Domain
import GRDB

/// The two money ledgers, alike but for their names: customers' receipts against receivables,
/// and payments to suppliers against payables.
struct MoneyLedger: Sendable {
    var kind: DocumentKind
    var documents: String, allocations: String, items: String
    var party: String, partyTable: String, date: String, itemKey: String, documentKey: String
    var entity: String
    var capability: Capability

    static let receipts = MoneyLedger(kind: .receipt, documents: "receipts", allocations: "receipt_allocations", items: "receivables",
                                      party: "customer_id", partyTable: "customers", date: "receipt_date", itemKey: "receivable_id",
                                      documentKey: "receipt_id", entity: "receipt", capability: .postReceipts)
    static let payments = MoneyLedger(kind: .payment, documents: "payments", allocations: "payment_allocations", items: "payables",
                                      party: "supplier_id", partyTable: "suppliers", date: "payment_date", itemKey: "payable_id",
                                      documentKey: "payment_id", entity: "payment", capability: .postPayments)

    /// An item paid down by an allocation on `day`: settled that day when nothing is left open.
    func lower(_ db: Database, item: Int64, by amount: Money, on day: DateOnly) throws {
        try db.execute(sql: """
            UPDATE \(items) SET open_amount = open_amount - ?1, settled_on = CASE WHEN open_amount = ?1 THEN ?2 ELSE NULL END WHERE id = ?3
            """, arguments: [amount.minorUnits, day.iso, item])
    }

    /// The party's open items, oldest due first — what a receipt may be allocated to.
    func openItems(_ db: Database, partyId: Int64) throws -> [AllocationCandidate] {
        try Row.fetchAll(db, sql: """
            SELECT id, number, doc_date, due_date, open_amount FROM \(items)
            WHERE \(party) = ? AND status = 'posted' AND open_amount > 0 ORDER BY due_date, doc_date, number
            """, arguments: [partyId]).compactMap { r in
            guard let doc = DateOnly(iso: r[2] as String), let due = DateOnly(iso: r[3] as String) else { return nil }
            return AllocationCandidate(id: r[0], number: r[1], documentDate: doc, dueDate: due, open: Money(minorUnits: r[4]))
        }
    }
}

/// A receipt (or payment) on the document writer: posted with its split over the party's open
/// items (`Allocation`), each item's open amount lowered; what is not allocated stays as credit.
struct ReceiptWriter: PostingWriter {
    static let kind = DocumentKind.receipt
    static let table = "receipts"
    static let entity = "receipt"
    var draft: ReceiptDraft
    var ledger: MoneyLedger

    var date: DateOnly { draft.date }
    var auditPairs: [(String, String?)] {
        [(ledger.party, String(draft.partyId)), ("date", draft.date.iso), ("amount", String(draft.amount.minorUnits)), ("method", draft.method.rawValue),
         ("reference", draft.reference), ("note", draft.note)]
    }

    func authorize(_ db: Database, actor: Actor) throws {
        guard actor.can(ledger.capability) else { throw StoreError.forbidden("\(actor.role.rawValue) cannot post \(ledger.documents)") }
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM \(ledger.partyTable) WHERE id = ?", arguments: [draft.partyId]) == true else {
            throw StoreError.notFound("\(ledger.partyTable) \(draft.partyId)")
        }
    }

    func insert(_ db: Database, number: String, actor: Actor) throws -> Int64 {
        // An item issued after the receipt's date was not there to pay (as of that day).
        let open = try ledger.openItems(db, partyId: draft.partyId)
        if case .manual(let lines) = draft.split, let late = open.first(where: { c in c.documentDate > draft.date && lines.contains { $0.itemId == c.id } }) {
            throw StoreError.invalid(DomainError("\(late.number) is dated \(late.documentDate.iso), after this document's date: it cannot pay it", field: "allocation",
                                                 code: "error.item-after-document", late.number, late.documentDate.iso))
        }
        let split = try draft.allocate(over: open.filter { $0.documentDate <= draft.date })
        let creator: Int64? = actor.userId == 0 ? nil : actor.userId
        if ledger.kind == .receipt {
            let rep = try Int64.fetchOne(db, sql: "SELECT owner_id FROM customers WHERE id = ?", arguments: [draft.partyId])
            try db.execute(sql: """
                INSERT INTO receipts (number, customer_id, receipt_date, amount, unapplied, method, rep_id, status, created_by, reference, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'posted', ?, ?, ?)
                """, arguments: [number, draft.partyId, draft.date.iso, draft.amount.minorUnits, split.unapplied.minorUnits, draft.method.rawValue, rep, creator,
                                 draft.reference, draft.note])
        } else {
            try db.execute(sql: """
                INSERT INTO payments (number, supplier_id, payment_date, amount, unapplied, method, status, created_by, reference, note)
                VALUES (?, ?, ?, ?, ?, ?, 'posted', ?, ?, ?)
                """, arguments: [number, draft.partyId, draft.date.iso, draft.amount.minorUnits, split.unapplied.minorUnits, draft.method.rawValue, creator,
                                 draft.reference, draft.note])
        }
        let id = db.lastInsertedRowID
        for a in split.allocations {
            try db.execute(sql: "INSERT INTO \(ledger.allocations) (\(ledger.documentKey), \(ledger.itemKey), amount, allocated_on) VALUES (?, ?, ?, ?)",
                           arguments: [id, a.id, a.amount.minorUnits, draft.date.iso])
            try ledger.lower(db, item: a.id, by: a.amount, on: draft.date)
        }
        return id
    }
}

/// A payment is a receipt on the other ledger.
struct PaymentWriter: PostingWriter {
    static let kind = DocumentKind.payment
    static let table = "payments"
    static let entity = "payment"
    var receipt: ReceiptWriter
    var date: DateOnly { receipt.date }
    var auditPairs: [(String, String?)] { receipt.auditPairs }
    func authorize(_ db: Database, actor: Actor) throws { try receipt.authorize(db, actor: actor) }
    func insert(_ db: Database, number: String, actor: Actor) throws -> Int64 { try receipt.insert(db, number: number, actor: actor) }
}

/// Voiding a receipt or payment: each item it paid is open again by what it took; the
/// allocations stay on record under the voided document (and no longer count).
struct MoneyVoid<Side: LedgerSide>: VoidableDocument {
    static var table: String { Side.ledger.documents }
    static var entity: String { Side.ledger.entity }

    static func authorizeVoid(_ db: Database, id: Int64, actor: Actor) throws {
        guard actor.can(Side.ledger.capability) else { throw StoreError.forbidden("\(actor.role.rawValue) cannot void \(Side.ledger.documents)") }
    }

    static func refuseVoid(_ db: Database, id: Int64) throws {}

    static func reverse(_ db: Database, id: Int64, on day: DateOnly?, by actor: Actor, reason: String) throws -> [(String, String?)] {
        let l = Side.ledger
        var reopened: [String] = []
        for a in try Row.fetchAll(db, sql: "SELECT a.\(l.itemKey), a.amount, i.number FROM \(l.allocations) a JOIN \(l.items) i ON i.id = a.\(l.itemKey) WHERE a.\(l.documentKey) = ?",
                                  arguments: [id]) {
            try db.execute(sql: "UPDATE \(l.items) SET open_amount = open_amount + ?, settled_on = NULL WHERE id = ?", arguments: [a[1] as Int64, a[0] as Int64])
            reopened.append("\(a[2] as String)+\(a[1] as Int64)")
        }
        return [("reopened", reopened.joined(separator: "; "))]
    }
}

protocol LedgerSide: Sendable { static var ledger: MoneyLedger { get } }
enum CustomerSide: LedgerSide { static var ledger: MoneyLedger { .receipts } }
enum SupplierSide: LedgerSide { static var ledger: MoneyLedger { .payments } }

extension AppDatabase {
    /// Posts a receipt from a customer (see `ReceiptWriter`).
    @discardableResult
    public func postReceipt(_ draft: ReceiptDraft, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> SavedDocument {
        let valid: ReceiptDraft
        let futureDays = try settings().moneyFutureDays
        do { valid = try draft.validated(today: today, futureDays: futureDays) } catch { throw .invalid(error) }
        return try save(ReceiptWriter(draft: valid, ledger: .receipts), by: actor, at: now)
    }

    /// Posts a payment to a supplier against its payables.
    @discardableResult
    public func postPayment(_ draft: ReceiptDraft, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> SavedDocument {
        let valid: ReceiptDraft
        let futureDays = try settings().moneyFutureDays
        do { valid = try draft.validated(today: today, futureDays: futureDays) } catch { throw .invalid(error) }
        return try save(PaymentWriter(receipt: ReceiptWriter(draft: valid, ledger: .payments)), by: actor, at: now)
    }

    public func voidReceipt(id: Int64, reason: String, by actor: Actor, at now: Int64) throws(StoreError) {
        try void(MoneyVoid<CustomerSide>.self, id: id, reason: reason, by: actor, at: now)
    }

    public func voidPayment(id: Int64, reason: String, by actor: Actor, at now: Int64) throws(StoreError) {
        try void(MoneyVoid<SupplierSide>.self, id: id, reason: reason, by: actor, at: now)
    }

    /// A customer's open receivables, for a receipt's allocation lines.
    public func openReceivables(customerId: Int64, by actor: Actor) throws(StoreError) -> [AllocationCandidate] {
        guard actor.can(.postReceipts) else { throw .forbidden("\(actor.role.rawValue) cannot post receipts") }
        return try read { db in try MoneyLedger.receipts.openItems(db, partyId: customerId) }
    }
}
