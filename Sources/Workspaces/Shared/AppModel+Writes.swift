import Domain
import Store

/// Forms and the writes on what is selected: a customer or a reminder about one, a card's row.
extension AppModel {
    /// Forms, follow-ups, new and edit, claims; nil when the action is another area's.
    mutating func handleWrites(_ action: Action, now: Int64) -> [Effect]? {
        switch action {
        case .editor(let a):
            return handleEditor(a)
        case .editorReady(let editor):
            if case .editor? = stack.last { stack[stack.count - 1] = .editor(editor) } else { stack.append(.editor(editor)) }
            // "… saved" belongs to the save before: on the next form it would read as this one's.
            if toast?.isError == false, toast?.undo == nil { toast = nil }
        case .saved(let key, let argument):
            if case .editor(let e)? = stack.last {
                stack.removeLast()
                if e.purpose == .changePassword { session?.mustChangePassword = false }
            }
            toast = ToastMessage(text: key, isError: false, until: now + 4, argument: argument)
            return refreshEffects()
        case .oneTimePassword(let login, let password):
            if case .editor? = stack.last { stack.removeLast() }
            overlay = .oneTimePassword(login: login, password: password)
            return refreshEffects()
        case .logContact:
            if let (id, name) = selectedCustomer(), can(.logContacts) { return [.openEditor(.logContact(customerId: id, name: name))] }
        case .postpone:
            if let (id, name) = selectedCustomer(), can(.logContacts) { return [.openEditor(.postpone(customerId: id, name: name))] }
        case .doneMarked(let undo):
            toast = ToastMessage(text: "saved.done-undo", isError: false, until: now + 6, argument: undo.name, undo: undo)
            return refreshEffects()
        case .undo:
            guard let undo = toast?.undo else { return [] }
            toast = nil
            return [.undoContactDone(undo)]
        case .markDone:
            if let (id, name) = selectedCustomer(), can(.logContacts) { return [.markContactDone(customerId: id, name: name)] }
        case .newRecord:
            return newRecordEffects()
        case .edit:
            if let id = selectedQuote(), can(.editQuotes) { return [.openEditor(.editQuote(id: id))] }
            // An opportunity on :opportunities, as on its customer's card.
            if let m = currentList, m.kind == .opportunities, let ref = m.selectedRef, can(.editQuotes) {
                return [.openEditor(.editOpportunity(id: ref.id, customerName: m.rows[m.selected].cells.count > 1 ? m.rows[m.selected].cells[1].plainText : ""))]
            }
            // `e` on a rep's row of :quotas keys their year (Enter opens their performance).
            if case .card(let m)? = current, m.ref.kind == .quotas, let ref = m.selectedRef, ref.kind == .performance, can(.viewAllKPIs) {
                return [.openEditor(.editQuotas(rep: ref.id, year: Int(m.ref.id), name: m.selectedCell("col.rep")?.plainText ?? ""))]
            }
            if case .card(let m)? = current, let ref = m.selectedRef {
                let effects = editEffects(ref, on: m)
                if !effects.isEmpty || m.ref.kind != .supplier { return effects }
            }
            if case .card(let m)? = current, m.ref.kind == .supplier, can(.editSuppliers) { return [.openEditor(.editSupplier(id: m.ref.id))] }
            if let (id, _) = selectedCustomer(), canEditCustomers { return [.openEditor(.editCustomer(id: id))] }
        case .sort:
            if currentList != nil { return updateList(nil) { $0.handle(.cycleSort) } }
            // A report's table: its next sort, the same period and rep.
            if case .card(let m)? = current, m.ref.kind == .report, let count = m.card?.sortCount, count > 1 {
                var view = ReportPeriod.view(m.ref.id)
                // Sorts named by columns: the next by a column of the tab in view (or the
                // report's own order); others (aging's buckets) in turn.
                let shown = Set(m.currentSection?.columns.map(\.key) ?? [])
                let keys = m.card?.sortKeys ?? []
                let byColumn = keys.contains { $0.map(shown.contains) ?? false }
                view.sort = (1...count).map { (view.sort + $0) % count }.first { !byColumn || (keys[$0].map(shown.contains) ?? true) } ?? 0
                return [.loadCardAt(RecordRef(.report, ReportPeriod.id(m.ref.id, view: view)), section: m.currentSection?.title ?? "")]
            }
        case .filter:
            if let m = currentList, m.kind == .customers { return [.openEditor(.filterCustomers(CustomerFilter(m.query)))] }
            if let m = currentList, m.kind == .orders { return [.openEditor(.filterOrders(m.query))] }
            if let m = currentList, m.kind == .stock { return [.openEditor(.filterStock(m.query))] }
            if case .card(let m)? = current, m.ref.kind == .report, ReportPeriod.steps(m.ref.id) {
                let section = m.currentSection?.title ?? ""
                // Narrowed by rep for those who see every rep's customers: the reps come from the Store.
                if ReportPeriod.byRep.contains(Report.names[ReportPeriod.report(m.ref.id)]), session?.actor.restrictedToOwnCustomers == false {
                    return [.openEditor(.reportView(m.ref.id, section: section))]
                }
                stack.append(.editor(.reportPeriod(m.ref.id, section: section, today: today)))
            }
        case .claimLoaded(let claim):
            overlay = .claimDecision(claim)
        case .decideClaim(let approve):
            guard case .claimDecision(let claim)? = overlay else { return [] }
            overlay = nil
            return [.decideClaim(id: claim.id, approve: approve, customer: claim.customerName)]
        default:
            return nil
        }
        return []
    }

