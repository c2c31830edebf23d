import Domain
import Store

extension EffectRunner {
    /// Forms and the writes behind them. A refused write comes back as an action naming the field
    /// (or the whole form), so the form stays open with the user's input.
    func performWrite(_ effect: Effect, session: Session) -> [AppModel.Action] {
        let actor = session.actor, today = session.today, now = clock.nowSeconds()
        do {
            switch effect {
            case .openEditor(let request):
                return [.editorReady(try editor(for: request, session: session))]
            case .saveEditor(let editor, let acceptSimilar):
                return try save(editor, acceptSimilar: acceptSimilar, session: session)
            case .markContactDone(let id, _):
                return [.doneMarked(try database.markContactDone(customerId: id, by: actor, at: now))]
            case .undoContactDone(let undo):
                try database.undoContactDone(undo, by: actor, at: now)
                return [.saved(toastKey: "saved.undone", argument: undo.name)]
            case .loadClaim(let id):
                return [.claimLoaded(try database.claim(id: id, for: actor))]
            case .markQuoteSent(let id, let number):
                try database.setQuoteStatus(id: id, to: .sent, by: actor, today: today, at: now)
                return [.saved(toastKey: "saved.quote-sent", argument: number)]
            case .decideClaim(let id, let approve, let customer):
                try database.decideClaim(id: id, approve: approve, by: actor, today: today, at: now)
                return [.saved(toastKey: approve ? "saved.claim-approved" : "saved.claim-rejected", argument: customer)]
            default:
                return []
            }
        } catch {
            if case .saveEditor = effect { return [.editor(EditorRequestFailure.action(for: error))] }
            return [.refused(error.userMessage)]
        }
    }

