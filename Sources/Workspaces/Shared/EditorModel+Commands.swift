import Domain
import Store

extension EditorModel {
    /// The write this form asks for when saved; nil for a form that writes nothing (filters).
    public var command: WriteCommand? {
        switch purpose {
        case .newQuote, .editQuote, .acceptQuote, .rejectQuote: quoteCommand
        case .newOrder, .editOrder, .cancelOrder: orderCommand
        case .newPurchaseOrder, .editPurchaseOrder, .cancelPurchaseOrder: purchaseOrderCommand
        case .newGoodsReceipt: goodsReceiptCommand
        case .countStock, .transferStock: stockMoveCommand
        case .editSettings: settingsCommand
        case .newUser, .editUser, .changePassword: userCommand
        case .editComplaint: complaintCommand
        case .editQuotas: quotasCommand
        case .handover, .handoverSelection: handoverCommand
        case .newSupplier, .editSupplier, .newSupplierContact, .editSupplierContact: supplierCommand
        case .newShipment, .newReceipt, .newPayment, .allocateCredit, .newExpense, .newExpenseCategory, .voidDocument: postingCommand
        case .filterCustomers, .pickCustomer, .filterOrders, .pickOrder, .pickSupplier, .pickPurchaseOrder, .filterStock, .reportPeriod, .pickLeavingRep: nil
        default: customerCommand
        }
    }

    /// Customers, claims, contacts, the contact log and opportunities.
    var customerCommand: WriteCommand? {
        switch purpose {
        case .logContact(let id):
            let entry = contactLogValue(customerId: id)
            return .saying("saved.contact-logged", subject) { (s, c) throws(StoreError) in try s.logContact(entry, by: c.actor, today: c.today, at: c.now) }
        case .postpone(let id):
            let date = FieldRule.date(value("next_contact_on"), today: form.today) ?? form.today
            return .saying("saved.postponed", date.iso) { (s, c) throws(StoreError) in try s.postponeContact(customerId: id, to: date, by: c.actor, today: c.today, at: c.now) }
        case .newCustomer:
            let customer = customerValue(id: nil, version: 1), name = value("name")
            return WriteCommand { (s, c) throws(StoreError) in
                switch try s.createCustomer(customer, by: c.actor, today: c.today, at: c.now, acceptSimilar: c.acceptSimilar) {
                case .saved: return [.saved(toastKey: "saved.customer", argument: name)]
                case .duplicates(let hints, let blocking): return [.editor(.duplicates(hints, blocking: blocking))]
                }
            }
        case .editCustomer(let id, let version):
            let customer = customerValue(id: id, version: version)
            return .saying("saved.customer", value("name")) { (s, c) throws(StoreError) in try s.updateCustomer(customer, by: c.actor, at: c.now) }
        case .newFeedback(let id):
            let feedback = feedbackValue(customerId: id)
            return .saying("saved.feedback", subject) { (s, c) throws(StoreError) in try s.saveFeedback(feedback, by: c.actor, today: c.today, at: c.now) }
        case .claim(let id):
            let reason = value("reason")
            return .saying("saved.claim", subject) { (s, c) throws(StoreError) in try s.fileClaim(customerId: id, reason: reason, by: c.actor, today: c.today, at: c.now) }
        case .newContact(let customer), .editContact(_, let customer, _):
            let contact = contactValue(id: purpose.recordId, customerId: customer, version: purpose.version)
            return .saying("saved.contact", value("name")) { (s, c) throws(StoreError) in try s.saveContact(contact, by: c.actor, today: c.today, at: c.now) }
        case .newOpportunity(let customer):
            let o = opportunityValue(id: nil, customerId: customer, version: 1)
            return .saying("saved.opportunity", value("title")) { (s, c) throws(StoreError) in try s.saveOpportunity(o, by: c.actor, today: c.today, at: c.now) }
        case .editOpportunity(let id, let version):
            let o = opportunityValue(id: id, customerId: 0, version: version)
            return .saying("saved.opportunity", value("title")) { (s, c) throws(StoreError) in
                var mine = o
                mine.customerId = try s.opportunityForEdit(id: id, by: c.actor).customerId
                try s.saveOpportunity(mine, by: c.actor, today: c.today, at: c.now)
            }
        default:
            return nil
        }
    }