    /// A form's action; what the form reports (close, save, claim) the shell carries out.
    mutating func handleEditor(_ a: EditorModel.Action) -> [Effect] {
        guard case .editor(var editor)? = stack.last else { return [] }
        let before = editor.form
        let outcome = editor.handle(a)
        stack[stack.count - 1] = .editor(editor)
        switch outcome {
        case .stay:
            return editor.remoteQuery(before: before).map { [$0] } ?? []
        case .close where editor.purpose == .changePassword && session?.mustChangePassword == true:
            self = AppModel(today: today)
            loginModel.message = LoginViewModel.Message(key: "login.password-not-set", isError: true)
        case .close: stack.removeLast()
        case .save where editor.purpose == .filterOrders:
            guard let (filter, labels) = editor.orderFilterValue() else { stack[stack.count - 1] = .editor(editor); return [] }
            stack.removeLast()
            return updateList(.orders) { $0.handle(.setFilter(filter, labels: labels)) }
        case .save where editor.purpose == .filterStock:
            let (filter, labels) = editor.stockFilterValue()
            stack.removeLast()
            return updateList(.stock) { $0.handle(.setFilter(filter, labels: labels)) }
        case .save where editor.purpose.isReportPeriod:
            guard let ref = editor.reportPeriodRef() else { stack[stack.count - 1] = .editor(editor); return [] }
            stack.removeLast()
            if case .reportPeriod(_, let section) = editor.purpose { return [.loadCardAt(ref, section: section)] }
            return []
        case .save where editor.isPicker:
            // The form the pick leads to takes the picker's place.
            editor.saving = false
            stack[stack.count - 1] = .editor(editor)
            return editor.pickedRequest.map { [.openEditor($0)] } ?? []
        case .save where editor.purpose == .filterCustomers:
            stack.removeLast()
            return updateList(.customers) { $0.handle(.setFilter(editor.filterValue.listFilter)) }
        case .save(let acceptSimilar): return [.saveEditor(editor, acceptSimilar: acceptSimilar)]
        case .claim(let hint) where hint.ownerId == session?.actor.userId:
            editor.notice = EditorModel.Notice(key: "duplicate.yours", argument: hint.name, isError: true)
            stack[stack.count - 1] = .editor(editor)
        case .claim(let hint): stack[stack.count - 1] = .editor(EditorModel.claim(hint, today: today))
        }
        return []
    }

