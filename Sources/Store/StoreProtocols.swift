import Domain

// The Store's face toward Workspaces: protocols by area, in Domain and Store types only (no
// GRDB type crosses), so that another storage engine can implement them. `AppDatabase` (SQLite)
// implements them all.

/// Logging in and the company's settings.
public protocol SessionStore: Sendable {
    func authenticate(login: String, password: String, at now: Int64, oneTimeAllowed: Bool) throws(StoreError) -> AuthResult
    func settings() throws(StoreError) -> CompanySettings
    func quotaYear(rep: Int64, year: Int, by actor: Actor) throws(StoreError) -> QuotaYear
    func saveQuotaYear(_ quotas: QuotaYear, by actor: Actor, at now: Int64) throws(StoreError)
    func users() throws(StoreError) -> [UserAccount]
    func addUser(login: String, _ edit: UserEdit, by actor: Actor, at now: Int64) throws(StoreError) -> String
    func userForEdit(id: Int64, by actor: Actor, today: DateOnly) throws(StoreError) -> UserForm
    func updateUser(id: Int64, version: Int64, _ edit: UserEdit, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> String?
    func setPassword(login: String, password: String, by actor: Actor, at now: Int64) throws(StoreError)
    func complaintForEdit(id: Int64, by actor: Actor) throws(StoreError) -> (customer: String, resolved: Bool, handler: Int64?, version: Int64, said: String)
    func updateComplaint(id: Int64, version: Int64, resolved: Bool, handlerId: Int64?, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError)
    func handoverSource(from rep: Int64, by actor: Actor) throws(StoreError) -> HandoverSource
    func handoverSource(customers ids: [Int64], by actor: Actor) throws(StoreError) -> HandoverSource
    @discardableResult
    func handOver(customers ids: [Int64], to takers: [Int64], spread: Handover.Spread, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> Int
    @discardableResult
    func handOver(from rep: Int64, to takers: [Int64], spread: Handover.Spread, disable: Bool, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> Int
    func saveSettings(_ settings: CompanySettings, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError)
    func saveSettings(_ settings: CompanySettings, rates: [Int64: BasisPoints], newCategory: String, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError)
    func settingsExtras(by actor: Actor, today: DateOnly) throws(StoreError) -> SettingsExtras
}

/// A role home: its figures and its reminders.
public protocol HomeStore: Sendable {
    func dashboard(for actor: Actor, today: DateOnly) throws(StoreError) -> Dashboard
    func reminders(for actor: Actor, today: DateOnly, limit: Int?) throws(StoreError) -> [ReminderGroup]
}

/// The customer list, the customer form, and claims on another rep's customer.
public protocol CustomerStore: Sendable {
    func customerCount(for actor: Actor, filter: CustomerFilter) throws(StoreError) -> Int
    func customerFacets(for actor: Actor) throws(StoreError) -> (regions: [String], tags: [String])
    func customerPage(for actor: Actor, sort: CustomerSort, filter: CustomerFilter, after: CustomerCursor?, limit: Int, backwards: Bool) throws(StoreError) -> [CustomerRow]
    func customerSearch(for actor: Actor, query: String, limit: Int) throws(StoreError) -> [CustomerRow]
    /// Customers for a form's look-up as the user types: a bounded read per keystroke.
    func customerPicks(for actor: Actor, query: String, limit: Int) throws(StoreError) -> [CustomerRow]
    func customerListSheet(for actor: Actor, sort: CustomerSort, filter: CustomerFilter, query: String?) throws(StoreError) -> Sheet
    func customerForEdit(id: Int64, by actor: Actor) throws(StoreError) -> Customer
    func suggestedCustomerCode() throws(StoreError) -> String
    func createCustomer(_ customer: Customer, by actor: Actor, today: DateOnly, at now: Int64, acceptSimilar: Bool) throws(StoreError) -> CustomerSaveResult
    @discardableResult
    func updateCustomer(_ customer: Customer, by actor: Actor, at now: Int64) throws(StoreError) -> Int64
    @discardableResult
    func fileClaim(customerId: Int64, reason: String, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> Int64
    func claim(id: Int64, for actor: Actor) throws(StoreError) -> ClaimSummary
    func decideClaim(id: Int64, approve: Bool, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError)
}

/// The contact log, next contacts, contacts and opportunities.
public protocol FollowUpStore: Sendable {
    @discardableResult
    func logContact(_ entry: ContactLogEntry, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> Int64
    @discardableResult
    func markContactDone(customerId: Int64, by actor: Actor, at now: Int64) throws(StoreError) -> FollowUpUndo
    func undoContactDone(_ undo: FollowUpUndo, by actor: Actor, at now: Int64) throws(StoreError)
    func postponeContact(customerId: Int64, to date: DateOnly, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError)
    func contactForEdit(id: Int64, by actor: Actor) throws(StoreError) -> Contact
    @discardableResult
    func saveContact(_ contact: Contact, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> Int64
    func contactOptions(customerId: Int64, by actor: Actor) throws(StoreError) -> [ContactOption]
    @discardableResult
    func saveFeedback(_ feedback: Feedback, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> Int64
    func opportunityForEdit(id: Int64, by actor: Actor) throws(StoreError) -> Opportunity
    @discardableResult
    func saveOpportunity(_ opportunity: Opportunity, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> Int64
}

/// Lists of every kind: keyset pages, counts, search and the whole list for export.
public protocol ListStore: Sendable {
    func listSorts(_ kind: ListKind) -> [String]
    func listPage(_ query: ListQuery, after: ListCursor?, inclusive: Bool, limit: Int, backwards: Bool, for actor: Actor, today: DateOnly) throws(StoreError) -> ListPage
    func listCount(_ query: ListQuery, for actor: Actor, today: DateOnly) throws(StoreError) -> Int
    func listSearch(_ query: ListQuery, text: String, limit: Int, for actor: Actor, today: DateOnly) throws(StoreError) -> ListPage
    func listSheet(_ query: ListQuery, text: String?, for actor: Actor, today: DateOnly) throws(StoreError) -> Sheet
    /// The users a list can be filtered by as the owner of its records (reps, present and past).
    func ownerOptions() throws(StoreError) -> [UserAccount]
}

/// Cards of every record kind and the pages of their tables.
public protocol CardStore: Sendable {
    func card(_ ref: RecordRef, for actor: Actor, today: DateOnly) throws(StoreError) -> RecordCard
    func cardPage(_ ref: RecordRef, section: String, offset: Int, limit: Int?, for actor: Actor, today: DateOnly) throws(StoreError) -> CardPage
}

/// Quotes: the form, its product look-up, status moves and accepting into an order.
public protocol QuoteStore: Sendable {
    func productOptions() throws(StoreError) -> [ProductOption]
    func quoteForEdit(id: Int64, by actor: Actor, today: DateOnly) throws(StoreError) -> QuoteForEdit
    func quoteAcceptance(id: Int64, by actor: Actor, today: DateOnly) throws(StoreError) -> QuoteAcceptance
    @discardableResult
    func saveQuote(_ quote: Quote, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> (id: Int64, number: String)
    func setQuoteStatus(id: Int64, to next: QuoteStatus, reason: String?, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError)
    @discardableResult
    func acceptQuote(id: Int64, version: Int64, orderDate: DateOnly, dueDate: DateOnly, note: String?, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> String
    func orderEntrySource(customerId: Int64, by actor: Actor) throws(StoreError) -> OrderEntrySource
    @discardableResult
    func saveSalesOrder(_ order: SalesOrderEntry, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> (id: Int64, number: String)
    func salesOrderForEdit(id: Int64, by actor: Actor) throws(StoreError) -> OrderForEdit
    func updateSalesOrder(id: Int64, version: Int64, _ order: SalesOrderEntry, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> String
    func cancelSalesOrder(id: Int64, reason: String, by actor: Actor, at now: Int64) throws(StoreError) -> String
    func checkCancelSalesOrder(id: Int64, by actor: Actor) throws(StoreError) -> String
}

/// Posted documents: shipments from orders, receipts and payments over open items; each voided
/// by reversal with a reason.
public protocol PostingStore: Sendable {
    func shipmentSource(orderId: Int64, by actor: Actor) throws(StoreError) -> ShipmentSource
    @discardableResult
    func postShipment(_ draft: ShipmentDraft, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> SavedDocument
    func voidShipment(id: Int64, reason: String, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError)
    func checkVoid(_ ref: RecordRef, by actor: Actor) throws(StoreError)
    func openReceivables(customerId: Int64, by actor: Actor) throws(StoreError) -> [AllocationCandidate]
    func creditLeft(_ party: RecordRef, by actor: Actor) throws(StoreError) -> Money
    @discardableResult
    func postReceipt(_ draft: ReceiptDraft, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> SavedDocument
    func voidReceipt(id: Int64, reason: String, by actor: Actor, at now: Int64) throws(StoreError)
    @discardableResult
    func postPayment(_ draft: ReceiptDraft, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> SavedDocument
    func voidPayment(id: Int64, reason: String, by actor: Actor, at now: Int64) throws(StoreError)
    func supplierOptions(by actor: Actor) throws(StoreError) -> [SupplierOption]
    func creditSource(_ ref: RecordRef, by actor: Actor) throws(StoreError) -> CreditSource
    func expenseSource(by actor: Actor) throws(StoreError) -> ExpenseSource
    @discardableResult
    func postExpense(_ entry: ExpenseEntry, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> SavedDocument
    func addExpenseCategory(_ name: String, by actor: Actor, at now: Int64) throws(StoreError)
    func purchaseOrderSource(supplierId: Int64, excluding order: Int64?, by actor: Actor) throws(StoreError) -> PurchaseOrderSource
    func purchaseOrderForEdit(id: Int64, by actor: Actor) throws(StoreError) -> PurchaseOrderForEdit
    @discardableResult
    func savePurchaseOrder(_ order: PurchaseOrderEntry, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> SavedDocument
    @discardableResult
    func updatePurchaseOrder(id: Int64, version: Int64, _ order: PurchaseOrderEntry, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> String
    func goodsReceiptSource(poId: Int64, by actor: Actor) throws(StoreError) -> GoodsReceiptSource
    func warehouseOptions() throws(StoreError) -> [WarehouseOption]
    func productCategories() throws(StoreError) -> [String]
    @discardableResult
    func saveSupplier(_ supplier: Supplier, id: Int64?, version: Int64, acceptSimilar: Bool, by actor: Actor, at now: Int64) throws(StoreError) -> Int64
    func supplierForEdit(id: Int64, by actor: Actor) throws(StoreError) -> SupplierForEdit
    func supplierContactForEdit(id: Int64, by actor: Actor) throws(StoreError) -> SupplierContact
    @discardableResult
    func saveSupplierContact(_ contact: SupplierContact, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> Int64
    func purchaseSuggestion(productId: Int64, warehouseId: Int64?, by actor: Actor) throws(StoreError) -> PurchaseSuggestion
    func receivablePurchaseOrders(by actor: Actor) throws(StoreError) -> [(id: Int64, number: String, supplier: String)]
    @discardableResult
    func postGoodsReceipt(_ draft: GoodsReceiptDraft, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> SavedDocument
    func voidGoodsReceipt(id: Int64, reason: String, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError)
    func stockMoveSource(productId: Int64, by actor: Actor) throws(StoreError) -> StockMoveSource
    @discardableResult
    func postStockAdjustment(_ adjustment: StockAdjustment, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> Quantity
    func postStockTransfer(_ transfer: StockTransfer, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError)
    @discardableResult
    func cancelPurchaseOrder(id: Int64, reason: String, by actor: Actor, at now: Int64) throws(StoreError) -> String
    func voidExpense(id: Int64, reason: String, by actor: Actor, at now: Int64) throws(StoreError)
    func openPayables(supplierId: Int64, by actor: Actor) throws(StoreError) -> [AllocationCandidate]
    func allocateCredit(receiptId: Int64, to lines: [ReceiptDraft.ManualAllocation], on day: DateOnly, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError)
    func allocatePrepayment(paymentId: Int64, to lines: [ReceiptDraft.ManualAllocation], on day: DateOnly, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError)
}

/// Documents to print.
public protocol DocumentStore: Sendable {
    func documentNumber(_ ref: RecordRef) throws(StoreError) -> (PrintableDocument.Kind, String)?
    func printableDocument(_ kind: PrintableDocument.Kind, number: String, for actor: Actor) throws(StoreError) -> PrintableDocument
}

/// Bringing data in from another system.
public protocol ImportStore: Sendable {
    func importContacts(_ rows: ImportBatches<Contact>, by actor: Actor, today: DateOnly, at now: Int64, options: AppDatabase.ImportOptions) throws(StoreError) -> ImportOutcome
    func importCustomers(_ rows: ImportBatches<Customer>, by actor: Actor, today: DateOnly, at now: Int64, options: AppDatabase.ImportOptions) throws(StoreError) -> ImportOutcome
    func importHistoricalOrders(_ rows: ImportBatches<HistoricalOrder>, by actor: Actor, today: DateOnly, at now: Int64, options: AppDatabase.ImportOptions) throws(StoreError) -> ImportOutcome
    func importExpenses(_ rows: ImportBatches<ExpenseEntry>, by actor: Actor, today: DateOnly, at now: Int64, options: AppDatabase.ImportOptions) throws(StoreError) -> ImportOutcome
    func importReceipts(_ rows: ImportBatches<ImportedReceipt>, by actor: Actor, today: DateOnly, at now: Int64, options: AppDatabase.ImportOptions) throws(StoreError) -> ImportOutcome
    func importOpeningBalances(_ kind: String, _ rows: ImportBatches<OpeningBalance>, by actor: Actor, today: DateOnly, at now: Int64, options: AppDatabase.ImportOptions) throws(StoreError) -> ImportOutcome
    func importOpeningStock(_ rows: ImportBatches<OpeningStock>, by actor: Actor, today: DateOnly, at now: Int64, options: AppDatabase.ImportOptions) throws(StoreError) -> ImportOutcome
    func importProducts(_ rows: ImportBatches<Product>, by actor: Actor, at now: Int64, options: AppDatabase.ImportOptions) throws(StoreError) -> ImportOutcome
    func importSuppliers(_ rows: ImportBatches<Supplier>, by actor: Actor, at now: Int64, options: AppDatabase.ImportOptions) throws(StoreError) -> ImportOutcome
    func importUsers(_ rows: [ImportRecord<ImportedUser>], by actor: Actor, at now: Int64, options: AppDatabase.ImportOptions,
                     beforeCommit: @escaping @Sendable ([(login: String, password: String)]) throws -> Void) throws(StoreError) -> (ImportOutcome, issued: [(login: String, password: String)])
    func importWarehouses(_ rows: ImportBatches<Warehouse>, by actor: Actor, at now: Int64, options: AppDatabase.ImportOptions) throws(StoreError) -> ImportOutcome
}

/// Everything the workspaces ask of the Store.
public typealias RapportStore = SessionStore & HomeStore & CustomerStore & FollowUpStore & CardStore & QuoteStore & PostingStore & ListStore & DocumentStore & ImportStore

extension AppDatabase: SessionStore, HomeStore, CustomerStore, FollowUpStore, CardStore, QuoteStore, PostingStore, ListStore, DocumentStore, ImportStore {}

// The usual arguments, as the SQLite implementation takes them.
public extension HomeStore {
    func reminders(for actor: Actor, today: DateOnly) throws(StoreError) -> [ReminderGroup] { try reminders(for: actor, today: today, limit: nil) }
}

public extension CustomerStore {
    func customerSearch(for actor: Actor, query: String) throws(StoreError) -> [CustomerRow] { try customerSearch(for: actor, query: query, limit: 200) }
}

public extension QuoteStore {
    func setQuoteStatus(id: Int64, to next: QuoteStatus, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) {
        try setQuoteStatus(id: id, to: next, reason: nil, by: actor, today: today, at: now)
    }
}
