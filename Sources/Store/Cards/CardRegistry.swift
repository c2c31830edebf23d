import Domain
import GRDB

extension AppDatabase {
    /// The builder of a record kind's card.
    static func cardBuilder(for kind: RecordRef.Kind) -> any CardBuilder.Type {
        switch kind {
        case .customer: CustomerCard.self
        case .contact: ContactCard.self
        case .salesOrder: SalesOrderCard.self
        case .receivable: ReceivableCard.self
        case .purchaseOrder: PurchaseOrderCard.self
        case .payable: PayableCard.self
        case .supplier: SupplierCard.self
        case .product, .stockLevel: ProductCard.self
        case .claim: ClaimCard.self
        case .opportunity: OpportunityCard.self
        case .quote: QuoteCard.self
        case .quoteList: QuoteListCard.self
        case .performance: PerformanceCard.self
        case .reminders: RemindersCard.self
        case .report: ReportCard.self
        case .shipment: ShipmentCard.self
        case .receipt: ReceiptCard.self
        case .payment: PaymentCard.self
        case .expense: ExpenseCard.self
        case .goodsReceipt: GoodsReceiptCard.self
        case .supplierContact: SupplierContactCard.self
        case .auditEntry: AuditEntryCard.self
        case .quotas: QuotaCard.self
        case .users, .user: UsersCard.self
        case .feedback: FeedbackCard.self
        }
    }

    /// The card of one record, if `actor` may see it. A sales rep asking for another rep's
    /// customer (or that customer's documents) gets `.forbidden`, whatever path asked.
    public func card(_ ref: RecordRef, for actor: Actor, today: DateOnly) throws(StoreError) -> RecordCard {
        try read { db in try AppDatabase.card(db, ref: ref, actor: actor, today: today) }
    }

    static func card(_ db: Database, ref: RecordRef, actor: Actor, today: DateOnly) throws -> RecordCard {
        try cardBuilder(for: ref.kind).card(db, id: ref.id, actor: actor, today: today)
    }

    /// More rows of one card table (`limit` nil: all from `offset`, as an export reads them).
    public func cardPage(_ ref: RecordRef, section: String, offset: Int, limit: Int?, for actor: Actor, today: DateOnly) throws(StoreError) -> CardPage {
        try read { db in
            guard let q = try AppDatabase.cardBuilder(for: ref.kind).sections(db, id: ref.id, actor: actor, today: today).first(where: { $0.title == section }) else {
                throw StoreError.notFound("section \(section) of \(ref.kind.rawValue) \(ref.id)")
            }
            return try q.page(db, offset: offset, limit: limit)
        }
    }

    /// A quote's status as of today: a sent or draft quote past `valid_until` reads as expired.
    static func quoteStatus(_ stored: String, validUntil: String, today: DateOnly) -> QuoteStatus {
        (QuoteStatus(rawValue: stored) ?? .draft).effective(validUntil: DateOnly(iso: validUntil) ?? today, today: today)
    }
}