    /// `a`: on a customer card's tab, what that tab lists; on the home or the list, a customer.
    mutating func newRecordEffects() -> [Effect] {
        if case .card(let m)? = current, m.ref.kind == .users, can(.manageUsers) { return [.openEditor(.newUser)] }
        if case .card(let m)? = current, m.ref.kind == .receipt || m.ref.kind == .payment, can(m.ref.kind == .payment ? .postPayments : .postReceipts) {
            return [.openEditor(.allocateCredit(m.ref))]
        }
        if case .card(let m)? = current, m.ref.kind == .supplier, let title = m.card?.title, can(.postPayments),
           ["section.payments", "section.payables"].contains(m.currentSection?.title) {
            return [.openEditor(.newPayment(supplierId: m.ref.id, name: title))]
        }
        if case .card(let m)? = current, m.ref.kind == .supplier, let title = m.card?.title, m.currentSection?.title == "section.contacts" {
            return can(.editSuppliers) ? [.openEditor(.newSupplierContact(supplierId: m.ref.id, name: title))] : []
        }
        if case .card(let m)? = current, m.ref.kind == .supplier, let title = m.card?.title, can(.editPurchaseOrders) {
            return [.openEditor(.newPurchaseOrder(supplierId: m.ref.id, name: title))]
        }
        if currentList?.kind == .suppliers, can(.editSuppliers) { return [.openEditor(.newSupplier)] }
        if currentList?.kind == .purchaseOrders, can(.editPurchaseOrders) { return [.openEditor(.pickSupplier(then: .purchaseOrder))] }
        if let m = currentList, m.kind == .stock, can(.editPurchaseOrders), let ref = m.selectedRef {
            return [.openEditor(.reorder(productId: ref.id, warehouseId: Int64(m.query.filter("warehouse"))))]
        }
        if case .card(let m)? = current, m.ref.kind == .customer, let title = m.card?.title {
            switch m.currentSection?.title {
            case "section.contacts"? where canEditCustomers: return [.openEditor(.newContact(customerId: m.ref.id, name: title))]
            case "section.opportunities"? where can(.editQuotes): return [.openEditor(.newOpportunity(customerId: m.ref.id, name: title))]
            case "section.contact-log"? where can(.logContacts): return [.openEditor(.logContact(customerId: m.ref.id, name: title))]
            case "section.quotes"? where can(.editQuotes): return [.openEditor(.newQuote(customerId: m.ref.id, name: title))]
            case "section.orders"? where can(.editSalesOrders): return [.openEditor(.newOrder(customerId: m.ref.id, name: title))]
            case "section.receipts"? where can(.postReceipts): return [.openEditor(.newReceipt(customerId: m.ref.id, name: title))]
            case "section.feedback"? where can(.logContacts): return [.openEditor(.newFeedback(customerId: m.ref.id, name: title))]
            default: return []
            }
        }
        if currentList?.kind == .orders || currentList?.kind == .openOrders, can(.editSalesOrders) {
            stack.append(.editor(.pickCustomer(for: .order, today: today)))
            return []
        }
        if currentList?.kind == .customers || current == .home, canEditCustomers {
            return [.openEditor(.newCustomer(name: currentList?.search ?? ""))]
        }
        return []
    }

    /// Contacts and opportunities open in their form; other rows have no form here.
    func editEffects(_ ref: RecordRef, on m: CardViewModel) -> [Effect] {
        if m.ref.kind == .users, ref.kind == .user, can(.manageUsers) { return [.openEditor(.editUser(id: ref.id))] }
        if m.ref.kind == .report, ref.kind == .feedback, can(.viewAllKPIs) { return [.openEditor(.editComplaint(id: ref.id))] }
        if m.ref.kind == .supplier, ref.kind == .supplierContact, let supplierName = m.card?.title, can(.editSuppliers) {
            return [.openEditor(.editSupplierContact(id: ref.id, supplierName: supplierName))]
        }
        // Only on the customer's own card: its title is the customer's name the form shows.
        guard m.ref.kind == .customer, let customerName = m.card?.title else { return [] }
        switch ref.kind {
        case .contact where canEditCustomers: return [.openEditor(.editContact(id: ref.id, customerName: customerName))]
        case .opportunity where can(.editQuotes): return [.openEditor(.editOpportunity(id: ref.id, customerName: customerName))]
        default: return []
        }
    }

    /// The customer the user is pointing at: the selected reminder (if it is about a customer),
    /// the selected row of the customer list, or the open customer card.
    public func selectedCustomer() -> (Int64, String)? {
        switch current {
        case .home?:
            guard let item = home.selectedItem, item.record.kind == .customer else { return nil }
            return (item.record.id, item.title)
        case .list(let m)?:
            guard m.kind == .customers, let ref = m.selectedRef else { return nil }
            return (ref.id, m.rows[m.selected].cells.count > 1 ? m.rows[m.selected].cells[1].plainText : "")
        case .card(let m)?:
            guard m.ref.kind == .customer else { return nil }
            return (m.ref.id, m.card?.title ?? "")
        default:
            return nil
        }
    }
}