    func editor(for request: EditorRequest, session: Session) throws(StoreError) -> EditorModel {
        switch request {
        case .logContact(let id, let name):
            return EditorModel.logContact(customerId: id, name: name, today: session.today, settings: try database.settings(),
                                          contacts: try database.contactOptions(customerId: id, by: session.actor))
        case .newFeedback(let id, let name):
            return EditorModel.feedback(customerId: id, name: name, today: session.today)
        case .postpone(let id, let name):
            let current = try database.customerForEdit(id: id, by: session.actor).nextContactOn
            return EditorModel.postpone(customerId: id, name: name, current: current, today: session.today)
        case .newCustomer(let name):
            return EditorModel.customer(nil, code: try database.suggestedCustomerCode(), name: name, today: session.today)
        case .editCustomer(let id):
            let c = try database.customerForEdit(id: id, by: session.actor)
            return EditorModel.customer(c, code: c.code, today: session.today)
        case .newContact(let id, let name):
            return EditorModel.contact(nil, customerId: id, customerName: name, today: session.today)
        case .editContact(let id, let name):
            let c = try database.contactForEdit(id: id, by: session.actor)
            return EditorModel.contact(c, customerId: c.customerId, customerName: name, today: session.today)
        case .newOpportunity(let id, let name):
            return EditorModel.opportunity(nil, customerId: id, customerName: name, today: session.today)
        case .editOpportunity(let id, let name):
            let o = try database.opportunityForEdit(id: id, by: session.actor)
            return EditorModel.opportunity(o, customerId: o.customerId, customerName: name, today: session.today)
        case .filterCustomers(let filter):
            let facets = try database.customerFacets(for: session.actor)
            return EditorModel.customerFilter(filter, regions: facets.regions, tags: facets.tags, today: session.today)
        case .filterOrders(let query):
            let showRep = !session.actor.restrictedToOwnCustomers
            return EditorModel.orderFilter(query, reps: showRep ? try database.ownerOptions() : [], showRep: showRep, today: session.today)
        case .newQuote(let id, let name):
            return EditorModel.quote(nil, copy: false, customerId: id, customerName: name, products: try database.productOptions(), today: session.today)
        case .editQuote(let id), .copyQuote(let id):
            let q = try database.quoteForEdit(id: id, by: session.actor, today: session.today)
            let copy = request == .copyQuote(id: id)
            if !copy, q.status != .draft { throw StoreError.invalid(DomainError("\(q.number) is \(q.status.rawValue); only drafts are edited — copy it to quote again", field: nil, code: "error.quote-not-draft-edit", q.number, "status.\(q.status.rawValue)")) }
            return EditorModel.quote(q, copy: copy, customerId: q.quote.customerId, customerName: q.customerName, products: try database.productOptions(), today: session.today)
        case .acceptQuote(let id):
            return EditorModel.acceptQuote(try database.quoteAcceptance(id: id, by: session.actor, today: session.today), today: session.today)
        case .rejectQuote(let id):
            let q = try database.quoteForEdit(id: id, by: session.actor, today: session.today)
            return EditorModel.rejectQuote(id: id, number: q.number, customerName: q.customerName, today: session.today)
        case .newOrder(let id, _):
            return EditorModel.salesOrder(try database.orderEntrySource(customerId: id, by: session.actor), products: try database.productOptions(), today: session.today)
        case .editOrder(let id):
            let order = try database.salesOrderForEdit(id: id, by: session.actor)
            return EditorModel.salesOrder(order.source, products: try database.productOptions(), today: session.today, editing: order)
        case .cancelOrder(let id):
            return EditorModel.cancelOrder(id: id, number: try database.checkCancelSalesOrder(id: id, by: session.actor), today: session.today)
        case .newShipment(let orderId):
            return EditorModel.shipment(try database.shipmentSource(orderId: orderId, by: session.actor), today: session.today)
        case .allocateCredit(let ref):
            return EditorModel.allocateCredit(try database.creditSource(ref, by: session.actor), today: session.today)
        case .reportView(let id, let section):
            return EditorModel.reportPeriod(id, section: section, reps: try database.ownerOptions(), today: session.today)
        case .newExpense:
            return EditorModel.expense(try database.expenseSource(by: session.actor), futureDays: try database.settings().moneyFutureDays, today: session.today)
        case .pickSupplier(let target):
            return EditorModel.pickSupplier(try database.supplierOptions(by: session.actor), then: target, today: session.today)
        case .newPurchaseOrder, .editPurchaseOrder, .cancelPurchaseOrder, .newGoodsReceipt, .pickPurchaseOrder, .filterStock, .reorder, .newSupplier, .editSupplier,
             .countStock, .transferStock, .newSupplierContact, .editSupplierContact:
            guard let model = try purchasingEditor(for: request, session: session) else { throw StoreError.notFound("form") }
            return model
        case .newPayment(let supplierId, let name):
            return EditorModel.payment(supplierId: supplierId, supplierName: name, openItems: try database.openPayables(supplierId: supplierId, by: session.actor),
                                       credit: try database.creditLeft(RecordRef(.supplier, supplierId), by: session.actor), futureDays: try database.settings().moneyFutureDays,
                                       today: session.today)
        case .newReceipt(let customerId, let name):
            return EditorModel.receipt(customerId: customerId, customerName: name, openItems: try database.openReceivables(customerId: customerId, by: session.actor),
                                       credit: try database.creditLeft(RecordRef(.customer, customerId), by: session.actor), futureDays: try database.settings().moneyFutureDays,
                                       today: session.today)
        case .editQuotas(let rep, let year, let name):
            return EditorModel.quotas(try database.quotaYear(rep: rep, year: year, by: session.actor), repName: name, today: session.today)
        case .pickLeavingRep:
            return EditorModel.pickLeavingRep(try database.users(), today: session.today)
        case .handover(let from):
            return EditorModel.handover(try database.handoverSource(from: from, by: session.actor), today: session.today)
        case .handoverSelection(let customers):
            return EditorModel.handover(try database.handoverSource(customers: customers, by: session.actor), today: session.today)
        case .newUser:
            guard session.actor.can(.manageUsers) else { throw StoreError.forbidden("only a manager adds users") }
            return EditorModel.newUser(today: session.today)
        case .editUser(let id):
            return EditorModel.editUser(try database.userForEdit(id: id, by: session.actor, today: session.today), today: session.today)
        case .changePassword:
            return EditorModel.changePassword(login: session.actor.login, required: session.mustChangePassword, today: session.today)
        case .editComplaint(let id):
            let c = try database.complaintForEdit(id: id, by: session.actor)
            return EditorModel.complaint(id: id, version: c.version, customer: c.customer, said: c.said, resolved: c.resolved, handler: c.handler, users: try database.users(),
                                         today: session.today)
        case .editSettings:
            guard session.actor.can(.editSettings) else { throw StoreError.forbidden("only a manager edits company settings") }
            return EditorModel.settings(try database.settings(), extras: try database.settingsExtras(by: session.actor, today: session.today), today: session.today)
        case .voidDocument(let ref, let number):
            try database.checkVoid(ref, by: session.actor)
            return EditorModel.void(ref, number: number, today: session.today)
        }
    }

    /// Runs the form's write command.
    func save(_ editor: EditorModel, acceptSimilar: Bool, session: Session) throws(StoreError) -> [AppModel.Action] {
        guard let command = editor.command else { return [] }
        return try command.run(on: database, WriteCommand.Context(actor: session.actor, today: session.today, now: clock.nowSeconds(), acceptSimilar: acceptSimilar))
    }
}

/// How a refused save shows on the form: a lost race keeps the input and takes the new version;
/// a rule broken names its field when it can.
enum EditorRequestFailure {
    static func action(for error: StoreError) -> EditorModel.Action {
        switch error {
        case .stale(_, let version):
            return .conflict(message: error.userMessage, version: version)
        case .invalid(let e):
            return .failed(field: e.field, message: e.userMessage)
        default:
            return .failed(field: nil, message: error.userMessage)
        }
    }
}
