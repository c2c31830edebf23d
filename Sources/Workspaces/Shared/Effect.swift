import Documents
import Domain
import Store

/// Work a view model asks the app to do outside the frame: reads and writes run on a reader of
/// the pool, and their results come back as actions through the inbox.
public enum Effect: Sendable, Equatable {
    case authenticate(login: String, password: String)
    case loadHome
    /// Opens a record's card (pushed on the stack).
    case loadCard(RecordRef)
    /// Opens a record's card on the tab of one of its tables.
    case loadCardAt(RecordRef, section: String)
    /// Reads a card on the stack again (a refresh), wherever it is.
    case reloadCard(RecordRef)
    /// Reads more rows of a card's table.
    case loadCardPage(RecordRef, section: String, offset: Int)
    /// All the rest of a card's table (`G` / End on a table with more to read).
    case loadCardRest(RecordRef, section: String, offset: Int)
    /// A page of a list (`inclusive`: from the cursor's own row on), with its count when `reset`.
    case loadList(ListQuery, after: ListCursor?, backwards: Bool, reset: Bool, inclusive: Bool, request: Int)
    case searchList(ListQuery, text: String, request: Int)
    /// Customers matching what a form's customer look-up says (`field`), for its match list.
    case lookupCustomers(field: String, query: String)
    /// Open orders matching what a form's order look-up says (number, customer, pinyin).
    case lookupOpenOrders(field: String, query: String)
    /// Reads what a form needs (the record, a suggested code, company defaults), then opens it.
    case openEditor(EditorRequest)
    case saveEditor(EditorModel, acceptSimilar: Bool)
    case markContactDone(customerId: Int64, name: String)
    case undoContactDone(FollowUpUndo)
    case loadClaim(id: Int64)
    case decideClaim(id: Int64, approve: Bool, customer: String)
    case markQuoteSent(id: Int64, number: String)
    /// Renders the document a card shows for the preview pane.
    case preparePrint(RecordRef)
    /// Several documents rendered into one job (one after another, each on its own pages).
    case preparePrintBatch([RecordRef])
    /// Sends the previewed document to the printer, or to a file.
    case print(PrintPreview, toFile: Bool)
    case export(ExportRequest, ExportFormat)
    case quit
}

/// A form to open, before its data is read.
public enum EditorRequest: Sendable, Equatable {
    case logContact(customerId: Int64, name: String)
    case postpone(customerId: Int64, name: String)
    case newCustomer(name: String)
    case editCustomer(id: Int64)
    case newContact(customerId: Int64, name: String)
    case editContact(id: Int64, customerName: String)
    case newOpportunity(customerId: Int64, name: String)
    case editOpportunity(id: Int64, customerName: String)
    case filterCustomers(CustomerFilter)
    case filterOrders(ListQuery)
    case newQuote(customerId: Int64, name: String)
    case editQuote(id: Int64)
    case copyQuote(id: Int64)
    case acceptQuote(id: Int64)
    case rejectQuote(id: Int64)
    case newFeedback(customerId: Int64, name: String)
    case newOrder(customerId: Int64, name: String)
    case editOrder(id: Int64)
    case cancelOrder(id: Int64)
    case newShipment(orderId: Int64)
    case newReceipt(customerId: Int64, name: String)
    case pickSupplier(then: SupplierPickTarget)
    case newPayment(supplierId: Int64, name: String)
    case allocateCredit(RecordRef)
    case newExpense
    case newPurchaseOrder(supplierId: Int64, name: String)
    /// A PO for a product running low (from the stock list): its last supplier, a suggested quantity.
    case reorder(productId: Int64, warehouseId: Int64?)
    case editPurchaseOrder(id: Int64)
    case cancelPurchaseOrder(id: Int64, number: String)
    case newGoodsReceipt(poId: Int64)
    /// Counting or moving one product's stock, starting on a warehouse (an id or a code).
    case countStock(productId: Int64, warehouse: String?)
    case transferStock(productId: Int64, warehouse: String?)
    case pickPurchaseOrder
    case filterStock(ListQuery)
    case newSupplier
    case editSupplier(id: Int64)
    case newSupplierContact(supplierId: Int64, name: String)
    case editSupplierContact(id: Int64, supplierName: String)
    case editSettings
    case newUser, editUser(id: Int64), changePassword, editComplaint(id: Int64)
    case editQuotas(rep: Int64, year: Int, name: String)
    case pickLeavingRep
    case handover(from: Int64)
    case handoverSelection([Int64])
    /// `f` on a report narrowed by rep (aging): the day, and the reps to choose from.
    case reportView(Int64, section: String)
    case voidDocument(RecordRef, number: String)
}