    var quoteCommand: WriteCommand? {
        switch purpose {
        case .newQuote(let customer), .editQuote(_, let customer, _):
            let quote = quoteValue(id: purpose.recordId, customerId: customer, version: purpose.version), isNew = purpose.recordId == nil
            return WriteCommand { (s, c) throws(StoreError) in
                let saved = try s.saveQuote(quote, by: c.actor, today: c.today, at: c.now)
                return [.saved(toastKey: "saved.quote", argument: saved.number)] + (isNew ? [.open(RecordRef(.quote, saved.id))] : [])
            }
        case .acceptQuote(let id, let version):
            let order = FieldRule.date(value("order_date"), today: form.today) ?? form.today, due = FieldRule.date(value("due_date"), today: form.today) ?? form.today
            let note = value("note")
            return WriteCommand { (s, c) throws(StoreError) in
                let number = try s.acceptQuote(id: id, version: version, orderDate: order, dueDate: due, note: note, by: c.actor, today: c.today, at: c.now)
                return [.saved(toastKey: "saved.quote-accepted", argument: number)]
            }
        case .rejectQuote(let id):
            let reason = value("reason")
            return .saying("saved.quote-rejected", subject) { (s, c) throws(StoreError) in try s.setQuoteStatus(id: id, to: .rejected, reason: reason, by: c.actor, today: c.today, at: c.now) }
        default:
            return nil
        }
    }

    /// Posted documents: post a shipment or a receipt, void one.
    var postingCommand: WriteCommand? {
        switch purpose {
        case .newShipment(let orderId):
            let draft = shipmentDraft(orderId: orderId)
            return WriteCommand { (s, c) throws(StoreError) in
                let saved = try s.postShipment(draft, by: c.actor, today: c.today, at: c.now)
                return [.saved(toastKey: "saved.shipment", argument: saved.number)]
            }
        case .newReceipt(let customerId):
            let draft = receiptDraft(customerId: customerId)
            return WriteCommand { (s, c) throws(StoreError) in
                let saved = try s.postReceipt(draft, by: c.actor, today: c.today, at: c.now)
                return [.saved(toastKey: "saved.receipt", argument: saved.number), .open(RecordRef(.receipt, saved.id))]
            }
        case .newPayment(let supplierId):
            let draft = receiptDraft(customerId: supplierId)
            return WriteCommand { (s, c) throws(StoreError) in
                let saved = try s.postPayment(draft, by: c.actor, today: c.today, at: c.now)
                return [.saved(toastKey: "saved.payment", argument: saved.number), .open(RecordRef(.payment, saved.id))]
            }
        case .newExpense:
            let entry = expenseEntry()
            return WriteCommand { (s, c) throws(StoreError) in
                let saved = try s.postExpense(entry, by: c.actor, today: c.today, at: c.now)
                return [.saved(toastKey: "saved.expense", argument: saved.number), .open(RecordRef(.expense, saved.id))]
            }
        case .newExpenseCategory:
            let name = value("category")
            return .saying("saved.expense-category", name) { (s, c) throws(StoreError) in try s.addExpenseCategory(name, by: c.actor, at: c.now) }
        case .allocateCredit(let ref):
            let lines = (self.lines?.items ?? []).filter { $0.amount.minorUnits > 0 }.map { ReceiptDraft.ManualAllocation(itemId: $0.id, amount: $0.amount) }
            let day = FieldRule.date(value("date"), today: form.today) ?? form.today
            return .saying("saved.allocated", subject) { (s, c) throws(StoreError) in
                if ref.kind == .payment {
                    try s.allocatePrepayment(paymentId: ref.id, to: lines, on: day, by: c.actor, today: c.today, at: c.now)
                } else {
                    try s.allocateCredit(receiptId: ref.id, to: lines, on: day, by: c.actor, today: c.today, at: c.now)
                }
            }
        case .voidDocument(let ref, let number):
            let reason = value("reason")
            return .saying("saved.voided", number) { (s, c) throws(StoreError) in
                switch ref.kind {
                case .shipment: try s.voidShipment(id: ref.id, reason: reason, by: c.actor, today: c.today, at: c.now)
                case .receipt: try s.voidReceipt(id: ref.id, reason: reason, by: c.actor, at: c.now)
                case .payment: try s.voidPayment(id: ref.id, reason: reason, by: c.actor, at: c.now)
                case .expense: try s.voidExpense(id: ref.id, reason: reason, by: c.actor, at: c.now)
                case .goodsReceipt: try s.voidGoodsReceipt(id: ref.id, reason: reason, by: c.actor, today: c.today, at: c.now)
                default: throw StoreError.notFound("\(ref.kind.rawValue) \(ref.id)")
                }
            }
        default:
            return nil
        }
    }
}

extension EditorModel.Purpose {
    /// The stored record an edit changes (nil for a new one) and the version it was read at.
    var recordId: Int64? {
        switch self {
        case .editContact(let id, _, _), .editQuote(let id, _, _): id
        default: nil
        }
    }

    var version: Int64 {
        switch self {
        case .editContact(_, _, let v), .editQuote(_, _, let v): v
        default: 1
        }
    }
}
