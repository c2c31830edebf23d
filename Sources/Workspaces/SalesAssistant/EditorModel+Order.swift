import Domain
import Store

extension EditorModel {
    /// A sales order keyed in for a customer: order date today, delivery a week later, the
    /// customer's PO reference and a note; lines by product look-up, each price defaulting to
    /// what this customer last paid for the product (else the list price, and the form says
    /// which); the credit the order would take, against the limit, as lines are added.
    /// With `editing`, the open order read back: its values and lines, saved over it if nobody
    /// changed it meanwhile.
    public static func salesOrder(_ source: OrderEntrySource, products: [ProductOption], today: DateOnly, editing: OrderForEdit? = nil) -> EditorModel {
        let e = editing?.entry
        let purpose: Purpose = editing.map { .editOrder(id: $0.id, customerId: source.customerId, version: $0.version) } ?? .newOrder(customerId: source.customerId)
        var model = EditorModel(purpose: purpose, title: editing == nil ? "editor.new-order" : "editor.edit-order",
                                subject: (editing.map { $0.number + "  " } ?? "") + source.customerName, form: FormModel(fields: [
            .init("order_date", label: "field.order-date", rule: .pastDate(required: true), value: (e?.orderDate ?? today).iso),
            .init("due_date", label: "field.delivery-date", rule: .date(required: true), value: (e?.dueDate ?? today.adding(days: SalesOrderEntry.defaultDeliveryDays)).iso),
            .init("customer_po", label: "field.customer-po", rule: .text(required: false, max: 60), value: e?.customerPO ?? ""),
            .init("note", label: "field.note", rule: .text(required: false, max: 1000), value: e?.note ?? ""),
        ] + lineEntryFields(products), today: today))
        var lines = DocumentLines.free(products, dates: .init(from: "order_date", to: "due_date"))
        lines.lastPrices = source.lastPrices.mapValues { DocumentLines.LastPrice(price: $0.price, on: $0.on) }
        lines.credit = source.credit
        lines.append(e?.lines ?? [])
        model.lines = lines
        model.form.focus = 4
        return model
    }

    /// The order the form describes, for the Store to validate and save.
    public func orderValue(customerId: Int64) -> SalesOrderEntry {
        let po = value("customer_po").trimmingSpaces(), note = value("note").trimmingSpaces()
        return SalesOrderEntry(customerId: customerId, orderDate: FieldRule.date(value("order_date"), today: form.today) ?? form.today,
                               dueDate: FieldRule.date(value("due_date"), today: form.today) ?? form.today,
                               customerPO: po.isEmpty ? nil : po, note: note.isEmpty ? nil : note,
                               lines: (lines?.items ?? []).map { QuoteLine(productId: $0.productId ?? $0.id, quantity: $0.quantity, unitPrice: $0.unitPrice, discount: $0.discount) })
    }

    /// The credit the customer would use with this order (the lines so far and the one being typed).
    public var creditAfterOrder: CreditExposure? {
        guard let lines, let credit = lines.credit else { return nil }
        // A line taken back to change is out of the lines while it is typed: count it once, here.
        let typed = entryAmount ?? .zero
        return CreditExposure(openReceivables: credit.openReceivables, unshippedOrders: credit.unshippedOrders + lines.total + typed, limit: credit.limit)
    }

    var orderCommand: WriteCommand? {
        switch purpose {
        case .newOrder(let customer):
            let order = orderValue(customerId: customer)
            return WriteCommand { (s, c) throws(StoreError) in
                let saved = try s.saveSalesOrder(order, by: c.actor, today: c.today, at: c.now)
                return [.saved(toastKey: "saved.order", argument: saved.number), .open(RecordRef(.salesOrder, saved.id))]
            }
        case .editOrder(let id, let customer, let version):
            let order = orderValue(customerId: customer)
            return WriteCommand { (s, c) throws(StoreError) in
                [.saved(toastKey: "saved.order-updated", argument: try s.updateSalesOrder(id: id, version: version, order, by: c.actor, today: c.today, at: c.now))]
            }
        case .cancelOrder(let id):
            let reason = value("reason")
            return WriteCommand { (s, c) throws(StoreError) in
                [.saved(toastKey: "saved.order-cancelled", argument: try s.cancelSalesOrder(id: id, reason: reason, by: c.actor, at: c.now))]
            }
        default:
            return nil
        }
    }

    /// Cancelling an open order nothing was shipped from: why.
    public static func cancelOrder(id: Int64, number: String, today: DateOnly) -> EditorModel {
        EditorModel(purpose: .cancelOrder(id: id), title: "editor.cancel-order", subject: number, form: FormModel(fields: [
            .init("reason", label: "field.reason", rule: .text(required: true, max: 500)),
        ], today: today))
    }
}
